/**
 * The annual report's tables. The counts come from one GROUP BY per report (reports.repository.ts picks the count
 * tables or the covering report index); the unit's small reference tables are read into JS (and kept until they
 * change), to give every value of a dimension its label and its place, and to check a filter's codes and ids
 * against the unit's own before anything is counted.
 */
import { goalNameForYear, roundPercents, percentsHalfUp, yearOf, type RoundingMethod } from '@fou/domain';
import type { UnitScope } from '../../db/unit-scope.ts';
import { FieldErrors } from '../../lib/errors.ts';
import { referenceData } from '../../seed/reference-seed.ts';
import { FORMATS } from '../reference/reference.service.ts';
import type {
  Crosstab, CrosstabQuery, Dimension, Distribution, DistributionQuery, Filters, PeriodQuery, Reach, ReachQuery,
  SingleDimension, Trend, TrendQuery, Vb, VbQuery, Years,
} from './reports.schemas.ts';
import { MULTI_VALUED } from './reports.schemas.ts';
import { reportsRepository, type ActivityFilter, type CountColumn, type ReportReference } from './reports.repository.ts';

export const NONE_KEY = 'none';
/** The first year the overview's trend reaches back to (the web's FIRST_PAGE_YEAR). */
export const FIRST_TREND_YEAR = 2016;
const NONE_LABEL = 'Ej angivet';
const MULTI_NOTE = {
  municipality: 'En aktivitet kan ha flera deltagande kommuner och räknas då en gång per kommun: andelarna avser andel av aktiviteterna och summerar inte till 100 %.',
  staff: 'En aktivitet kan ha flera medarbetare och räknas då en gång per medarbetare: andelarna avser andel av aktiviteterna och summerar inte till 100 %.',
} as const;

// One collator for the request's sorting: localeCompare with a locale builds a new one on every call.
const swedish = new Intl.Collator('sv');

type Framework = ReportReference['frameworks'][number];
type Goal = ReportReference['goals'][number] & { history: { name: string; replacedOn: string }[] };

/** The unit's reference tables, as labels and order for the reports. */
interface Ctx extends Omit<ReportReference, 'goals' | 'goalHistory'> {
  goals: Goal[];
}

function loadCtx(scope: UnitScope): Ctx {
  return scope.cached('report-ctx', () => {
    const r = scope.repo(reportsRepository).referenceTables();
    return {
      frameworks: r.frameworks,
      goals: r.goals.map((g) => ({
        ...g, history: r.goalHistory.filter((h) => h.goalId === g.id).map(({ name, replacedOn }) => ({ name, replacedOn })),
      })),
      areas: r.areas,
      municipalities: r.municipalities,
      staff: r.staff.sort((a, b) => swedish.compare(a.name, b.name) || a.id - b.id),
      types: r.types,
      assignments: r.assignments.sort((a, b) => swedish.compare(a.title, b.title) || a.id - b.id),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Periods and filters

interface Period { from: string | null; to: string | null; year: number | null }

function periodOf(q: PeriodQuery): Period {
  if (q.year !== undefined) return { from: `${q.year}-01-01`, to: `${q.year}-12-31`, year: q.year };
  return { from: q.from ?? null, to: q.to ?? null, year: null };
}

/**
 * The report's filter as the unit's ids. Codes and ids are looked up among the unit's own reference rows only: one
 * of another unit's (or none at all) is a 400 naming the field, and so can never reach another unit's activities.
 * A goal key covers that goal in every framework; an area group covers its children.
 */
function filterOf(ctx: Ctx, period: Period, f: Filters): ActivityFilter {
  const out: ActivityFilter = period.year !== null ? { year: period.year } : {};
  if (period.year === null && period.from !== null) out.from = period.from;
  if (period.year === null && period.to !== null) out.to = period.to;
  const errors = new FieldErrors();
  if (f.goal !== undefined) {
    const ids = ctx.goals.filter((g) => g.key === f.goal).map((g) => g.id);
    if (!ids.length) errors.add('goal', 'unknown_goal', `Inget mål har nyckeln ${f.goal}.`, 'querystring');
    else out.goalIds = ids;
  }
  if (f.area !== undefined) {
    const area = ctx.areas.find((x) => x.code === f.area);
    if (!area) errors.add('area', 'unknown_area', `Inget område har koden ${f.area}.`, 'querystring');
    else out.areaIds = [area.id, ...ctx.areas.filter((x) => x.parentId === area.id).map((x) => x.id)];
  }
  if (f.municipality !== undefined) {
    const m = ctx.municipalities.find((x) => x.code === f.municipality);
    if (!m) errors.add('municipality', 'unknown_municipality', `Ingen kommun har koden ${f.municipality}.`, 'querystring');
    else out.municipalityId = m.id;
  }
  const known = (field: 'staff' | 'type' | 'assignment', rows: { id: number }[], id: number | undefined, what: string) => {
    if (id === undefined) return false;
    if (rows.some((r) => r.id === id)) return true;
    errors.add(field, `unknown_${field}`, `${what} med id ${id} finns inte.`, 'querystring');
    return false;
  };
  if (known('staff', ctx.staff, f.staff, 'Medarbetare')) out.staffId = f.staff!;
  if (known('type', ctx.types, f.type, 'Aktivitetstyp')) out.typeId = f.type!;
  if (known('assignment', ctx.assignments, f.assignment, 'Uppdrag')) out.assignmentId = f.assignment!;
  if (f.line !== undefined) out.line = f.line;
  if (f.format !== undefined) out.format = f.format;
  errors.throwIfAny();
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Dimensions: the grouped column, how a grouped value maps to a row key, and every row in reference order.

interface DimValue { key: string; label: string; active: boolean; registerName?: string }
interface DimSpec {
  /** The activity column grouped by. */
  column: CountColumn;
  keyOf: (raw: number | string) => string;
  values: DimValue[];
  /** Whether the dimension can be unset on an activity (a row "Ej angivet" then shows when it is). */
  nullable: boolean;
}

const labelYearOf = (period: Period) => (period.to ? yearOf(period.to) : 9999);

/**
 * The frameworks a period touches, oldest first. A period that touches none (a year before the first framework,
 * or in a gap) gets the nearest one: the earliest when it lies before them all, else the last one that began
 * before it. So an empty 2016 is labelled with VP 2018's goals, not with the newest framework's.
 */
export function frameworksIn(ctx: Pick<Ctx, 'frameworks'>, period: Period): Framework[] {
  const from = period.from ?? '0000-01-01';
  const to = period.to ?? '9999-12-31';
  const hit = ctx.frameworks.filter((f) => f.validFrom <= to && (f.validTo ?? '9999-12-31') >= from);
  if (hit.length || !ctx.frameworks.length) return hit;
  const sorted = [...ctx.frameworks].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const before = sorted.filter((f) => f.validFrom <= from).at(-1);
  return [before ?? sorted[0]!];
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

/**
 * An area group's label in every report: the annual report's own wording where it has one ("Barn, ungdom &
 * familj"), so that one page never names a group two ways. The register's name, when different, goes along as
 * `registerName` for the page to say so.
 */
function dimensionSpec(ctx: Ctx, dim: Dimension, period: Period): DimSpec {
  const byId = <T>(rows: T[], id: (r: T) => number) => new Map(rows.map((r) => [id(r), r]));
  switch (dim) {
    case 'goal': {
      const goals = byId(ctx.goals, (g) => g.id);
      return { column: 'goal', keyOf: (raw) => goals.get(Number(raw))?.key ?? String(raw), values: goalValues(ctx, frameworksIn(ctx, period), labelYearOf(period)), nullable: false };
    }
    case 'areaGroup': {
      const areas = byId(ctx.areas, (x) => x.id);
      return {
        column: 'area',
        keyOf: (raw) => {
          const area = areas.get(Number(raw));
          const group = area?.parentId ? areas.get(area.parentId) : area;
          return group?.code ?? String(raw);
        },
        values: areaGroups(ctx).map((g) => ({ key: g.code, label: g.reportLabel ?? g.name, active: true, ...(g.reportLabel && g.reportLabel !== g.name ? { registerName: g.name } : {}) })),
        nullable: false,
      };
    }
    case 'area': {
      const areas = byId(ctx.areas, (x) => x.id);
      const parents = new Set(ctx.areas.map((x) => x.parentId));
      // The areas an activity can be recorded on: groups without children, and the children of the others.
      const leaves = areaGroups(ctx).flatMap((g) => (parents.has(g.id) ? ctx.areas.filter((x) => x.parentId === g.id) : [g]));
      return { column: 'area', keyOf: (raw) => areas.get(Number(raw))?.code ?? String(raw), values: leaves.map((x) => ({ key: x.code, label: x.name, active: true })), nullable: false };
    }
    case 'type':
      return { column: 'type', keyOf: String, values: ctx.types.map((x) => ({ key: String(x.id), label: x.name, active: x.active })), nullable: false };
    case 'format':
      return { column: 'format', keyOf: String, values: FORMATS.map((x) => ({ key: x.code, label: x.name, active: true })), nullable: false };
    case 'line':
      return { column: 'line', keyOf: String, values: referenceData.lines.map((x: { code: string; name: string }) => ({ key: x.code, label: x.name, active: true })), nullable: true };
    case 'assignment':
      return { column: 'assignment', keyOf: String, values: ctx.assignments.map((x) => ({ key: String(x.id), label: x.title, active: x.active })), nullable: true };
    case 'staff':
      return { column: 'staff', keyOf: String, values: ctx.staff.map((x) => ({ key: String(x.id), label: x.name, active: x.active })), nullable: false };
    case 'municipality': {
      const munis = byId(ctx.municipalities, (m) => m.id);
      return { column: 'municipality', keyOf: (raw) => munis.get(Number(raw))?.code ?? String(raw), values: ctx.municipalities.map((m) => ({ key: m.code, label: m.name, active: m.active })), nullable: false };
    }
  }
}

/** One GROUP BY over the filtered activities, optionally by year first; null groups come back as key none. */
function countBy(scope: UnitScope, filter: ActivityFilter, specs: DimSpec[], byYear = false): { keys: string[]; year: number | null; n: number }[] {
  return scope.repo(reportsRepository).countBy(filter, specs.map((s) => s.column), byYear).map((r) => ({
    year: r.year,
    keys: specs.map((s, i) => {
      const raw = r.values[i];
      return raw === null || raw === undefined ? NONE_KEY : s.keyOf(raw);
    }),
    n: r.n,
  }));
}

const countActivities = (scope: UnitScope, filter: ActivityFilter) => scope.repo(reportsRepository).countActivities(filter);

/** The rows a dimension shows: every active value, inactive ones that occur, and none when it occurs. */
function rowsOf(spec: DimSpec, counts: Map<string, number>): { key: string; label: string; registerName?: string }[] {
  const rows = spec.values.filter((v) => v.active || (counts.get(v.key) ?? 0) > 0).map(({ key, label, registerName }) => ({ key, label, ...(registerName ? { registerName } : {}) }));
  if (spec.nullable && (counts.get(NONE_KEY) ?? 0) > 0) rows.push({ key: NONE_KEY, label: NONE_LABEL });
  return rows;
}

const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
const shareOf = (count: number, total: number) => (total > 0 ? count / total : 0);

// ---------------------------------------------------------------------------------------------------------
// Reports

export function distributionReport(scope: UnitScope, q: DistributionQuery): Distribution {
  const ctx = loadCtx(scope);
  const period = periodOf(q);
  const filter = filterOf(ctx, period, q);
  const spec = dimensionSpec(ctx, q.dimension, period);
  const counts = new Map<string, number>();
  for (const r of countBy(scope, filter, [spec])) add(counts, r.keys[0]!, r.n);
  const multiValued = MULTI_VALUED.includes(q.dimension);
  const total = multiValued ? countActivities(scope, filter) : [...counts.values()].reduce((s, n) => s + n, 0);
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

export function crosstabReport(scope: UnitScope, q: CrosstabQuery): Crosstab {
  const ctx = loadCtx(scope);
  const period = periodOf(q);
  const filter = filterOf(ctx, period, q);
  const rs = dimensionSpec(ctx, q.rows, period);
  const cs = dimensionSpec(ctx, q.cols, period);
  const cells = new Map<string, number>();
  const rowSums = new Map<string, number>();
  const colSums = new Map<string, number>();
  for (const r of countBy(scope, filter, [rs, cs])) {
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

export function trendReport(scope: UnitScope, q: TrendQuery): Trend {
  const ctx = loadCtx(scope);
  const period: Period = { from: `${q.fromYear}-01-01`, to: `${q.toYear}-12-31`, year: null };
  const filter = filterOf(ctx, period, q);
  const spec = dimensionSpec(ctx, q.dimension, period);
  const years = Array.from({ length: q.toYear - q.fromYear + 1 }, (_, i) => q.fromYear + i);
  const cells = new Map<string, number>();
  const sums = new Map<string, number>();
  for (const r of countBy(scope, filter, [spec], true)) {
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

export function reachReport(scope: UnitScope, q: ReachQuery): Reach {
  const ctx = loadCtx(scope);
  const period = periodOf(q);
  const filter = filterOf(ctx, period, q);
  const spec = dimensionSpec(ctx, 'municipality', period);
  const counts = new Map<string, number>();
  for (const r of countBy(scope, filter, [spec])) add(counts, r.keys[0]!, r.n);
  const total = countActivities(scope, filter);
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

/**
 * Why a column of rounded percents does not add up to its Totalt 100 %: each row is rounded half up on its own,
 * as the published report does. Null when it does add up.
 */
export function vbRoundingNote(percentSum: number, activityCount: number): string | null {
  if (activityCount === 0 || percentSum === 100) return null;
  return `Procenten är avrundade rad för rad (som i verksamhetsberättelsen) och summerar därför till ${percentSum} %; Totalt är alla aktiviteter, 100 %. Välj ”summerar till 100” för avrundning som alltid ger 100.`;
}

/** The two tables of the annual report's section "Intern uppföljning av VP", from one GROUP BY. */
export function vbReport(scope: UnitScope, year: number, q: VbQuery): Vb {
  const ctx = loadCtx(scope);
  const period = periodOf({ year });
  const filter = filterOf(ctx, period, {});
  const areaSpec = dimensionSpec(ctx, 'areaGroup', period);
  const goalSpec = dimensionSpec(ctx, 'goal', period);
  const areaCounts = new Map<string, number>();
  const goalCounts = new Map<string, number>();
  for (const r of countBy(scope, filter, [areaSpec, goalSpec])) {
    add(areaCounts, r.keys[0]!, r.n);
    add(goalCounts, r.keys[1]!, r.n);
  }
  const activityCount = [...areaCounts.values()].reduce((s, n) => s + n, 0);
  const table = (id: 'verksamhetsomrade' | 'resultatmal', title: string, spec: DimSpec, counts: Map<string, number>) => {
    const rows = rowsOf(spec, counts);
    const c = rows.map((r) => counts.get(r.key) ?? 0);
    const p = roundPercents(c, q.rounding);
    const percentSum = p.reduce((s, x) => s + x, 0);
    return {
      id, title, columnTitle: `Aktiviteter ${year}`,
      rows: rows.map((r, i) => ({ ...r, count: c[i]!, share: shareOf(c[i]!, activityCount), percent: p[i]! })),
      total: { label: 'Totalt', count: activityCount, percent: activityCount > 0 ? 100 : 0 },
      percentSum,
      note: vbRoundingNote(percentSum, activityCount),
    };
  };
  const fw = frameworksIn(ctx, period).at(-1);
  const tables = [
    table('verksamhetsomrade', 'Verksamhetsområde', areaSpec, areaCounts),
    table('resultatmal', `Resultatmål i ${fw ? fw.code.toUpperCase() : 'verksamhetsplanen'}`, goalSpec, goalCounts),
  ].filter((x) => !q.table || x.id === q.table);
  return { year, activityCount, tables };
}

/** What an export says it is: the unit (the workbook's author) and the period in words. */
export function exportMeta(scope: UnitScope, period: string): { unitName: string; period: string } {
  return { unitName: scope.repo(reportsRepository).unitName(), period };
}

/**
 * Which years have activities or plan items, newest first. Activities from activity_counts (kept by triggers, a few
 * hundred rows a year) rather than the activities themselves, so this stays cheap at a million activities.
 */
export function yearsWithData(scope: UnitScope): Years {
  const { activities, planItems } = scope.repo(reportsRepository).yearsWithData();
  const byYear = new Map<number, { year: number; activities: number; planItems: number }>();
  const row = (year: number) => byYear.get(year) ?? byYear.set(year, { year, activities: 0, planItems: 0 }).get(year)!;
  for (const a of activities) if (a.n > 0) row(a.year).activities = a.n;
  for (const p of planItems) if (p.n > 0) row(p.year).planItems = p.n;
  return { years: [...byYear.values()].sort((a, b) => b.year - a.year) };
}
