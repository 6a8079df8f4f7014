/**
 * The annual report's tables. Counts come from one GROUP BY per report: over activity_counts or
 * activity_municipality_counts (kept by triggers, a few hundred rows a year) when the question is by goal, area
 * or municipality over whole years, otherwise over the covering report index. The small reference tables are read into JS (and kept until they change), to give every value
 * of a dimension its label and its place.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { goalNameForYear, roundPercents, percentsHalfUp, yearOf, type RoundingMethod } from '@fou/domain';
import type { Db } from '../../db/client.ts';
import { UnitScope } from '../../db/unit-scope.ts';
import * as t from '../../db/schema.ts';
import { cachedByReferenceVersion } from '../../db/reference-cache.ts';
import { referenceData } from '../../seed/reference-seed.ts';
import { activityFilters } from '../activities/activity.service.ts';
import { areaIdsWithChildren, FORMATS, goalIdsForKey } from '../reference/reference.service.ts';
import type {
  Crosstab, CrosstabQuery, Dimension, Distribution, DistributionQuery, Filters, PeriodQuery, Reach, ReachQuery,
  SingleDimension, Trend, TrendQuery, Vb, VbQuery, Years,
} from './reports.schemas.ts';
import { MULTI_VALUED } from './reports.schemas.ts';

export const NONE_KEY = 'none';
const NONE_LABEL = 'Ej angivet';
const MULTI_NOTE = {
  municipality: 'En aktivitet kan ha flera deltagande kommuner och räknas då en gång per kommun: andelarna avser andel av aktiviteterna och summerar inte till 100 %.',
  staff: 'En aktivitet kan ha flera medarbetare och räknas då en gång per medarbetare: andelarna avser andel av aktiviteterna och summerar inte till 100 %.',
} as const;

// One collator for the request's sorting: localeCompare with a locale builds a new one on every call.
const swedish = new Intl.Collator('sv');

interface Framework { id: number; code: string; name: string; validFrom: string; validTo: string | null }
interface Goal { id: number; key: string; name: string; frameworkId: number; sortOrder: number; history: { name: string; replacedOn: string }[] }

/** The unit's reference tables, as labels and order for the reports. */
interface Ctx {
  frameworks: Framework[];
  goals: Goal[];
  areas: { id: number; code: string; name: string; reportLabel: string | null; parentId: number | null; sortOrder: number }[];
  municipalities: { id: number; code: string; name: string; active: boolean }[];
  staff: { id: number; name: string; active: boolean }[];
  types: { id: number; name: string; active: boolean }[];
  assignments: { id: number; title: string; active: boolean }[];
}

/**
 * The lookups as statements prepared once per connection: at a report's scale their preparing, not their
 * reading, is what would show next to the GROUP BY.
 */
const LOOKUPS = {
  frameworks: 'select id, code, name, valid_from as validFrom, valid_to as validTo from goal_frameworks where unit_id = ? order by valid_from',
  goals: `select g.id, g.key, g.name, g.framework_id as frameworkId, g.sort_order as sortOrder from goals g
    join goal_frameworks f on f.id = g.framework_id where f.unit_id = ? order by g.sort_order, g.id`,
  history: `select h.goal_id as goalId, h.name, h.replaced_on as replacedOn from goal_name_history h
    join goals g on g.id = h.goal_id join goal_frameworks f on f.id = g.framework_id where f.unit_id = ?
    order by h.replaced_on, h.id`,
  areas: 'select id, code, name, report_label as reportLabel, parent_id as parentId, sort_order as sortOrder from areas where unit_id = ? order by sort_order, id',
  municipalities: 'select id, code, name, active from municipalities where unit_id = ? order by sort_order, id',
  staff: 'select id, name, active from staff where unit_id = ?',
  types: 'select id, name, active from activity_types where unit_id = ? order by sort_order, id',
  assignments: 'select id, title, active from assignments where unit_id = ?',
} as const;
type Statement = ReturnType<Db['$client']['prepare']>;
const prepared = new WeakMap<Db['$client'], Record<keyof typeof LOOKUPS, Statement>>();

function loadCtx(db: Db, unitId: number): Ctx {
  return cachedByReferenceVersion(db, `report-ctx:${unitId}`, () => readCtx(db, unitId));
}

function readCtx(db: Db, unitId: number): Ctx {
  const client = db.$client;
  let st = prepared.get(client);
  if (!st) {
    st = Object.fromEntries(Object.entries(LOOKUPS).map(([k, q]) => [k, client.prepare(q)])) as Record<keyof typeof LOOKUPS, Statement>;
    prepared.set(client, st);
  }
  const all = <T>(k: keyof typeof LOOKUPS) => st[k].all(unitId) as T[];
  const bool = <T extends { active: number }>(rows: T[]) => rows.map((r): Omit<T, 'active'> & { active: boolean } => ({ ...r, active: r.active === 1 }));
  const history = all<{ goalId: number; name: string; replacedOn: string }>('history');
  return {
    frameworks: all<Framework>('frameworks'),
    goals: all<Omit<Goal, 'history'>>('goals').map((g) => ({
      ...g, history: history.filter((h) => h.goalId === g.id).map(({ name, replacedOn }) => ({ name, replacedOn })),
    })),
    areas: all<Ctx['areas'][number]>('areas'),
    municipalities: bool(all<{ id: number; code: string; name: string; active: number }>('municipalities')),
    staff: bool(all<{ id: number; name: string; active: number }>('staff')).sort((a, b) => swedish.compare(a.name, b.name) || a.id - b.id),
    types: bool(all<{ id: number; name: string; active: number }>('types')),
    assignments: bool(all<{ id: number; title: string; active: number }>('assignments')).sort((a, b) => swedish.compare(a.title, b.title) || a.id - b.id),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Periods and filters

interface Period { from: string | null; to: string | null; year: number | null }

function periodOf(q: PeriodQuery): Period {
  if (q.year !== undefined) return { from: `${q.year}-01-01`, to: `${q.year}-12-31`, year: q.year };
  return { from: q.from ?? null, to: q.to ?? null, year: null };
}

/**
 * The WHERE of a report, twice over: on activities (always), and on activity_counts when the count table can
 * answer it, i.e. the period is whole years and the only filters are goal and area (its own columns).
 */
interface ReportFilter { where: SQL[]; cube: CubeFilter | null }
interface CubeFilter { unitId: number; fromYear: number | null; toYear: number | null; goalIds: number[] | null; areaIds: number[] | null }

/** The count tables kept by triggers: activities per year, goal and area, and the same per municipality. */
type CountTable = typeof t.activityCounts | typeof t.activityMunicipalityCounts;

function cubeWhere(c: CountTable, f: CubeFilter): SQL[] {
  const where: SQL[] = [eq(c.unitId, f.unitId)];
  if (f.fromYear !== null) where.push(sql`${c.year} >= ${f.fromYear}`);
  if (f.toYear !== null) where.push(sql`${c.year} <= ${f.toYear}`);
  if (f.goalIds) where.push(inArray(c.goalId, f.goalIds));
  if (f.areaIds) where.push(inArray(c.areaId, f.areaIds));
  return where;
}

const wholeYears = (p: Period) =>
  (p.from === null || p.from.endsWith('-01-01')) && (p.to === null || p.to.endsWith('-12-31'));

function filterOf(db: Db, unitId: number, period: Period, f: Filters): ReportFilter {
  const a = t.activities;
  const where = activityFilters(db, unitId, {
    from: period.year === null ? period.from ?? undefined : undefined,
    to: period.year === null ? period.to ?? undefined : undefined,
    goal: f.goal, area: f.area, municipality: f.municipality, staff: f.staff, type: f.type, assignment: f.assignment,
  });
  if (period.year !== null) where.push(eq(a.year, period.year));
  else {
    // The year bounds add nothing logically; they let SQLite range-scan the (unit_id, year, …) index.
    if (period.from) where.push(sql`${a.year} >= ${yearOf(period.from)}`);
    if (period.to) where.push(sql`${a.year} <= ${yearOf(period.to)}`);
  }
  if (f.line) where.push(eq(a.line, f.line));
  if (f.format) where.push(eq(a.format, f.format));

  const onlyCubeFilters = [f.municipality, f.staff, f.type, f.assignment, f.line, f.format].every((v) => v === undefined);
  if (!onlyCubeFilters || !wholeYears(period)) return { where, cube: null };
  // activityFilters has already refused unknown keys and codes.
  const cube: CubeFilter = {
    unitId,
    fromYear: period.from ? yearOf(period.from) : null,
    toYear: period.to ? yearOf(period.to) : null,
    goalIds: f.goal === undefined ? null : goalIdsForKey(new UnitScope(db, unitId), f.goal)!,
    areaIds: f.area === undefined ? null : areaIdsWithChildren(new UnitScope(db, unitId), f.area)!,
  };
  return { where, cube };
}

// ---------------------------------------------------------------------------------------------------------
// Dimensions: the grouped column, how a grouped value maps to a row key, and every row in reference order.

interface DimValue { key: string; label: string; active: boolean }
interface DimSpec {
  expr: SQL;
  /** The same column in the count tables, for the dimensions they keep. */
  cubeColumn?: 'goalId' | 'areaId' | 'municipalityId';
  join?: 'municipality' | 'staff';
  keyOf: (raw: unknown) => string;
  values: DimValue[];
  /** Whether the dimension can be unset on an activity (a row "Ej angivet" then shows when it is). */
  nullable: boolean;
}

const labelYearOf = (period: Period) => (period.to ? yearOf(period.to) : 9999);

/** The frameworks a period touches, oldest first; all of them when it touches none. */
function frameworksIn(ctx: Ctx, period: Period): Framework[] {
  const from = period.from ?? '0000-01-01';
  const to = period.to ?? '9999-12-31';
  const hit = ctx.frameworks.filter((f) => f.validFrom <= to && (f.validTo ?? '9999-12-31') >= from);
  return hit.length ? hit : ctx.frameworks;
}

/**
 * Goal rows: inside one framework its goals and names; across frameworks matched by key, in the latest
 * framework's order and names, keys only older frameworks have following them.
 */
function goalValues(ctx: Ctx, frameworks: Framework[], labelYear: number): DimValue[] {
  const out = new Map<string, DimValue>();
  for (const f of [...frameworks].reverse()) {
    for (const g of ctx.goals.filter((x) => x.frameworkId === f.id)) {
      if (!out.has(g.key)) out.set(g.key, { key: g.key, label: goalNameForYear(g.name, g.history, labelYear), active: true });
    }
  }
  return [...out.values()];
}

function areaGroups(ctx: Ctx) {
  return ctx.areas.filter((a) => a.parentId === null);
}

function dimensionSpec(ctx: Ctx, dim: Dimension, period: Period, vbLabels = false): DimSpec {
  const a = t.activities;
  const byId = <T>(rows: T[], id: (r: T) => number) => new Map(rows.map((r) => [id(r), r]));
  switch (dim) {
    case 'goal': {
      const goals = byId(ctx.goals, (g) => g.id);
      return { expr: sql`${a.goalId}`, cubeColumn: 'goalId', keyOf: (raw) => goals.get(raw as number)?.key ?? String(raw), values: goalValues(ctx, frameworksIn(ctx, period), labelYearOf(period)), nullable: false };
    }
    case 'areaGroup': {
      const areas = byId(ctx.areas, (x) => x.id);
      return {
        expr: sql`${a.areaId}`,
        cubeColumn: 'areaId',
        keyOf: (raw) => {
          const area = areas.get(raw as number);
          const group = area?.parentId ? areas.get(area.parentId) : area;
          return group?.code ?? String(raw);
        },
        values: areaGroups(ctx).map((g) => ({ key: g.code, label: vbLabels ? g.reportLabel ?? g.name : g.name, active: true })),
        nullable: false,
      };
    }
    case 'area': {
      const areas = byId(ctx.areas, (x) => x.id);
      const parents = new Set(ctx.areas.map((x) => x.parentId));
      // The areas an activity can be recorded on: groups without children, and the children of the others.
      const leaves = areaGroups(ctx).flatMap((g) => (parents.has(g.id) ? ctx.areas.filter((x) => x.parentId === g.id) : [g]));
      return { expr: sql`${a.areaId}`, cubeColumn: 'areaId', keyOf: (raw) => areas.get(raw as number)?.code ?? String(raw), values: leaves.map((x) => ({ key: x.code, label: x.name, active: true })), nullable: false };
    }
    case 'type':
      return { expr: sql`${a.typeId}`, keyOf: String, values: ctx.types.map((x) => ({ key: String(x.id), label: x.name, active: x.active })), nullable: false };
    case 'format':
      return { expr: sql`${a.format}`, keyOf: String, values: FORMATS.map((x) => ({ key: x.code, label: x.name, active: true })), nullable: false };
    case 'line':
      return { expr: sql`${a.line}`, keyOf: String, values: referenceData.lines.map((x: { code: string; name: string }) => ({ key: x.code, label: x.name, active: true })), nullable: true };
    case 'assignment':
      return { expr: sql`${a.assignmentId}`, keyOf: String, values: ctx.assignments.map((x) => ({ key: String(x.id), label: x.title, active: x.active })), nullable: true };
    case 'staff':
      return { expr: sql`${t.activityStaff.staffId}`, join: 'staff', keyOf: String, values: ctx.staff.map((x) => ({ key: String(x.id), label: x.name, active: x.active })), nullable: false };
    case 'municipality': {
      const munis = byId(ctx.municipalities, (m) => m.id);
      return { expr: sql`${t.activityMunicipalities.municipalityId}`, join: 'municipality', cubeColumn: 'municipalityId', keyOf: (raw) => munis.get(raw as number)?.code ?? String(raw), values: ctx.municipalities.map((m) => ({ key: m.code, label: m.name, active: m.active })), nullable: false };
    }
  }
}

/** One GROUP BY over the filtered activities (or their counts), optionally by year first; null groups come back as key none. */
function countBy(db: Db, filter: ReportFilter, specs: DimSpec[], byYear = false): { keys: string[]; year: number | null; n: number }[] {
  const perMunicipality = specs.some((s) => s.cubeColumn === 'municipalityId');
  const cubeTable: CountTable = perMunicipality ? t.activityMunicipalityCounts : t.activityCounts;
  const fromCube = filter.cube !== null && specs.every((s) => s.cubeColumn);
  const column = (s: DimSpec) => {
    if (!fromCube) return s.expr;
    return s.cubeColumn === 'municipalityId' ? sql`${t.activityMunicipalityCounts.municipalityId}` : sql`${cubeTable[s.cubeColumn!]}`;
  };
  const groups = [
    ...(byYear ? [fromCube ? sql`${cubeTable.year}` : sql`${t.activities.year}`] : []),
    ...specs.map(column),
  ];
  const cols = groups.map((g, i) => sql`${g} as ${sql.raw(`g${i}`)}`);
  const groupBy = sql.join(groups.map((_, i) => sql.raw(`g${i}`)), sql`, `);
  let query: SQL;
  if (fromCube) {
    query = sql`select ${sql.join(cols, sql`, `)}, sum(${cubeTable.n}) as n from ${cubeTable} where ${and(...cubeWhere(cubeTable, filter.cube!))} group by ${groupBy}`;
  } else {
    const joins = specs.map((s) => s.join === 'municipality'
      ? sql` join ${t.activityMunicipalities} on ${t.activityMunicipalities.activityId} = ${t.activities.id}`
      : s.join === 'staff' ? sql` join ${t.activityStaff} on ${t.activityStaff.activityId} = ${t.activities.id}` : sql``);
    query = sql`select ${sql.join(cols, sql`, `)}, count(*) as n from ${t.activities}${sql.join(joins, sql``)} where ${and(...filter.where)} group by ${groupBy}`;
  }
  const offset = byYear ? 1 : 0;
  return db.all<Record<string, unknown>>(query).map((r) => ({
    year: byYear ? Number(r.g0) : null,
    keys: specs.map((s, i) => {
      const raw = r[`g${offset + i}`];
      return raw === null || raw === undefined ? NONE_KEY : s.keyOf(raw);
    }),
    n: Number(r.n),
  }));
}

function countActivities(db: Db, filter: ReportFilter): number {
  if (filter.cube) {
    return Number(db.select({ n: sql<number>`coalesce(sum(${t.activityCounts.n}), 0)` }).from(t.activityCounts).where(and(...cubeWhere(t.activityCounts, filter.cube))).get()!.n);
  }
  return db.select({ n: sql<number>`count(*)` }).from(t.activities).where(and(...filter.where)).get()!.n;
}

/** The rows a dimension shows: every active value, inactive ones that occur, and none when it occurs. */
function rowsOf(spec: DimSpec, counts: Map<string, number>): { key: string; label: string }[] {
  const rows = spec.values.filter((v) => v.active || (counts.get(v.key) ?? 0) > 0).map(({ key, label }) => ({ key, label }));
  if (spec.nullable && (counts.get(NONE_KEY) ?? 0) > 0) rows.push({ key: NONE_KEY, label: NONE_LABEL });
  return rows;
}

const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
const shareOf = (count: number, total: number) => (total > 0 ? count / total : 0);

// ---------------------------------------------------------------------------------------------------------
// Reports

export function distributionReport(db: Db, unitId: number, q: DistributionQuery): Distribution {
  const ctx = loadCtx(db, unitId);
  const period = periodOf(q);
  const filter = filterOf(db, unitId, period, q);
  const spec = dimensionSpec(ctx, q.dimension, period);
  const counts = new Map<string, number>();
  for (const r of countBy(db, filter, [spec])) add(counts, r.keys[0]!, r.n);
  const multiValued = MULTI_VALUED.includes(q.dimension);
  const total = multiValued ? countActivities(db, filter) : [...counts.values()].reduce((s, n) => s + n, 0);
  const rows = rowsOf(spec, counts);
  const rowCounts = rows.map((r) => counts.get(r.key) ?? 0);
  // Shares of activities under a multi-valued dimension overlap: only per-row rounding means anything there.
  const rounding: RoundingMethod = multiValued ? 'halfUp' : q.rounding;
  const percents = multiValued ? percentsHalfUp(rowCounts, total) : roundPercents(rowCounts, rounding);
  return {
    dimension: q.dimension,
    period,
    rounding,
    multiValued,
    note: multiValued ? MULTI_NOTE[q.dimension as 'staff' | 'municipality'] : null,
    total,
    rows: rows.map((r, i) => ({ ...r, count: rowCounts[i]!, share: shareOf(rowCounts[i]!, total), percent: percents[i]! })),
    percentSum: percents.reduce((s, p) => s + p, 0),
  };
}

export function crosstabReport(db: Db, unitId: number, q: CrosstabQuery): Crosstab {
  const ctx = loadCtx(db, unitId);
  const period = periodOf(q);
  const filter = filterOf(db, unitId, period, q);
  const rs = dimensionSpec(ctx, q.rows, period);
  const cs = dimensionSpec(ctx, q.cols, period);
  const cells = new Map<string, number>();
  const rowSums = new Map<string, number>();
  const colSums = new Map<string, number>();
  for (const r of countBy(db, filter, [rs, cs])) {
    add(cells, `${r.keys[0]}\u0000${r.keys[1]}`, r.n);
    add(rowSums, r.keys[0]!, r.n);
    add(colSums, r.keys[1]!, r.n);
  }
  const rows = rowsOf(rs, rowSums);
  const columns = rowsOf(cs, colSums);
  const counts = rows.map((r) => columns.map((c) => cells.get(`${r.key}\u0000${c.key}`) ?? 0));
  const rowTotals = counts.map((row) => row.reduce((s, n) => s + n, 0));
  const columnTotals = columns.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  const grandTotal = rowTotals.reduce((s, n) => s + n, 0);
  let percents: number[][];
  if (q.percent === 'row') percents = counts.map((row) => roundPercents(row, q.rounding));
  else if (q.percent === 'col') {
    const byCol = columns.map((_, j) => roundPercents(counts.map((row) => row[j]!), q.rounding));
    percents = counts.map((row, i) => row.map((_, j) => byCol[j]![i]!));
  } else {
    const flat = roundPercents(counts.flat(), q.rounding);
    percents = counts.map((_, i) => flat.slice(i * columns.length, (i + 1) * columns.length));
  }
  return { rows, columns, counts, rowTotals, columnTotals, grandTotal, percentBase: q.percent, percents };
}

export function trendReport(db: Db, unitId: number, q: TrendQuery): Trend {
  const ctx = loadCtx(db, unitId);
  const period: Period = { from: `${q.fromYear}-01-01`, to: `${q.toYear}-12-31`, year: null };
  const filter = filterOf(db, unitId, period, q);
  const spec = dimensionSpec(ctx, q.dimension, period);
  const years = Array.from({ length: q.toYear - q.fromYear + 1 }, (_, i) => q.fromYear + i);
  const cells = new Map<string, number>();
  const sums = new Map<string, number>();
  for (const r of countBy(db, filter, [spec], true)) {
    add(cells, `${r.year}\u0000${r.keys[0]}`, r.n);
    add(sums, r.keys[0]!, r.n);
  }
  const rows = rowsOf(spec, sums);
  const countsByYear = years.map((y) => rows.map((r) => cells.get(`${y}\u0000${r.key}`) ?? 0));
  const percentsByYear = countsByYear.map((c) => roundPercents(c, q.rounding));
  const labelsFor = (row: { key: string; label: string }) => Object.fromEntries(years.map((y) => [String(y), yearLabel(ctx, q.dimension, row, y)]));
  return {
    years,
    totals: countsByYear.map((c) => c.reduce((s, n) => s + n, 0)),
    series: rows.map((r, i) => ({
      key: r.key,
      labels: labelsFor(r),
      counts: countsByYear.map((c) => c[i]!),
      percents: percentsByYear.map((p) => p[i]!),
    })),
  };
}

/** A goal's name in a year: in the framework in force at the year's end, under the name it then had. */
function yearLabel(ctx: Ctx, dim: SingleDimension, row: { key: string; label: string }, year: number): string {
  if (dim !== 'goal') return row.label;
  const yearEnd = `${year}-12-31`;
  const ordered = [...ctx.frameworks].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const inForce = ordered.find((f) => f.validFrom <= yearEnd && (f.validTo ?? '9999-12-31') >= yearEnd) ?? ordered.find((f) => f.validFrom <= yearEnd);
  const candidates = inForce ? [inForce, ...ordered.filter((f) => f !== inForce)] : ordered;
  for (const f of candidates) {
    const g = ctx.goals.find((x) => x.frameworkId === f.id && x.key === row.key);
    if (g) return goalNameForYear(g.name, g.history, year);
  }
  return row.label;
}

export function reachReport(db: Db, unitId: number, q: ReachQuery): Reach {
  const ctx = loadCtx(db, unitId);
  const period = periodOf(q);
  const filter = filterOf(db, unitId, period, q);
  const spec = dimensionSpec(ctx, 'municipality', period);
  const counts = new Map<string, number>();
  for (const r of countBy(db, filter, [spec])) add(counts, r.keys[0]!, r.n);
  const total = countActivities(db, filter);
  const rows = rowsOf(spec, counts);
  const rowCounts = rows.map((r) => counts.get(r.key) ?? 0);
  const percents = percentsHalfUp(rowCounts, total);
  const municipalities = rows.map((r, i) => ({
    code: r.key, name: r.label, count: rowCounts[i]!, share: shareOf(rowCounts[i]!, total), percent: percents[i]!, reached: rowCounts[i]! > 0,
  }));
  return {
    total,
    reachedCount: municipalities.filter((m) => m.reached).length,
    municipalityCount: municipalities.length,
    municipalities,
    notReached: municipalities.filter((m) => !m.reached).map(({ code, name }) => ({ code, name })),
  };
}

/** The two tables of the annual report's section "Intern uppföljning av VP", from one GROUP BY. */
export function vbReport(db: Db, unitId: number, year: number, q: VbQuery): Vb {
  const ctx = loadCtx(db, unitId);
  const period = periodOf({ year });
  const filter = filterOf(db, unitId, period, {});
  const areaSpec = dimensionSpec(ctx, 'areaGroup', period, true);
  const goalSpec = dimensionSpec(ctx, 'goal', period);
  const areaCounts = new Map<string, number>();
  const goalCounts = new Map<string, number>();
  for (const r of countBy(db, filter, [areaSpec, goalSpec])) {
    add(areaCounts, r.keys[0]!, r.n);
    add(goalCounts, r.keys[1]!, r.n);
  }
  const activityCount = [...areaCounts.values()].reduce((s, n) => s + n, 0);
  const table = (id: 'verksamhetsomrade' | 'resultatmal', title: string, spec: DimSpec, counts: Map<string, number>) => {
    const rows = rowsOf(spec, counts);
    const c = rows.map((r) => counts.get(r.key) ?? 0);
    const p = roundPercents(c, q.rounding);
    return {
      id, title, columnTitle: `Aktiviteter ${year}`,
      rows: rows.map((r, i) => ({ ...r, count: c[i]!, share: shareOf(c[i]!, activityCount), percent: p[i]! })),
      total: { label: 'Totalt', count: activityCount, percent: activityCount > 0 ? 100 : 0 },
    };
  };
  const fw = frameworksIn(ctx, period).at(-1);
  const tables = [
    table('verksamhetsomrade', 'Verksamhetsområde', areaSpec, areaCounts),
    table('resultatmal', `Resultatmål i ${fw ? fw.code.toUpperCase() : 'verksamhetsplanen'}`, goalSpec, goalCounts),
  ].filter((x) => !q.table || x.id === q.table);
  return { year, activityCount, tables };
}

/**
 * Which years have activities or plan items, newest first. Activities from activity_counts (kept by triggers, a few
 * hundred rows a year) rather than the activities themselves, so this stays cheap at a million activities.
 */
export function yearsWithData(db: Db, unitId: number): Years {
  const activities = db
    .select({ year: t.activityCounts.year, n: sql<number>`sum(${t.activityCounts.n})` })
    .from(t.activityCounts)
    .where(eq(t.activityCounts.unitId, unitId))
    .groupBy(t.activityCounts.year)
    .all();
  const plans = db
    .select({ year: t.planItems.year, n: sql<number>`count(*)` })
    .from(t.planItems)
    .where(eq(t.planItems.unitId, unitId))
    .groupBy(t.planItems.year)
    .all();
  const byYear = new Map<number, { year: number; activities: number; planItems: number }>();
  const row = (year: number) => byYear.get(year) ?? byYear.set(year, { year, activities: 0, planItems: 0 }).get(year)!;
  for (const a of activities) if (a.n > 0) row(a.year).activities = a.n;
  for (const p of plans) if (p.n > 0) row(p.year).planItems = p.n;
  return { years: [...byYear.values()].sort((a, b) => b.year - a.year) };
}
