/**
 * Two units in one install: unit A (the one the first start made, whose accounts the test helper signs in) must
 * not reach unit B's registers or accounts by id, must not see them in any list, and must not be able to hang
 * its own rows on B's (an area under B's group, a goal in B's framework, an account recording work as B's
 * staff). B is written straight into the database with drizzle, not through the code under test, and its rows
 * are compared before and after everything A tried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { UnitRoleName as Role } from '@fou/domain';
import * as t from '../src/db/schema.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

const api = '/api/v1';
let app: TestApp;

interface UnitB {
  unit: number; municipality: number; group: number; child: number; framework: number; goal: number;
  type: number; assignment: number; staff: number; user: number;
}
let b: UnitB;

function insertUnitB(a: TestApp): UnitB {
  const db = a.app.db;
  const unit = db.insert(t.units).values({ code: 'sodertorn', name: 'FoU Södertörn' }).returning().get().id;
  // Codes and keys deliberately the same as unit A's where A has them: they are unique per unit only.
  const municipality = db.insert(t.municipalities).values({ unitId: unit, code: 'botkyrka', name: 'Botkyrka', sortOrder: 1 }).returning().get().id;
  db.insert(t.municipalityYears).values({ municipalityId: municipality, year: 2019, population: 94_000, feeSek: 1_234_567 }).run();
  const group = db.insert(t.areas).values({ unitId: unit, code: 'vuxen', name: 'Vuxna i Södertörn', sortOrder: 1 }).returning().get().id;
  const child = db.insert(t.areas).values({ unitId: unit, code: 'missbruk', name: 'Missbruk i Södertörn', parentId: group, sortOrder: 1 }).returning().get().id;
  const framework = db.insert(t.goalFrameworks).values({ unitId: unit, code: 'vp2018', name: 'Södertörns plan', validFrom: '2018-01-01', validTo: null }).returning().get().id;
  const goal = db.insert(t.goals).values({ frameworkId: framework, key: 'spridning', name: 'Sprida i Södertörn', sortOrder: 1 }).returning().get().id;
  db.insert(t.goalNameHistory).values({ goalId: goal, name: 'Södertörns gamla mål', replacedOn: '2019-01-01' }).run();
  const type = db.insert(t.activityTypes).values({ unitId: unit, name: 'Södertörnsseminarium', sortOrder: 1 }).returning().get().id;
  const assignment = db.insert(t.assignments).values({ unitId: unit, title: 'Södertörnsuppdraget' }).returning().get().id;
  const staff = db.insert(t.staff).values({ unitId: unit, name: 'Berit Södertörn', title: 'Utredare' }).returning().get().id;
  const user = db.insert(t.users).values({
    unitId: unit, username: 'sodertorn-admin', displayName: 'Södertörns admin', passwordHash: 'not-a-real-hash', role: 'admin', staffId: staff,
  }).returning().get().id;
  db.insert(t.sessions).values({ id: 'b-session-hash', userId: user, csrfToken: 'b-csrf', createdAt: '2099-01-01T00:00:00.000Z', expiresAt: '2099-01-02T00:00:00.000Z' }).run();
  return { unit, municipality, group, child, framework, goal, type, assignment, staff, user };
}

/** Every row of unit B in every table it has rows in, read with drizzle. */
function rowsOfB(a: TestApp) {
  const db = a.app.db;
  const municipalities = db.select().from(t.municipalities).where(eq(t.municipalities.unitId, b.unit)).all();
  const frameworks = db.select().from(t.goalFrameworks).where(eq(t.goalFrameworks.unitId, b.unit)).all();
  const goals = db.select().from(t.goals).where(inArray(t.goals.frameworkId, frameworks.map((f) => f.id))).all();
  const users = db.select().from(t.users).where(eq(t.users.unitId, b.unit)).all();
  return {
    unit: db.select().from(t.units).where(eq(t.units.id, b.unit)).all(),
    municipalities,
    municipalityYears: db.select().from(t.municipalityYears).where(inArray(t.municipalityYears.municipalityId, municipalities.map((m) => m.id))).all(),
    areas: db.select().from(t.areas).where(eq(t.areas.unitId, b.unit)).all(),
    frameworks,
    goals,
    goalNameHistory: db.select().from(t.goalNameHistory).where(inArray(t.goalNameHistory.goalId, goals.map((g) => g.id))).all(),
    activityTypes: db.select().from(t.activityTypes).where(eq(t.activityTypes.unitId, b.unit)).all(),
    assignments: db.select().from(t.assignments).where(eq(t.assignments.unitId, b.unit)).all(),
    staff: db.select().from(t.staff).where(eq(t.staff.unitId, b.unit)).all(),
    users,
    sessions: db.select().from(t.sessions).where(inArray(t.sessions.userId, users.map((u) => u.id))).all(),
    audit: db.select().from(t.auditLog).where(eq(t.auditLog.unitId, b.unit)).all(),
  };
}

let before: ReturnType<typeof rowsOfB>;
beforeAll(async () => {
  app = await makeTestApp();
  b = insertUnitB(app);
  before = rowsOfB(app);
  // Sanity: B has a row in every register, so "unchanged" below compares something.
  for (const [table, rows] of Object.entries(before)) if (table !== 'audit') expect(rows.length, table).toBeGreaterThan(0);
});
afterAll(async () => { await app.close(); });

type Method = 'get' | 'patch' | 'put' | 'post';
interface Probe { method: Method; path: () => string; body?: Record<string, unknown>; expected: Record<Role, number> }

// Written out per role: reference writes are the chief's (admin, rad and medarbetare are refused by role before
// any lookup), accounts are the chief's and the admin's, reads are everyone's. Never 200 and never B's data.
const chefWrites = { chef: 404, admin: 403, rad: 403, medarbetare: 403 } as const;
const accountWrites = { chef: 404, admin: 404, rad: 403, medarbetare: 403 } as const;
const everyoneReads = { chef: 404, admin: 404, rad: 404, medarbetare: 404 } as const;

const probes: Probe[] = [
  { method: 'patch', path: () => `/municipalities/${b.municipality}`, body: { name: 'Kapad kommun', active: false }, expected: chefWrites },
  { method: 'put', path: () => `/municipalities/${b.municipality}/years/2019`, body: { population: 1, feeSek: 1 }, expected: chefWrites },
  { method: 'put', path: () => `/municipalities/${b.municipality}/years/2030`, body: { population: 1, feeSek: 1 }, expected: chefWrites },
  { method: 'patch', path: () => `/areas/${b.group}`, body: { name: 'Kapat område' }, expected: chefWrites },
  { method: 'patch', path: () => `/areas/${b.child}`, body: { name: 'Kapat underområde', active: false }, expected: chefWrites },
  { method: 'patch', path: () => `/goal-frameworks/${b.framework}`, body: { name: 'Kapat ramverk', validTo: '2018-12-31' }, expected: chefWrites },
  { method: 'post', path: () => `/goal-frameworks/${b.framework}/goals`, body: { key: 'inplanterat', name: 'Inplanterat mål' }, expected: chefWrites },
  { method: 'patch', path: () => `/goals/${b.goal}`, body: { name: 'Kapat mål', shortName: 'Kapat' }, expected: chefWrites },
  { method: 'get', path: () => `/goals/${b.goal}/names`, expected: everyoneReads },
  { method: 'patch', path: () => `/activity-types/${b.type}`, body: { name: 'Kapad typ' }, expected: chefWrites },
  { method: 'patch', path: () => `/assignments/${b.assignment}`, body: { title: 'Kapat uppdrag', endYear: 2020 }, expected: chefWrites },
  { method: 'patch', path: () => `/staff/${b.staff}`, body: { name: 'Kapad medarbetare', active: false }, expected: chefWrites },
  { method: 'patch', path: () => `/users/${b.user}`, body: { displayName: 'Kapat konto', role: 'rad' }, expected: accountWrites },
  { method: 'patch', path: () => `/users/${b.user}`, body: { active: false }, expected: accountWrites },
  { method: 'patch', path: () => `/users/${b.user}`, body: { password: 'Ett helt nytt lösenord för Södertörn 42' }, expected: accountWrites },
];

const ROLES: Role[] = ['chef', 'admin', 'rad', 'medarbetare'];

describe("unit A asking for unit B's register rows and accounts by id", () => {
  for (const role of ROLES) {
    it(`answers ${role} as written out, never with B's data`, async () => {
      const agent = await app.as(role);
      const got: string[] = [];
      const want: string[] = [];
      for (const p of probes) {
        const req = agent[p.method](`${api}${p.path()}`);
        const res = p.body ? await req.send(p.body) : await req;
        got.push(`${p.method.toUpperCase()} ${p.path()} → ${res.status}`);
        want.push(`${p.method.toUpperCase()} ${p.path()} → ${p.expected[role]}`);
        expect(JSON.stringify(res.body)).not.toMatch(/Södertörn|sodertorn/);
      }
      expect(got).toEqual(want);
    });
  }
});

describe("unit B's rows in unit A's lists", () => {
  const idsOf = (list: { id: number }[]) => list.map((x) => x.id);

  for (const role of ['chef', 'admin'] as const) {
    it(`never appear for ${role}, in the lists or in GET /reference`, async () => {
      const agent = await app.as(role);
      const bundle = (await agent.get(`${api}/reference`).expect(200)).body;
      expect(bundle.unit.id).toBe(app.unitId);
      const lists = {
        municipalities: (await agent.get(`${api}/municipalities`).expect(200)).body,
        areas: (await agent.get(`${api}/areas`).expect(200)).body,
        goalFrameworks: (await agent.get(`${api}/goal-frameworks`).expect(200)).body,
        activityTypes: (await agent.get(`${api}/activity-types`).expect(200)).body,
        assignments: (await agent.get(`${api}/assignments`).expect(200)).body,
        staff: (await agent.get(`${api}/staff`).expect(200)).body,
      };
      for (const source of [lists, bundle]) {
        expect(idsOf(source.municipalities)).not.toContain(b.municipality);
        expect(idsOf(source.areas)).not.toContain(b.group);
        expect(idsOf(source.areas)).not.toContain(b.child);
        expect(idsOf(source.goalFrameworks)).not.toContain(b.framework);
        const goals = (source.goalFrameworks as { goals: { id: number; frameworkId: number }[] }[]).flatMap((f) => f.goals);
        expect(idsOf(goals)).not.toContain(b.goal);
        expect(goals.map((g) => g.frameworkId)).not.toContain(b.framework);
        expect(idsOf(source.activityTypes)).not.toContain(b.type);
        expect(idsOf(source.assignments)).not.toContain(b.assignment);
        expect(idsOf(source.staff)).not.toContain(b.staff);
        // B's year figures are nowhere in A's municipalities.
        const years = (source.municipalities as { years: { year: number; population: number | null; feeSek: number | null }[] }[]).flatMap((m) => m.years);
        expect(years).not.toContainEqual({ year: 2019, population: 94_000, feeSek: 1_234_567 });
        expect(JSON.stringify(source)).not.toMatch(/Södertörn|sodertorn/);
      }
      // A has its seeded registers: the lists above are not empty by accident.
      expect(lists.municipalities).toHaveLength(8);
      expect(lists.areas).toHaveLength(6);

      const users = (await agent.get(`${api}/users`).expect(200)).body as { id: number; username: string }[];
      expect(idsOf(users)).not.toContain(b.user);
      expect(users.map((u) => u.username)).not.toContain('sodertorn-admin');
      expect(users.length).toBeGreaterThan(0);
    });
  }
});

describe("unit A hanging its own rows on unit B's", () => {
  it('refuses an area under B’s group as an unknown parent (400 on parentId)', async () => {
    for (const parentId of [b.group, b.child]) {
      const res = await app.http.post(`${api}/areas`).send({ code: `under-b-${parentId}`, name: `Under B ${parentId}`, parentId }).expect(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'parentId', code: 'unknown_area' })]);
    }
  });

  it('refuses a goal in B’s framework (404) and a framework change by B’s id', async () => {
    await app.http.post(`${api}/goal-frameworks/${b.framework}/goals`).send({ key: 'kunskapsutveckling', name: 'Kunskap' }).expect(404);
  });

  it('refuses an account that records work as B’s staff member (400 on staffId)', async () => {
    const admin = await app.as('admin');
    const res = await admin.post(`${api}/users`).send({ username: 'a-med-b-staff', displayName: 'Fel medarbetare', role: 'medarbetare', staffId: b.staff, password: 'Ett långt lösenord för A 2024' }).expect(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'staffId', code: 'unknown_staff' })]);
    const own = (await app.as('chef')).get(`${api}/users`);
    expect(((await own).body as { username: string }[]).map((u) => u.username)).not.toContain('a-med-b-staff');
    // Nor can an existing account of A be pointed at B's staff member.
    const chefId = ((await admin.get(`${api}/users`).expect(200)).body as { id: number; role: string }[]).find((u) => u.role === 'chef')!.id;
    const patch = await admin.patch(`${api}/users/${chefId}`).send({ staffId: b.staff }).expect(400);
    expect(patch.body.fields).toEqual([expect.objectContaining({ field: 'staffId', code: 'unknown_staff' })]);
  });

  it('answers a username taken in B with the same 409 as one taken in A, naming no unit', async () => {
    const admin = await app.as('admin');
    const inB = await admin.post(`${api}/users`).send({ username: 'sodertorn-admin', displayName: 'Krock', role: 'rad', password: 'Ett långt lösenord för A 2024' }).expect(409);
    const aName = ((await admin.get(`${api}/users`).expect(200)).body as { username: string }[])[0]!.username;
    const inA = await admin.post(`${api}/users`).send({ username: aName, displayName: 'Krock', role: 'rad', password: 'Ett långt lösenord för A 2024' }).expect(409);
    expect(inB.body).toMatchObject({ statusCode: 409, code: 'already_exists', message: 'Användarnamnet sodertorn-admin är upptaget.' });
    expect(inA.body).toMatchObject({ statusCode: 409, code: 'already_exists', message: `Användarnamnet ${aName} är upptaget.` });
    expect(Object.keys(inB.body).sort()).toEqual(Object.keys(inA.body).sort());
  });

  it('lets A use codes and names B has: they are unique per unit', async () => {
    await app.http.post(`${api}/municipalities`).send({ code: 'botkyrka', name: 'Botkyrka', sortOrder: 9 }).expect(201);
    await app.http.post(`${api}/activity-types`).send({ name: 'Södertörnsseminarium' }).expect(201);
    await app.http.post(`${api}/assignments`).send({ title: 'Södertörnsuppdraget' }).expect(201);
  });
});

describe('unit B afterwards', () => {
  it('has every row exactly as before', () => {
    expect(rowsOfB(app)).toEqual(before);
  });
});
