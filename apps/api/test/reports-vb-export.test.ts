/** The demo year's published tables, and every report read back from its CSV and XLSX files. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VB2018_AREA_COUNTS, VB2018_GOAL_COUNTS } from '../src/seed/demo-data.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp({ demo: true }); });
afterAll(async () => { await t.close(); });

interface VbRow { key: string; label: string; count: number; share: number; percent: number }
interface VbTable { id: string; title: string; columnTitle: string; rows: VbRow[]; total: { label: string; count: number; percent: number } }

/** A binary body as a Buffer (supertest leaves unknown types unparsed otherwise). */
const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replaceAll('\r\n', '')).not.toMatch(/\n/);
  return text.slice(1).replace(/\r\n$/, '').split('\r\n').map((l) => (l === '' ? [] : l.split(';')));
}
const num = (s: string) => Number(s.replace(',', '.'));

async function readXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('GET /reports/vb/:year on the demo data', () => {
  it('reproduces VB 2018: 312 activities, areas 42/36/22, goals 32/27/33/9 (sum 101), Totalt 100', async () => {
    const res = await t.http.get('/api/v1/reports/vb/2018').expect(200);
    const { year, activityCount, tables } = res.body as { year: number; activityCount: number; tables: VbTable[] };
    expect(year).toBe(2018);
    expect(activityCount).toBe(312);
    const [areas, goals] = tables as [VbTable, VbTable];
    expect(areas).toMatchObject({ id: 'verksamhetsomrade', title: 'Verksamhetsområde', columnTitle: 'Aktiviteter 2018', total: { label: 'Totalt', count: 312, percent: 100 } });
    expect(areas.rows.map((r) => r.label)).toEqual(['Berör hela IFO', 'Barn, ungdom & familj', 'Vuxen (ek bistånd/missbruk/socialpsykiatri)']);
    const vuxen = VB2018_AREA_COUNTS.ekb + VB2018_AREA_COUNTS.missbruk + VB2018_AREA_COUNTS.socpsyk;
    expect(areas.rows.map((r) => r.count)).toEqual([VB2018_AREA_COUNTS.ifo, VB2018_AREA_COUNTS.bou, vuxen]);
    expect(areas.rows.map((r) => r.percent)).toEqual([42, 36, 22]);
    expect(goals).toMatchObject({ id: 'resultatmal', title: 'Resultatmål i VP2018', columnTitle: 'Aktiviteter 2018', total: { label: 'Totalt', count: 312, percent: 100 } });
    expect(goals.rows.map((r) => r.label)).toEqual([
      'Stöd i arbetet med kunskapsanvändning och kunskapsutveckling',
      'Stöd för systematisk metod- och kvalitetsutveckling',
      'Stöd till kunskapsspridning',
      'Stöd i arbetet med att öka samverkan mellan praktik och akademi',
    ]);
    expect(goals.rows.map((r) => r.count)).toEqual([VB2018_GOAL_COUNTS.kunskapsutveckling, VB2018_GOAL_COUNTS.metodstod, VB2018_GOAL_COUNTS.spridning, VB2018_GOAL_COUNTS.samverkan]);
    expect(goals.rows.map((r) => r.percent)).toEqual([32, 27, 33, 9]);
    expect(goals.rows.reduce((s, r) => s + r.percent, 0)).toBe(101);
    expect(goals.rows[0]!.share).toBeCloseTo(99 / 312, 12);
  });

  it('gives one table on request, and sums to 100 by largest remainder', async () => {
    const res = await t.http.get('/api/v1/reports/vb/2018').query({ table: 'resultatmal', rounding: 'largestRemainder' }).expect(200);
    expect(res.body.tables).toHaveLength(1);
    expect(res.body.tables[0].rows.reduce((s: number, r: VbRow) => s + r.percent, 0)).toBe(100);
  });

  it('titles a VP 2024 year with its framework', async () => {
    const res = await t.http.get('/api/v1/reports/vb/2024').expect(200);
    expect(res.body.tables[1].title).toBe('Resultatmål i VP2024');
  });
});

describe('export', () => {
  it('writes VB 2018 as CSV that reads back to the JSON', async () => {
    const json = (await t.http.get('/api/v1/reports/vb/2018').expect(200)).body as { tables: VbTable[] };
    const res = await t.http.get('/api/v1/reports/vb/2018').query({ output: 'csv', table: 'resultatmal' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="vb-2018-resultatmal.csv"; filename*=UTF-8''${encodeURIComponent('vb-2018-resultatmål.csv')}`);
    const lines = parseCsv(res.text);
    const goals = json.tables[1]!;
    // The headers say what the columns hold: no percent column headed "Aktiviteter 2018", no share beside it.
    expect(lines[0]).toEqual(['Resultatmål i VP2018', 'Antal', 'Procent']);
    goals.rows.forEach((r, i) => {
      const [label, count, percent] = lines[i + 1]!;
      expect(label).toBe(r.label);
      expect(Number(count)).toBe(r.count);
      expect(Number(percent)).toBe(r.percent);
    });
    expect(lines[goals.rows.length + 1]).toEqual(['Totalt', '312', '100']);
    // The note on why the rows add up to 101 under a Totalt of 100.
    expect(lines[goals.rows.length + 2]![0]).toMatch(/summerar därför till 101 %/);
  });

  it('writes both VB tables to XLSX, one sheet each, with number formats and a bold Totalt row', async () => {
    const json = (await t.http.get('/api/v1/reports/vb/2018').expect(200)).body as { tables: VbTable[] };
    const res = await t.http.get('/api/v1/reports/vb/2018').query({ output: 'xlsx' }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="vb-2018.xlsx"; filename*=UTF-8''vb-2018.xlsx`);
    const wb = await readXlsx(res.body as Buffer);
    expect(wb.creator).toBe('FoU Nordväst');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Verksamhetsområde', 'Resultatmål']);
    json.tables.forEach((table, k) => {
      const ws = wb.worksheets[k]!;
      expect(ws.getRow(1).getCell(1).value).toBe(`${table.title}: aktiviteter 2018 – FoU Nordväst, 2018`);
      expect(ws.getRow(2).font?.bold).toBe(true);
      expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([table.title, 'Antal', 'Procent']);
      // Printed: one page wide, A4, the title and header rows on every page, the unit in the page header.
      expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '1:2' });
      expect(ws.headerFooter.oddHeader).toContain('FoU Nordväst');
      expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(Math.min(50, Math.max(...table.rows.map((r) => r.label.length))));
      table.rows.forEach((r, i) => {
        const row = ws.getRow(i + 3);
        expect(row.getCell(1).value).toBe(r.label);
        expect(row.getCell(2).value).toBe(r.count);
        expect(row.getCell(2).numFmt).toBe('0');
        expect(row.getCell(3).value).toBe(r.percent);
        expect(row.getCell(3).numFmt).toBe('0" %"');
      });
      const total = ws.getRow(table.rows.length + 3);
      expect(total.getCell(1).value).toBe('Totalt');
      expect(total.getCell(2).value).toBe(table.total.count);
      expect(total.font?.bold).toBe(true);
    });
  });

  it('chooses the format from the Accept header', async () => {
    const csv = await t.http.get('/api/v1/reports/reach').query({ year: 2018 }).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="rackvidd-2018.csv"; filename*=UTF-8''${encodeURIComponent('räckvidd-2018.csv')}`);
    const json = (await t.http.get('/api/v1/reports/reach').query({ year: 2018 }).expect(200)).body as { total: number; municipalities: { name: string; count: number; percent: number }[] };
    const lines = parseCsv(csv.text);
    json.municipalities.forEach((m, i) => {
      expect(lines[i + 1]![0]).toBe(m.name);
      expect(Number(lines[i + 1]![1])).toBe(m.count);
      expect(Number(lines[i + 1]![2])).toBe(m.percent);
    });
    expect(lines[0]).toEqual(['Kommun', 'Antal aktiviteter', 'Procent av aktiviteterna', 'Nådd']);
    expect(lines.at(-1)![0]).toBe('Aktiviteter totalt');
    expect(Number(lines.at(-1)![1])).toBe(json.total);
    const xlsx = await t.http.get('/api/v1/reports/distribution').query({ dimension: 'goal', year: 2018 })
      .set('Accept', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-disposition']).toContain('filename="fordelning-mal-2018.xlsx"');
  });

  it('writes a distribution, a crosstab and a trend that read back to their JSON', async () => {
    const dist = (await t.http.get('/api/v1/reports/distribution').query({ dimension: 'goal', year: 2018 }).expect(200)).body as { total: number; rows: VbRow[] };
    const distCsv = await t.http.get('/api/v1/reports/distribution').query({ dimension: 'goal', year: 2018, output: 'csv' }).expect(200);
    expect(distCsv.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('fördelning-mål-2018.csv')}`);
    const dl = parseCsv(distCsv.text);
    expect(dl[0]).toEqual(['Resultatmål', 'Antal', 'Andel', 'Procent']);
    // Andel is a share with two decimals, so it reads as the same number as its whole percent.
    for (const l of dl.slice(1)) expect(l[2]).toMatch(/^[01],\d{2}$/);
    expect(dl.slice(1, -1).map((l) => [l[0], Number(l[1]), num(l[2]!), Number(l[3])])).toEqual(dist.rows.map((r) => [r.label, r.count, Number(r.share.toFixed(2)), r.percent]));
    expect(dl.at(-1)!.slice(0, 2)).toEqual(['Totalt', String(dist.total)]);

    const cross = (await t.http.get('/api/v1/reports/crosstab').query({ rows: 'goal', cols: 'areaGroup', year: 2018 }).expect(200)).body as { counts: number[][]; rowTotals: number[]; columnTotals: number[]; grandTotal: number; percents: number[][] };
    const crossX = await t.http.get('/api/v1/reports/crosstab').query({ rows: 'goal', cols: 'areaGroup', year: 2018, output: 'xlsx' }).buffer(true).parse(binary).expect(200);
    expect(crossX.headers['content-disposition']).toBe(`attachment; filename="korstabell-mal-omrade-2018.xlsx"; filename*=UTF-8''${encodeURIComponent('korstabell-mål-område-2018.xlsx')}`);
    const wb = await readXlsx(crossX.body as Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Antal', 'Procent av raden']);
    expect(wb.worksheets[1]!.getRow(1).getCell(1).value).toMatch(/^Procent av radens aktiviteter \(varje rad summerar till 100 %\)/);
    const [counts, percents] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    cross.counts.forEach((row, i) => {
      const values = row.map((_, j) => counts.getRow(i + 3).getCell(j + 2).value);
      expect(values).toEqual(row);
      expect(counts.getRow(i + 3).getCell(row.length + 2).value).toBe(cross.rowTotals[i]);
      expect(cross.percents[i]!.map((_, j) => percents.getRow(i + 3).getCell(j + 2).value)).toEqual(cross.percents[i]);
    });
    const totalRow = counts.getRow(cross.counts.length + 3);
    expect(totalRow.getCell(1).value).toBe('Totalt');
    expect([...cross.columnTotals, cross.grandTotal].map((_, j) => totalRow.getCell(j + 2).value)).toEqual([...cross.columnTotals, cross.grandTotal]);

    const trend = (await t.http.get('/api/v1/reports/trend').query({ dimension: 'goal', fromYear: 2017, toYear: 2025 }).expect(200)).body as { years: number[]; totals: number[]; series: { counts: number[] }[] };
    const trendCsv = await t.http.get('/api/v1/reports/trend').query({ dimension: 'goal', fromYear: 2017, toYear: 2025, output: 'csv' }).expect(200);
    expect(trendCsv.headers['content-disposition']).toContain('filename="trend-mal-2017-2025.csv"');
    const tl = parseCsv(trendCsv.text);
    const countTable = tl.slice(0, tl.findIndex((l) => l.length === 0));
    expect(countTable[1]!.slice(1).map(Number)).toEqual(trend.years);
    trend.series.forEach((s, i) => expect(countTable[i + 2]!.slice(1).map(Number)).toEqual(s.counts));
    expect(countTable.at(-1)).toEqual(['Totalt', ...trend.totals.map(String)]);
  });
});
