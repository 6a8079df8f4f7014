import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, quotas } from '../src/seed/demo-data.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

/** Percent rounded half up, in integers so no float can tip a .5 the wrong way. */
const pct = (count: number, total: number) => Math.floor((200 * count + total) / (2 * total));

let t: TestApp;
beforeAll(async () => { t = await makeTestApp({ demo: true }); });
afterAll(async () => { await t.close(); });

const rows = <T>(app: TestApp, sql: string, ...params: unknown[]) => app.app.db.$client.prepare(sql).all(...params) as T[];

describe('the demo year 2018', () => {
  it('has exactly 312 activities, all under VP 2018', async () => {
    const [n] = rows<{ n: number; fw: number }>(t, `select count(*) n, count(distinct g.framework_id) fw from activities a join goals g on g.id = a.goal_id where a.date between '2018-01-01' and '2018-12-31'`);
    expect(n).toEqual({ n: 312, fw: 1 });
    // The API's list agrees, with the total.
    const page = await t.http.get('/api/v1/activities').query({ from: '2018-01-01', to: '2018-12-31', limit: 500, withTotal: 'true' }).expect(200);
    expect(page.body.items).toHaveLength(312);
    expect(page.body.total).toBe(312);
    expect(page.body.items.every((a: { goal: { frameworkCode: string } }) => a.goal.frameworkCode === 'vp2018')).toBe(true);
  });

  it('its area groups round half up to 42/36/22 % and its goals to 32/27/33/9 %', async () => {
    // Counted from the API's own records of the year, with the grouping done here.
    const items = (await t.http.get('/api/v1/activities').query({ from: '2018-01-01', to: '2018-12-31', limit: 500 }).expect(200)).body.items as
      { area: { code: string; groupCode: string }; goal: { key: string } }[];
    const count = <K extends string>(keys: K[]) => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
    const groups = count(items.map((a) => a.area.groupCode));
    const goals = count(items.map((a) => a.goal.key));
    const n = items.length;
    expect(['ifo', 'bou', 'vuxen'].map((g) => pct(groups[g] ?? 0, n))).toEqual([42, 36, 22]);
    expect(['kunskapsutveckling', 'metodstod', 'spridning', 'samverkan'].map((k) => pct(goals[k] ?? 0, n))).toEqual([32, 27, 33, 9]);
    // The vuxen group is made of its three leaves, each present.
    for (const leaf of ['ekb', 'missbruk', 'socpsyk']) expect(items.some((a) => a.area.code === leaf)).toBe(true);
    // The list's area filter gives the same group counts.
    for (const g of ['ifo', 'bou', 'vuxen']) {
      const res = await t.http.get('/api/v1/activities').query({ from: '2018-01-01', to: '2018-12-31', area: g, limit: 1, withTotal: 'true' }).expect(200);
      expect(res.body.total).toBe(groups[g]);
    }
  });

  it('reaches all eight owner municipalities', () => {
    const reached = rows<{ code: string }>(t, `select distinct m.code from activity_municipalities am join municipalities m on m.id = am.municipality_id
      join activities a on a.id = am.activity_id where a.year = 2018 order by 1`).map((r) => r.code);
    expect(reached).toEqual(['ekero', 'jarfalla', 'sigtuna', 'sollentuna', 'solna', 'sundbyberg', 'upplands-bro', 'upplands-vasby']);
  });

  it('links 2018 activities to the plan items as assignments, and every row is valid', () => {
    const linked = rows<{ n: number }>(t, 'select count(*) n from activities where year = 2018 and assignment_id is not null')[0]!.n;
    expect(linked).toBeGreaterThan(0);
    // Each activity's goal belongs to the framework valid on its date; each has staff; each area is a leaf.
    const bad = rows<{ id: number }>(t, `select a.id from activities a join goals g on g.id = a.goal_id join goal_frameworks f on f.id = g.framework_id
      where a.date < f.valid_from or (f.valid_to is not null and a.date > f.valid_to)
      or not exists (select 1 from activity_staff s where s.activity_id = a.id)
      or exists (select 1 from areas c where c.parent_id = a.area_id)
      or a.year <> cast(substr(a.date, 1, 4) as integer)`);
    expect(bad).toEqual([]);
  });

  it('every other year has the size the generator asks for', () => {
    // The first unit's years (the demo's second unit, FoU Södertörn, has its own 2019: units.test.ts).
    const perYear = Object.fromEntries(rows<{ year: number; n: number }>(t, `select year, count(*) n from activities where unit_id = ${t.unitId} group by year`).map((r) => [r.year, r.n]));
    // 2023: the 310 drawn and the six events VB 2023 reports evaluations of (seed/demo-evaluations.ts).
    expect(perYear).toEqual({ 2017: 96, 2018: 312, 2019: 305, 2020: 262, 2021: 281, 2022: 298, 2023: 316, 2024: 287, 2025: 316 });
  });

  it('loading twice does not duplicate', () => {
    const before = rows<{ n: number }>(t, `select count(*) n from activities where unit_id = ${t.unitId}`)[0]!.n;
    const all = rows<{ n: number }>(t, 'select count(*) n from activities')[0]!.n;
    const staffBefore = rows<{ n: number }>(t, 'select count(*) n from staff')[0]!.n;
    expect(loadDemoData(t.app.db, t.unitId)).toEqual({ loaded: false, count: before });
    expect(rows<{ n: number }>(t, 'select count(*) n from activities')[0]!.n).toBe(all);
    expect(rows<{ n: number }>(t, 'select count(*) n from staff')[0]!.n).toBe(staffBefore);
  });

  it('restarting on the same file with the demo flag leaves the data as it was', async () => {
    const other = await makeTestApp({ demo: true });
    try {
      const n = rows<{ n: number }>(other, 'select count(*) n from activities')[0]!.n;
      await other.app.close();
      const { buildApp } = await import('../src/app.ts');
      const again = await buildApp({ port: 0, host: '127.0.0.1', databasePath: other.databasePath, webDist: `${other.dir}/none`, logLevel: 'silent', demo: true });
      try {
        expect((again.db.$client.prepare('select count(*) n from activities').get() as { n: number }).n).toBe(n);
      } finally { await again.close(); }
    } finally {
      await other.close().catch(() => undefined);
    }
  });

  it('is the same data on a second fresh database (fixed seed)', async () => {
    const other = await makeTestApp({ demo: true });
    try {
      const dump = (app: TestApp) => JSON.stringify([
        rows(app, `select a.id, a.date, a.title, a.description, g.key, ar.code, ty.name, a.format, a.participants, asg.title as assignment, a.line
          from activities a join goals g on g.id = a.goal_id join areas ar on ar.id = a.area_id join activity_types ty on ty.id = a.type_id
          left join assignments asg on asg.id = a.assignment_id order by a.id`),
        rows(app, 'select am.activity_id, m.code from activity_municipalities am join municipalities m on m.id = am.municipality_id order by 1, 2'),
        rows(app, 'select s.activity_id, st.name from activity_staff s join staff st on st.id = s.staff_id order by 1, 2'),
      ]);
      expect(dump(other)).toBe(dump(t));
    } finally {
      await other.close();
    }
  });
});

describe('quotas (largest remainder)', () => {
  it('always hands out exactly n, following the weights', () => {
    for (const [n, w] of [[305, [40, 34, 10, 9, 7]], [96, [45, 38, 6, 6, 5]], [7, [1, 1, 1]], [1, [1, 1]], [0, [3, 1]]] as [number, number[]][]) {
      const q = quotas(n, w);
      expect(q.reduce((a, b) => a + b, 0)).toBe(n);
      const sum = w.reduce((a, b) => a + b, 0);
      q.forEach((x, i) => expect(Math.abs(x - (w[i]! / sum) * n)).toBeLessThan(1));
    }
    expect(quotas(305, [40, 34, 10, 9, 7])).toEqual([122, 104, 31, 27, 21]);
  });
});
