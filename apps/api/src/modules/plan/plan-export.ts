/**
 * The plan follow-up as files for the chief and the council: CSV the way Swedish Excel opens it (UTF-8 BOM,
 * semicolons, decimal comma, CRLF) and XLSX with one sheet per table.
 */
import ExcelJS from 'exceljs';
import type { PlanStatus } from '../../db/schema.ts';
import type { PlanFollowup } from './plan.schemas.ts';

export type ExportFormat = 'json' | 'csv' | 'xlsx';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** output= wins; otherwise the Accept header asks for a file; otherwise JSON. */
export function exportFormat(output: ExportFormat | undefined, accept: string | undefined): ExportFormat {
  if (output) return output;
  const a = (accept ?? '').toLowerCase();
  if (a.includes(XLSX_TYPE)) return 'xlsx';
  if (a.includes('text/csv')) return 'csv';
  return 'json';
}

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  planerad: 'Planerad',
  pagar: 'Pågår',
  genomford: 'Genomförd',
  delvis_genomford: 'Delvis genomförd',
  inte_genomford: 'Inte genomförd',
  framflyttad: 'Framflyttad',
};

type Cell = string | number | null;

const ITEM_HEADERS = ['Planpunkt', 'Resultatmål', 'Verksamhetsområde', 'Områdesgrupp', 'Status', 'Mål (antal)', 'Aktiviteter', 'Måluppfyllelse', 'Senaste aktivitet', 'Flaggad'];
const COVERAGE_HEADERS = ['Planerade punkter', 'Punkter med aktivitet'];

function itemRows(f: PlanFollowup): Cell[][] {
  return f.items.map((i) => [
    i.title, i.goal.name, i.area.name, i.area.groupName, PLAN_STATUS_LABELS[i.status], i.targetCount, i.activityCount,
    i.progress, i.lastActivityDate, i.flagged ? 'Ja' : 'Nej',
  ]);
}

function csvCell(v: Cell, decimals: boolean): string {
  if (v === null) return '';
  // Fractions with two decimals and a decimal comma; counts as they are.
  const s = typeof v === 'number' ? (decimals ? v.toFixed(2).replace('.', ',') : String(v)) : v;
  return /[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One file, three tables one after the other with a blank line between, each with its heading line. */
export function followupCsv(f: PlanFollowup): Buffer {
  const progressCol = ITEM_HEADERS.indexOf('Måluppfyllelse');
  const line = (cells: Cell[], fractionAt = -1) => cells.map((c, i) => csvCell(c, i === fractionAt)).join(';');
  const lines = [
    line([`Planuppföljning ${f.year} till och med ${f.asOf}`]),
    line(ITEM_HEADERS),
    ...itemRows(f).map((r) => line(r, progressCol)),
    '',
    line(['Resultatmål', ...COVERAGE_HEADERS]),
    ...f.goals.map((g) => line([g.name, g.planned, g.withActivity])),
    '',
    line(['Områdesgrupp', ...COVERAGE_HEADERS]),
    ...f.areaGroups.map((g) => line([g.name, g.planned, g.withActivity])),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function followupXlsx(f: PlanFollowup): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FoU-uppföljning';
  const sheet = (name: string, headers: string[], rows: Cell[][], widths: number[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    return ws;
  };
  const items = sheet('Planpunkter', ITEM_HEADERS, itemRows(f), [45, 40, 30, 25, 18, 12, 12, 15, 16, 10]);
  items.getColumn(ITEM_HEADERS.indexOf('Måluppfyllelse') + 1).numFmt = '0%';
  sheet('Per resultatmål', ['Resultatmål', ...COVERAGE_HEADERS], f.goals.map((g) => [g.name, g.planned, g.withActivity]), [60, 18, 22]);
  sheet('Per områdesgrupp', ['Områdesgrupp', ...COVERAGE_HEADERS], f.areaGroups.map((g) => [g.name, g.planned, g.withActivity]), [45, 18, 22]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
