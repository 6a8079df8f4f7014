/** The activity list as the reports' neutral table: every column an activity has, one row per activity. */
import { referenceData } from '../../seed/reference-seed.ts';
import { FORMATS } from '../reference/reference.service.ts';
import type { ExportTable } from '../reports/report-export.ts';
import type { Activity, ActivityExportQuery } from './activity.schemas.ts';

const FORMAT_NAMES = new Map(FORMATS.map((f) => [f.code, f.name]));
const LINE_NAMES = new Map((referenceData.lines as { code: string; name: string }[]).map((l) => [l.code, l.name]));

/** The filters in words, for the sheet's title: what the file holds, as the list showed it. */
export function filterWords(q: ActivityExportQuery, names: { goal?: string; area?: string; municipality?: string; staff?: string; type?: string; assignment?: string; planItem?: string }): string {
  const parts: string[] = [];
  if (q.from || q.to) parts.push(`${q.from ?? 'början'}–${q.to ?? 'idag'}`);
  for (const [k, label] of [['goal', 'mål'], ['area', 'område'], ['municipality', 'kommun'], ['staff', 'medarbetare'], ['type', 'typ'], ['assignment', 'uppdrag'], ['planItem', 'planpunkt']] as const) {
    if (names[k]) parts.push(`${label}: ${names[k]}`);
  }
  if (q.q) parts.push(`titel innehåller ”${q.q}”`);
  return parts.length ? parts.join(', ') : 'alla aktiviteter';
}

export function activityTable(items: Activity[], filters: string): ExportTable {
  return {
    id: 'Aktiviteter',
    title: `Aktiviteter (${filters}): ${items.length} st`,
    columns: [
      { header: 'Datum', kind: 'text' },
      { header: 'Titel', kind: 'text' },
      { header: 'Beskrivning', kind: 'text' },
      { header: 'Resultatmål', kind: 'text' },
      { header: 'Målramverk', kind: 'text' },
      { header: 'Verksamhetsområde', kind: 'text' },
      { header: 'Områdesgrupp', kind: 'text' },
      { header: 'Aktivitetstyp', kind: 'text' },
      { header: 'Genomförande', kind: 'text' },
      { header: 'Deltagare', kind: 'count' },
      { header: 'Kommuner', kind: 'text' },
      { header: 'Antal kommuner', kind: 'count' },
      { header: 'Medarbetare', kind: 'text' },
      { header: 'Uppdrag', kind: 'text' },
      { header: 'Linje', kind: 'text' },
      { header: 'Planpunkt', kind: 'text' },
      { header: 'Id', kind: 'count' },
      { header: 'Registrerad', kind: 'text' },
      { header: 'Senast ändrad', kind: 'text' },
    ],
    rows: items.map((a) => [
      a.date, a.title, a.description, a.goal.name, a.goal.frameworkCode.toUpperCase(), a.area.name, a.area.groupName, a.type.name,
      FORMAT_NAMES.get(a.format) ?? a.format, a.participants, a.municipalities.map((m) => m.name).join(', '), a.municipalities.length,
      a.staff.map((x) => x.name).join(', '), a.assignment?.title ?? null, a.line ? LINE_NAMES.get(a.line) ?? a.line : null,
      a.planItem?.title ?? null, a.id, a.createdAt.slice(0, 10), a.updatedAt.slice(0, 10),
    ]),
  };
}
