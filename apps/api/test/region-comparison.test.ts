/**
 * The regional comparison over three units written straight into the database (each with its own framework,
 * goals, areas, type, municipalities, staff and activities; the count tables follow by their triggers). The
 * expected figures are counted here from the rows as inserted, never by the code under test.
 */
import ExcelJS from 'exceljs';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '../src/db/schema.ts';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/session.service.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
type Agent = ReturnType<typeof supertest.agent>;

interface Act { unit: string; year: number; goal: string; area: string; participants: number | null; munis: string[]; title: string }
interface UnitDef {
  code: string; name: string; shortName: string; county: string | null; shares: boolean;
  goals: string[]; munis: { code: string; active: boolean }[];
}

const STHLM = 'Stockholms län';
const UNITS: UnitDef[] = [
  { code: 'alfa', name: 'FoU Alfa', shortName: 'Alfa', county: STHLM, shares: true, goals: ['kunskap', 'spridning'], munis: [{ code: 'a1', active: true }, { code: 'a2', active: true }, { code: 'a3', active: false }, { code: 'a4', active: true }] },
  { code: 'beta', name: 'FoU Beta', shortName: 'Beta', county: STHLM, shares: false, goals: ['kunskap', 'spridning'], munis: [{ code: 'b1', active: true }] },
  { code: 'gamma', name: 'FoU Gamma', shortName: 'Gamma', county: STHLM, shares: true, goals: ['kunskap', 'spridning', 'samverkan'], munis: [{ code: 'g1', active: true }, { code: 'g2', active: true }] },
];
// Areas per unit: a group with a child (ifo > missbruk) and a group without children (bou).
const AREAS = ['missbruk', 'bou'];
const GROUP_OF: Record<string, string> = { missbruk: 'ifo', bou: 'bou' };
const GROUP_NAME: Record<string, string> = { ifo: 'Individ- och familjeomsorg', bou: 'Barn och unga' };
const GOAL_NAME: Record<string, string> = { kunskap: 'Kunskapsutveckling', spridning: 'Spridning', samverkan: 'Samverkan' };
const STAFF_NAME = 'Hemliga Hanna Medarbetarsson';

/** A fixed, varied list: every unit gets activities in 2021 and 2022 (Beta also in 2024, which must not show). */
function activitiesToInsert(): Act[] {
  const out: Act[] = [];
  let n = 0;
  for (const u of UNITS) {
    const years = u.code === 'beta' ? [2021, 2022, 2024] : [2021, 2022];
    for (const year of years) {
      const many = u.code === 'alfa' ? (year === 2021 ? 7 : 5) : u.code === 'gamma' ? (year === 2021 ? 3 : 8) : 4;
      for (let i = 0; i < many; i++) {
        n += 1;
        const goal = u.goals[(i * 7 + year) % u.goals.length]!;
        const area = AREAS[(i + year) % 2]!;
        const participants = i % 3 === 0 ? null : 5 + ((i * 11 + year) % 23);
        const munis = u.munis.filter((_, j) => (i + j + year) % 3 === 0).map((m) => m.code);
        out.push({ unit: u.code, year, goal, area, participants, munis, title: `HEMLIG-TITEL-${u.code}-${n}` });
      }
    }
  }
  return out;
}

const acts = activitiesToInsert();
const unitIds = new Map<string, number>();

function seedUnits(): void {
  const db = t.app.db;
  for (const u of UNITS) {
    const unitId = db.insert(s.units).values({ code: u.code, name: u.name, shortName: u.shortName, county: u.county, sharesComparison: u.shares }).returning().get().id;
    unitIds.set(u.code, unitId);
    const fw = db.insert(s.goalFrameworks).values({ unitId, code: `vp-${u.code}`, name: `VP ${u.name}`, validFrom: '2020-01-01' }).returning().get();
    const goals = new Map(u.goals.map((key, i) => [key, db.insert(s.goals).values({ frameworkId: fw.id, key, name: GOAL_NAME[key]!, sortOrder: i }).returning().get().id]));
    const ifo = db.insert(s.areas).values({ unitId, code: 'ifo', name: GROUP_NAME.ifo!, sortOrder: 0 }).returning().get();
    const areas = new Map([
      ['missbruk', db.insert(s.areas).values({ unitId, code: 'missbruk', name: 'Missbruk', parentId: ifo.id, sortOrder: 1 }).returning().get().id],
      ['bou', db.insert(s.areas).values({ unitId, code: 'bou', name: GROUP_NAME.bou!, sortOrder: 2 }).returning().get().id],
    ]);
    const type = db.insert(s.activityTypes).values({ unitId, name: 'Seminarium' }).returning().get().id;
    const munis = new Map(u.munis.map((m) => [m.code, db.insert(s.municipalities).values({ unitId, code: m.code, name: `Kommun ${m.code}`, active: m.active }).returning().get().id]));
    const staffId = db.insert(s.staff).values({ unitId, name: STAFF_NAME }).returning().get().id;
    for (const a of acts.filter((x) => x.unit === u.code)) {
      const id = db.insert(s.activities).values({
        unitId, date: `${a.year}-03-15`, year: a.year, title: a.title, description: `Beskrivning ${a.title}`,
        goalId: goals.get(a.goal)!, areaId: areas.get(a.area)!, typeId: type, format: 'fysiskt', participants: a.participants,
      }).returning().get().id;
      for (const m of a.munis) db.insert(s.activityMunicipalities).values({ activityId: id, municipalityId: munis.get(m)! }).run();
      db.insert(s.activityStaff).values({ activityId: id, staffId }).run();
    }
  }
}

/** A chief of one of the inserted units, signed in by a session made directly. */
const chiefs = new Map<string, Agent>();
function chiefOf(code: string): Agent {
  const known = chiefs.get(code);
  if (known) return known;
  const user = t.app.db.insert(s.users).values({
    unitId: unitIds.get(code)!, username: `chef-${code}`, displayName: `Chef ${code}`, role: 'chef', passwordHash: 'not-used',
  }).returning().get();
  const { token, csrfToken } = createSession(t.app.sessions, user.id);
  const agent = supertest.agent(t.app.server).set('Cookie', `${SESSION_COOKIE}=${token}`).set('x-csrf-token', csrfToken);
  chiefs.set(code, agent);
  return agent;
}

/** The figures for one unit and year, counted from the inserted list with plain arithmetic. */
function expected(code: string, year: number) {
  const unit = UNITS.find((u) => u.code === code)!;
  const mine = acts.filter((a) => a.unit === code && a.year === year);
  const total = mine.length;
  const pct = (c: number) => (total === 0 ? 0 : Math.round((100 * c) / total));
  const byGoal = (key: string) => mine.filter((a) => a.goal === key).length;
  const byGroup = (g: string) => mine.filter((a) => GROUP_OF[a.area] === g).length;
  const reached = new Set(mine.flatMap((a) => a.munis));
  const inactiveReached = unit.munis.filter((m) => !m.active && reached.has(m.code)).length;
  const withCount = mine.filter((a) => a.participants !== null);
  return {
    activities: total,
    goal: (key: string) => ({ count: byGoal(key), percent: pct(byGoal(key)) }),
    group: (g: string) => ({ count: byGroup(g), percent: pct(byGroup(g)) }),
    municipalities: { reached: reached.size, of: unit.munis.filter((m) => m.active).length + inactiveReached },
    participants: { sum: withCount.reduce((x, a) => x + a.participants!, 0), activitiesWithCount: withCount.length },
  };
}

interface Row {
  unitId: number; year: number; activities: number;
  goals: { key: string; name: string; count: number; percent: number }[];
  areaGroups: { code: string; name: string; count: number; percent: number }[];
  municipalities: { reached: number; of: number };
  participants: { sum: number; activitiesWithCount: number };
}
interface Comparison {
  from: number; to: number; years: number[];
  viewer: { role: string; county: string | null; unitShares: boolean | null };
  units: { id: number; name: string; shortName: string | null; county: string | null }[];
  goals: { key: string; name: string }[]; areaGroups: { code: string; name: string }[];
  rows: Row[];
}

let region: Agent;
beforeAll(async () => {
  t = await makeTestApp();
  // The first start's unit (FoU Nordväst, Stockholms län in the reference data) stands here for a unit with no
  // county, which compares with nobody: the units below are the comparison's.
  t.app.db.update(s.units).set({ county: null }).where(eq(s.units.id, t.unitId)).run();
  // One transaction: a few hundred rows, committed once.
  t.app.db.transaction(() => seedUnits());
  region = await t.asInstall('region', { county: STHLM });
}, 60_000);
afterAll(async () => { await t.close(); });

function checkFigures(body: Comparison, codes: string[], years: number[]) {
  expect(body.units.map((u) => u.shortName)).toEqual(codes.map((c) => UNITS.find((u) => u.code === c)!.shortName));
  expect(body.rows).toHaveLength(codes.length * years.length);
  for (const code of codes) {
    for (const year of years) {
      const row = body.rows.find((r) => r.unitId === unitIds.get(code) && r.year === year);
      expect(row, `${code} ${year}`).toBeDefined();
      const want = expected(code, year);
      expect(row!.activities, `${code} ${year} activities`).toBe(want.activities);
      for (const g of body.goals) {
        const got = row!.goals.find((x) => x.key === g.key)!;
        expect({ count: got.count, percent: got.percent }, `${code} ${year} goal ${g.key}`).toEqual(want.goal(g.key));
      }
      for (const g of body.areaGroups) {
        const got = row!.areaGroups.find((x) => x.code === g.code)!;
        expect({ count: got.count, percent: got.percent }, `${code} ${year} area ${g.code}`).toEqual(want.group(g.code));
      }
      expect(row!.municipalities, `${code} ${year} municipalities`).toEqual(want.municipalities);
      expect(row!.participants, `${code} ${year} participants`).toEqual(want.participants);
    }
  }
}

describe('GET /region/comparison as a region account', () => {
  it('shows the sharing units of its county with the figures counted from the inserted rows', async () => {
    const res = await region.get('/api/v1/region/comparison?from=2021&to=2022').expect(200);
    const body = res.body as Comparison;
    expect(body.viewer).toEqual({ role: 'region', county: STHLM, unitShares: null });
    expect(body.years).toEqual([2021, 2022]);
    checkFigures(body, ['alfa', 'gamma'], [2021, 2022]);
    // Columns: every goal key and area group used, with their names.
    expect(body.goals).toEqual([{ key: 'kunskap', name: 'Kunskapsutveckling' }, { key: 'spridning', name: 'Spridning' }, { key: 'samverkan', name: 'Samverkan' }]);
    expect(body.areaGroups).toEqual([{ code: 'ifo', name: GROUP_NAME.ifo }, { code: 'bou', name: GROUP_NAME.bou }]);
    // The figures are not trivially zero: the test would pass on an empty database otherwise.
    expect(body.rows.reduce((x, r) => x + r.activities, 0)).toBe(7 + 5 + 3 + 8);
  });

  it('never includes a unit that does not share, and defaults to the years its units have data', async () => {
    const body = (await region.get('/api/v1/region/comparison').expect(200)).body as Comparison;
    expect(body.units.map((u) => u.id)).not.toContain(unitIds.get('beta'));
    expect(body.rows.some((r) => r.unitId === unitIds.get('beta'))).toBe(false);
    // Beta's 2024 is Beta's alone: the default range ends at the sharing units' latest year.
    expect([body.from, body.to]).toEqual([2021, 2022]);
    // Beta's activities would have changed the totals.
    checkFigures(body, ['alfa', 'gamma'], [2021, 2022]);
  });

  it('completes a half-given range: from alone ends at the latest year with data, to alone starts four years before', async () => {
    const fromOnly = (await region.get('/api/v1/region/comparison?from=2021').expect(200)).body as Comparison;
    expect([fromOnly.from, fromOnly.to]).toEqual([2021, 2022]);
    const toOnly = (await region.get('/api/v1/region/comparison?to=2022').expect(200)).body as Comparison;
    expect(toOnly.years).toEqual([2018, 2019, 2020, 2021, 2022]);
    checkFigures(toOnly, ['alfa', 'gamma'], [2018, 2019, 2020, 2021, 2022]);
  });

  it('answers with no title, description, staff name or municipality name of any activity', async () => {
    const text = JSON.stringify((await region.get('/api/v1/region/comparison?from=2020&to=2024').expect(200)).body);
    for (const a of acts) expect(text).not.toContain(a.title);
    expect(text).not.toContain('HEMLIG');
    expect(text).not.toContain('Beskrivning');
    expect(text).not.toContain(STAFF_NAME);
    expect(text).not.toContain('Kommun a1');
  });

  it('shows a region account of another county none of these units', async () => {
    const other = await t.asInstall('region', { county: 'Uppsala län' });
    const body = (await other.get('/api/v1/region/comparison?from=2021&to=2022').expect(200)).body as Comparison;
    expect(body.units).toEqual([]);
    expect(body.rows).toEqual([]);
    const csv = (await other.get('/api/v1/region/comparison?from=2021&to=2022&output=csv').expect(200)).text;
    for (const u of UNITS) expect(csv).not.toContain(u.shortName);
  });

  it('shows a region account without a county the sharing units of every county', async () => {
    t.app.db.insert(s.units).values({ code: 'delta', name: 'FoU Delta', shortName: 'Delta', county: 'Uppsala län', sharesComparison: true }).run();
    const all = await t.asInstall('region', { county: null });
    const body = (await all.get('/api/v1/region/comparison?from=2021&to=2022').expect(200)).body as Comparison;
    expect(body.units.map((u) => u.shortName)).toEqual(['Alfa', 'Delta', 'Gamma']);
    expect(body.rows.filter((r) => r.unitId !== unitIds.get('alfa') && r.unitId !== unitIds.get('gamma')).every((r) => r.activities === 0)).toBe(true);
  });
});

describe('GET /region/comparison as a chief', () => {
  it('gives the chief of a unit that does not share an empty answer that says why', async () => {
    const body = (await chiefOf('beta').get('/api/v1/region/comparison?from=2021&to=2022').expect(200)).body as Comparison;
    expect(body.viewer).toEqual({ role: 'chef', county: STHLM, unitShares: false });
    expect(body.units).toEqual([]);
    expect(body.rows).toEqual([]);
  });

  it('shows the chief of a sharing unit the sharing units of the same county', async () => {
    const body = (await chiefOf('alfa').get('/api/v1/region/comparison?from=2021&to=2022').expect(200)).body as Comparison;
    expect(body.viewer).toEqual({ role: 'chef', county: STHLM, unitShares: true });
    checkFigures(body, ['alfa', 'gamma'], [2021, 2022]);
  });

  it('is refused to the unit roles without the permission', async () => {
    for (const role of ['medarbetare', 'rad', 'admin'] as const) {
      await (await t.as(role)).get('/api/v1/region/comparison').expect(403);
    }
    await (await t.asInstall('installation')).get('/api/v1/region/comparison').expect(403);
  });
});

describe('the comparison as files', () => {
  const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    const stream = res as NodeJS.ReadableStream;
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => cb(null, Buffer.concat(chunks)));
  };

  /** The CSV's tables by title: each title line, then its header and rows, a blank line between. */
  function csvTables(text: string): Map<string, string[][]> {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const out = new Map<string, string[][]>();
    for (const block of text.slice(1).replace(/\r\n$/, '').split('\r\n\r\n')) {
      const [title, ...lines] = block.split('\r\n');
      out.set(title!, lines.map((l) => l.split(';')));
    }
    return out;
  }

  it('CSV carries the same numbers', async () => {
    const res = await region.get('/api/v1/region/comparison?from=2021&to=2022&output=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('regional-jamforelse-2021-2022.csv');
    const tables = csvTables(res.text);
    expect(tables.get('Aktiviteter per enhet och år')).toEqual([
      ['Enhet', '2021', '2022'],
      ['Alfa', String(expected('alfa', 2021).activities), String(expected('alfa', 2022).activities)],
      ['Gamma', String(expected('gamma', 2021).activities), String(expected('gamma', 2022).activities)],
    ]);
    const goals = tables.get('Resultatmål: procent av årets aktiviteter')!;
    expect(goals[0]).toEqual(['Enhet', 'År', 'Aktiviteter', 'Kunskapsutveckling (antal)', 'Kunskapsutveckling (%)', 'Spridning (antal)', 'Spridning (%)', 'Samverkan (antal)', 'Samverkan (%)']);
    const gamma22 = goals.find((r) => r[0] === 'Gamma' && r[1] === '2022')!;
    const e = expected('gamma', 2022);
    expect(gamma22.slice(2).map(Number)).toEqual([e.activities, ...['kunskap', 'spridning', 'samverkan'].flatMap((k) => [e.goal(k).count, e.goal(k).percent])]);
    const reach = tables.get('Nådda ägarkommuner')!;
    const alfa21 = reach.find((r) => r[0] === 'Alfa' && r[1] === '2021')!;
    expect(alfa21.slice(2).map(Number)).toEqual([expected('alfa', 2021).municipalities.reached, expected('alfa', 2021).municipalities.of]);
    const people = tables.get('Deltagare')!;
    const alfa22 = people.find((r) => r[0] === 'Alfa' && r[1] === '2022')!;
    const p = expected('alfa', 2022);
    expect(alfa22.slice(2).map(Number)).toEqual([p.participants.sum, p.participants.activitiesWithCount, p.activities]);
    for (const a of acts) expect(res.text).not.toContain(a.title);
  });

  it('XLSX carries the same numbers, a sheet per table', async () => {
    const res = await region.get('/api/v1/region/comparison?from=2021&to=2022&output=xlsx').buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['aktiviteter', 'resultatmal', 'verksamhetsomrade', 'kommuner', 'deltagare']);
    const values = (name: string) => {
      const rows: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    expect(values('aktiviteter').slice(2)).toEqual([
      ['Alfa', expected('alfa', 2021).activities, expected('alfa', 2022).activities],
      ['Gamma', expected('gamma', 2021).activities, expected('gamma', 2022).activities],
    ]);
    const areas = values('verksamhetsomrade');
    const alfa21 = areas.find((r) => r[0] === 'Alfa' && r[1] === 2021)!;
    const e = expected('alfa', 2021);
    expect(alfa21.slice(2)).toEqual([e.activities, e.group('ifo').count, e.group('ifo').percent, e.group('bou').count, e.group('bou').percent]);
  });
});

describe('bad input', () => {
  it('answers 400 naming the field', async () => {
    const cases: [string, string][] = [['from=abc', 'from'], ['to=20x', 'to'], ['from=2023&to=2020', 'from'], ['from=2000&to=2030', 'to'], ['from=1800', 'from'], ['year=2021', 'year'], ['output=pdf', 'output']];
    for (const [query, field] of cases) {
      const res = await region.get(`/api/v1/region/comparison?${query}`).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field), query).toContain(field);
    }
  });
});

describe('the unit setting', () => {
  it('shows the chief their unit and records a change in the unit trail; sharing then shows the unit', async () => {
    const me = (await t.http.get('/api/v1/unit/settings').expect(200)).body;
    expect(me).toMatchObject({ id: t.unitId, sharesComparison: false, county: null });
    const all = await t.asInstall('region', { county: null });
    const before = (await all.get('/api/v1/region/comparison').expect(200)).body as Comparison;
    expect(before.units.map((u) => u.id)).not.toContain(t.unitId);

    const on = (await t.http.put('/api/v1/unit/settings').send({ sharesComparison: true }).expect(200)).body;
    expect(on.sharesComparison).toBe(true);
    expect((await t.http.get('/api/v1/unit/settings').expect(200)).body.sharesComparison).toBe(true);
    const after = (await all.get('/api/v1/region/comparison').expect(200)).body as Comparison;
    expect(after.units.map((u) => u.id)).toContain(t.unitId);
    // The first unit has no county: its chief sees their own unit alone, not every county's.
    const own = (await t.http.get('/api/v1/region/comparison').expect(200)).body as Comparison;
    expect(own.units.map((u) => u.id)).toEqual([t.unitId]);

    // Saving the same choice again is no change and writes no second line.
    await t.http.put('/api/v1/unit/settings').send({ sharesComparison: true }).expect(200);
    await t.http.put('/api/v1/unit/settings').send({ sharesComparison: false }).expect(200);
    const trail = (await t.http.get('/api/v1/audit?entity=unit').expect(200)).body.items as { action: string; entityId: number; before: unknown; after: unknown }[];
    expect(trail.map((x) => [x.action, x.entityId, x.before, x.after])).toEqual([
      ['update', t.unitId, { sharesComparison: true }, { sharesComparison: false }],
      ['update', t.unitId, { sharesComparison: false }, { sharesComparison: true }],
    ]);
    const gone = (await all.get('/api/v1/region/comparison').expect(200)).body as Comparison;
    expect(gone.units.map((u) => u.id)).not.toContain(t.unitId);
  });

  it('changes only the signed-in unit', async () => {
    const beta = chiefOf('beta');
    await beta.put('/api/v1/unit/settings').send({ sharesComparison: true }).expect(200);
    const row = t.app.db.select().from(s.units).all();
    expect(row.filter((u) => u.sharesComparison).map((u) => u.code).sort()).toEqual(['alfa', 'beta', 'delta', 'gamma']);
    await beta.put('/api/v1/unit/settings').send({ sharesComparison: false }).expect(200);
    expect((await beta.get('/api/v1/unit/settings').expect(200)).body).toMatchObject({ name: 'FoU Beta', shortName: 'Beta', county: STHLM, sharesComparison: false });
  });

  it('answers 400 naming the field, and 403 to roles other than the chief', async () => {
    const bad = await t.http.put('/api/v1/unit/settings').send({ sharesComparison: 'ja' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toContain('sharesComparison');
    const extra = await t.http.put('/api/v1/unit/settings').send({ sharesComparison: true, name: 'Ny' }).expect(400);
    expect(extra.body.fields.map((f: { field: string }) => f.field)).toContain('name');
    for (const role of ['medarbetare', 'rad', 'admin'] as const) {
      const agent = await t.as(role);
      await agent.get('/api/v1/unit/settings').expect(403);
      await agent.put('/api/v1/unit/settings').send({ sharesComparison: true }).expect(403);
    }
    await region.get('/api/v1/unit/settings').expect(403);
    expect((await t.http.get('/api/v1/unit/settings').expect(200)).body.sharesComparison).toBe(false);
  });
});
