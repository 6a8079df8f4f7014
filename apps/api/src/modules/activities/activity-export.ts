/**
 * The activity list as the reports' neutral table: every column an activity has, one row per activity, with its
 * headings, formats and lines in the asked language and the registers' English names where they have them.
 */
import { nameIn, type Lang } from '../../lib/lang.ts';
import { referenceData } from '../../seed/reference-seed.ts';
import { FORMATS } from '../reference/reference.service.ts';
import type { ExportTable } from '../reports/report-export.ts';
import type { Activity, ActivityExportQuery } from './activity.schemas.ts';

const WORDS = {
  sv: {
    sheet: 'Aktiviteter',
    title: (filters: string, n: number) => `Aktiviteter (${filters}): ${n} st`,
    headers: ['Datum', 'Titel', 'Beskrivning', 'Resultatmål', 'Målramverk', 'Verksamhetsområde', 'Områdesgrupp', 'Aktivitetstyp', 'Genomförande', 'Deltagare', 'Kommuner', 'Antal kommuner', 'Medarbetare', 'Uppdrag', 'Linje', 'Planpunkt', 'Id', 'Registrerad', 'Senast ändrad'],
    start: 'början', end: 'idag', all: 'alla aktiviteter', titleHas: (q: string) => `titel innehåller ”${q}”`,
    filters: { goal: 'mål', area: 'område', municipality: 'kommun', staff: 'medarbetare', type: 'typ', assignment: 'uppdrag', planItem: 'planpunkt' },
  },
  en: {
    sheet: 'Activities',
    title: (filters: string, n: number) => `Activities (${filters}): ${n}`,
    headers: ['Date', 'Title', 'Description', 'Result goal', 'Goal framework', 'Activity area', 'Area group', 'Activity type', 'Delivery', 'Participants', 'Municipalities', 'Number of municipalities', 'Staff', 'Assignment', 'Line', 'Plan item', 'Id', 'Recorded', 'Last changed'],
    start: 'start', end: 'today', all: 'all activities', titleHas: (q: string) => `title contains “${q}”`,
    filters: { goal: 'goal', area: 'area', municipality: 'municipality', staff: 'staff member', type: 'type', assignment: 'assignment', planItem: 'plan item' },
  },
} as const;
const COUNT_COLUMNS = new Set([9, 11, 16]);

/** English names of the rows an activity embeds, by id (an empty map in Swedish: the embedded names are Swedish). */
export interface EnglishNames { goals: Map<number, string>; areas: Map<number, string>; areaGroups: Map<string, string>; types: Map<number, string> }

/** The filters in words, for the sheet's title: what the file holds, as the list showed it. */
export function filterWords(q: ActivityExportQuery, names: { goal?: string; area?: string; municipality?: string; staff?: string; type?: string; assignment?: string; planItem?: string }, lang: Lang = 'sv'): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  if (q.from || q.to) parts.push(`${q.from ?? w.start}–${q.to ?? w.end}`);
  for (const k of ['goal', 'area', 'municipality', 'staff', 'type', 'assignment', 'planItem'] as const) {
    if (names[k]) parts.push(`${w.filters[k]}: ${names[k]}`);
  }
  if (q.q) parts.push(w.titleHas(q.q));
  return parts.length ? parts.join(', ') : w.all;
}

export function activityTable(items: Activity[], filters: string, lang: Lang = 'sv', english?: EnglishNames): ExportTable {
  const w = WORDS[lang];
  const en = (kind: 'goals' | 'areas' | 'types', id: number, name: string) => (lang === 'en' ? english?.[kind].get(id) : undefined) ?? name;
  const formats = new Map(FORMATS.map((f) => [f.code, nameIn(lang, f)]));
  const lines = new Map((referenceData.lines as { code: string; name: string; nameEn: string }[]).map((l) => [l.code, nameIn(lang, l)]));
  return {
    id: w.sheet,
    title: w.title(filters, items.length),
    columns: w.headers.map((header, i) => ({ header, kind: COUNT_COLUMNS.has(i) ? 'count' : 'text' })),
    rows: items.map((a) => [
      a.date, a.title, a.description, en('goals', a.goal.id, a.goal.name), a.goal.frameworkCode.toUpperCase(), en('areas', a.area.id, a.area.name),
      (lang === 'en' ? english?.areaGroups.get(a.area.groupCode) : undefined) ?? a.area.groupName, en('types', a.type.id, a.type.name),
      formats.get(a.format) ?? a.format, a.participants, a.municipalities.map((m) => m.name).join(', '), a.municipalities.length,
      a.staff.map((x) => x.name).join(', '), a.assignment?.title ?? null, a.line ? lines.get(a.line) ?? a.line : null,
      a.planItem?.title ?? null, a.id, a.createdAt.slice(0, 10), a.updatedAt.slice(0, 10),
    ]),
  };
}
