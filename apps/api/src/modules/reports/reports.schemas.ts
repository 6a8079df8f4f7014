import { z } from 'zod';
import { formatSchema } from '../activities/activity.schemas.ts';
import { isoDate, lineSchema } from '../reference/reference.schemas.ts';
import { langParam } from '../../lib/lang.ts';

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
  lang: langParam,
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
  lang: langParam,
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
  lang: langParam,
}).superRefine((q, ctx) => {
  if (q.fromYear > q.toYear) ctx.addIssue({ code: 'custom', path: ['fromYear'], message: 'fromYear får inte vara efter toYear.' });
  else if (q.toYear - q.fromYear >= 50) ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'En trend kan omfatta högst 50 år.' });
});
export type TrendQuery = z.infer<typeof trendQuery>;

export const reachQuery = z.strictObject({ ...periodShape, ...filterShape, output: outputParam, lang: langParam }).superRefine(checkPeriod);
export type ReachQuery = z.infer<typeof reachQuery>;

export const vbParams = z.strictObject({ year: yearParam.meta({ description: 'Verksamhetsårets år, t.ex. 2018' }) });
export const vbQuery = z.strictObject({
  table: z.enum(['verksamhetsomrade', 'resultatmal']).optional().meta({ description: 'Bara den ena tabellen' }),
  rounding: roundingParam,
  output: outputParam,
  lang: langParam,
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
  lang: langParam,
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
  key: z.string().meta({ description: 'Värdets nyckel (målnyckel, kod eller id); none för en aktivitet utan värde (Ej angiven linje, Inget uppdrag)' }),
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
  opensOn: z.object({
    overview: z.number().int().meta({ description: 'Året översikten öppnar på i dag (efter åren med aktiviteter)' }),
    plan: z.number().int().meta({ description: 'Året verksamhetsplanen öppnar på i dag (efter åren med planpunkter)' }),
  }).meta({ description: 'Året sidorna öppnar på när adressen inte anger något (dagens datum i Sverige, samma regel som webbappen: packages/domain default-year)' }),
}).meta({ id: 'YearsWithData' });
export type Years = z.infer<typeof years>;

// ---------------------------------------------------------------------------------------------------------
// What each owner municipality got: the municipality report and the owners' table.

export const OWNERS_DEFINITION = 'Alla ägare = varje ägarkommun det året: de aktiva kommunerna i enhetens register (samma kommuner som formulärets ruta Alla sparar), utom en som har sitt första år med avgift registrerat senare, och en kommun som lämnat (inaktiv) för de år den har avgift eller befolkning registrerad. En aktivitet med bara kommunen är dess egen; med några men inte alla ägare är den delad; med alla ägare är den ett öppet erbjudande till alla.';

export const municipalityParams = z.strictObject({ code: z.string().min(1).max(40).meta({ description: 'Kommunens kod, t.ex. sigtuna' }) });
export const municipalityReportQuery = z.strictObject({ ...periodShape, output: outputParam, lang: langParam }).superRefine((q, ctx) => {
  checkPeriod(q, ctx);
  if (q.year === undefined && q.from === undefined && q.to === undefined) ctx.addIssue({ code: 'custom', path: ['year'], message: 'Ange year, eller from och/eller to.' });
});
export type MunicipalityReportQuery = z.infer<typeof municipalityReportQuery>;
export const ownersQuery = z.strictObject({
  year: yearParam.meta({ description: 'Året, t.ex. 2018' }),
  output: outputParam,
  lang: langParam,
});
export type OwnersQuery = z.infer<typeof ownersQuery>;

const reachCounts = z.object({
  total: z.number().int().meta({ description: 'Aktiviteter kommunen deltog i' }),
  own: z.number().int().meta({ description: 'Bara denna kommun' }),
  shared: z.number().int().meta({ description: 'Några ägarkommuner' }),
  open: z.number().int().meta({ description: 'Alla ägarkommuner (öppet erbjudande)' }),
});
const participantFacts = z.object({
  known: z.number().int().meta({ description: 'Deltagare från kommunen där det är känt: hela antalet på egna aktiviteter, uppdelningens tal på delade' }),
  inAll: z.number().int().meta({ description: 'Alla deltagare (från alla kommuner) på aktiviteterna kommunen deltog i' }),
  activitiesWithoutSplit: z.number().int().meta({ description: 'Delade/öppna aktiviteter med deltagarantal men utan uppdelning för kommunen' }),
  activitiesWithoutCount: z.number().int().meta({ description: 'Aktiviteter utan deltagarantal' }),
});
const countRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

export const municipalityReport = z.object({
  municipality: z.object({ code: z.string(), name: z.string(), owner: z.boolean().meta({ description: 'Ägarkommun perioden (aktiv eller med avgift registrerad)' }) }),
  period,
  previousPeriod: period.nullable().meta({ description: 'Samma period året före; null när perioden är öppen' }),
  ownersDefinition: z.string(),
  activities: reachCounts,
  participants: participantFacts,
  previous: z.object({ activities: reachCounts, participants: participantFacts }).nullable(),
  byGoal: z.array(countRow),
  byAreaGroup: z.array(countRow),
  byType: z.array(countRow),
  byFormat: z.array(countRow),
  byLine: z.array(countRow),
  byTargetGroup: z.array(countRow.extend({ key: z.string().meta({ description: 'Målgruppens nyckel, eller id för en egen målgrupp' }) })),
  withoutTargetGroup: z.number().int().meta({ description: 'Aktiviteter utan angiven målgrupp (räknas inte in någonstans)' }),
  fee: z.object({
    year: z.number().int(),
    feeSek: z.number().int().nullable(),
    population: z.number().int().nullable(),
    allOwnersFeeSek: z.number().int().meta({ description: 'Summan av ägarkommunernas registrerade avgifter' }),
    feeShare: z.number().nullable().meta({ description: 'Kommunens andel av alla ägares avgifter (0..1); null utan avgift' }),
    activityShare: z.number().meta({ description: 'Kommunens andel av aktiviteterna, där en aktivitet med flera ägarkommuner delas lika mellan dem (0..1)' }),
    participantShare: z.number().nullable().meta({ description: 'Kommunens andel av alla ägares kända deltagare (0..1); null när inga är kända' }),
  }).nullable().meta({ description: 'Bara för ett kalenderår (year)' }),
  planItems: z.array(z.object({ id: z.number().int(), year: z.number().int(), title: z.string(), status: z.string(), activities: z.number().int() })),
  assignments: z.array(z.object({ id: z.number().int(), title: z.string(), line: lineSchema.nullable(), activities: z.number().int() })),
  list: z.array(z.object({
    id: z.number().int(), date: z.string(), title: z.string(), type: z.string(), reach: z.enum(['own', 'shared', 'open']),
    participants: z.number().int().nullable(), participantsFromMunicipality: z.number().int().nullable(), staff: z.array(z.string()),
  })),
}).meta({ id: 'MunicipalityReport' });
export type MunicipalityReport = z.infer<typeof municipalityReport>;

export const ownersTableRow = z.object({
  code: z.string(),
  name: z.string(),
  population: z.number().int().nullable(),
  feeSek: z.number().int().nullable(),
  feeShare: z.number().nullable().meta({ description: 'Andel av alla ägares avgifter (0..1)' }),
  activities: z.number().int(),
  own: z.number().int(),
  shared: z.number().int(),
  open: z.number().int(),
  activityShare: z.number().meta({ description: 'Andel av aktiviteterna, en aktivitet med flera ägare delad lika mellan dem' }),
  participants: z.number().int().meta({ description: 'Kända deltagare från kommunen' }),
  participantShare: z.number().nullable(),
  planItems: z.number().int().meta({ description: 'Planpunkter med aktivitet för kommunen' }),
  targetGroups: z.array(z.number().int()).meta({ description: 'Aktiviteter per målgrupp, i ordningen targetGroups' }),
});
export const ownersTable = z.object({
  year: z.number().int(),
  ownersDefinition: z.string(),
  owners: z.array(ownersTableRow),
  targetGroups: z.array(z.object({ key: z.string(), name: z.string() })),
  totals: z.object({
    activities: z.number().int().meta({ description: 'Årets alla aktiviteter' }),
    withOwner: z.number().int().meta({ description: 'Aktiviteter med minst en ägarkommun' }),
    noOwnerMunicipality: z.number().int().meta({ description: 'Uttryckligen "ingen ägarkommun"' }),
    noMunicipalityGiven: z.number().int().meta({ description: 'Äldre aktiviteter utan kommun och utan valet: "ingen kommun angiven"' }),
    feeSek: z.number().int(),
    participants: z.number().int().meta({ description: 'Kända deltagare från ägarkommunerna' }),
    sharedWithoutSplit: z.number().int().meta({ description: 'Aktiviteter med flera kommuner och deltagarantal men utan uppdelning' }),
    withoutTargetGroup: z.number().int(),
  }),
}).meta({ id: 'OwnersTable' });
export type OwnersTable = z.infer<typeof ownersTable>;
