/**
 * The exports a chief pastes as they are: Swedish names, headers that say what they hold, the period's own
 * framework in an empty year, only the years the overview shows, the annual report's wording for area groups.
 * Expected labels come from the reference data file and expected years from plain SQL over the activities.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp({ demo: true }); });
afterAll(async () => { await t.close(); });

const reference = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../src/seed/data/reference-data.json'), 'utf8')) as {
  goalFrameworks: { code: string; goals: { name: string }[] }[];
  areas: { code: string; name: string; reportLabel?: string }[];
};
const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};
const csvLines = (text: string) => text.slice(1).replace(/\r\n$/, '').split('\r\n').map((l) => (l === '' ? [] : l.split(';')));
const yearsWithActivities = () => (t.app.db.$client.prepare('SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) AS y FROM activities WHERE unit_id = ? ORDER BY y').all(t.unitId) as { y: number }[]).map((r) => r.y);

describe('an empty year', () => {
  it('is labelled with the framework nearest to it (VP 2018 for 2016), not the newest', async () => {
    expect(yearsWithActivities()).not.toContain(2016);
    const vp2018 = reference.goalFrameworks.find((f) => f.code === 'vp2018')!;
    const res = await t.http.get('/api/v1/reports/vb/2016').query({ output: 'csv', table: 'resultatmal' }).expect(200);
    const lines = csvLines(res.text);
    expect(lines[0]).toEqual(['Resultatmål i VP2018', 'Antal', 'Procent']);
    expect(lines.slice(1, -1).map((l) => l[0])).toEqual(vp2018.goals.map((g) => g.name));
    expect(lines.slice(1, -1).map((l) => l[1])).toEqual(vp2018.goals.map(() => '0'));
    const dist = await t.http.get('/api/v1/reports/distribution').query({ dimension: 'goal', year: 2016 }).expect(200);
    expect(dist.body.rows.map((r: { label: string }) => r.label)).toEqual(vp2018.goals.map((g) => g.name));
  });
});

describe('a trend', () => {
  it('exports only the years the overview shows: none before the first year with activities', async () => {
    const withData = yearsWithActivities().filter((y) => y >= 2016 && y <= 2018);
    const res = await t.http.get('/api/v1/reports/trend').query({ dimension: 'goal', fromYear: 2016, toYear: 2018, output: 'xlsx' }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain(`filename="trend-mal-${withData[0]}-2018.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Antal', 'Procent']);
    const header = (wb.worksheets[0]!.getRow(2).values as unknown[]).slice(2);
    expect(header).toEqual(withData.map(String));
    expect(header).not.toContain('2016');
  });
});

describe('area groups', () => {
  it('carry the annual report\'s label in every report, with the register name where it differs', async () => {
    const bou = reference.areas.find((a) => a.code === 'bou')!;
    expect(bou.reportLabel).not.toBe(bou.name);
    const cross = await t.http.get('/api/v1/reports/crosstab').query({ rows: 'goal', cols: 'areaGroup', year: 2018 }).expect(200);
    const vb = await t.http.get('/api/v1/reports/vb/2018').expect(200);
    const crossBou = cross.body.columns.find((c: { key: string }) => c.key === 'bou');
    const vbBou = vb.body.tables[0].rows.find((r: { key: string }) => r.key === 'bou');
    expect(crossBou).toEqual({ key: 'bou', label: bou.reportLabel, registerName: bou.name });
    expect(vbBou.label).toBe(bou.reportLabel);
    expect(vbBou.registerName).toBe(bou.name);
    const ifo = reference.areas.find((a) => a.code === 'ifo')!;
    expect(cross.body.columns.find((c: { key: string }) => c.key === 'ifo')).toEqual({ key: 'ifo', label: ifo.reportLabel ?? ifo.name });
  });
});

describe('file names', () => {
  it('are Swedish in filename* with an ASCII fallback', async () => {
    const res = await t.http.get('/api/v1/reports/reach').query({ year: 2018, output: 'xlsx' }).buffer(true).parse(binary).expect(200);
    const cd = res.headers['content-disposition'] as string;
    expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe('räckvidd-2018.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Räckvidd']);
    expect(wb.creator).toBe('FoU Nordväst');
  });
});
