import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { fieldsOf, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;

/** The plan as this test builds it: each item's target and the dates of its linked activities. */
const PLAN = [
  { title: 'Nätverksträffar BBIC', goal: 'spridning', area: 'bou', status: 'pagar', target: 4, dates: ['2018-02-10', '2018-05-20', '2018-09-01'] },
  { title: 'Socionomdag', goal: 'spridning', area: 'ifo', status: 'genomford', target: null, dates: ['2018-08-15'] },
  { title: 'Fältkurs', goal: 'samverkan', area: 'ifo', status: 'framflyttad', target: 2, dates: [] },
  { title: 'Seminarier; "höst" och vår', goal: 'samverkan', area: 'missbruk', status: 'delvis_genomford', target: 3, dates: ['2018-01-15'] },
  { title: 'Öppna jämförelser', goal: 'metodstod', area: 'ekb', status: 'inte_genomford', target: 0, dates: ['2018-06-30', '2018-07-01'] },
] as const;
const GOAL_ORDER = ['kunskapsutveckling', 'metodstod', 'spridning', 'samverkan'];
const GROUP_OF: Record<string, string> = { bou: 'bou', ifo: 'ifo', missbruk: 'vuxen', ekb: 'vuxen' };

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  for (const p of PLAN) {
    const item = (await t.http.post('/api/v1/plan-items').send({
      year: 2018, title: p.title, goalId: r.goals.vp2018[p.goal], areaId: r.areas[p.area], targetCount: p.target, status: p.status,
    }).expect(201)).body;
    for (const date of p.dates) await t.http.post('/api/v1/activities').send(validBody(r, { date, planItemId: item.id })).expect(201);
  }
  // Unlinked activities and another year's plan must not count.
  await t.http.post('/api/v1/activities').send(validBody(r, { date: '2018-03-01' })).expect(201);
  await t.http.post('/api/v1/plan-items').send({ year: 2019, title: 'Nästa år', goalId: r.goals.vp2018.spridning, areaId: r.areas.bou }).expect(201);
});
afterAll(async () => { await t.close(); });

function expected(asOf: string) {
  const items = PLAN.map((p) => {
    const done = p.dates.filter((d) => d <= asOf);
    return {
      title: p.title, status: p.status, count: done.length, target: p.target,
      progress: p.target ? done.length / p.target : null,
      last: done.length ? [...done].sort().at(-1)! : null,
      flagged: done.length === 0,
    };
  });
  return items;
}

type FollowupItem = { id: number; title: string; area: { name: string; groupName: string }; goal: { key: string; name: string }; activityCount: number; targetCount: number | null; progress: number | null; lastActivityDate: string | null; flagged: boolean; status: string };

describe('plan follow-up', () => {
  it.each(['2018-06-30', '2018-12-31', '2018-01-14'])('counts linked activities up to %s, with progress, last date and flags', async (asOf) => {
    const body = (await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf }).expect(200)).body;
    expect(body.asOf).toBe(asOf);
    const got = (body.items as FollowupItem[]).map((i) => ({ title: i.title, status: i.status, count: i.activityCount, target: i.targetCount, progress: i.progress, last: i.lastActivityDate, flagged: i.flagged }));
    const want = expected(asOf);
    // Items come in goal order: compare as sets keyed by title, then check the order on its own.
    expect(new Map(got.map((g) => [g.title, g]))).toEqual(new Map(want.map((w) => [w.title, w])));
    const goalIdx = (b: FollowupItem) => GOAL_ORDER.indexOf(b.goal.key);
    const order = (body.items as FollowupItem[]).map(goalIdx);
    expect(order).toEqual([...order].sort((a, b) => a - b));

    for (const key of GOAL_ORDER) {
      const mine = PLAN.filter((p) => p.goal === key).map((p) => want.find((w) => w.title === p.title)!);
      expect(body.goals.find((g: { key: string }) => g.key === key)).toMatchObject({ planned: mine.length, withActivity: mine.filter((m) => m.count > 0).length });
    }
    for (const group of ['ifo', 'bou', 'vuxen']) {
      const mine = PLAN.filter((p) => GROUP_OF[p.area] === group).map((p) => want.find((w) => w.title === p.title)!);
      expect(body.areaGroups.find((g: { code: string }) => g.code === group)).toMatchObject({ planned: mine.length, withActivity: mine.filter((m) => m.count > 0).length });
    }
    expect(body.totals).toEqual({ planned: PLAN.length, withActivity: want.filter((w) => w.count > 0).length, flagged: want.filter((w) => w.flagged).length });
  });

  it('defaults asOf to the year end for a past year, and refuses an asOf outside the year on the field', async () => {
    const body = (await t.http.get('/api/v1/plan-followup').query({ year: 2018 }).expect(200)).body;
    expect(body.asOf).toBe('2018-12-31');
    expect(fieldsOf((await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2019-01-01' }).expect(400)).body)).toEqual(['asOf']);
    expect(fieldsOf((await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-02-30' }).expect(400)).body)).toEqual(['asOf']);
  });
});

/** A CSV reader for the export's dialect: semicolons, double quotes, CRLF. */
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

const STATUS_LABEL: Record<string, string> = {
  planerad: 'Planerad', pagar: 'Pågår', genomford: 'Genomförd', delvis_genomford: 'Delvis genomförd', inte_genomford: 'Inte genomförd', framflyttad: 'Framflyttad',
};

describe('plan follow-up export', () => {
  it('CSV (output=csv): BOM, semicolons, CRLF, decimal comma (four decimals for fractions); reads back as the JSON', async () => {
    const json = (await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-06-30' }).expect(200)).body;
    const res = await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-06-30', output: 'csv' }).buffer(true)
      .parse((resp, cb) => { const chunks: Buffer[] = []; resp.on('data', (c: Buffer) => chunks.push(c)); resp.on('end', () => cb(null, Buffer.concat(chunks))); }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('filename="planuppfoljning-2018.csv"');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text);
    const header = rows.findIndex((row) => row[0] === 'Planpunkt');
    const col = (name: string) => rows[header]!.indexOf(name);
    const itemRows = rows.slice(header + 1, header + 1 + json.items.length);
    // Under the items, the line saying what Måluppfyllelse is, then the blank line before the next table.
    expect(rows[header + 1 + json.items.length]![0]).toMatch(/^Måluppfyllelse är en andel/);
    expect(rows[header + 2 + json.items.length]).toEqual(['']);
    // Every cell of every item row, in the header's order, read back from the file equals the JSON.
    expect(rows[header]!.slice(0, 10)).toEqual(['Planpunkt', 'Resultatmål', 'Verksamhetsområde', 'Områdesgrupp', 'Status', 'Mål (antal)', 'Aktiviteter', 'Måluppfyllelse', 'Senaste aktivitet', 'Flaggad']);
    const dec = (x: number | null) => (x === null ? '' : x.toFixed(2).replace('.', ','));
    expect(itemRows.map((row) => row.slice(0, 10))).toEqual((json.items as FollowupItem[]).map((i) => [
      i.title, i.goal.name, i.area.name, i.area.groupName, STATUS_LABEL[i.status], i.targetCount === null ? '' : String(i.targetCount),
      String(i.activityCount), dec(i.progress), i.lastActivityDate ?? '', i.flagged ? 'Ja' : 'Nej',
    ]));
    (json.items as FollowupItem[]).forEach((item, i) => {
      const row = itemRows[i]!;
      expect(row[col('Planpunkt')]).toBe(item.title);
      expect(row[col('Status')]).toBe(STATUS_LABEL[item.status]);
      expect(row[col('Mål (antal)')]).toBe(item.targetCount === null ? '' : String(item.targetCount));
      expect(row[col('Aktiviteter')]).toBe(String(item.activityCount));
      expect(row[col('Måluppfyllelse')]).toBe(item.progress === null ? '' : item.progress.toFixed(2).replace('.', ','));
      expect(row[col('Senaste aktivitet')]).toBe(item.lastActivityDate ?? '');
      expect(row[col('Flaggad')]).toBe(item.flagged ? 'Ja' : 'Nej');
    });
    // The quoted title with a semicolon survived as one cell.
    expect(itemRows.some((row) => row[0] === 'Seminarier; "höst" och vår')).toBe(true);
    const goalsAt = rows.findIndex((row) => row[0] === 'Resultatmål' && row[1] === 'Planerade punkter');
    expect(rows.slice(goalsAt + 1, goalsAt + 1 + json.goals.length)).toEqual(json.goals.map((g: { name: string; planned: number; withActivity: number }) => [g.name, String(g.planned), String(g.withActivity)]));
    expect(rows[goalsAt + 1 + json.goals.length]).toEqual(['Totalt', String(json.totals.planned), String(json.totals.withActivity)]);
    const groupsAt = rows.findIndex((row) => row[0] === 'Områdesgrupp' && row[1] === 'Planerade punkter');
    expect(rows.slice(groupsAt + 1, groupsAt + 1 + json.areaGroups.length)).toEqual(json.areaGroups.map((g: { name: string; planned: number; withActivity: number }) => [g.name, String(g.planned), String(g.withActivity)]));
  });

  it('XLSX (Accept header): three sheets whose cells read back as the JSON', async () => {
    const json = (await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-12-31' }).expect(200)).body;
    const res = await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-12-31' })
      .set('Accept', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').buffer(true)
      .parse((resp, cb) => { const chunks: Buffer[] = []; resp.on('data', (c: Buffer) => chunks.push(c)); resp.on('end', () => cb(null, Buffer.concat(chunks))); }).expect(200);
    expect(res.headers['content-disposition']).toContain('planuppfoljning-2018.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Planpunkter', 'Per resultatmål', 'Per områdesgrupp']);
    const ws = wb.getWorksheet('Planpunkter')!;
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    // Whole rows: blank cells read back as undefined, which the JSON has as null.
    const cells = (rowNo: number) => Array.from({ length: headers.length }, (_, c) => ws.getRow(rowNo).getCell(c + 1).value ?? null);
    expect((json.items as FollowupItem[]).map((_, i) => cells(i + 3).slice(0, 10))).toEqual((json.items as FollowupItem[]).map((i) => [
      i.title, i.goal.name, i.area.name, i.area.groupName, STATUS_LABEL[i.status], i.targetCount, i.activityCount, i.progress, i.lastActivityDate, i.flagged ? 'Ja' : 'Nej',
    ]));
    const col = (name: string) => headers.indexOf(name) + 1;
    // Row 1 is the table's title, row 2 its header, the last one the note on Måluppfyllelse.
    expect(ws.rowCount).toBe(json.items.length + 3);
    (json.items as FollowupItem[]).forEach((item, i) => {
      const row = ws.getRow(i + 3);
      expect(row.getCell(col('Planpunkt')).value).toBe(item.title);
      expect(row.getCell(col('Mål (antal)')).value ?? null).toBe(item.targetCount);
      expect(row.getCell(col('Aktiviteter')).value).toBe(item.activityCount);
      expect(row.getCell(col('Måluppfyllelse')).value ?? null).toBe(item.progress);
      expect(row.getCell(col('Senaste aktivitet')).value ?? null).toBe(item.lastActivityDate);
      expect(row.getCell(col('Flaggad')).value).toBe(item.flagged ? 'Ja' : 'Nej');
    });
    const goals = wb.getWorksheet('Per resultatmål')!;
    expect(Array.from({ length: json.goals.length }, (_, i) => (goals.getRow(i + 3).values as unknown[]).slice(1)))
      .toEqual(json.goals.map((g: { name: string; planned: number; withActivity: number }) => [g.name, g.planned, g.withActivity]));
    const groups = wb.getWorksheet('Per områdesgrupp')!;
    expect(Array.from({ length: json.areaGroups.length }, (_, i) => (groups.getRow(i + 3).values as unknown[]).slice(1)))
      .toEqual(json.areaGroups.map((g: { name: string; planned: number; withActivity: number }) => [g.name, g.planned, g.withActivity]));
  });

  it('Accept: text/csv gives the CSV; no format asked gives JSON', async () => {
    const csv = await t.http.get('/api/v1/plan-followup').query({ year: 2018 }).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const json = await t.http.get('/api/v1/plan-followup').query({ year: 2018 }).expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });
});
