/**
 * Two units in one install: unit A (the one the first start made, used through the API) and unit B, written
 * straight into the database here, with its own framework, area, type, assignment, plan item, municipality,
 * staff, activity, audit row and locked year. A's chief must not be able to read, change, delete, list, count,
 * filter by, point at or lock anything of B's, and B must come out of it exactly as it went in.
 */
import { eq, inArray } from 'drizzle-orm';
import supertest from 'supertest';
import { UnitScope } from '../src/db/unit-scope.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../src/db/schema.ts';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/session.service.ts';
import { createUser } from '../src/modules/users/user.service.ts';
import { fieldsOf, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';
import { makeTestApp, TEST_PASSWORD, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
let r: Refs;
/** Unit B's ids, all made below without going through the code under test. */
let b: { unit: number; framework: number; goal: number; area: number; type: number; assignment: number; planItem: number; municipality: number; staff: number; activity: number };
let bChief: ReturnType<typeof supertest.agent>;

/** Everything of unit B's that an A request could touch, as stored. */
function snapshotOfB() {
  const db = t.app.db;
  const activityIds = db.select({ id: s.activities.id }).from(s.activities).where(eq(s.activities.unitId, b.unit)).all().map((x) => x.id);
  return {
    activities: db.select().from(s.activities).where(eq(s.activities.unitId, b.unit)).all(),
    municipalityLinks: db.select().from(s.activityMunicipalities).where(inArray(s.activityMunicipalities.activityId, activityIds)).all(),
    staffLinks: db.select().from(s.activityStaff).where(inArray(s.activityStaff.activityId, activityIds)).all(),
    locks: db.select().from(s.periodLocks).where(eq(s.periodLocks.unitId, b.unit)).all(),
    audit: db.select().from(s.auditLog).where(eq(s.auditLog.unitId, b.unit)).all(),
    warnings: db.select().from(s.textWarningOverrides).where(eq(s.textWarningOverrides.unitId, b.unit)).all(),
    planItems: db.select().from(s.planItems).where(eq(s.planItems.unitId, b.unit)).all(),
  };
}
let before: ReturnType<typeof snapshotOfB>;

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  const db = t.app.db;
  const unit = db.insert(s.units).values({ code: 'sodertorn', name: 'FoU Södertörn' }).returning().get().id;
  // The same codes and key as unit A's, so a filter by code that forgot the unit would find B's rows too.
  const framework = db.insert(s.goalFrameworks).values({ unitId: unit, code: 'vp2018', name: 'VP Södertörn', validFrom: '2017-01-01', validTo: null }).returning().get().id;
  const goal = db.insert(s.goals).values({ frameworkId: framework, key: 'spridning', name: 'Spridning i Södertörn' }).returning().get().id;
  const area = db.insert(s.areas).values({ unitId: unit, code: 'bou', name: 'Barn och unga (Södertörn)' }).returning().get().id;
  const type = db.insert(s.activityTypes).values({ unitId: unit, name: 'Seminarium i Södertörn' }).returning().get().id;
  const assignment = db.insert(s.assignments).values({ unitId: unit, title: 'Södertörns uppdrag' }).returning().get().id;
  const planItem = db.insert(s.planItems).values({ unitId: unit, year: 2018, title: 'Södertörns punkt', goalId: goal, areaId: area }).returning().get().id;
  const municipality = db.insert(s.municipalities).values({ unitId: unit, code: 'botkyrka', name: 'Botkyrka' }).returning().get().id;
  const staff = db.insert(s.staff).values({ unitId: unit, name: 'Bodil Södertörn' }).returning().get().id;
  const activity = db.insert(s.activities).values({
    unitId: unit, date: '2018-03-14', year: 2018, title: 'Södertörns seminarium', goalId: goal, areaId: area, typeId: type,
    format: 'fysiskt', assignmentId: assignment, planItemId: planItem,
  }).returning().get().id;
  db.insert(s.activityMunicipalities).values({ activityId: activity, municipalityId: municipality }).run();
  db.insert(s.activityStaff).values({ activityId: activity, staffId: staff }).run();
  db.insert(s.auditLog).values({ unitId: unit, actor: 'system', action: 'create', entity: 'activity', entityId: activity, after: { title: 'Södertörns seminarium' } }).run();
  db.insert(s.periodLocks).values({ unitId: unit, year: 2019 }).run();
  b = { unit, framework, goal, area, type, assignment, planItem, municipality, staff, activity };

  const user = await createUser(new UnitScope(db, unit), { kind: 'anonymous' }, {
    username: 'sodertorn-chef', displayName: 'Chef i Södertörn', role: 'chef', staffId: null, password: TEST_PASSWORD,
  }, false);
  const { token, csrfToken } = createSession(t.app.sessions, user.id);
  bChief = supertest.agent(t.app.server).set('Cookie', `${SESSION_COOKIE}=${token}`).set('x-csrf-token', csrfToken);
  before = snapshotOfB();
});
afterAll(async () => { await t.close(); });

describe("unit A's chief and unit B's activity", () => {
  it('gets 404 reading, changing, deleting it and reading its trail', async () => {
    // B's own chief reaches all of it: the 404s below are about the unit, not about the id.
    expect((await bChief.get(`/api/v1/activities/${b.activity}`).expect(200)).body.title).toBe('Södertörns seminarium');
    expect((await bChief.get(`/api/v1/activities/${b.activity}/audit`).expect(200)).body.items).toHaveLength(1);

    await t.http.get(`/api/v1/activities/${b.activity}`).expect(404);
    await t.http.get(`/api/v1/activities/${b.activity}/audit`).expect(404);
    await t.http.put(`/api/v1/activities/${b.activity}`).send({ ...validBody(r), version: 1 }).expect(404);
    await t.http.delete(`/api/v1/activities/${b.activity}`).expect(404);
    await t.http.delete(`/api/v1/activities/${b.activity}`).query({ version: 1 }).expect(404);
  });

  it('never sees it in the list, its count, its filters or the goal suggestions', async () => {
    const own = (await t.http.post('/api/v1/activities').send(validBody(r, { title: 'Nordvästs seminarium' })).expect(201)).body;
    const ownCount = await t.app.db.$count(s.activities, eq(s.activities.unitId, t.unitId));
    expect(ownCount).toBe(1);

    const all = (await t.http.get('/api/v1/activities').query({ limit: 200, withTotal: 'true' }).expect(200)).body;
    expect(all.items.map((x: { id: number }) => x.id)).toEqual([own.id]);
    expect(all.total).toBe(1);
    // B's codes are A's codes: the filters must resolve them in A.
    for (const query of [{ goal: 'spridning' }, { area: 'bou' }, { q: 'seminarium' }, { from: '2018-01-01', to: '2018-12-31' }]) {
      const page = (await t.http.get('/api/v1/activities').query({ ...query, withTotal: 'true' }).expect(200)).body;
      expect(page.items.map((x: { id: number }) => x.id), JSON.stringify(query)).toEqual([own.id]);
      expect(page.total).toBe(1);
    }
    // Walking on from a cursor at B's activity (same date, higher id) still finds nothing of B's.
    const cursor = Buffer.from(JSON.stringify(['2018-03-14', 0])).toString('base64url');
    const after = (await t.http.get('/api/v1/activities').query({ cursor }).expect(200)).body;
    expect(after.items.map((x: { id: number }) => x.id)).toEqual([own.id]);

    const suggestions = (await t.http.get('/api/v1/activities/goal-suggestions').expect(200)).body;
    expect(suggestions).toEqual({ basedOn: 1, items: [{ typeId: r.types[0], goalKey: 'spridning', count: 1 }] });
    expect((await bChief.get('/api/v1/activities/goal-suggestions').expect(200)).body)
      .toEqual({ basedOn: 1, items: [{ typeId: b.type, goalKey: 'spridning', count: 1 }] });
  });

  it("is refused filtering the list by B's ids and codes (400 naming the filter)", async () => {
    const cases: [Record<string, string | number>, string][] = [
      [{ municipality: 'botkyrka' }, 'municipality'],
      [{ staff: b.staff }, 'staff'],
      [{ type: b.type }, 'type'],
      [{ assignment: b.assignment }, 'assignment'],
      [{ planItem: b.planItem }, 'planItem'],
    ];
    for (const [query, field] of cases) {
      const res = await t.http.get('/api/v1/activities').query(query).expect(400);
      expect(fieldsOf(res.body)).toEqual([field]);
    }
  });

  it("cannot record or change an activity pointing at B's goal, area, type, assignment, plan item, municipality or staff", async () => {
    const foreign = {
      goalId: b.goal, areaId: b.area, typeId: b.type, assignmentId: b.assignment, planItemId: b.planItem,
      municipalityIds: [b.municipality], staffIds: [b.staff],
    };
    const expected = ['goalId', 'areaId', 'typeId', 'assignmentId', 'planItemId', 'municipalityIds.0', 'staffIds.0'];
    const created = await t.http.post('/api/v1/activities').send(validBody(r, foreign)).expect(400);
    expect(fieldsOf(created.body)).toEqual(expected);
    // One at a time too: each field is refused on its own, with the unknown-id code.
    for (const [key, value] of Object.entries(foreign)) {
      const res = await t.http.post('/api/v1/activities').send(validBody(r, { [key]: value })).expect(400);
      const field = Array.isArray(value) ? `${key}.0` : key;
      expect(res.body.fields).toEqual([expect.objectContaining({ field, code: expect.stringMatching(/^unknown_/) })]);
    }
    const own = (await t.http.post('/api/v1/activities').send(validBody(r)).expect(201)).body;
    const changed = await t.http.put(`/api/v1/activities/${own.id}`).send({ ...validBody(r, foreign), version: 1 }).expect(400);
    expect(fieldsOf(changed.body)).toEqual(expected);
    expect((await t.http.get(`/api/v1/activities/${own.id}`).expect(200)).body.version).toBe(1);
  });

  it("is not locked by B's locked year, and cannot unlock it", async () => {
    expect((await t.http.get('/api/v1/period-locks').expect(200)).body).toEqual([]);
    await t.http.post('/api/v1/activities').send(validBody(r, { date: '2019-05-02' })).expect(201);
    await t.http.delete('/api/v1/period-locks/2019').expect(404);
    // B's lock still holds for B.
    expect((await bChief.get('/api/v1/period-locks').expect(200)).body.map((l: { year: number }) => l.year)).toEqual([2019]);
  });

  it('leaves every row of B as it was', () => {
    expect(snapshotOfB()).toEqual(before);
  });
});

describe("unit B's chief and unit A's lock", () => {
  it("is not locked by A's locked year, and A's lock stays A's", async () => {
    await t.http.put('/api/v1/period-locks/2020').expect(200);
    const body = {
      date: '2020-02-03', title: 'Södertörns nätverksträff', goalId: b.goal, areaId: b.area, typeId: b.type, format: 'digitalt',
      municipalityIds: [b.municipality], staffIds: [b.staff],
    };
    await bChief.post('/api/v1/activities').send(body).expect(201);
    // B's own lock refuses B.
    await bChief.post('/api/v1/activities').send({ ...body, date: '2019-02-03' }).expect(409);
    expect((await bChief.get('/api/v1/period-locks').expect(200)).body.map((l: { year: number }) => l.year)).toEqual([2019]);
    expect((await t.http.get('/api/v1/period-locks').expect(200)).body.map((l: { year: number }) => l.year)).toEqual([2020]);
  });
});
