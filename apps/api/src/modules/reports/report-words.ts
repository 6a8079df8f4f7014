/** The reports' own words (headings, totals, notes) in both languages; the JSON reports and the files share them. */
import type { Lang } from '../../lib/lang.ts';

const sv = {
  /** The row for activities without a value, worded for its noun (en linje, ett uppdrag). */
  none: { line: 'Ej angiven', assignment: 'Inget uppdrag' },
  total: 'Totalt',
  activitiesIn: (year: number) => `Aktiviteter ${year}`,
  areaTitle: 'Verksamhetsområde',
  goalTitle: (code: string | null) => `Resultatmål i ${code ? code.toUpperCase() : 'verksamhetsplanen'}`,
  multiNote: {
    municipality: 'En aktivitet kan ha flera deltagande kommuner och räknas då en gång per kommun: andelarna avser andel av aktiviteterna och summerar inte till 100 %.',
    staff: 'En aktivitet kan ha flera medarbetare och räknas då en gång per medarbetare: andelarna avser andel av aktiviteterna och summerar inte till 100 %.',
  },
  roundingNote: (sum: number) => `Procenten är avrundade rad för rad (som i verksamhetsberättelsen) och summerar därför till ${sum} %; Totalt är alla aktiviteter, 100 %. Välj ”summerar till 100” för avrundning som alltid ger 100.`,
  dimensions: {
    goal: 'Resultatmål', areaGroup: 'Verksamhetsområde', area: 'Område', type: 'Aktivitetstyp', format: 'Genomförande',
    line: 'Linje', staff: 'Medarbetare', municipality: 'Kommun', assignment: 'Uppdrag',
  },
  count: 'Antal', share: 'Andel', percent: 'Procent',
  distributionTitle: (dim: string) => `Fördelning per ${dim.toLowerCase()}`,
  countSheet: 'Antal', percentSheet: 'Procent',
  crosstabTitle: (rows: string, cols: string) => `Antal aktiviteter per ${rows.toLowerCase()} och ${cols.toLowerCase()}`,
  percentBase: {
    row: { sheet: 'Procent av raden', title: 'Procent av radens aktiviteter (varje rad summerar till 100 %)' },
    col: { sheet: 'Procent av kolumnen', title: 'Procent av kolumnens aktiviteter (varje kolumn summerar till 100 %)' },
    total: { sheet: 'Procent av totalen', title: 'Procent av alla aktiviteter (hela tabellen summerar till 100 %)' },
  },
  trendTitle: (dim: string) => `Antal aktiviteter per ${dim.toLowerCase()} och år`,
  trendPercentTitle: 'Procent av årets aktiviteter',
  reach: {
    sheet: 'Räckvidd', title: 'Deltagande kommuner (en aktivitet räknas för varje kommun som deltog)',
    municipality: 'Kommun', activities: 'Antal aktiviteter', percent: 'Procent av aktiviteterna', reached: 'Nådd', yes: 'Ja', no: 'Nej',
    total: 'Aktiviteter totalt', reachedOf: (n: number, of: number) => `${n} av ${of} nådda`,
  },
  vbSheet: { verksamhetsomrade: 'Verksamhetsområde', resultatmal: 'Resultatmål' },
};

export type ReportWords = typeof sv;

const en: ReportWords = {
  none: { line: 'Not given', assignment: 'No assignment' },
  total: 'Total',
  activitiesIn: (year: number) => `Activities ${year}`,
  areaTitle: 'Activity area',
  goalTitle: (code: string | null) => `Result goals in ${code ? code.toUpperCase() : 'the operational plan'}`,
  multiNote: {
    municipality: 'An activity can have several participating municipalities and then counts once per municipality: the shares are shares of the activities and do not add up to 100%.',
    staff: 'An activity can have several staff members and then counts once per staff member: the shares are shares of the activities and do not add up to 100%.',
  },
  roundingNote: (sum: number) => `The percentages are rounded row by row (as in the annual report) and so add up to ${sum}%; Total is all activities, 100%. Choose “adds up to 100” for rounding that always gives 100.`,
  dimensions: {
    goal: 'Result goal', areaGroup: 'Activity area', area: 'Area', type: 'Activity type', format: 'Delivery',
    line: 'Line', staff: 'Staff member', municipality: 'Municipality', assignment: 'Assignment',
  },
  count: 'Count', share: 'Share', percent: 'Percent',
  distributionTitle: (dim: string) => `Distribution by ${dim.toLowerCase()}`,
  countSheet: 'Count', percentSheet: 'Percent',
  crosstabTitle: (rows: string, cols: string) => `Activities by ${rows.toLowerCase()} and ${cols.toLowerCase()}`,
  percentBase: {
    row: { sheet: 'Percent of row', title: 'Percent of the row’s activities (each row adds up to 100%)' },
    col: { sheet: 'Percent of column', title: 'Percent of the column’s activities (each column adds up to 100%)' },
    total: { sheet: 'Percent of total', title: 'Percent of all activities (the whole table adds up to 100%)' },
  },
  trendTitle: (dim: string) => `Activities by ${dim.toLowerCase()} and year`,
  trendPercentTitle: 'Percent of the year’s activities',
  reach: {
    sheet: 'Reach', title: 'Participating municipalities (an activity counts for each municipality that took part)',
    municipality: 'Municipality', activities: 'Activities', percent: 'Percent of the activities', reached: 'Reached', yes: 'Yes', no: 'No',
    total: 'Activities in total', reachedOf: (n: number, of: number) => `${n} of ${of} reached`,
  },
  vbSheet: { verksamhetsomrade: 'Activity area', resultatmal: 'Result goals' },
};

export const REPORT_WORDS: Record<Lang, ReportWords> = { sv, en };
