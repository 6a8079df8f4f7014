/**
 * The speed-ups must not change an answer: activity_counts (kept by triggers) always equals a GROUP BY over
 * activities, whatever writes them, and the cached reference tables follow every change to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../src/seed/random.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t, { staff: 3, assignments: 1 });
});
afterAll(async () => t.close());

type CountRow = { unit_id: number; year: number; goal_id: number; area_id: number; n: number };
const groupByActivities = () => t.app.db.$client.prepare(
  'select unit_id, year, goal_id, area_id, count(*) as n from activities group by 1, 2, 3, 4 order by 1, 2, 3, 4',
).all() as CountRow[];
type MuniRow = CountRow & { municipality_id: number };
const groupByLinks = () => t.app.db.$client.prepare(`select a.unit_id, a.year, a.goal_id, a.area_id, m.municipality_id, count(*) as n
  from activity_municipalities m join activities a on a.id = m.activity_id group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`).all() as MuniRow[];
const muniTable = () => t.app.db.$client.prepare(`select unit_id, year, goal_id, area_id, municipality_id, n
  from activity_municipality_counts order by 1, 2, 3, 4, 5`).all() as MuniRow[];
const countTable = () => t.app.db.$client.prepare('select unit_id, year, goal_id, area_id, n from activity_counts order by 1, 2, 3, 4').all() as CountRow[];

describe('activity_counts and activity_municipality_counts', () => {
  it('equals a GROUP BY over activities after random creates, moves across years, goals and areas, and deletes', async () => {
    const rng = createRng(777);
    const leaves = ['ifo', 'bou', 'ekb', 'missbruk', 'socpsyk'].map((c) => r.areas[c]!);
    const randomBody = () => {
      const year = rng.int(2018, 2025);
      const date = `${year}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
      const goals = Object.values(year < 2024 ? r.goals.vp2018 : r.goals.vp2024);
      const munis = Object.values(r.municipalities).filter(() => rng.int(0, 2) === 0);
      return validBody(r, { date, goalId: rng.pick(goals), areaId: rng.pick(leaves), municipalityIds: munis, noOwnerMunicipality: munis.length === 0 });
    };
    const live: { id: number; version: number }[] = [];
    for (let i = 0; i < 120; i++) {
      const op = live.length < 10 ? 0 : rng.int(0, 9);
      if (op <= 5) {
        const res = await t.http.post('/api/v1/activities').send(randomBody()).expect(201);
        live.push({ id: res.body.id, version: res.body.version });
      } else if (op <= 7) {
        const a = live[rng.int(0, live.length - 1)]!;
        const res = await t.http.put(`/api/v1/activities/${a.id}`).send({ ...randomBody(), version: a.version }).expect(200);
        a.version = res.body.version;
      } else {
        const [a] = live.splice(rng.int(0, live.length - 1), 1);
        await t.http.delete(`/api/v1/activities/${a!.id}`).expect(204);
      }
    }
    // A rejected write (unknown goal) and a rolled-back one (stale version) must leave the counts alone.
    await t.http.post('/api/v1/activities').send(validBody(r, { goalId: 999_999 })).expect(400);
    await t.http.put(`/api/v1/activities/${live[0]!.id}`).send({ ...randomBody(), version: live[0]!.version + 5 }).expect(409);

    const expected = groupByActivities();
    expect(expected.reduce((s, x) => s + x.n, 0)).toBe(live.length);
    expect(countTable()).toEqual(expected);
    expect(groupByLinks().length).toBeGreaterThan(10);
    expect(muniTable()).toEqual(groupByLinks());
  });

  it('also follows rows written straight into the database, as the seeders and scripts do', () => {
    const c = t.app.db.$client;
    const before = countTable();
    const fromSql = c.prepare(`insert into activities (unit_id, date, year, title, goal_id, area_id, type_id, format)
      values (?, '2019-05-05', 2019, 'Direkt i databasen', ?, ?, ?, 'digitalt')`).run(t.unitId, r.goals.vp2018.samverkan, r.areas.ekb, r.types[0]);
    expect(countTable()).toEqual(groupByActivities());
    expect(countTable()).not.toEqual(before);
    const muniBefore = muniTable();
    c.prepare('insert into activity_municipalities (activity_id, municipality_id) values (?, ?), (?, ?)')
      .run(fromSql.lastInsertRowid, r.municipalities.solna, fromSql.lastInsertRowid, r.municipalities.ekero);
    c.prepare('update activity_municipalities set municipality_id = ? where activity_id = ? and municipality_id = ?')
      .run(r.municipalities.sigtuna, fromSql.lastInsertRowid, r.municipalities.ekero);
    c.prepare('update activities set year = 2020, date = ? where id = ?').run('2020-05-05', fromSql.lastInsertRowid);
    expect(muniTable()).toEqual(groupByLinks());
    // Deleting the activity removes its links by cascade: the counts must follow that too.
    c.prepare('delete from activities where id = ?').run(fromSql.lastInsertRowid);
    expect(countTable()).toEqual(before);
    expect(muniTable()).toEqual(muniBefore);
  });

  it('gives the same distribution as counting the listed activities', async () => {
    const list = (await t.http.get('/api/v1/activities?limit=200&from=2020-01-01&to=2020-12-31').expect(200)).body.items as { goal: { key: string }; area: { groupCode: string } }[];
    const byGoal = new Map<string, number>();
    for (const a of list) byGoal.set(a.goal.key, (byGoal.get(a.goal.key) ?? 0) + 1);
    const report = (await t.http.get('/api/v1/reports/distribution?dimension=goal&year=2020').expect(200)).body as { total: number; rows: { key: string; count: number }[] };
    expect(report.total).toBe(list.length);
    for (const row of report.rows) expect(row.count).toBe(byGoal.get(row.key) ?? 0);
    // A filter the count table cannot answer (format) takes the other path; with every format it must agree.
    const perFormat = await Promise.all(['fysiskt', 'digitalt', 'hybrid'].map(async (f) =>
      (await t.http.get(`/api/v1/reports/distribution?dimension=goal&year=2020&format=${f}`).expect(200)).body.total as number));
    expect(perFormat.reduce((s, n) => s + n, 0)).toBe(report.total);
  });

  it('gives the same municipal reach as counting the listed activities', async () => {
    const list = (await t.http.get('/api/v1/activities?limit=500&from=2021-01-01&to=2021-12-31').expect(200)).body.items as { municipalities: { code: string }[] }[];
    const byMunicipality = new Map<string, number>();
    for (const a of list) for (const m of a.municipalities) byMunicipality.set(m.code, (byMunicipality.get(m.code) ?? 0) + 1);
    const reach = (await t.http.get('/api/v1/reports/reach?year=2021').expect(200)).body as { total: number; municipalities: { code: string; count: number; reached: boolean }[] };
    expect(list.length).toBeGreaterThan(0);
    expect(reach.total).toBe(list.length);
    for (const m of reach.municipalities) {
      expect(m.count, m.code).toBe(byMunicipality.get(m.code) ?? 0);
      expect(m.reached).toBe(m.count > 0);
    }
  });
});

describe('cached reference tables', () => {
  it('show a renamed activity type at once, in activities and in reports', async () => {
    const created = (await t.http.post('/api/v1/activities').send(validBody(r, { date: '2021-02-02', typeId: r.types[1] })).expect(201)).body;
    await t.http.patch(`/api/v1/activity-types/${r.types[1]}`).send({ name: 'Omdöpt typ' }).expect(200);
    expect((await t.http.get(`/api/v1/activities/${created.id}`).expect(200)).body.type.name).toBe('Omdöpt typ');
    const report = (await t.http.get('/api/v1/reports/distribution?dimension=type&year=2021').expect(200)).body as { rows: { label: string; count: number }[] };
    expect(report.rows.find((x) => x.label === 'Omdöpt typ')?.count).toBeGreaterThan(0);
  });

  it('accept a staff member added a moment ago, and refuse one that does not exist', async () => {
    const staff = (await t.http.post('/api/v1/staff').send({ name: 'Ny Medarbetare', title: 'Forskare' }).expect(201)).body as { id: number };
    const res = await t.http.post('/api/v1/activities').send(validBody(r, { staffIds: [staff.id] })).expect(201);
    expect(res.body.staff.map((s: { name: string }) => s.name)).toEqual(['Ny Medarbetare']);
    await t.http.post('/api/v1/activities').send(validBody(r, { staffIds: [staff.id + 1000] })).expect(400);
  });

  it('see a change made outside the API (another process or a script)', async () => {
    t.app.db.$client.prepare('update staff set name = ? where id = ?').run('Namn från skript', r.staff[0]);
    const res = await t.http.post('/api/v1/activities').send(validBody(r, { staffIds: [r.staff[0]] })).expect(201);
    expect(res.body.staff[0].name).toBe('Namn från skript');
  });
});
