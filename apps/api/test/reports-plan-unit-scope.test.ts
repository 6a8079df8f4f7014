/**
 * Two units in one database: every report, its exports and the plan answer unit A's chief from A's rows only.
 * Unit B (its own framework, goals, areas, types, municipalities, staff, assignments, activities and plan items) is
 * written straight into the database with drizzle; the count tables follow through their triggers. Unit A's expected
 * figures are counted here from the rows this test inserted, never from the code under test. B shares some keys
 * and codes with A (goal key spridning, area code ifo, the formats and lines), so a report that lost its unit
 * condition would count B's activities under A's rows; others are B's alone, for the filters.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import * as s from '../src/db/schema.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
type Format = 'fysiskt' | 'digitalt' | 'hybrid';
type Line = 'forsta' | 'andra' | null;
interface Spec { date: string; goal: string; area: string; type: number; format: Format; line: Line; munis: string[]; staff?: boolean; assignment?: boolean; plan?: number }

// Unit A: spread over goals, areas, types, formats, lines and municipalities, two years, three linked to plan items.
const A_ACTS: Spec[] = [
  { date: '2021-03-01', goal: 'spridning', area: 'ifo', type: 0, format: 'fysiskt', line: 'forsta', munis: ['ekero'] },
  { date: '2022-02-10', goal: 'spridning', area: 'bou', type: 0, format: 'digitalt', line: null, munis: ['ekero', 'solna'], staff: true, plan: 0 },
  { date: '2022-05-05', goal: 'metodstod', area: 'ekb', type: 1, format: 'fysiskt', line: 'andra', munis: ['solna'], assignment: true, plan: 0 },
  { date: '2022-09-09', goal: 'samverkan', area: 'missbruk', type: 2, format: 'hybrid', line: 'forsta', munis: [], staff: true, plan: 1 },
  { date: '2022-11-30', goal: 'spridning', area: 'ifo', type: 1, format: 'fysiskt', line: null, munis: ['jarfalla'] },
];
// Unit B: more activities than A, in the same years and on shared keys, formats and lines.
const B_ACTS: Spec[] = [
  ...Array.from({ length: 6 }, (_, i): Spec => ({ date: `2022-0${i + 1}-15`, goal: 'spridning', area: 'ifo', type: 0, format: 'fysiskt', line: 'forsta', munis: ['botkyrka', 'haninge'], staff: true, assignment: true, plan: 0 })),
  { date: '2022-07-01', goal: 'b-only', area: 'b-omrade', type: 0, format: 'digitalt', line: 'andra', munis: ['haninge'] },
  { date: '2021-06-01', goal: 'spridning', area: 'ifo', type: 0, format: 'hybrid', line: null, munis: ['botkyrka'] },
  { date: '2023-02-01', goal: 'b-only', area: 'ifo', type: 0, format: 'fysiskt', line: 'forsta', munis: [] },
];

interface Unit {
  id: number;
  goals: Map<string, number>;
  areas: Map<string, number>;
  types: number[];
  munis: Map<string, number>;
  staffId: number;
  assignmentId: number;
  planIds: number[];
}
let A: Unit;
let B: Unit;
let aGoalKeys: string[];

function insertActivities(u: Unit, specs: Spec[]) {
  const db = t.app.db;
  for (const [i, x] of specs.entries()) {
    const row = db.insert(s.activities).values({
      unitId: u.id, date: x.date, year: Number(x.date.slice(0, 4)), title: `Aktivitet ${u.id}-${i}`,
      goalId: u.goals.get(x.goal)!, areaId: u.areas.get(x.area)!, typeId: u.types[x.type]!, format: x.format, line: x.line,
      assignmentId: x.assignment ? u.assignmentId : null, planItemId: x.plan === undefined ? null : u.planIds[x.plan]!,
    }).returning().get();
    if (x.munis.length) db.insert(s.activityMunicipalities).values(x.munis.map((m) => ({ activityId: row.id, municipalityId: u.munis.get(m)! }))).run();
    if (x.staff) db.insert(s.activityStaff).values({ activityId: row.id, staffId: u.staffId }).run();
  }
}

function insertPlanItem(u: Unit, year: number, title: string, goal: string, area: string, status: s.PlanStatus, carriedFromId: number | null = null): number {
  const id = t.app.db.insert(s.planItems).values({
    unitId: u.id, year, title, goalId: u.goals.get(goal)!, areaId: u.areas.get(area)!, status, carriedFromId, targetCount: 2,
  }).returning().get().id;
  t.app.db.insert(s.planItemStaff).values({ planItemId: id, staffId: u.staffId }).run();
  return id;
}

/** B's plan items and their staff, to see that nothing A does changes them. */
function unitBPlan() {
  const db = t.app.db;
  const items = db.select().from(s.planItems).where(eq(s.planItems.unitId, B.id)).orderBy(s.planItems.id).all();
  const staff = db.select().from(s.planItemStaff).where(inArray(s.planItemStaff.planItemId, items.map((i) => i.id))).all();
  return { items, staff };
}

beforeAll(async () => {
  t = await makeTestApp();
  const db = t.app.db;
  // Unit A: the first start's unit and its seeded registers, plus a staff member and an assignment.
  const aFrameworks = db.select().from(s.goalFrameworks).where(eq(s.goalFrameworks.unitId, t.unitId)).all();
  const vp2018 = aFrameworks.find((f) => f.code === 'vp2018')!;
  const aGoals = db.select().from(s.goals).where(eq(s.goals.frameworkId, vp2018.id)).orderBy(s.goals.sortOrder).all();
  aGoalKeys = aGoals.map((g) => g.key);
  A = {
    id: t.unitId,
    goals: new Map(aGoals.map((g) => [g.key, g.id])),
    areas: new Map(db.select().from(s.areas).where(eq(s.areas.unitId, t.unitId)).all().map((a) => [a.code, a.id])),
    types: db.select().from(s.activityTypes).where(eq(s.activityTypes.unitId, t.unitId)).orderBy(s.activityTypes.sortOrder).all().map((x) => x.id),
    munis: new Map(db.select().from(s.municipalities).where(eq(s.municipalities.unitId, t.unitId)).all().map((m) => [m.code, m.id])),
    staffId: db.insert(s.staff).values({ unitId: t.unitId, name: 'Anna A' }).returning().get().id,
    assignmentId: db.insert(s.assignments).values({ unitId: t.unitId, title: 'A-uppdraget' }).returning().get().id,
    planIds: [],
  };

  // Unit B, written directly: its own registers, some keys and codes shared with A, some its own.
  const bId = db.insert(s.units).values({ code: 'sodertorn', name: 'FoU Södertörn' }).returning().get().id;
  const bFw = db.insert(s.goalFrameworks).values({ unitId: bId, code: 'vp2017', name: 'Södertörns mål', validFrom: '2017-01-01', validTo: null }).returning().get();
  const bGoals = ['spridning', 'b-only'].map((key, i) => db.insert(s.goals).values({ frameworkId: bFw.id, key, name: `B-mål ${key}`, sortOrder: i }).returning().get());
  const bAreas = ['ifo', 'b-omrade'].map((code, i) => db.insert(s.areas).values({ unitId: bId, code, name: `B-område ${code}`, sortOrder: i }).returning().get());
  const bMunis = ['botkyrka', 'haninge'].map((code, i) => db.insert(s.municipalities).values({ unitId: bId, code, name: code, sortOrder: i }).returning().get());
  B = {
    id: bId,
    goals: new Map(bGoals.map((g) => [g.key, g.id])),
    areas: new Map(bAreas.map((a) => [a.code, a.id])),
    types: [db.insert(s.activityTypes).values({ unitId: bId, name: 'B-typ' }).returning().get().id],
    munis: new Map(bMunis.map((m) => [m.code, m.id])),
    staffId: db.insert(s.staff).values({ unitId: bId, name: 'Bo B' }).returning().get().id,
    assignmentId: db.insert(s.assignments).values({ unitId: bId, title: 'B-uppdraget' }).returning().get().id,
    planIds: [],
  };
  B.planIds = [
    insertPlanItem(B, 2022, 'B:s punkt ett', 'spridning', 'ifo', 'pagar'),
    insertPlanItem(B, 2022, 'B:s punkt två', 'b-only', 'b-omrade', 'planerad'),
    insertPlanItem(B, 2023, 'B:s punkt nästa år', 'spridning', 'ifo', 'planerad'),
  ];
  A.planIds = [
    insertPlanItem(A, 2022, 'A:s punkt ett', 'spridning', 'bou', 'pagar'),
    insertPlanItem(A, 2022, 'A:s punkt två', 'samverkan', 'missbruk', 'genomford'),
    // Bad data that must not leak: an A item that names B's item as its origin.
    insertPlanItem(A, 2021, 'A:s punkt med fel ursprung', 'metodstod', 'ekb', 'planerad', B.planIds[0]!),
  ];
  insertActivities(A, A_ACTS);
  insertActivities(B, B_ACTS);
});
afterAll(async () => { await t.close(); });

// ---- A's figures, counted from A_ACTS --------------------------------------------------------------------
const inYear = (y: number) => A_ACTS.filter((x) => x.date.startsWith(`${y}-`));
function countOf<T>(rows: Spec[], key: (x: Spec) => T | T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const r of rows) for (const k of ([] as T[]).concat(key(r))) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
const areaGroup = (code: string) => (['ekb', 'missbruk', 'socpsyk'].includes(code) ? 'vuxen' : code);
/** A report's rows as key → count, leaving out the rows with none. */
const nonZero = (rows: { key: string; count: number }[]) => new Map(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));
const csvOf = async (url: string) => (await t.http.get(url).expect(200).expect('content-type', /text\/csv/)).text;
const totalLine = (csv: string) => csv.split('\r\n').find((l) => l.startsWith('Totalt;') || l.startsWith('Aktiviteter totalt;'));

interface Dist { total: number; rows: { key: string; label: string; count: number }[] }

describe('reports for unit A with unit B in the same database', () => {
  it('distribution by goal, area group, format, type, line, assignment, municipality and staff: A only', async () => {
    const y = inYear(2022);
    // Per dimension: A's expected rows, and the keys B's registers would show under if they leaked in.
    const cases: [string, Map<string, number>, string[]][] = [
      ['goal', countOf(y, (x) => x.goal), ['b-only']],
      ['areaGroup', countOf(y, (x) => areaGroup(x.area)), ['b-omrade']],
      ['area', countOf(y, (x) => x.area), ['b-omrade']],
      ['format', countOf(y, (x) => x.format), []],
      ['type', countOf(y, (x) => String(A.types[x.type])), [String(B.types[0])]],
      ['line', countOf(y, (x) => x.line ?? 'none'), []],
      ['assignment', countOf(y, (x) => (x.assignment ? String(A.assignmentId) : 'none')), [String(B.assignmentId)]],
      ['municipality', countOf(y, (x) => x.munis), ['botkyrka', 'haninge']],
      ['staff', countOf(y, (x) => (x.staff ? [String(A.staffId)] : [])), [String(B.staffId)]],
    ];
    for (const [dimension, expected, bKeys] of cases) {
      const res = await t.http.get(`/api/v1/reports/distribution?dimension=${dimension}&year=2022`).expect(200);
      const body = res.body as Dist;
      // Every dimension's total is the year's activities (municipality and staff count each activity once).
      expect({ dimension, total: body.total, rows: nonZero(body.rows) }).toEqual({ dimension, total: y.length, rows: expected });
      expect(body.rows.map((r) => r.key).filter((k) => bKeys.includes(k))).toEqual([]);
      const csv = await csvOf(`/api/v1/reports/distribution?dimension=${dimension}&year=2022&output=csv`);
      expect(totalLine(csv)?.split(';').slice(0, 2)).toEqual(['Totalt', String(y.length)]);
    }
    expect((await t.http.get('/api/v1/reports/distribution?dimension=goal&year=2022').expect(200)).body.rows.map((r: { key: string }) => r.key)).toEqual(aGoalKeys);
  });

  it('distribution over all time, and over part of a year (read from the activities, not the count tables)', async () => {
    const all = (await t.http.get('/api/v1/reports/distribution?dimension=goal').expect(200)).body as Dist;
    expect(all.total).toBe(A_ACTS.length);
    expect(nonZero(all.rows)).toEqual(countOf(A_ACTS, (x) => x.goal));
    const part = (await t.http.get('/api/v1/reports/distribution?dimension=format&from=2022-02-01&to=2022-06-30').expect(200)).body as Dist;
    const inPart = A_ACTS.filter((x) => x.date >= '2022-02-01' && x.date <= '2022-06-30');
    expect(part.total).toBe(inPart.length);
    expect(nonZero(part.rows)).toEqual(countOf(inPart, (x) => x.format));
    const munis = (await t.http.get('/api/v1/reports/distribution?dimension=municipality&from=2022-02-01&to=2022-06-30').expect(200)).body as Dist;
    expect(munis.total).toBe(inPart.length);
    expect(nonZero(munis.rows)).toEqual(countOf(inPart, (x) => x.munis));
  });

  it('crosstab format × line and area × goal: A only, in JSON and CSV', async () => {
    const y = inYear(2022);
    for (const [rows, cols, rowKey, colKey] of [
      ['format', 'line', (x: Spec) => x.format, (x: Spec) => x.line ?? 'none'],
      ['area', 'goal', (x: Spec) => x.area, (x: Spec) => x.goal],
    ] as const) {
      const res = await t.http.get(`/api/v1/reports/crosstab?rows=${rows}&cols=${cols}&year=2022`).expect(200);
      const body = res.body as { rows: { key: string }[]; columns: { key: string }[]; counts: number[][]; grandTotal: number };
      const cells = new Map<string, number>();
      body.rows.forEach((r, i) => body.columns.forEach((c, j) => { if (body.counts[i]![j]! > 0) cells.set(`${r.key}|${c.key}`, body.counts[i]![j]!); }));
      expect(cells).toEqual(countOf(y, (x) => `${rowKey(x)}|${colKey(x)}`));
      expect(body.grandTotal).toBe(y.length);
      const csv = await csvOf(`/api/v1/reports/crosstab?rows=${rows}&cols=${cols}&year=2022&output=csv`);
      expect(totalLine(csv)?.split(';').at(-1)).toBe(String(y.length));
    }
  });

  it('trend 2021–2023 by goal and by format: A only', async () => {
    for (const [dimension, key] of [['goal', (x: Spec) => x.goal], ['format', (x: Spec) => x.format]] as const) {
      const res = await t.http.get(`/api/v1/reports/trend?dimension=${dimension}&fromYear=2021&toYear=2023`).expect(200);
      const body = res.body as { years: number[]; totals: number[]; series: { key: string; counts: number[] }[] };
      expect(body.totals).toEqual([2021, 2022, 2023].map((y) => inYear(y).length));
      for (const [i, y] of [2021, 2022, 2023].entries()) {
        const got = new Map(body.series.filter((x) => x.counts[i]! > 0).map((x) => [x.key, x.counts[i]!]));
        expect(got).toEqual(countOf(inYear(y), key));
      }
      const csv = await csvOf(`/api/v1/reports/trend?dimension=${dimension}&fromYear=2021&toYear=2023&output=csv`);
      // The file has the years the overview shows: those with activities.
      expect(totalLine(csv)).toBe(['Totalt', ...[2021, 2022, 2023].map((y) => inYear(y).length).filter((n) => n > 0)].join(';'));
    }
  });

  it('reach: A\'s eight municipalities, counted from A\'s activities', async () => {
    const y = inYear(2022);
    const body = (await t.http.get('/api/v1/reports/reach?year=2022').expect(200)).body as {
      total: number; reachedCount: number; municipalityCount: number; municipalities: { code: string; count: number }[];
    };
    const expected = countOf(y, (x) => x.munis);
    expect(body.total).toBe(y.length);
    expect(body.municipalityCount).toBe(A.munis.size);
    expect(body.reachedCount).toBe(expected.size);
    expect(nonZero(body.municipalities.map((m) => ({ key: m.code, count: m.count })))).toEqual(expected);
    const csv = await csvOf('/api/v1/reports/reach?year=2022&output=csv');
    expect(totalLine(csv)).toBe(`Aktiviteter totalt;${y.length};;${expected.size} av ${A.munis.size} nådda`);
  });

  it('the VB tables and their XLSX: A\'s count, per area group and goal', async () => {
    const y = inYear(2022);
    const body = (await t.http.get('/api/v1/reports/vb/2022').expect(200)).body as { activityCount: number; tables: { id: string; rows: { key: string; count: number }[] }[] };
    expect(body.activityCount).toBe(y.length);
    expect(nonZero(body.tables.find((x) => x.id === 'verksamhetsomrade')!.rows)).toEqual(countOf(y, (x) => areaGroup(x.area)));
    expect(nonZero(body.tables.find((x) => x.id === 'resultatmal')!.rows)).toEqual(countOf(y, (x) => x.goal));
    const xlsx = await t.http.get('/api/v1/reports/vb/2022?output=xlsx').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    for (const sheet of wb.worksheets) {
      const last = sheet.getRow(sheet.rowCount);
      expect([last.getCell(1).value, last.getCell(2).value]).toEqual(['Totalt', y.length]);
    }
  });

  it('years with data: A\'s activities and plan items only', async () => {
    const body = (await t.http.get('/api/v1/reports/years').expect(200)).body as { years: { year: number; activities: number; planItems: number }[] };
    // A: activities in 2021 and 2022; plan items two in 2022, one in 2021. B's 2023 activity and plan item are not A's.
    expect(body.years).toEqual([
      { year: 2022, activities: inYear(2022).length, planItems: 2 },
      { year: 2021, activities: inYear(2021).length, planItems: 1 },
    ]);
  });

  it('filters naming B\'s codes and ids are a 400 naming the field; A\'s own give A\'s figures', async () => {
    const base = '/api/v1/reports/distribution?dimension=format&year=2022';
    const b = {
      goal: 'b-only', area: 'b-omrade', municipality: 'botkyrka',
      type: String(B.types[0]), staff: String(B.staffId), assignment: String(B.assignmentId),
    };
    for (const [field, value] of Object.entries(b)) {
      for (const url of [`${base}&${field}=${value}`, `/api/v1/reports/trend?dimension=goal&fromYear=2021&toYear=2022&${field}=${value}`]) {
        const res = await t.http.get(url).expect(400);
        expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      }
    }
    const y = inYear(2022);
    const own: [string, (x: Spec) => boolean][] = [
      [`goal=spridning`, (x) => x.goal === 'spridning'],
      [`area=vuxen`, (x) => areaGroup(x.area) === 'vuxen'],
      [`area=ifo`, (x) => x.area === 'ifo'],
      [`municipality=solna`, (x) => x.munis.includes('solna')],
      [`type=${A.types[1]}`, (x) => x.type === 1],
      [`staff=${A.staffId}`, (x) => !!x.staff],
      [`assignment=${A.assignmentId}`, (x) => !!x.assignment],
      [`line=forsta`, (x) => x.line === 'forsta'],
    ];
    for (const [q, keep] of own) {
      const body = (await t.http.get(`${base}&${q}`).expect(200)).body as Dist;
      expect({ q, total: body.total }).toEqual({ q, total: y.filter(keep).length });
      // Through the count tables too (by goal, whole year), where only goal and area filters are theirs.
      const byGoal = (await t.http.get(`/api/v1/reports/distribution?dimension=goal&year=2022&${q}`).expect(200)).body as Dist;
      expect({ q, rows: nonZero(byGoal.rows) }).toEqual({ q, rows: countOf(y.filter(keep), (x) => x.goal) });
    }
  });
});

describe('the plan for unit A with unit B in the same database', () => {
  it('lists and follows up A\'s items only; an origin in B is not shown', async () => {
    const list = (await t.http.get('/api/v1/plan-items?year=2022').expect(200)).body as { id: number }[];
    expect(list.map((i) => i.id).sort()).toEqual(A.planIds.slice(0, 2).sort());
    expect((await t.http.get('/api/v1/plan-items?year=2023').expect(200)).body).toEqual([]);
    const odd = (await t.http.get(`/api/v1/plan-items/${A.planIds[2]}`).expect(200)).body as { carriedFrom: unknown; staff: { id: number }[] };
    expect(odd.carriedFrom).toBeNull();
    expect(odd.staff.map((x) => x.id)).toEqual([A.staffId]);
    await t.http.get('/api/v1/plan-items?year=2022&goal=b-only').expect(400);
    await t.http.get('/api/v1/plan-items?year=2022&area=b-omrade').expect(400);

    const f = (await t.http.get('/api/v1/plan-followup?year=2022&asOf=2022-12-31').expect(200)).body as {
      items: { id: number; activityCount: number }[]; totals: { planned: number; withActivity: number };
    };
    const linked = countOf(A_ACTS.filter((x) => x.plan !== undefined), (x) => A.planIds[x.plan!]!);
    expect(new Map(f.items.map((i) => [i.id, i.activityCount]))).toEqual(new Map(A.planIds.slice(0, 2).map((id) => [id, linked.get(id) ?? 0])));
    expect(f.totals).toMatchObject({ planned: 2, withActivity: 2 });
    const csv = await csvOf('/api/v1/plan-followup?year=2022&asOf=2022-12-31&output=csv');
    expect(csv).not.toContain('B:s punkt');
    expect(totalLine(csv)).toBe('Totalt;2;2');
    expect(((await t.http.get('/api/v1/plan-followup?year=2023').expect(200)).body as { items: unknown[] }).items).toEqual([]);
  });

  it('B\'s items are 404 to GET, PUT and DELETE, and stay as they were', async () => {
    const before = unitBPlan();
    for (const id of B.planIds) {
      await t.http.get(`/api/v1/plan-items/${id}`).expect(404);
      await t.http.put(`/api/v1/plan-items/${id}`).send({
        year: 2022, title: 'Tagen av A', goalId: A.goals.get('spridning'), areaId: A.areas.get('bou'), status: 'genomford', staffIds: [A.staffId], version: 1,
      }).expect(404);
      await t.http.delete(`/api/v1/plan-items/${id}`).expect(404);
      await t.http.delete(`/api/v1/plan-items/${id}?version=1`).expect(404);
    }
    expect(unitBPlan()).toEqual(before);
    const audit = t.app.db.select().from(s.auditLog).where(and(eq(s.auditLog.entity, 'plan_item'), inArray(s.auditLog.entityId, B.planIds))).all();
    expect(audit).toEqual([]);
  });

  it('copying A\'s plan into a year where B has items copies A\'s and leaves B\'s alone', async () => {
    const before = unitBPlan();
    const res = await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2022, toYear: 2023 }).expect(201);
    const body = res.body as { copied: number; carried: number; items: { carriedFrom: { id: number } | null; staff: { id: number }[] }[] };
    expect(body.copied).toBe(2);
    // Only the unfinished one (pagar) carries its origin; genomford does not.
    expect(body.items.map((i) => i.carriedFrom?.id ?? null).sort()).toEqual([A.planIds[0], null].sort());
    expect(body.items.every((i) => i.staff.map((x) => x.id).join() === String(A.staffId))).toBe(true);
    expect(unitBPlan()).toEqual(before);
    const a2023 = t.app.db.select().from(s.planItems).where(and(eq(s.planItems.unitId, A.id), eq(s.planItems.year, 2023))).all();
    expect(a2023).toHaveLength(2);
    // A's 2023 is A's two copies; B's 2023 item is not counted.
    const years = (await t.http.get('/api/v1/reports/years').expect(200)).body as { years: { year: number; planItems: number }[] };
    expect(years.years.find((x) => x.year === 2023)).toEqual({ year: 2023, activities: 0, planItems: 2 });
  });
});
