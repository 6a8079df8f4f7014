/**
 * Report tables as files: CSV for Swedish Excel (UTF-8 with BOM, semicolons, decimal comma, CRLF) and XLSX
 * (one sheet per table). Any report hands over neutral tables, so the plan follow-up report reuses this too.
 *
 * One rule for numbers, so that a file can be pasted as it is: `Procent` is a whole percent (rounded as the report
 * was asked to round), `Andel` is only ever a share 0–1 and always has two decimals (0,42), and `Antal` a count.
 * XLSX sheets are set up for print: A4, fitted to one page wide, the header row repeated on every page, the unit and
 * the period in the title row and the page header, and the workbook's author is the unit.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Row } from 'exceljs';
import { LANGS, type Lang } from '../../lib/lang.ts';
import { REPORT_WORDS } from './report-words.ts';

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
  /** What the numbers mean, when it needs saying: a line under the table. */
  note?: string;
}
export type OutputFormat = 'json' | 'csv' | 'xlsx';
/** Who the file is from and what period it covers: the workbook's author, the title row and the page header. */
export interface ExportMeta { unitName: string; period: string }

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
/** A share's decimals: two, so that 0,42 and 42 % say the same. */
export const SHARE_DECIMALS = 2;

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
  if (typeof value === 'number') return kind === 'share' ? decimal(value, SHARE_DECIMALS) : String(value);
  const text = neutraliseFormula(value);
  return /[;"\r\n\t]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV: each table as its title line, header, rows and Totalt, a blank line between tables. */
export function tablesToCsv(tables: ExportTable[], meta?: ExportMeta): string {
  const lines: string[] = [];
  tables.forEach((table, i) => {
    if (i > 0) lines.push('');
    if (tables.length > 1) lines.push(csvCell(meta ? `${table.title} – ${meta.unitName}, ${meta.period}` : table.title, 'text'));
    lines.push(table.columns.map((c) => csvCell(c.header, 'text')).join(';'));
    for (const row of [...table.rows, ...(table.total ? [table.total] : [])]) {
      lines.push(row.map((v, j) => csvCell(v, table.columns[j]?.kind ?? 'text')).join(';'));
    }
    if (table.note) lines.push(csvCell(table.note, 'text'));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// Percents are whole numbers shown with their sign, shares fractions with two decimals (see the file's header).
const NUM_FMT: Record<ColumnKind, string | undefined> = { text: undefined, count: '0', share: '0.00', percent: '0" %"' };

/** A file name as the attachment's ASCII fallback: å, ä, ö lose their rings and dots, anything else odd becomes -. */
export function asciiFileName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** RFC 6266 with RFC 5987's filename*: browsers take the UTF-8 name, older clients the ASCII one. */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encoded}`;
}

/** Sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(id: string, used: Set<string>): string {
  let name = id.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Tabell';
  for (let n = 2; used.has(name); n++) name = `${name.slice(0, 28)}-${n}`;
  used.add(name);
  return name;
}

/** A column's width in characters: text as wide as its longest cell up to 50 (longer wraps), numbers as their header. */
function columnWidth(table: ExportTable, j: number): number {
  const c = table.columns[j]!;
  if (c.kind !== 'text') return Math.min(16, Math.max(9, c.header.length + 2));
  const longest = Math.max(c.header.length, ...[...table.rows, ...(table.total ? [table.total] : [])].map((r) => String(r[j] ?? '').length));
  // A wide table's text columns are kept narrower (and wrap), so that fitting it to one page leaves it legible.
  const max = table.columns.length > 8 ? 28 : j === 0 ? 50 : 36;
  return Math.min(max, Math.max(10, longest + 2));
}

export async function tablesToXlsx(tables: ExportTable[], meta?: ExportMeta, lang: Lang = 'sv'): Promise<Buffer> {
  // Loaded on the first XLSX export: exceljs is a fifth of the server's memory, and most processes never need it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = meta?.unitName ?? 'FoU-uppföljning';
  wb.lastModifiedBy = wb.creator;
  wb.company = meta?.unitName ?? '';
  wb.title = tables[0]?.title ?? '';
  const used = new Set<string>();
  for (const table of tables) {
    const ws = wb.addWorksheet(sheetName(table.id, used));
    const title = meta ? `${table.title} – ${meta.unitName}, ${meta.period}` : table.title;
    const width = Math.max(1, table.columns.length);
    const titleRow = ws.addRow([title]);
    titleRow.font = { bold: true, size: 12 };
    titleRow.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    // The title across the table's width, so it wraps inside the printed page instead of widening it.
    if (width > 1) ws.mergeCells(1, 1, 1, width);
    titleRow.height = title.length > 80 ? 32 : 18;
    const header = ws.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'bottom' };
    const widths = table.columns.map((_, j) => columnWidth(table, j));
    // Spreadsheet programs do not grow a row for wrapped text on opening: give each row the lines its longest cell needs.
    const fit = (row: Row, cells: ExportCell[]) => {
      const lines = Math.max(1, ...cells.map((v, j) => (typeof v === 'string' ? Math.ceil(v.length / Math.max(1, widths[j]! - 1)) : 1)));
      if (lines > 1) row.height = 15 * lines;
    };
    for (const row of table.rows) fit(ws.addRow(row), row);
    if (table.total) ws.addRow(table.total).font = { bold: true };
    fit(header, table.columns.map((c) => c.header));
    table.columns.forEach((c, j) => {
      const col = ws.getColumn(j + 1);
      const fmt = NUM_FMT[c.kind];
      col.eachCell((cell, rowNo) => {
        if (rowNo <= 2) return;
        if (fmt) {
          cell.numFmt = fmt;
          cell.alignment = { vertical: 'top' };
        } else cell.alignment = { wrapText: true, vertical: 'top' };
      });
      if (c.kind !== 'text') header.getCell(j + 1).alignment = { wrapText: true, vertical: 'bottom', horizontal: 'right' };
      col.width = widths[j]!;
    });
    if (table.note) {
      const noteRow = ws.addRow([table.note]);
      noteRow.font = { italic: true };
      noteRow.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      if (width > 1) ws.mergeCells(noteRow.number, 1, noteRow.number, width);
      noteRow.height = table.note.length > 90 ? 30 : 16;
    }
    const totalWidth = widths.reduce((s, w) => s + w, 0);
    ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }];
    ws.pageSetup = {
      paperSize: 9, orientation: totalWidth > 95 ? 'landscape' : 'portrait',
      fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2',
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    };
    ws.headerFooter = {
      oddHeader: meta ? `&L${escapeHeader(meta.unitName)}&R${escapeHeader(`${table.title}, ${meta.period}`)}` : `&R${escapeHeader(table.title)}`,
      oddFooter: REPORT_WORDS[lang].pageFooter,
    };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** & starts a code in a page header; a literal one is written twice. */
const escapeHeader = (text: string) => text.replaceAll('&', '&&');

/** Sets the attachment's headers: Content-Disposition with the Swedish name and its ASCII fallback. */
export function attachment(reply: FastifyReply, fileName: string, type: string): FastifyReply {
  return reply.header('content-disposition', contentDisposition(fileName)).type(type);
}

/** The request's lang= (already checked by its route's schema), Swedish when the route has none. */
function requestLang(req: FastifyRequest): Lang {
  const lang = (req.query as { lang?: string } | undefined)?.lang;
  return LANGS.find((l) => l === lang) ?? 'sv';
}

/** Answers with JSON, or the tables as a CSV or XLSX attachment named `<baseFileName>.<ext>`. */
export async function sendTables<T>(reply: FastifyReply, req: FastifyRequest, baseFileName: string, tables: ExportTable[], json: T, meta?: ExportMeta): Promise<T | undefined> {
  const format = outputFormat(req);
  if (format === 'json') return json;
  const fileName = `${baseFileName}.${format}`;
  // The file goes out as it is; the route's JSON response schema applies only to JSON answers.
  if (format === 'csv') attachment(reply, fileName, CSV_TYPE).send(tablesToCsv(tables, meta));
  else attachment(reply, fileName, XLSX_TYPE).send(await tablesToXlsx(tables, meta, requestLang(req)));
  return undefined;
}
