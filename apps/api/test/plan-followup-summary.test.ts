/**
 * What the chief writes per plan item in the annual report: what was planned, the outcome, who was responsible,
 * and what its activities were and whom they reached. Expected figures are counted in loops over the activities
 * this test posts; the CSV and XLSX are read back against them.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
let itemId: number;
let typeNames: Map<number, string>;
let muniNames: Map<string, string>;
let staffNames: Map<number, string>;

/** The item's activities: type (index), municipalities (codes), participants (or none), date. */
const ACTS = [
  { type: 0, munis: ['solna', 'sigtuna'], participants: 30, date: '2018-02-01' },
  { type: 0, munis: ['solna'], participants: 12, date: '2018-03-01' },
  { type: 1, munis: ['jarfalla', 'solna', 'ekero'], participants: null, date: '2018-04-01' },
  { type: 0, munis: ['sigtuna'], participants: 5, date: '2018-11-01' },
] as const;

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  const ref = (await t.http.get('/api/v1/reference').expect(200)).body as { activityTypes: { id: number; name: string }[]; municipalities: { code: string; name: string }[]; staff: { id: number; name: string }[] };
  typeNames = new Map(ref.activityTypes.map((x) => [x.id, x.name]));
  muniNames = new Map(ref.municipalities.map((x) => [x.code, x.name]));
  staffNames = new Map(ref.staff.map((x) => [x.id, x.name]));
  const item = (await t.http.post('/api/v1/plan-items').send({
    year: 2018, title: 'Nätverk för enhetschefer', goalId: r.goals.vp2018.spridning, areaId: r.areas.bou,
    planned: ['Fyra träffar under året', 'En träff om BBIC'], status: 'genomford', outcome: 'Fyra träffar hölls, den sista digitalt.',
    staffIds: [r.staff[1], r.staff[0]],
  }).expect(201)).body;
  itemId = item.id;
  for (const a of ACTS) {
    const munis = a.munis.map((m) => r.municipalities[m]);
    expect(munis.every((m) => m !== undefined)).toBe(true);
    await t.http.post('/api/v1/activities').send(validBody(r, { date: a.date, planItemId: itemId, typeId: r.types[a.type], municipalityIds: munis, ...(a.participants === null ? {} : { participants: a.participants }) })).expect(201);
  }
  // Not linked: must not count.
  await t.http.post('/api/v1/activities').send(validBody(r, { date: '2018-05-01', participants: 99 })).expect(201);
});
afterAll(async () => { await t.close(); });

function expectedSummary(asOf: string) {
  const acts = ACTS.filter((a) => a.date <= asOf);
  const types = new Map<string, number>();
  for (const a of acts) types.set(typeNames.get(r.types[a.type]!)!, (types.get(typeNames.get(r.types[a.type]!)!) ?? 0) + 1);
  const munis = new Map<string, number>();
  for (const a of acts) for (const m of a.munis) munis.set(m, (munis.get(m) ?? 0) + 1);
  let participants = 0;
  let withParticipants = 0;
  for (const a of acts) if (a.participants !== null) { participants += a.participants; withParticipants += 1; }
  return { types, munis, participants, withParticipants };
}

describe('plan follow-up per item', () => {
  it.each(['2018-12-31', '2018-03-15'])('has the planned text, outcome, staff and a summary of its activities up to %s', async (asOf) => {
    const body = (await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf }).expect(200)).body;
    const item = body.items.find((i: { id: number }) => i.id === itemId);
    const want = expectedSummary(asOf);
    expect(item.planned).toEqual(['Fyra träffar under året', 'En träff om BBIC']);
    expect(item.outcome).toBe('Fyra träffar hölls, den sista digitalt.');
    expect(item.staff).toEqual([staffNames.get(r.staff[0]!)!, staffNames.get(r.staff[1]!)!].sort((a, b) => a.localeCompare(b, 'sv')));
    expect(new Map(item.summary.types.map((x: { name: string; count: number }) => [x.name, x.count]))).toEqual(want.types);
    expect(new Map(item.summary.municipalities.map((x: { code: string; count: number }) => [x.code, x.count]))).toEqual(want.munis);
    expect(item.summary.municipalities.map((x: { code: string; name: string }) => x.name)).toEqual(item.summary.municipalities.map((x: { code: string }) => muniNames.get(x.code)));
    expect(item.summary.participants).toBe(want.participants);
    expect(item.summary.activitiesWithParticipants).toBe(want.withParticipants);
    expect(item.activityCount).toBe(ACTS.filter((a) => a.date <= asOf).length);
  });

  it('exports them in CSV and XLSX under headers that say what they hold', async () => {
    const want = expectedSummary('2018-12-31');
    const csv = await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-12-31', output: 'csv' }).expect(200);
    const lines = csv.text.slice(1).split('\r\n');
    const header = lines.find((l) => l.startsWith('Planpunkt;'))!.split(';');
    expect(header.slice(10)).toEqual(['Planerat', 'Utfall', 'Ansvariga', 'Aktivitetstyper', 'Nådda kommuner', 'Antal nådda kommuner', 'Deltagare', 'Status 2018-12-31']);
    const res = await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-12-31', output: 'xlsx' }).buffer(true)
      .parse((resp, cb) => { const chunks: Buffer[] = []; resp.on('data', (c: Buffer) => chunks.push(c)); resp.on('end', () => cb(null, Buffer.concat(chunks))); }).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    const ws = wb.getWorksheet('Planpunkter')!;
    const headers = (ws.getRow(2).values as unknown[]).slice(1) as string[];
    let row: ExcelJS.Row | undefined;
    ws.eachRow((x) => { if (x.getCell(1).value === 'Nätverk för enhetschefer') row = x; });
    const cell = (name: string) => row!.getCell(headers.indexOf(name) + 1).value;
    expect(cell('Planerat')).toBe('Fyra träffar under året • En träff om BBIC');
    expect(cell('Utfall')).toBe('Fyra träffar hölls, den sista digitalt.');
    expect(cell('Antal nådda kommuner')).toBe(want.munis.size);
    expect(cell('Deltagare')).toBe(want.participants);
    expect(String(cell('Nådda kommuner')).split(', ').sort()).toEqual([...want.munis.keys()].map((c) => muniNames.get(c)!).sort());
    for (const [name, n] of want.types) expect(String(cell('Aktivitetstyper'))).toContain(`${name} ${n}`);
  });
});
