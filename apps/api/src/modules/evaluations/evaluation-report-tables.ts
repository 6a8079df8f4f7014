/** The evaluation report as neutral tables for CSV/XLSX (reports/report-export.ts). Never the comments. */
import type { ExportCell, ExportTable } from '../reports/report-export.ts';
import type { EvaluationReport } from './evaluation.schemas.ts';

const FIGURE_COLUMNS = [
  { header: 'Svar', kind: 'count' as const },
  { header: 'Medelbetyg (1–10)', kind: 'text' as const },
  { header: 'Användbart: helt (%)', kind: 'percent' as const },
  { header: 'Användbart: i hög grad (%)', kind: 'percent' as const },
  { header: 'Användbart: helt eller i hög grad (%)', kind: 'percent' as const },
  { header: 'Användbart: delvis (%)', kind: 'percent' as const },
  { header: 'Användbart: inte alls (%)', kind: 'percent' as const },
  { header: 'Påverkar arbetet: ja eller delvis (%)', kind: 'percent' as const },
  { header: 'Påverkar: ja (%)', kind: 'percent' as const },
  { header: 'Påverkar: delvis (%)', kind: 'percent' as const },
  { header: 'Påverkar: nej (%)', kind: 'percent' as const },
];

type F = Pick<EvaluationReport['events'][number]['figures'], 'answers' | 'ratingMean' | 'useful' | 'usefulFullyOrHigh' | 'affects' | 'affectsYesOrPartly'>;
const mean = (x: number | null) => (x === null ? null : x.toFixed(1).replace('.', ','));
function figureCells(f: F): ExportCell[] {
  return [f.answers, mean(f.ratingMean), f.useful.helt, f.useful.hog, f.usefulFullyOrHigh, f.useful.delvis, f.useful.inte, f.affectsYesOrPartly, f.affects.ja, f.affects.delvis, f.affects.nej];
}

export function evaluationReportTables(r: EvaluationReport): ExportTable[] {
  const tables: ExportTable[] = [{
    id: 'evenemang',
    title: `Utvärderingar per evenemang${r.year ? ` ${r.year}` : ''}`,
    columns: [
      { header: 'Datum', kind: 'text' }, { header: 'Evenemang', kind: 'text' }, { header: 'Typ', kind: 'text' }, { header: 'Resultatmål', kind: 'text' },
      { header: 'Källa', kind: 'text' }, { header: 'Anmälda', kind: 'count' }, { header: 'Deltog', kind: 'count' }, { header: 'Svarsfrekvens (%)', kind: 'percent' },
      ...FIGURE_COLUMNS,
      // The rating's distribution: answers per grade (empty for figures from another tool, which give only the mean).
      ...Array.from({ length: 10 }, (_, i) => ({ header: `Betyg ${i + 1} (antal)`, kind: 'count' as const })),
    ],
    rows: r.events.map((e) => [
      e.date, e.title, e.type, e.goal, e.figures.source === 'aggregate' ? 'Sammanställning från annat verktyg' : 'Svar via länken',
      e.registered, e.attending, e.responseRate, ...figureCells(e.figures),
      ...Array.from({ length: 10 }, (_, i) => e.figures.ratingCounts?.[i] ?? null),
    ]),
  }];
  if (r.groupBy !== 'event') {
    const heading = r.groupBy === 'series' ? 'Serie (aktivitetstyp)' : r.groupBy === 'goal' ? 'Resultatmål' : 'Svarandes kommun';
    tables.push({
      id: r.groupBy === 'series' ? 'serier' : r.groupBy === 'goal' ? 'mal' : 'kommuner',
      title: r.note ?? heading,
      columns: [{ header: heading, kind: 'text' }, { header: 'År', kind: 'text' }, { header: 'Utvärderingar', kind: 'count' }, ...FIGURE_COLUMNS],
      rows: r.groups.map((g) => [g.label, g.year === null ? '' : String(g.year), g.figures.evaluations, ...figureCells(g.figures)]),
    });
  }
  return tables;
}
