import { z } from 'zod';
import { formatSchema } from '../activities/activity.schemas.ts';
import { isoDate, lineSchema } from '../reference/reference.schemas.ts';

export const DIMENSIONS = ['goal', 'areaGroup', 'area', 'type', 'format', 'line', 'staff', 'municipality', 'assignment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** An activity has many municipalities and staff: those dimensions count it once per value. */
export const MULTI_VALUED: readonly Dimension[] = ['staff', 'municipality'];
export const SINGLE_VALUED = ['goal', 'areaGroup', 'area', 'type', 'format', 'line', 'assignment'] as const;
export type SingleDimension = (typeof SINGLE_VALUED)[number];

const dimensionText = 'goal (resultatmål), areaGroup (verksamhetsområde), area (delområde), type (aktivitetstyp), format, line (första/andra linjen), staff (medarbetare), municipality (kommun), assignment (uppdrag)';
const singleText = 'goal, areaGroup, area, type, format, line eller assignment (envärda dimensioner)';

const positiveIntParam = z.coerce.number().int().positive();
const yearParam = z.coerce.number().int().min(1900).max(2999);

export const outputParam = z.enum(['json', 'csv', 'xlsx']).optional()
  .meta({ description: 'Svarsformat: json (standard), csv (UTF-8 med BOM, semikolon, decimalkomma) eller xlsx. Går också att välja med Accept: text/csv eller application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.' });
export const roundingParam = z.enum(['halfUp', 'largestRemainder']).default('halfUp')
  .meta({ description: 'halfUp: varje rad avrundas för sig (som i verksamhetsberättelsen, summan kan bli 99 eller 101); largestRemainder: summerar alltid till 100' });

export const filterShape = {
  municipality: z.string().max(40).optional().meta({ description: 'Bara aktiviteter där kommunen (kod) deltog' }),
  staff: positiveIntParam.optional().meta({ description: 'Bara aktiviteter där medarbetaren (id) medverkade' }),
  type: positiveIntParam.optional().meta({ description: 'Aktivitetstypens id' }),
  assignment: positiveIntParam.optional().meta({ description: 'Uppdragets id' }),
  line: lineSchema.optional(),
  format: formatSchema.optional(),
  goal: z.string().max(40).optional().meta({ description: 'Målets nyckel, t.ex. spridning (gäller alla ramverk)' }),
  area: z.string().max(40).optional().meta({ description: 'Områdets kod; en grupp (vuxen) omfattar sina underområden' }),
};
export type Filters = { [K in keyof typeof filterShape]?: z.infer<(typeof filterShape)[K]> };

const periodShape = {
  year: yearParam.optional().meta({ description: 'Ett kalenderår, t.ex. 2018 (kan inte kombineras med from/to)' }),
  from: isoDate.optional().meta({ description: 'Från och med datum (ÅÅÅÅ-MM-DD)' }),
  to: isoDate.optional().meta({ description: 'Till och med datum (ÅÅÅÅ-MM-DD). Utan year, from och to: all tid' }),
};
export interface PeriodQuery { year?: number; from?: string; to?: string }

function checkPeriod(q: PeriodQuery, ctx: z.RefinementCtx) {
  if (q.year !== undefined && (q.from !== undefined || q.to !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['year'], message: 'Ange antingen year eller from/to, inte båda.' });
  }
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to får inte vara före from.' });
}

export const distributionQuery = z.strictObject({
  dimension: z.enum(DIMENSIONS).meta({ description: `Vad som fördelas: ${dimensionText}` }),
  ...periodShape,
  ...filterShape,
  rounding: roundingParam,
  output: outputParam,
}).superRefine(checkPeriod);
export type DistributionQuery = z.infer<typeof distributionQuery>;

export const crosstabQuery = z.strictObject({
  rows: z.enum(SINGLE_VALUED).meta({ description: `Radernas dimension: ${singleText}` }),
  cols: z.enum(SINGLE_VALUED).meta({ description: `Kolumnernas dimension (en annan än rows): ${singleText}` }),
  percent: z.enum(['row', 'col', 'total']).default('row').meta({ description: 'Procentbas: radsumma, kolumnsumma eller totalen' }),
  ...periodShape,
  ...filterShape,
  rounding: roundingParam,
  output: outputParam,
}).superRefine((q, ctx) => {
  checkPeriod(q, ctx);
  if (q.rows === q.cols) ctx.addIssue({ code: 'custom', path: ['cols'], message: 'rows och cols måste vara olika dimensioner.' });
});
export type CrosstabQuery = z.infer<typeof crosstabQuery>;

export const trendQuery = z.strictObject({
  dimension: z.enum(SINGLE_VALUED).meta({ description: `Dimension: ${singleText}` }),
  fromYear: yearParam.meta({ description: 'Första året, t.ex. 2017' }),
  toYear: yearParam.meta({ description: 'Sista året, t.ex. 2025 (högst 50 år efter fromYear)' }),
  ...filterShape,
  rounding: roundingParam,
  output: outputParam,
}).superRefine((q, ctx) => {
  if (q.fromYear > q.toYear) ctx.addIssue({ code: 'custom', path: ['fromYear'], message: 'fromYear får inte vara efter toYear.' });
  else if (q.toYear - q.fromYear >= 50) ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'En trend kan omfatta högst 50 år.' });
});
export type TrendQuery = z.infer<typeof trendQuery>;

export const reachQuery = z.strictObject({ ...periodShape, ...filterShape, output: outputParam }).superRefine(checkPeriod);
export type ReachQuery = z.infer<typeof reachQuery>;

export const vbParams = z.strictObject({ year: yearParam.meta({ description: 'Verksamhetsårets år, t.ex. 2018' }) });
export const vbQuery = z.strictObject({
  table: z.enum(['verksamhetsomrade', 'resultatmal']).optional().meta({ description: 'Bara den ena tabellen' }),
  rounding: roundingParam,
  output: outputParam,
});
export type VbQuery = z.infer<typeof vbQuery>;

export const CHART_IDS = ['verksamhetsomrade', 'resultatmal', 'mal-per-omrade', 'kommuner', 'trend'] as const;
export type ChartId = (typeof CHART_IDS)[number];
export const chartParams = z.strictObject({
  chart: z.enum(CHART_IDS).meta({ description: 'verksamhetsomrade, resultatmal (verksamhetsberättelsens två tabeller), mal-per-omrade (korstabellen), kommuner (räckvidd) eller trend (målen de senaste nio åren)' }),
});
export const chartQuery = z.strictObject({
  year: yearParam.meta({ description: 'Året' }),
  rounding: roundingParam,
  format: z.enum(['png', 'svg']).default('png').meta({ description: 'png (2000 px bred, för tryck) eller svg' }),
});
export type ChartQuery = z.infer<typeof chartQuery>;

const period = z.object({
  from: z.string().nullable().meta({ description: 'Periodens första dag; null för all tid' }),
  to: z.string().nullable().meta({ description: 'Periodens sista dag; null för all tid' }),
  year: z.number().int().nullable(),
});
const registerName = z.string().optional().meta({ description: 'Namnet i registret, när rapportens etikett är en annan' });
const roundingOut = z.enum(['halfUp', 'largestRemainder']);
const distRow = z.object({
  key: z.string().meta({ description: 'Värdets nyckel (målnyckel, kod eller id); none för Ej angivet' }),
  label: z.string().meta({ description: 'Etiketten i rapporten (för områdesgrupper verksamhetsberättelsens egen, t.ex. Barn, ungdom & familj)' }),
  registerName: registerName,
  count: z.number().int(),
  share: z.number().meta({ description: 'Exakt andel 0..1 av aktiviteterna' }),
  percent: z.number().int().meta({ description: 'Avrundad procent' }),
});
const keyLabel = z.object({ key: z.string(), label: z.string(), registerName });

export const distribution = z.object({
  dimension: z.enum(DIMENSIONS),
  period,
  rounding: roundingOut,
  multiValued: z.boolean(),
  note: z.string().nullable(),
  total: z.number().int().meta({ description: 'Antal aktiviteter' }),
  rows: z.array(distRow),
  percentSum: z.number().int(),
}).meta({ id: 'DistributionReport' });
export type Distribution = z.infer<typeof distribution>;

export const crosstab = z.object({
  rows: z.array(keyLabel),
  columns: z.array(keyLabel),
  counts: z.array(z.array(z.number().int())),
  rowTotals: z.array(z.number().int()),
  columnTotals: z.array(z.number().int()),
  grandTotal: z.number().int(),
  percentBase: z.enum(['row', 'col', 'total']),
  percents: z.array(z.array(z.number().int())),
}).meta({ id: 'CrosstabReport' });
export type Crosstab = z.infer<typeof crosstab>;

export const trend = z.object({
  years: z.array(z.number().int()),
  totals: z.array(z.number().int()),
  series: z.array(z.object({
    key: z.string(),
    labels: z.record(z.string(), z.string()).meta({ description: 'Etiketten per år (målens namn det året)' }),
    counts: z.array(z.number().int()),
    percents: z.array(z.number().int()),
  })),
}).meta({ id: 'TrendReport' });
export type Trend = z.infer<typeof trend>;

export const reach = z.object({
  total: z.number().int(),
  reachedCount: z.number().int(),
  municipalityCount: z.number().int(),
  municipalities: z.array(z.object({
    code: z.string(), name: z.string(), count: z.number().int(), share: z.number(), percent: z.number().int(), reached: z.boolean(),
  })),
  notReached: z.array(z.object({ code: z.string(), name: z.string() })),
}).meta({ id: 'ReachReport' });
export type Reach = z.infer<typeof reach>;

export const vbTable = z.object({
  id: z.enum(['verksamhetsomrade', 'resultatmal']),
  title: z.string(),
  columnTitle: z.string(),
  rows: z.array(distRow),
  total: z.object({ label: z.string(), count: z.number().int(), percent: z.number().int() }),
  percentSum: z.number().int().meta({ description: 'Summan av radernas avrundade procent (101 för målen 2018 med halfUp)' }),
  note: z.string().nullable().meta({ description: 'Varför summan inte är 100, när den inte är det' }),
});
export const vb = z.object({
  year: z.number().int(),
  activityCount: z.number().int(),
  tables: z.array(vbTable),
}).meta({ id: 'VbReport' });
export type Vb = z.infer<typeof vb>;

export const years = z.object({
  years: z.array(z.object({
    year: z.number().int(),
    activities: z.number().int().meta({ description: 'Årets aktiviteter' }),
    planItems: z.number().int().meta({ description: 'Punkter i årets verksamhetsplan' }),
  })),
}).meta({ id: 'YearsWithData' });
export type Years = z.infer<typeof years>;
