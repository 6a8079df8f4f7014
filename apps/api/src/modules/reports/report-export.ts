/**
 * Report tables as files: CSV for Swedish Excel (UTF-8 with BOM, semicolons, decimal comma, CRLF) and XLSX
 * (one sheet per table). Any report hands over neutral tables, so the plan follow-up report reuses this too.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export type ColumnKind = 'text' | 'count' | 'share' | 'percent';
export interface ExportColumn { header: string; kind: ColumnKind }
export type ExportCell = string | number | null;
export interface ExportTable {
  /** Short name: the sheet's name in XLSX. */
  id: string;
  title: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
  /** The Totalt row, when the table has one. */
  total?: ExportCell[];
}
export type OutputFormat = 'json' | 'csv' | 'xlsx';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The output= parameter wins; else the Accept header; else JSON. */
export function outputFormat(req: FastifyRequest): OutputFormat {
  const output = (req.query as { output?: OutputFormat } | undefined)?.output;
  if (output) return output;
  const accept = req.headers.accept ?? '';
  if (accept.includes(XLSX_TYPE)) return 'xlsx';
  if (accept.includes('text/csv')) return 'csv';
  return 'json';
}

const decimal = (n: number, digits: number) => n.toFixed(digits).replace('.', ',');

/**
 * A text that Excel or LibreOffice would read as a formula (=, +, -, @) or that starts with a tab or CR gets a
 * leading apostrophe, as OWASP's CSV injection advice says: it then shows as text and runs nothing. Only text
 * cells are touched; counts and shares are numbers and stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: ExportCell, kind: ColumnKind): string {
  if (value === null) return '';
  if (typeof value === 'number') return kind === 'share' ? decimal(value, 4) : String(value);
  const text = neutraliseFormula(value);
  return /[;"\r\n\t]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV: each table as its title line, header, rows and Totalt, a blank line between tables. */
export function tablesToCsv(tables: ExportTable[]): string {
  const lines: string[] = [];
  tables.forEach((table, i) => {
    if (i > 0) lines.push('');
    if (tables.length > 1) lines.push(csvCell(table.title, 'text'));
    lines.push(table.columns.map((c) => csvCell(c.header, 'text')).join(';'));
    for (const row of [...table.rows, ...(table.total ? [table.total] : [])]) {
      lines.push(row.map((v, j) => csvCell(v, table.columns[j]?.kind ?? 'text')).join(';'));
    }
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const NUM_FMT: Record<ColumnKind, string | undefined> = { text: undefined, count: '0', share: '0.0%', percent: '0' };

export async function tablesToXlsx(tables: ExportTable[]): Promise<Buffer> {
  // Loaded on the first XLSX export: exceljs is a fifth of the server's memory, and most processes never need it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const table of tables) {
    // Sheet names: at most 31 characters, none of []:*?/\ and unique.
    let name = table.id.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Tabell';
    for (let n = 2; used.has(name); n++) name = `${name.slice(0, 28)}-${n}`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow([table.title]).font = { bold: true, size: 12 };
    ws.addRow(table.columns.map((c) => c.header)).font = { bold: true };
    for (const row of table.rows) ws.addRow(row);
    if (table.total) ws.addRow(table.total).font = { bold: true };
    table.columns.forEach((c, j) => {
      const col = ws.getColumn(j + 1);
      const fmt = NUM_FMT[c.kind];
      if (fmt) col.eachCell((cell, rowNo) => { if (rowNo > 2) cell.numFmt = fmt; });
      col.width = c.kind === 'text' ? Math.min(70, Math.max(12, ...table.rows.map((r) => String(r[j] ?? '').length + 2), c.header.length + 2)) : Math.max(10, c.header.length + 2);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Answers with JSON, or the tables as a CSV or XLSX attachment named `<baseFileName>.<ext>`. */
export async function sendTables<T>(reply: FastifyReply, req: FastifyRequest, baseFileName: string, tables: ExportTable[], json: T): Promise<T | undefined> {
  const format = outputFormat(req);
  if (format === 'json') return json;
  const fileName = `${baseFileName}.${format}`;
  reply.header('content-disposition', `attachment; filename="${fileName}"`);
  // The file goes out as it is; the route's JSON response schema applies only to JSON answers.
  if (format === 'csv') reply.type(CSV_TYPE).send(tablesToCsv(tables));
  else reply.type(XLSX_TYPE).send(await tablesToXlsx(tables));
  return undefined;
}
