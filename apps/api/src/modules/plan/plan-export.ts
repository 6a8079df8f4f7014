/** The plan follow-up as the reports' neutral tables, so it exports to CSV and XLSX like every report. */
import type { PlanStatus } from '../../db/schema.ts';
import type { Lang } from '../../lib/lang.ts';
import type { ExportTable } from '../reports/report-export.ts';
import type { PlanFollowup } from './plan.schemas.ts';

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  planerad: 'Planerad',
  pagar: 'Pågår',
  genomford: 'Genomförd',
  delvis_genomford: 'Delvis genomförd',
  inte_genomford: 'Inte genomförd',
  framflyttad: 'Framflyttad',
};

export const PLAN_STATUS_LABELS_EN: Record<PlanStatus, string> = {
  planerad: 'Planned',
  pagar: 'In progress',
  genomford: 'Completed',
  delvis_genomford: 'Partly completed',
  inte_genomford: 'Not completed',
  framflyttad: 'Postponed',
};

const WORDS = {
  sv: {
    items: 'Planpunkter', title: (year: number, asOf: string) => `Planuppföljning ${year} till och med ${asOf}`,
    headers: ['Planpunkt', 'Resultatmål', 'Verksamhetsområde', 'Områdesgrupp', 'Status', 'Mål (antal)', 'Aktiviteter', 'Måluppfyllelse', 'Senaste aktivitet', 'Flaggad', 'Planerat', 'Utfall', 'Ansvariga', 'Aktivitetstyper', 'Nådda kommuner', 'Antal nådda kommuner', 'Deltagare'],
    yes: 'Ja', no: 'Nej', statuses: PLAN_STATUS_LABELS,
    note: 'Måluppfyllelse är en andel: kopplade aktiviteter delat med planens antal (1,00 = målet nått). Deltagare är summan av de deltagarantal som registrerats på punktens aktiviteter. Status är punktens status i dag; den sista kolumnen visar statusen på uppföljningsdagen enligt ändringshistoriken.',
    statusOn: (asOf: string) => `Status ${asOf}`, notCreated: 'Punkten fanns inte då', noHistory: 'Okänd (ändringshistorik saknas)',
    planned: 'Planerade punkter', withActivity: 'Punkter med aktivitet', total: 'Totalt',
    byGoal: 'Per resultatmål', byGoalTitle: (year: number) => `Planerade punkter och punkter med aktivitet per resultatmål ${year}`, goal: 'Resultatmål',
    byArea: 'Per områdesgrupp', byAreaTitle: (year: number) => `Planerade punkter och punkter med aktivitet per områdesgrupp ${year}`, area: 'Områdesgrupp',
  },
  en: {
    items: 'Plan items', title: (year: number, asOf: string) => `Plan follow-up ${year} up to ${asOf}`,
    headers: ['Plan item', 'Result goal', 'Activity area', 'Area group', 'Status', 'Target (number)', 'Activities', 'Target reached', 'Latest activity', 'Flagged', 'Planned', 'Outcome', 'Responsible', 'Activity types', 'Municipalities reached', 'Number of municipalities reached', 'Participants'],
    yes: 'Yes', no: 'No', statuses: PLAN_STATUS_LABELS_EN,
    note: 'Target reached is a share: linked activities divided by the number planned (1.00 = target reached). Participants is the sum of the participant numbers recorded on the item’s activities. Status is the item’s status today; the last column shows its status on the follow-up date according to the change history.',
    statusOn: (asOf: string) => `Status ${asOf}`, notCreated: 'The item did not exist then', noHistory: 'Unknown (no change history)',
    planned: 'Planned items', withActivity: 'Items with activity', total: 'Total',
    byGoal: 'By result goal', byGoalTitle: (year: number) => `Planned items and items with activity by result goal ${year}`, goal: 'Result goal',
    byArea: 'By area group', byAreaTitle: (year: number) => `Planned items and items with activity by area group ${year}`, area: 'Area group',
  },
} as const;

/** English names for the follow-up's rows: goals by key (the year's framework first), areas by code, types by their Swedish name. */
export interface PlanEnglishNames { goals: Map<string, string>; areas: Map<string, string>; types: Map<string, string> }

/** "Seminarium 4, Nätverksträff 2": a plan item's activities by type, the commonest first. */
export function typesText(types: { name: string; count: number }[], rename: (name: string) => string = (n) => n): string {
  return types.map((t) => `${rename(t.name)} ${t.count}`).join(', ');
}

/** The status on the follow-up date, or plainly why the trail cannot give it. */
function statusOnDateText(i: PlanFollowup['items'][number], w: (typeof WORDS)[Lang]): string {
  if (i.statusAsOf !== null) return w.statuses[i.statusAsOf];
  return i.statusAsOfBasis === 'not_created' ? w.notCreated : w.noHistory;
}

export function followupTables(f: PlanFollowup, lang: Lang = 'sv', english?: PlanEnglishNames): ExportTable[] {
  const w = WORDS[lang];
  const en = (kind: keyof PlanEnglishNames, key: string, name: string) => (lang === 'en' ? english?.[kind].get(key) : undefined) ?? name;
  const coverageColumns = [{ header: w.planned, kind: 'count' }, { header: w.withActivity, kind: 'count' }] as const;
  const COUNTS = new Set([5, 6, 15, 16]);
  return [
    {
      id: w.items,
      title: w.title(f.year, f.asOf),
      columns: [...w.headers.map((header, i) => ({ header, kind: i === 7 ? ('share' as const) : COUNTS.has(i) ? ('count' as const) : ('text' as const) })), { header: w.statusOn(f.asOf), kind: 'text' as const }],
      rows: f.items.map((i) => [
        i.title, en('goals', i.goal.key, i.goal.name), en('areas', i.area.code, i.area.name), en('areas', i.area.groupCode, i.area.groupName), w.statuses[i.status],
        i.targetCount, i.activityCount, i.progress, i.lastActivityDate, i.flagged ? w.yes : w.no,
        i.planned.join(' • '), i.outcome, i.staff.join(', '), typesText(i.summary.types, (n) => en('types', n, n)),
        i.summary.municipalities.map((m) => m.name).join(', '), i.summary.municipalities.length, i.summary.participants,
        statusOnDateText(i, w),
      ]),
      note: w.note,
    },
    {
      id: w.byGoal,
      title: w.byGoalTitle(f.year),
      columns: [{ header: w.goal, kind: 'text' }, ...coverageColumns],
      rows: f.goals.map((g) => [en('goals', g.key, g.name), g.planned, g.withActivity]),
      total: [w.total, f.totals.planned, f.totals.withActivity],
    },
    {
      id: w.byArea,
      title: w.byAreaTitle(f.year),
      columns: [{ header: w.area, kind: 'text' }, ...coverageColumns],
      rows: f.areaGroups.map((g) => [en('areas', g.code, g.name), g.planned, g.withActivity]),
      total: [w.total, f.totals.planned, f.totals.withActivity],
    },
  ];
}
