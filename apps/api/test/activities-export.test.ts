/**
 * The activity list as a file, with the list's filters: every activity the filters leave, every column. The
 * expected rows come from the specs this test posts, filtered in a loop.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { fieldsOf, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
const SPECS = [
  { date: '2018-01-10', title: 'Nätverk BBIC', goal: 'spridning', munis: ['solna', 'sigtuna'], participants: 14 },
  { date: '2018-02-11', title: 'Analysseminarium; ”vår”', goal: 'kunskapsutveckling', munis: ['solna'], participants: null },
  { date: '2018-06-01', title: 'Fältkurs', goal: 'samverkan', munis: ['jarfalla'], participants: 3 },
  { date: '2019-03-03', title: 'Nätverk ekonomiskt bistånd', goal: 'spridning', munis: ['sigtuna'], participants: 20 },
] as const;
const HEADERS = ['Datum', 'Titel', 'Beskrivning', 'Resultatmål', 'Målramverk', 'Verksamhetsområde', 'Områdesgrupp', 'Aktivitetstyp', 'Genomförande', 'Deltagare', 'Kommuner', 'Antal kommuner', 'Medarbetare', 'Uppdrag', 'Linje', 'Planpunkt', 'Id', 'Registrerad', 'Senast ändrad'];

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  for (const s of SPECS) {
    await t.http.post('/api/v1/activities').send(validBody(r, {
      date: s.date, title: s.title, goalId: r.goals.vp2018[s.goal], municipalityIds: s.munis.map((m) => r.municipalities[m]),
      ...(s.participants === null ? {} : { participants: s.participants }),
    })).expect(201);
  }
});
afterAll(async () => { await t.close(); });

function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); out.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); out.push(row); }
  return out;
}

describe('GET /activities/export', () => {
  it('writes the filtered activities as CSV with every column, in the list order', async () => {
    const res = await t.http.get('/api/v1/activities/export').query({ from: '2018-01-01', to: '2018-12-31', municipality: 'solna', output: 'csv' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('filename="aktiviteter-2018-01-01--2018-12-31.csv"');
    const rows = parseCsv(res.text.slice(1));
    expect(rows[0]).toEqual(HEADERS);
    const want = SPECS.filter((s) => s.date >= '2018-01-01' && s.date <= '2018-12-31' && (s.munis as readonly string[]).includes('solna'));
    expect(rows.slice(1).map((x) => [x[0], x[1], x[9], x[11]])).toEqual(want.map((s) => [s.date, s.title, s.participants === null ? '' : String(s.participants), String(s.munis.length)]));
  });

  it('writes XLSX with the sheet Aktiviteter, the filters in its title and the unit as author', async () => {
    const res = await t.http.get('/api/v1/activities/export').query({ goal: 'spridning' }).buffer(true)
      .parse((resp, cb) => { const c: Buffer[] = []; resp.on('data', (x: Buffer) => c.push(x)); resp.on('end', () => cb(null, Buffer.concat(c))); }).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    expect(wb.creator).toBe('FoU Nordväst');
    const ws = wb.getWorksheet('Aktiviteter')!;
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(HEADERS);
    const want = SPECS.filter((s) => s.goal === 'spridning');
    expect(String(ws.getRow(1).getCell(1).value)).toContain(`${want.length} st`);
    expect(String(ws.getRow(1).getCell(1).value)).toContain('mål: Kunskapsspridning');
    expect(Array.from({ length: want.length }, (_, i) => ws.getRow(i + 3).getCell(2).value)).toEqual(want.map((s) => s.title));
    expect(ws.getRow(want.length + 3).getCell(1).value ?? null).toBeNull();
  });

  it('refuses an unknown filter value on its field, and paging parameters', async () => {
    expect(fieldsOf((await t.http.get('/api/v1/activities/export').query({ municipality: 'nowhere' }).expect(400)).body)).toEqual(['municipality']);
    await t.http.get('/api/v1/activities/export').query({ limit: 5 }).expect(400);
  });
});
