/**
 * The reports over a seeded random dataset: every expected figure is counted here from the generated rows,
 * independently of the report code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../src/seed/random.ts';
import { insertActivities, type DemoActivity } from '../src/seed/demo-data.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

const pct = (count: number, total: number) => (total === 0 ? 0 : Math.floor((200 * count + total) / (2 * total)));
const LEAVES = ['ifo', 'bou', 'ekb', 'missbruk', 'socpsyk'];
const GROUP_OF: Record<string, string> = { ifo: 'ifo', bou: 'bou', ekb: 'vuxen', missbruk: 'vuxen', socpsyk: 'vuxen' };
const UNREACHED = 'sigtuna';

interface Ref {
  municipalities: { id: number; code: string; name: string }[];
  staff: { id: number; name: string }[];
  activityTypes: { id: number; name: string }[];
  assignments: { id: number; title: string }[];
  goalFrameworks: { code: string; goals: { id: number; key: string; name: string }[] }[];
}

let t: TestApp;
let r: Refs;
let ref: Ref;
let rows: DemoActivity[];

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t, { staff: 4, assignments: 3 });
  ref = (await t.http.get('/api/v1/reference').expect(200)).body as Ref;
  const rng = createRng(4242);
  const munis = ref.municipalities.filter((m) => m.code !== UNREACHED).map((m) => m.id);
  const start = Date.UTC(2022, 0, 1);
  rows = Array.from({ length: 600 }, (_, i) => {
    // Dates over 2022-2025, with a cluster around the framework change at New Year 2024.
    const day = i % 10 === 0 ? rng.int(725, 735) : rng.int(0, 4 * 365);
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    const fw = date <= '2023-12-31' ? 'vp2018' : 'vp2024';
    const goalKey = rng.pick(Object.keys(r.goals[fw]));
    return {
      date, year: Number(date.slice(0, 4)), title: `Aktivitet ${i}`, description: null,
      goalId: r.goals[fw][goalKey]!, areaId: r.areas[rng.pick(LEAVES)]!, typeId: rng.pick(r.types),
      format: rng.pick(['fysiskt', 'digitalt', 'hybrid'] as const), participants: null,
      assignmentId: rng.next() < 0.4 ? null : rng.pick(r.assignments),
      line: rng.pick(['forsta', 'andra', null] as const),
      municipalityIds: rng.sample(munis, rng.int(0, 3)),
      staffIds: rng.sample(r.staff, rng.int(1, 3)),
    };
  });
  insertActivities(t.app.db, t.unitId, rows.slice(0, 590));
  // The last ones through the API, as staff record them.
  for (const a of rows.slice(590)) {
    await t.http.post('/api/v1/activities').send(validBody(r, {
      date: a.date, title: a.title, goalId: a.goalId, areaId: a.areaId, typeId: a.typeId, format: a.format,
      assignmentId: a.assignmentId, line: a.line, municipalityIds: a.municipalityIds, staffIds: a.staffIds,
      // An activity without municipalities must say so ("ingen ägarkommun").
      noOwnerMunicipality: a.municipalityIds.length === 0,
    })).expect(201);
  }
});
afterAll(async () => { await t.close(); });

/** The keys of an activity under each dimension, computed from the generated row. */
function keysOf(a: DemoActivity, dim: string): string[] {
  const area = r.areaCodeById.get(a.areaId)!;
  switch (dim) {
    case 'goal': return [r.goalKeyById.get(a.goalId)!];
    case 'areaGroup': return [GROUP_OF[area]!];
    case 'area': return [area];
    case 'type': return [String(a.typeId)];
    case 'format': return [a.format];
    case 'line': return [a.line ?? 'none'];
    case 'assignment': return [a.assignmentId === null ? 'none' : String(a.assignmentId)];
    case 'staff': return a.staffIds.map(String);
    case 'municipality': return a.municipalityIds.map((m) => r.municipalityCodeById.get(m)!);
  }
  throw new Error(dim);
}

const goalsOf = (fw: string) => ref.goalFrameworks.find((f) => f.code === fw)!.goals;

/** Every row of a dimension in reference order (none last, when some activity lacks a value). */
function expectedKeys(dim: string, selected: DemoActivity[], fw = 'vp2018'): string[] {
  const withNone = (keys: string[]) => (selected.some((a) => keysOf(a, dim)[0] === 'none') ? [...keys, 'none'] : keys);
  switch (dim) {
    case 'goal': return goalsOf(fw).map((g) => g.key);
    case 'areaGroup': return ['ifo', 'bou', 'vuxen'];
    case 'area': return LEAVES;
    case 'type': return ref.activityTypes.map((x) => String(x.id));
    case 'format': return ['fysiskt', 'digitalt', 'hybrid'];
    case 'line': return withNone(['forsta', 'andra']);
    case 'assignment': return withNone(ref.assignments.map((x) => String(x.id)));
    case 'staff': return ref.staff.map((x) => String(x.id));
    case 'municipality': return ref.municipalities.map((x) => x.code);
  }
  throw new Error(dim);
}

function tally(selected: DemoActivity[], dim: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of selected) for (const k of keysOf(a, dim)) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

const inYear = (y: number) => (a: DemoActivity) => a.year === y;

interface DistRow { key: string; label: string; count: number; share: number; percent: number }

describe('GET /reports/distribution', () => {
  const dims = ['goal', 'areaGroup', 'area', 'type', 'format', 'line', 'staff', 'municipality', 'assignment'];

  it.each(dims)('counts %s for 2023: every value in reference order, zeros included', async (dim) => {
    const selected = rows.filter(inYear(2023));
    const res = await t.http.get('/api/v1/reports/distribution').query({ dimension: dim, year: 2023 }).expect(200);
    const body = res.body as { rows: DistRow[]; total: number; multiValued: boolean; note: string | null; percentSum: number; period: unknown };
    const counts = tally(selected, dim);
    expect(body.period).toEqual({ from: '2023-01-01', to: '2023-12-31', year: 2023 });
    expect(body.total).toBe(selected.length);
    expect(body.rows.map((x) => x.key)).toEqual(expectedKeys(dim, selected));
    for (const row of body.rows) {
      const n = counts.get(row.key) ?? 0;
      expect(row.count).toBe(n);
      expect(row.share).toBeCloseTo(n / selected.length, 12);
      expect(row.percent).toBe(pct(n, selected.length));
    }
    expect(body.percentSum).toBe(body.rows.reduce((s, x) => s + x.percent, 0));
    const multi = dim === 'staff' || dim === 'municipality';
    expect(body.multiValued).toBe(multi);
    if (multi) expect(body.note).toMatch(/summerar inte till 100 %/);
    else {
      expect(body.note).toBeNull();
      expect(body.rows.reduce((s, x) => s + x.count, 0)).toBe(selected.length);
    }
  });

  it('lists the unreached municipality with 0', async () => {
    const res = await t.http.get('/api/v1/reports/distribution').query({ dimension: 'municipality' }).expect(200);
    const row = (res.body.rows as DistRow[]).find((x) => x.key === UNREACHED);
    expect(row).toMatchObject({ count: 0, share: 0, percent: 0, label: 'Sigtuna' });
  });

  it('labels goals with the framework of a period inside it, and with the latest names across the change', async () => {
    const y2023 = (await t.http.get('/api/v1/reports/distribution').query({ dimension: 'goal', year: 2023 }).expect(200)).body.rows as DistRow[];
    expect(y2023.map((x) => x.label)).toEqual(goalsOf('vp2018').map((g) => g.name));
    const across = (await t.http.get('/api/v1/reports/distribution').query({ dimension: 'goal', from: '2023-12-31', to: '2024-01-01' }).expect(200)).body as { rows: DistRow[]; total: number };
    const selected = rows.filter((a) => a.date >= '2023-12-31' && a.date <= '2024-01-01');
    expect(selected.length).toBeGreaterThan(0);
    expect(across.total).toBe(selected.length);
    expect(across.rows.map((x) => x.key)).toEqual(goalsOf('vp2024').map((g) => g.key));
    expect(across.rows.map((x) => x.label)).toEqual(goalsOf('vp2024').map((g) => g.name));
    const counts = tally(selected, 'goal');
    for (const row of across.rows) expect(row.count).toBe(counts.get(row.key) ?? 0);
  });

  it('honours period boundaries to the day', async () => {
    for (const [from, to] of [['2023-12-31', '2023-12-31'], ['2024-01-01', '2024-03-31'], ['2022-06-15', '2024-06-14']] as const) {
      const res = await t.http.get('/api/v1/reports/distribution').query({ dimension: 'format', from, to }).expect(200);
      expect(res.body.total).toBe(rows.filter((a) => a.date >= from && a.date <= to).length);
      expect(res.body.period).toEqual({ from, to, year: null });
    }
    const all = await t.http.get('/api/v1/reports/distribution').query({ dimension: 'format' }).expect(200);
    expect(all.body.total).toBe(rows.length);
    expect(all.body.period).toEqual({ from: null, to: null, year: null });
  });

  it('applies each filter', async () => {
    const muni = ref.municipalities[0]!;
    const cases: [Record<string, string | number>, (a: DemoActivity) => boolean][] = [
      [{ municipality: muni.code }, (a) => a.municipalityIds.includes(muni.id)],
      [{ staff: r.staff[1]! }, (a) => a.staffIds.includes(r.staff[1]!)],
      [{ type: r.types[2]! }, (a) => a.typeId === r.types[2]],
      [{ assignment: r.assignments[0]! }, (a) => a.assignmentId === r.assignments[0]],
      [{ line: 'andra' }, (a) => a.line === 'andra'],
      [{ format: 'hybrid' }, (a) => a.format === 'hybrid'],
      [{ goal: 'spridning' }, (a) => r.goalKeyById.get(a.goalId) === 'spridning'],
      [{ area: 'vuxen' }, (a) => GROUP_OF[r.areaCodeById.get(a.areaId)!] === 'vuxen'],
      [{ area: 'ekb', format: 'digitalt' }, (a) => r.areaCodeById.get(a.areaId) === 'ekb' && a.format === 'digitalt'],
    ];
    for (const [filter, match] of cases) {
      const selected = rows.filter((a) => a.year === 2024 && match(a));
      const res = await t.http.get('/api/v1/reports/distribution').query({ dimension: 'areaGroup', year: 2024, ...filter }).expect(200);
      const counts = tally(selected, 'areaGroup');
      expect(res.body.total, JSON.stringify(filter)).toBe(selected.length);
      expect((res.body.rows as DistRow[]).map((x) => x.count)).toEqual(['ifo', 'bou', 'vuxen'].map((k) => counts.get(k) ?? 0));
    }
  });

  it('rounds by largest remainder on request, summing to exactly 100', async () => {
    const res = await t.http.get('/api/v1/reports/distribution').query({ dimension: 'type', year: 2022, rounding: 'largestRemainder' }).expect(200);
    expect(res.body.rounding).toBe('largestRemainder');
    expect(res.body.percentSum).toBe(100);
    const total = rows.filter(inYear(2022)).length;
    // Each row is the floor of its exact share or one more.
    for (const row of res.body.rows as DistRow[]) expect(row.percent - Math.floor((100 * row.count) / total)).toBeOneOf([0, 1]);
  });
});

describe('GET /reports/crosstab', () => {
  it('crosses goal by area group with consistent totals and row percents', async () => {
    const selected = rows.filter(inYear(2025));
    const res = await t.http.get('/api/v1/reports/crosstab').query({ rows: 'goal', cols: 'areaGroup', year: 2025 }).expect(200);
    const b = res.body as { rows: { key: string }[]; columns: { key: string }[]; counts: number[][]; rowTotals: number[]; columnTotals: number[]; grandTotal: number; percents: number[][]; percentBase: string };
    expect(b.rows.map((x) => x.key)).toEqual(goalsOf('vp2024').map((g) => g.key));
    expect(b.columns.map((x) => x.key)).toEqual(['ifo', 'bou', 'vuxen']);
    b.rows.forEach((row, i) => b.columns.forEach((col, j) => {
      const n = selected.filter((a) => keysOf(a, 'goal')[0] === row.key && keysOf(a, 'areaGroup')[0] === col.key).length;
      expect(b.counts[i]![j]).toBe(n);
      expect(b.percents[i]![j]).toBe(pct(n, b.rowTotals[i]!));
    }));
    expect(b.grandTotal).toBe(selected.length);
    expect(b.rowTotals.reduce((s, n) => s + n, 0)).toBe(selected.length);
    expect(b.columnTotals.reduce((s, n) => s + n, 0)).toBe(selected.length);
    expect(b.percentBase).toBe('row');
  });

  it('takes column and total bases, and a none row for unset lines', async () => {
    const selected = rows.filter(inYear(2022));
    const col = (await t.http.get('/api/v1/reports/crosstab').query({ rows: 'line', cols: 'format', year: 2022, percent: 'col' }).expect(200)).body;
    expect(col.rows.map((x: { key: string }) => x.key)).toEqual(['forsta', 'andra', 'none']);
    col.columns.forEach((c: { key: string }, j: number) => col.rows.forEach((row: { key: string }, i: number) => {
      const n = selected.filter((a) => (a.line ?? 'none') === row.key && a.format === c.key).length;
      expect(col.counts[i][j]).toBe(n);
      expect(col.percents[i][j]).toBe(pct(n, col.columnTotals[j]));
    }));
    const total = (await t.http.get('/api/v1/reports/crosstab').query({ rows: 'line', cols: 'format', year: 2022, percent: 'total' }).expect(200)).body;
    expect(total.percents[0][0]).toBe(pct(total.counts[0][0], selected.length));
  });
});

describe('GET /reports/trend', () => {
  it('matches goals across the 2024 framework change by key, labelled with each year\'s names', async () => {
    const res = await t.http.get('/api/v1/reports/trend').query({ dimension: 'goal', fromYear: 2021, toYear: 2025 }).expect(200);
    const b = res.body as { years: number[]; totals: number[]; series: { key: string; labels: Record<string, string>; counts: number[]; percents: number[] }[] };
    expect(b.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(b.totals).toEqual(b.years.map((y) => rows.filter(inYear(y)).length));
    expect(b.totals[0]).toBe(0);
    expect(b.series.map((s) => s.key).sort()).toEqual(goalsOf('vp2024').map((g) => g.key).sort());
    for (const s of b.series) {
      const old = goalsOf('vp2018').find((g) => g.key === s.key)!;
      const now = goalsOf('vp2024').find((g) => g.key === s.key)!;
      expect(s.labels['2023']).toBe(old.name);
      expect(s.labels['2024']).toBe(now.name);
      b.years.forEach((y, i) => {
        const n = rows.filter((a) => a.year === y && r.goalKeyById.get(a.goalId) === s.key).length;
        expect(s.counts[i]).toBe(n);
        expect(s.percents[i]).toBe(pct(n, b.totals[i]!));
      });
    }
  });

  it('labels a renamed goal with its old name for the years before the rename', async () => {
    const goal = goalsOf('vp2018').find((g) => g.key === 'metodstod')!;
    t.app.db.$client.prepare('insert into goal_name_history (goal_id, name, replaced_on) values (?, ?, ?)').run(goal.id, 'Metodstöd (gammalt namn)', '2023-06-01');
    try {
      const res = await t.http.get('/api/v1/reports/trend').query({ dimension: 'goal', fromYear: 2022, toYear: 2023 }).expect(200);
      const s = (res.body.series as { key: string; labels: Record<string, string> }[]).find((x) => x.key === 'metodstod')!;
      expect(s.labels).toEqual({ 2022: 'Metodstöd (gammalt namn)', 2023: goal.name });
      const d = await t.http.get('/api/v1/reports/distribution').query({ dimension: 'goal', year: 2022 }).expect(200);
      expect((d.body.rows as DistRow[]).find((x) => x.key === 'metodstod')!.label).toBe('Metodstöd (gammalt namn)');
    } finally {
      t.app.db.$client.prepare('delete from goal_name_history where goal_id = ?').run(goal.id);
    }
  });

  it('follows other dimensions with filters', async () => {
    const res = await t.http.get('/api/v1/reports/trend').query({ dimension: 'format', fromYear: 2022, toYear: 2025, area: 'bou' }).expect(200);
    const selected = rows.filter((a) => r.areaCodeById.get(a.areaId) === 'bou');
    for (const s of res.body.series as { key: string; counts: number[] }[]) {
      expect(s.counts).toEqual([2022, 2023, 2024, 2025].map((y) => selected.filter((a) => a.year === y && a.format === s.key).length));
    }
  });
});

describe('GET /reports/reach', () => {
  it('counts each municipality once per activity and names the unreached', async () => {
    const selected = rows.filter(inYear(2024));
    const res = await t.http.get('/api/v1/reports/reach').query({ year: 2024 }).expect(200);
    const b = res.body as { total: number; reachedCount: number; municipalityCount: number; municipalities: { code: string; count: number; percent: number; reached: boolean }[]; notReached: { code: string; name: string }[] };
    expect(b.total).toBe(selected.length);
    expect(b.municipalities.map((m) => m.code)).toEqual(ref.municipalities.map((m) => m.code));
    for (const m of b.municipalities) {
      const id = r.municipalities[m.code]!;
      const n = selected.filter((a) => a.municipalityIds.includes(id)).length;
      expect(m.count).toBe(n);
      expect(m.percent).toBe(pct(n, selected.length));
      expect(m.reached).toBe(n > 0);
    }
    expect(b.notReached).toEqual([{ code: UNREACHED, name: 'Sigtuna' }]);
    expect(b.municipalityCount).toBe(ref.municipalities.length);
    expect(b.reachedCount).toBe(ref.municipalities.length - 1);
  });
});

describe('inactive reference values', () => {
  it('leave a report when nothing in it used them, and stay while something did', async () => {
    const ekero = ref.municipalities.find((m) => m.code === 'ekero')!;
    const sigtuna = ref.municipalities.find((m) => m.code === UNREACHED)!;
    await t.http.patch(`/api/v1/municipalities/${ekero.id}`).send({ active: false }).expect(200);
    await t.http.patch(`/api/v1/municipalities/${sigtuna.id}`).send({ active: false }).expect(200);
    try {
      const res = await t.http.get('/api/v1/reports/reach').query({ year: 2024 }).expect(200);
      const codes = (res.body.municipalities as { code: string }[]).map((m) => m.code);
      expect(rows.some((a) => a.year === 2024 && a.municipalityIds.includes(ekero.id))).toBe(true);
      expect(codes).toContain('ekero');
      expect(codes).not.toContain(UNREACHED);
      expect(res.body.notReached).toEqual([]);
    } finally {
      await t.http.patch(`/api/v1/municipalities/${ekero.id}`).send({ active: true }).expect(200);
      await t.http.patch(`/api/v1/municipalities/${sigtuna.id}`).send({ active: true }).expect(200);
    }
  });
});
