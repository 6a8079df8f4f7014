/** The plan follow-up as the reports' neutral tables, so it exports to CSV and XLSX like every report. */
import type { PlanStatus } from '../../db/schema.ts';
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

const coverageColumns = [
  { header: 'Planerade punkter', kind: 'count' },
  { header: 'Punkter med aktivitet', kind: 'count' },
] as const;

/** "Seminarium 4, Nätverksträff 2": a plan item's activities by type, the commonest first. */
export function typesText(types: { name: string; count: number }[]): string {
  return types.map((t) => `${t.name} ${t.count}`).join(', ');
}

/** The status on the follow-up date, or plainly why the trail cannot give it. */
function statusOnDateText(i: PlanFollowup['items'][number]): string {
  if (i.statusAsOf !== null) return PLAN_STATUS_LABELS[i.statusAsOf];
  return i.statusAsOfBasis === 'not_created' ? 'Punkten fanns inte då' : 'Okänd (ändringshistorik saknas)';
}

export function followupTables(f: PlanFollowup): ExportTable[] {
  return [
    {
      id: 'Planpunkter',
      title: `Planuppföljning ${f.year} till och med ${f.asOf}`,
      columns: [
        { header: 'Planpunkt', kind: 'text' },
        { header: 'Resultatmål', kind: 'text' },
        { header: 'Verksamhetsområde', kind: 'text' },
        { header: 'Områdesgrupp', kind: 'text' },
        { header: 'Status', kind: 'text' },
        { header: 'Mål (antal)', kind: 'count' },
        { header: 'Aktiviteter', kind: 'count' },
        { header: 'Måluppfyllelse', kind: 'share' },
        { header: 'Senaste aktivitet', kind: 'text' },
        { header: 'Flaggad', kind: 'text' },
        { header: 'Planerat', kind: 'text' },
        { header: 'Utfall', kind: 'text' },
        { header: 'Ansvariga', kind: 'text' },
        { header: 'Aktivitetstyper', kind: 'text' },
        { header: 'Nådda kommuner', kind: 'text' },
        { header: 'Antal nådda kommuner', kind: 'count' },
        { header: 'Deltagare', kind: 'count' },
        { header: `Status ${f.asOf}`, kind: 'text' },
      ],
      rows: f.items.map((i) => [
        i.title, i.goal.name, i.area.name, i.area.groupName, PLAN_STATUS_LABELS[i.status], i.targetCount, i.activityCount,
        i.progress, i.lastActivityDate, i.flagged ? 'Ja' : 'Nej',
        i.planned.join(' • '), i.outcome, i.staff.join(', '), typesText(i.summary.types),
        i.summary.municipalities.map((m) => m.name).join(', '), i.summary.municipalities.length, i.summary.participants,
        statusOnDateText(i),
      ]),
      note: 'Måluppfyllelse är en andel: kopplade aktiviteter delat med planens antal (1,00 = målet nått). Deltagare är summan av de deltagarantal som registrerats på punktens aktiviteter. Status är punktens status i dag; den sista kolumnen visar statusen på uppföljningsdagen enligt ändringshistoriken.',
    },
    {
      id: 'Per resultatmål',
      title: `Planerade punkter och punkter med aktivitet per resultatmål ${f.year}`,
      columns: [{ header: 'Resultatmål', kind: 'text' }, ...coverageColumns],
      rows: f.goals.map((g) => [g.name, g.planned, g.withActivity]),
      total: ['Totalt', f.totals.planned, f.totals.withActivity],
    },
    {
      id: 'Per områdesgrupp',
      title: `Planerade punkter och punkter med aktivitet per områdesgrupp ${f.year}`,
      columns: [{ header: 'Områdesgrupp', kind: 'text' }, ...coverageColumns],
      rows: f.areaGroups.map((g) => [g.name, g.planned, g.withActivity]),
      total: ['Totalt', f.totals.planned, f.totals.withActivity],
    },
  ];
}
