/**
 * Register names and titles that a spreadsheet would run as formulas, read back from every CSV export: each
 * must come back as text with a leading apostrophe (OWASP), while counts and shares stay numbers. XLSX keeps
 * writing them as text cells, never formulas.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
let r: Refs;

// The hostile texts, and each as the CSV must carry it: apostrophe first, quoted where it holds a quote or ;.
const HOSTILE = {
  hyperlink: '=HYPERLINK("http://x","y")',
  sum: '@SUM(1+1)',
  cmd: "-2+3+cmd|' /C calc'!A0",
  plus: '+1',
  eq: '=1+1',
};
const AS_CSV: Record<keyof typeof HOSTILE, string> = {
  hyperlink: `"'=HYPERLINK(""http://x"",""y"")"`,
  sum: `'@SUM(1+1)`,
  cmd: `'-2+3+cmd|' /C calc'!A0`,
  plus: `'+1`,
  eq: `'=1+1`,
};

/** Splits a semicolon CSV into raw cells, keeping each cell's quotes as written (so the test sees the bytes). */
function rawCells(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of text.slice(1)) {
    if (quoted) { cell += ch; if (ch === '"') quoted = false; continue; }
    if (ch === '"') { cell += ch; quoted = true; } else if (ch === ';') { row.push(cell); cell = ''; } else if (ch === '\r') {
      // CRLF ends the row.
    } else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += ch;
  }
  return rows;
}

const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t, { staff: 0, assignments: 0 });
  const post = async (url: string, body: object) => (await t.http.post(url).send(body).expect(201)).body as { id: number; parentId?: number };
  const staff = [await post('/api/v1/staff', { name: HOSTILE.hyperlink }), await post('/api/v1/staff', { name: HOSTILE.sum })];
  const municipality = await post('/api/v1/municipalities', { code: 'elak', name: HOSTILE.cmd });
  const assignment = await post('/api/v1/assignments', { title: HOSTILE.plus });
  const type = await post('/api/v1/activity-types', { name: HOSTILE.eq });
  // A new area group with one child, both hostile, and a goal renamed to a formula.
  const group = await post('/api/v1/areas', { code: 'elak-grupp', name: HOSTILE.sum });
  const area = await post('/api/v1/areas', { code: 'elak-omr', name: HOSTILE.hyperlink, parentId: group.id });
  // A goal renamed now carries its new name from this year on (earlier years keep the name they had).
  const goal2024 = Object.values(r.goals.vp2024)[0]!;
  await t.http.patch(`/api/v1/goals/${goal2024}`).send({ name: HOSTILE.cmd }).expect(200);
  const plan = await post('/api/v1/plan-items', { year: 2018, title: HOSTILE.hyperlink, goalId: r.goals.vp2018.spridning, areaId: area.id });
  for (let i = 0; i < 3; i++) {
    await t.http.post('/api/v1/activities').send(validBody(r, {
      title: `Aktivitet ${i}`, staffIds: staff.map((s) => s.id), municipalityIds: [municipality.id], assignmentId: assignment.id,
      typeId: type.id, areaId: area.id, planItemId: plan.id,
    })).expect(201);
  }
  const thisYear = new Date().getFullYear();
  const now = await t.http.post('/api/v1/activities').send(validBody(r, { date: `${thisYear}-01-02`, goalId: goal2024, areaId: area.id, staffIds: [staff[0]!.id] }));
  expect(now.status, JSON.stringify(now.body)).toBe(201);
});
afterAll(async () => t.close());

async function csv(url: string): Promise<string[][]> {
  const res = await t.http.get(url).query({ output: 'csv' }).expect(200);
  expect(res.headers['content-type']).toMatch(/text\/csv/);
  return rawCells(res.text);
}

/** No cell of the file starts a formula, and the named texts are there in their neutralised form. */
function expectNeutral(cells: string[][], expected: (keyof typeof HOSTILE)[]) {
  const flat = cells.flat();
  for (const c of flat) expect(c, `cell ${c}`).not.toMatch(/^"?[=+\-@\t\r]/);
  for (const k of expected) expect(flat, k).toContain(AS_CSV[k]);
}

describe('CSV exports neutralise formula-like texts', () => {
  it('distribution per staff member (and its shares stay numbers)', async () => {
    const cells = await csv('/api/v1/reports/distribution?dimension=staff&year=2018');
    expectNeutral(cells, ['hyperlink', 'sum']);
    const row = cells.find((c) => c[0] === AS_CSV.sum)!;
    expect(row.slice(1)).toEqual(['3', '1,00', '100']);
  });
  it('distribution per municipality, assignment, type, area and goal', async () => {
    expectNeutral(await csv('/api/v1/reports/distribution?dimension=municipality&year=2018'), ['cmd']);
    expectNeutral(await csv('/api/v1/reports/distribution?dimension=assignment&year=2018'), ['plus']);
    expectNeutral(await csv('/api/v1/reports/distribution?dimension=type&year=2018'), ['eq']);
    expectNeutral(await csv('/api/v1/reports/distribution?dimension=area&year=2018'), ['hyperlink']);
    expectNeutral(await csv('/api/v1/reports/distribution?dimension=areaGroup&year=2018'), ['sum']);
    expectNeutral(await csv(`/api/v1/reports/distribution?dimension=goal&year=${new Date().getFullYear()}`), ['cmd']);
  });
  it('crosstab, with hostile names as row labels and as column headers', async () => {
    expectNeutral(await csv('/api/v1/reports/crosstab?rows=type&cols=assignment&year=2018'), ['eq', 'plus']);
  });
  it('trend', async () => {
    expectNeutral(await csv('/api/v1/reports/trend?dimension=type&fromYear=2018&toYear=2018'), ['eq']);
  });
  it('reach (municipalities)', async () => {
    expectNeutral(await csv('/api/v1/reports/reach?year=2018'), ['cmd']);
  });
  it('the annual report tables', async () => {
    expectNeutral(await csv('/api/v1/reports/vb/2018'), ['sum']);
    expectNeutral(await csv(`/api/v1/reports/vb/${new Date().getFullYear()}`), ['sum', 'cmd']);
  });
  it('the plan follow-up', async () => {
    const cells = await csv('/api/v1/plan-followup?year=2018&asOf=2018-12-31');
    expectNeutral(cells, ['hyperlink', 'sum']);
    // Target count empty, three activities: numbers as numbers.
    const item = cells.find((c) => c[0] === AS_CSV.hyperlink && c.length === 18)!;
    expect(item[6]).toBe('3');
  });

  it('XLSX keeps them as text cells, not formulas', async () => {
    const res = await t.http.get('/api/v1/reports/distribution?dimension=staff&year=2018&output=xlsx').buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const hostile = cells.find((c) => c.value === HOSTILE.hyperlink)!;
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    expect(cells.find((c) => c.value === HOSTILE.sum)!.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('the CSV writer itself', () => {
  it('neutralises text cells starting with tab or CR too, and leaves numbers numeric', async () => {
    const { tablesToCsv } = await import('../src/modules/reports/report-export.ts');
    const out = tablesToCsv([{
      id: 'x', title: 'X', columns: [{ header: 'Text', kind: 'text' }, { header: 'Antal', kind: 'count' }, { header: 'Andel', kind: 'share' }],
      rows: [['\tTabb', -1, -0.5], ['\rRetur', 2, 0.25], ['-', 0, 0], ['Vanlig text', 3, 1]],
    }]);
    expect(out).toBe('\uFEFFText;Antal;Andel\r\n"\'\tTabb";-1;-0,50\r\n"\'\rRetur";2;0,25\r\n\'-;0;0,00\r\nVanlig text;3;1,00\r\n');
  });
});
