/**
 * The annual report's tables. The counts come from one GROUP BY per report (reports.repository.ts picks the count
 * tables or the covering report index); the unit's small reference tables are read into JS (and kept until they
 * change), to give every value of a dimension its label and its place, and to check a filter's codes and ids
 * against the unit's own before anything is counted.
 */
import { defaultYear, goalNameForYear, knownParticipants, ownerReach, roundPercents, percentsHalfUp, todayInSweden, yearOf, type OwnerReach, type RoundingMethod } from '@fou/domain';
import type { UnitScope } from '../../db/unit-scope.ts';
import { FieldErrors, notFound } from '../../lib/errors.ts';
import { nameIn, type Lang } from '../../lib/lang.ts';
import { REPORT_WORDS, type ReportWords } from './report-words.ts';
import { referenceData } from '../../seed/reference-seed.ts';
import { FORMATS } from '../reference/reference.service.ts';
import type {
  Crosstab, CrosstabQuery, Dimension, Distribution, DistributionQuery, Filters, MunicipalityReport, MunicipalityReportQuery, OwnersTable,
  PeriodQuery, Reach, ReachQuery, SingleDimension, Trend, TrendQuery, Vb, VbQuery, Years,
} from './reports.schemas.ts';
import { MULTI_VALUED } from './reports.schemas.ts';
import { reportsRepository, type ActivityFilter, type CountColumn, type ReportReference } from './reports.repository.ts';

export const NONE_KEY = 'none';
/** The first year the overview's trend reaches back to (the web's FIRST_PAGE_YEAR). */
export const FIRST_TREND_YEAR = 2016;

// One collator for the request's sorting: localeCompare with a locale builds a new one on every call.
const swedish = new Intl.Collator('sv');

type Framework = ReportReference['frameworks'][number];
type Goal = ReportReference['goals'][number] & { history: { name: string; replacedOn: string }[] };

/** The unit's reference tables, as labels and order for the reports, named in the report's language. */
interface Ctx extends Omit<ReportReference, 'goals' | 'goalHistory'> {
  goals: Goal[];
  lang: Lang;
  words: ReportWords;
}

/**
 * In English a row with an English name is labelled with it: a goal then has no earlier names to show (they are
 * Swedish), and an area group's English name stands for both its register name and its report label.
 */
function loadCtx(scope: UnitScope, lang: Lang = 'sv'): Ctx {
  return scope.cached(`report-ctx:${lang}`, () => {
    const r = scope.repo(reportsRepository).referenceTables();
    const english = lang === 'en';
    return {
      lang,
      words: REPORT_WORDS[lang],
      frameworks: r.frameworks.map((f) => ({ ...f, name: nameIn(lang, f) })),
      goals: r.goals.map((g) => ({
        ...g, name: nameIn(lang, g),
        history: english && g.nameEn ? [] : r.goalHistory.filter((h) => h.goalId === g.id).map(({ name, replacedOn }) => ({ name, replacedOn })),
      })),
      areas: r.areas.map((a) => (english && a.nameEn ? { ...a, name: a.nameEn, reportLabel: a.nameEn } : a)),
      municipalities: r.municipalities,
      staff: r.staff.sort((a, b) => swedish.compare(a.name, b.name) || a.id - b.id),
      types: r.types.map((x) => ({ ...x, name: nameIn(lang, x) })),
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
  /**
   * The row for activities without a value, when the dimension can be unset on one (it shows when some are):
   * worded for its noun, "Ej angiven" for en linje, "Inget uppdrag" for ett uppdrag. Null when it cannot.
   */
  noneLabel: string | null;
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
      return { column: 'goal', keyOf: (raw) => goals.get(Number(raw))?.key ?? String(raw), values: goalValues(ctx, frameworksIn(ctx, period), labelYearOf(period)), noneLabel: null };
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
        noneLabel: null,
      };
    }
    case 'area': {
      const areas = byId(ctx.areas, (x) => x.id);
      const parents = new Set(ctx.areas.map((x) => x.parentId));
      // The areas an activity can be recorded on: groups without children, and the children of the others.
      const leaves = areaGroups(ctx).flatMap((g) => (parents.has(g.id) ? ctx.areas.filter((x) => x.parentId === g.id) : [g]));
      return { column: 'area', keyOf: (raw) => areas.get(Number(raw))?.code ?? String(raw), values: leaves.map((x) => ({ key: x.code, label: x.name, active: true })), noneLabel: null };
    }
    case 'type':
      return { column: 'type', keyOf: String, values: ctx.types.map((x) => ({ key: String(x.id), label: x.name, active: x.active })), noneLabel: null };
    case 'format':
      return { column: 'format', keyOf: String, values: FORMATS.map((x) => ({ key: x.code, label: nameIn(ctx.lang, x), active: true })), noneLabel: null };
    case 'line':
      return { column: 'line', keyOf: String, values: referenceData.lines.map((x: { code: string; name: string; nameEn: string }) => ({ key: x.code, label: nameIn(ctx.lang, x), active: true })), noneLabel: ctx.words.none.line };
    case 'assignment':
      return { column: 'assignment', keyOf: String, values: ctx.assignments.map((x) => ({ key: String(x.id), label: x.title, active: x.active })), noneLabel: ctx.words.none.assignment };
    case 'staff':
      return { column: 'staff', keyOf: String, values: ctx.staff.map((x) => ({ key: String(x.id), label: x.name, active: x.active })), noneLabel: null };
    case 'municipality': {
      const munis = byId(ctx.municipalities, (m) => m.id);
      return { column: 'municipality', keyOf: (raw) => munis.get(Number(raw))?.code ?? String(raw), values: ctx.municipalities.map((m) => ({ key: m.code, label: m.name, active: m.active })), noneLabel: null };
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
  if (spec.noneLabel !== null && (counts.get(NONE_KEY) ?? 0) > 0) rows.push({ key: NONE_KEY, label: spec.noneLabel });
  return rows;
}

const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
const shareOf = (count: number, total: number) => (total > 0 ? count / total : 0);

// ---------------------------------------------------------------------------------------------------------
// Reports

export function distributionReport(scope: UnitScope, q: DistributionQuery): Distribution {
  const ctx = loadCtx(scope, q.lang);
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
    note: multiValued ? ctx.words.multiNote[q.dimension as 'staff' | 'municipality'] : null,
    total,
    rows: rows.map((r, i) => ({ ...r, count: rowCounts[i]!, share: shareOf(rowCounts[i]!, total), percent: percents[i]! })),
    percentSum: percents.reduce((s, p) => s + p, 0),
  };
}

export function crosstabReport(scope: UnitScope, q: CrosstabQuery): Crosstab {
  const ctx = loadCtx(scope, q.lang);
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
  const ctx = loadCtx(scope, q.lang);
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
  const ctx = loadCtx(scope, q.lang);
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
export function vbRoundingNote(percentSum: number, activityCount: number, lang: Lang = 'sv'): string | null {
  if (activityCount === 0 || percentSum === 100) return null;
  return REPORT_WORDS[lang].roundingNote(percentSum);
}

/** The two tables of the annual report's section "Intern uppföljning av VP", from one GROUP BY. */
export function vbReport(scope: UnitScope, year: number, q: VbQuery): Vb {
  const ctx = loadCtx(scope, q.lang);
  const w = ctx.words;
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
      id, title, columnTitle: w.activitiesIn(year),
      rows: rows.map((r, i) => ({ ...r, count: c[i]!, share: shareOf(c[i]!, activityCount), percent: p[i]! })),
      total: { label: w.total, count: activityCount, percent: activityCount > 0 ? 100 : 0 },
      percentSum,
      note: vbRoundingNote(percentSum, activityCount, ctx.lang),
    };
  };
  const fw = frameworksIn(ctx, period).at(-1);
  const tables = [
    table('verksamhetsomrade', w.areaTitle, areaSpec, areaCounts),
    table('resultatmal', w.goalTitle(fw?.code ?? null), goalSpec, goalCounts),
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
  const rows = [...byYear.values()].sort((a, b) => b.year - a.year);
  // For the boot script, which has no calendar of its own: it asks for the opening year's reports at once.
  const today = todayInSweden();
  const opensOn = {
    overview: defaultYear(today, rows.filter((r) => r.activities > 0).map((r) => r.year)).year,
    plan: defaultYear(today, rows.filter((r) => r.planItems > 0).map((r) => r.year)).year,
  };
  return { years: rows, opensOn };
}

// ---------------------------------------------------------------------------------------------------------
// What each owner municipality got: the municipality report and the owners' table. Both read the period's
// activities whole (periodActivities) and place each one for each municipality: its own, shared, or open to all.

type PeriodRows = ReturnType<ReturnType<typeof reportsRepository>['periodActivities']>;
type PeriodActivity = PeriodRows['rows'][number] & {
  municipalityIds: number[];
  /** Participants per municipality, where staff split them. */
  split: Map<number, number>;
  staffIds: number[];
  targetGroupIds: number[];
};

function loadPeriodActivities(scope: UnitScope, period: Period): PeriodActivity[] {
  const data = scope.repo(reportsRepository).periodActivities({ ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) });
  const byId = new Map<number, PeriodActivity>(data.rows.map((r) => [r.id, { ...r, municipalityIds: [], split: new Map(), staffIds: [], targetGroupIds: [] }]));
  for (const l of data.municipalityLinks) {
    const a = byId.get(l.activityId)!;
    a.municipalityIds.push(l.municipalityId);
    if (l.participants !== null) a.split.set(l.municipalityId, l.participants);
  }
  for (const l of data.staffLinks) byId.get(l.activityId)!.staffIds.push(l.staffId);
  for (const l of data.targetGroupLinks) byId.get(l.activityId)!.targetGroupIds.push(l.targetGroupId);
  return [...byId.values()];
}

type MunicipalityYears = ReturnType<ReturnType<typeof reportsRepository>['municipalityYears']>;

/**
 * The owner municipalities of a year (OWNERS_DEFINITION says the same in words): those with a fee or population
 * registered for the year, and the register's active ones unless their first registered year is later (an owner
 * that joined later was not one then). An owner that has left (inactive) still counts for the years it has a fee.
 */
function ownersOfYear(ctx: Ctx, years: MunicipalityYears, year: number): Set<number> {
  const registered = new Set<number>();
  const firstYear = new Map<number, number>();
  for (const y of years) {
    if (y.feeSek === null && y.population === null) continue;
    if (y.year === year) registered.add(y.municipalityId);
    firstYear.set(y.municipalityId, Math.min(firstYear.get(y.municipalityId) ?? y.year, y.year));
  }
  return new Set(ctx.municipalities
    .filter((m) => registered.has(m.id) || (m.active && (firstYear.get(m.id) ?? year) <= year))
    .map((m) => m.id));
}

function ownersCache(ctx: Ctx, years: MunicipalityYears) {
  const cache = new Map<number, Set<number>>();
  return (year: number) => cache.get(year) ?? cache.set(year, ownersOfYear(ctx, years, year)).get(year)!;
}

interface Facts {
  activities: { total: number; own: number; shared: number; open: number };
  participants: { known: number; inAll: number; activitiesWithoutSplit: number; activitiesWithoutCount: number };
  /** The municipality's equal part of each activity it shares with other owners (1/n), summed. */
  weighted: number;
}

/** One municipality's activities of the period, each with its place, and the facts summed over them. */
function factsFor(list: PeriodActivity[], owners: (year: number) => Set<number>, municipalityId: number) {
  const mine: { a: PeriodActivity; reach: OwnerReach; known: number | null }[] = [];
  const facts: Facts = {
    activities: { total: 0, own: 0, shared: 0, open: 0 },
    participants: { known: 0, inAll: 0, activitiesWithoutSplit: 0, activitiesWithoutCount: 0 },
    weighted: 0,
  };
  for (const a of list) {
    const ownerSet = owners(a.year);
    const reach = ownerReach(a.municipalityIds, ownerSet, municipalityId);
    if (reach === null) continue;
    const known = knownParticipants(a.participants, a.municipalityIds.length, a.split.get(municipalityId) ?? null);
    mine.push({ a, reach, known });
    facts.activities.total += 1;
    facts.activities[reach] += 1;
    const namedOwners = a.municipalityIds.filter((m) => ownerSet.has(m)).length;
    if (ownerSet.has(municipalityId) && namedOwners > 0) facts.weighted += 1 / namedOwners;
    if (a.participants === null) facts.participants.activitiesWithoutCount += 1;
    else {
      facts.participants.inAll += a.participants;
      if (known === null) facts.participants.activitiesWithoutSplit += 1;
    }
    if (known !== null) facts.participants.known += known;
  }
  return { mine, facts };
}

/** How many of the period's activities name at least one owner: the base of every owner's activity share. */
function withOwnerCount(list: PeriodActivity[], owners: (year: number) => Set<number>): number {
  return list.filter((a) => a.municipalityIds.some((m) => owners(a.year).has(m))).length;
}

function previousPeriodOf(period: Period): Period | null {
  if (period.year !== null) return periodOf({ year: period.year - 1 });
  if (period.from === null || period.to === null) return null;
  const back = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    // 29 February a year back is the 28th.
    const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
    return `${String(y).padStart(4, '0')}-${md}`;
  };
  return { from: back(period.from), to: back(period.to), year: null };
}

function countRows(spec: DimSpec, counts: Map<string, number>) {
  return rowsOf(spec, counts).map((r) => ({ ...r, count: counts.get(r.key) ?? 0 }));
}

const targetGroupKey = (g: { id: number; key: string | null }) => g.key ?? String(g.id);

/**
 * The municipality page's report (GET /reports/municipality/{code}): what the municipality took part in during a
 * year or period, against the year before, with its fee beside its shares of activities and participants.
 */
export function municipalityReport(scope: UnitScope, code: string, q: MunicipalityReportQuery): MunicipalityReport {
  const ctx = loadCtx(scope, q.lang);
  const m = ctx.municipalities.find((x) => x.code === code);
  if (!m) throw notFound(`Kommunen ${code}`);
  const repo = scope.repo(reportsRepository);
  const years = repo.municipalityYears();
  const owners = ownersCache(ctx, years);
  const period = periodOf(q);
  const list = loadPeriodActivities(scope, period);
  const { mine, facts } = factsFor(list, owners, m.id);

  const previousPeriod = previousPeriodOf(period);
  const previous = previousPeriod ? factsFor(loadPeriodActivities(scope, previousPeriod), owners, m.id).facts : null;

  const dims = { goal: dimensionSpec(ctx, 'goal', period), areaGroup: dimensionSpec(ctx, 'areaGroup', period), type: dimensionSpec(ctx, 'type', period), format: dimensionSpec(ctx, 'format', period), line: dimensionSpec(ctx, 'line', period) };
  const counts = { goal: new Map<string, number>(), areaGroup: new Map<string, number>(), type: new Map<string, number>(), format: new Map<string, number>(), line: new Map<string, number>() };
  const targetGroups = repo.targetGroups();
  const tgCounts = new Map<number, number>();
  let withoutTargetGroup = 0;
  const planCounts = new Map<number, number>();
  const assignmentCounts = new Map<number, number>();
  for (const { a } of mine) {
    add(counts.goal, dims.goal.keyOf(a.goalId), 1);
    add(counts.areaGroup, dims.areaGroup.keyOf(a.areaId), 1);
    add(counts.type, dims.type.keyOf(a.typeId), 1);
    add(counts.format, dims.format.keyOf(a.format), 1);
    add(counts.line, a.line === null ? NONE_KEY : dims.line.keyOf(a.line), 1);
    if (a.targetGroupIds.length === 0) withoutTargetGroup += 1;
    for (const g of a.targetGroupIds) tgCounts.set(g, (tgCounts.get(g) ?? 0) + 1);
    if (a.planItemId !== null) planCounts.set(a.planItemId, (planCounts.get(a.planItemId) ?? 0) + 1);
    if (a.assignmentId !== null) assignmentCounts.set(a.assignmentId, (assignmentCounts.get(a.assignmentId) ?? 0) + 1);
  }

  let fee: MunicipalityReport['fee'] = null;
  if (period.year !== null) {
    const year = period.year;
    const ownerSet = owners(year);
    const mineYear = years.find((y) => y.municipalityId === m.id && y.year === year);
    const allOwnersFeeSek = years.filter((y) => y.year === year && ownerSet.has(y.municipalityId)).reduce((sum, y) => sum + (y.feeSek ?? 0), 0);
    const base = withOwnerCount(list, owners);
    const allKnown = [...ownerSet].reduce((sum, id) => sum + factsFor(list, owners, id).facts.participants.known, 0);
    const feeSek = mineYear?.feeSek ?? null;
    fee = {
      year, feeSek, population: mineYear?.population ?? null, allOwnersFeeSek,
      feeShare: feeSek !== null && allOwnersFeeSek > 0 ? feeSek / allOwnersFeeSek : null,
      activityShare: base > 0 ? facts.weighted / base : 0,
      participantShare: allKnown > 0 ? facts.participants.known / allKnown : null,
    };
  }

  const staffName = new Map(ctx.staff.map((x) => [x.id, x.name]));
  const typeName = new Map(ctx.types.map((x) => [x.id, x.name]));
  const tgRows = targetGroups.filter((g) => g.active || (tgCounts.get(g.id) ?? 0) > 0).map((g) => ({ key: targetGroupKey(g), label: nameIn(ctx.lang, g), count: tgCounts.get(g.id) ?? 0 }));
  return {
    municipality: { code: m.code, name: m.name, owner: period.year !== null ? owners(period.year).has(m.id) : m.active },
    period,
    previousPeriod,
    ownersDefinition: ctx.words.ownersDefinition,
    activities: facts.activities,
    participants: facts.participants,
    previous: previous ? { activities: previous.activities, participants: previous.participants } : null,
    byGoal: countRows(dims.goal, counts.goal),
    byAreaGroup: countRows(dims.areaGroup, counts.areaGroup),
    byType: countRows(dims.type, counts.type).filter((r) => r.count > 0),
    byFormat: countRows(dims.format, counts.format),
    byLine: countRows(dims.line, counts.line),
    byTargetGroup: tgRows,
    withoutTargetGroup,
    fee,
    planItems: repo.planItems([...planCounts.keys()]).map((p) => ({ ...p, activities: planCounts.get(p.id) ?? 0 })),
    assignments: repo.assignmentsById([...assignmentCounts.keys()])
      .map((x) => ({ ...x, activities: assignmentCounts.get(x.id) ?? 0 }))
      .sort((x, y) => y.activities - x.activities || swedish.compare(x.title, y.title)),
    list: mine.map(({ a, reach, known }) => ({
      id: a.id, date: a.date, title: a.title, type: typeName.get(a.typeId) ?? '', reach,
      participants: a.participants, participantsFromMunicipality: known,
      staff: a.staffIds.map((id) => staffName.get(id) ?? '').sort((x, y) => swedish.compare(x, y)),
    })),
  };
}

/**
 * The owners' value table for a year: every owner municipality side by side with its fee and share of the fees,
 * the activities it took part in (own, shared, open), its share of activities (an activity with several owners
 * split equally between them) and of known participants, the plan items that had activity for it, and whom its
 * activities reached. Plain rows, for the overview, the exports and a later Word document alike.
 */
export function ownersTable(scope: UnitScope, year: number, lang: Lang = 'sv'): OwnersTable {
  const ctx = loadCtx(scope, lang);
  const repo = scope.repo(reportsRepository);
  const years = repo.municipalityYears();
  const owners = ownersCache(ctx, years);
  const ownerSet = owners(year);
  const list = loadPeriodActivities(scope, periodOf({ year }));
  const targetGroups = repo.targetGroups();
  const base = withOwnerCount(list, owners);
  const perOwner = ctx.municipalities.filter((m) => ownerSet.has(m.id)).map((m) => {
    const { mine, facts } = factsFor(list, owners, m.id);
    const y = years.find((x) => x.municipalityId === m.id && x.year === year);
    const planItems = new Set(mine.map(({ a }) => a.planItemId).filter((id) => id !== null)).size;
    const tg = targetGroups.map((g) => mine.filter(({ a }) => a.targetGroupIds.includes(g.id)).length);
    return { m, facts, population: y?.population ?? null, feeSek: y?.feeSek ?? null, planItems, tg };
  });
  const feeSum = perOwner.reduce((sum, o) => sum + (o.feeSek ?? 0), 0);
  const knownSum = perOwner.reduce((sum, o) => sum + o.facts.participants.known, 0);
  const usedGroups = targetGroups.map((g, i) => ({ g, i })).filter(({ g, i }) => g.active || perOwner.some((o) => o.tg[i]! > 0));
  return {
    year,
    ownersDefinition: ctx.words.ownersDefinition,
    owners: perOwner.map((o) => ({
      code: o.m.code, name: o.m.name, population: o.population, feeSek: o.feeSek,
      feeShare: o.feeSek !== null && feeSum > 0 ? o.feeSek / feeSum : null,
      activities: o.facts.activities.total, own: o.facts.activities.own, shared: o.facts.activities.shared, open: o.facts.activities.open,
      activityShare: base > 0 ? o.facts.weighted / base : 0,
      participants: o.facts.participants.known,
      participantShare: knownSum > 0 ? o.facts.participants.known / knownSum : null,
      planItems: o.planItems,
      targetGroups: usedGroups.map(({ i }) => o.tg[i]!),
    })),
    targetGroups: usedGroups.map(({ g }) => ({ key: targetGroupKey(g), name: nameIn(ctx.lang, g) })),
    totals: {
      activities: list.length,
      withOwner: base,
      noOwnerMunicipality: list.filter((a) => a.noOwnerMunicipality).length,
      noMunicipalityGiven: list.filter((a) => !a.noOwnerMunicipality && a.municipalityIds.length === 0).length,
      feeSek: feeSum,
      participants: knownSum,
      sharedWithoutSplit: list.filter((a) => a.municipalityIds.length > 1 && a.participants !== null && a.split.size === 0).length,
      withoutTargetGroup: list.filter((a) => a.targetGroupIds.length === 0).length,
    },
  };
}
