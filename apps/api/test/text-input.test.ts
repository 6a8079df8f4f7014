/**
 * Text as it arrives: personnummer variants refused on POST and PUT, control characters and bidi overrides
 * refused with 400 on the field, NFC stored, register names unique regardless of case and Unicode form, title
 * search across NFC and NFD, stored NFD text normalised once at start, and the soft-warning override counts.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { buildApp } from '../src/app.ts';

let t: TestApp;
let r: Refs;
beforeAll(async () => { t = await makeTestApp(); r = await loadRefs(t); });
afterAll(async () => t.close());

type Fields = { field: string; code: string; message: string }[];
const count = () => (t.app.db.$client.prepare('select count(*) n from activities').get() as { n: number }).n;

describe('personnummer in activities, in the ways people type them', () => {
  // 121212-1212 and samordningsnummer 121272-1219, as the issue saw them stored (written out here, not shared).
  const variants = [
    '121212\u20131212', '121212\u22121212', '121212\u20101212', '121212\u20111212', '121212 1212', '121212 - 1212',
    '19121212 1212', '1912-12-12-1212', 'Pnr:-121212-1212', 'klient-19121212-1212', '121212-1212-', '121212-1212-A',
    '１２１２１２-１２１２', '1212\u200B12-1212', '121212-\n1212', '121212_1212', '121212/1212', '121272\u20131219',
  ];
  it.each(variants)('refuses %j in a title and a description, on POST and PUT', async (v) => {
    const before = count();
    const onTitle = await t.http.post('/api/v1/activities').send(validBody(r, { title: `Möte ${v.replace('\n', ' ')}` })).expect(400);
    expect((onTitle.body.fields as Fields).map((f) => [f.field, f.code])).toEqual([['title', 'personal_identity_number']]);
    expect(onTitle.body.fields[0].message).toMatch(/klientuppgifter får inte registreras/);
    const onDescription = await t.http.post('/api/v1/activities').send(validBody(r, { description: `Samtal om ${v}` })).expect(400);
    expect((onDescription.body.fields as Fields).map((f) => [f.field, f.code])).toEqual([['description', 'personal_identity_number']]);
    expect(count()).toBe(before);
    const a = (await t.http.post('/api/v1/activities').send(validBody(r)).expect(201)).body;
    const put = await t.http.put(`/api/v1/activities/${a.id}`).send(validBody(r, { description: v, version: a.version })).expect(400);
    expect((put.body.fields as Fields).map((f) => f.code)).toEqual(['personal_identity_number']);
    expect((await t.http.get(`/api/v1/activities/${a.id}`).expect(200)).body.description).toBeNull();
  });
  it('still takes phone numbers, dates and diarienummer', async () => {
    await t.http.post('/api/v1/activities').send(validBody(r, {
      title: 'Ring 070-123 45 67 eller 08-123 456 78', description: 'Dnr SN 2018/123-4, 2018-01-05 – 2018-12-31, 1212 deltagare',
    })).expect(201);
  });
});

describe('control characters and bidi overrides', () => {
  it.each([
    ['NUL', 'Möte\u0000'], ['BEL', 'Möte\u0007'], ['an ANSI escape', '\u001b[31mMöte'], ['DEL', 'Mö\u007Fte'], ['C1 NEL', 'Möte\u0085'],
    ['a newline', 'Möte\nnästa rad'], ['a tab', 'Möte\tmed tabb'], ['a lone CR', 'Mö\rte'],
  ])('refuses %s in a title with control_character', async (_, title) => {
    const res = await t.http.post('/api/v1/activities').send(validBody(r, { title })).expect(400);
    expect((res.body.fields as Fields).map((f) => [f.field, f.code])).toEqual([['title', 'control_character']]);
  });
  it('takes newline and tab in a description, CRLF stored as LF; refuses NUL there', async () => {
    const a = (await t.http.post('/api/v1/activities').send(validBody(r, { description: 'Rad ett\r\nRad två\n\tindrag' })).expect(201)).body;
    expect(a.description).toBe('Rad ett\nRad två\n\tindrag');
    const nul = await t.http.post('/api/v1/activities').send(validBody(r, { description: 'Rad\u0000' })).expect(400);
    expect((nul.body.fields as Fields).map((f) => [f.field, f.code])).toEqual([['description', 'control_character']]);
  });
  it.each([['U+202E', 'Faktura\u202Efdp.exe'], ['U+2066', 'Namn\u2066x\u2069'], ['U+200F', 'Namn\u200F']])('refuses %s with bidi_control on any register text', async (_, text) => {
    for (const [url, field] of [['/api/v1/staff', 'name'], ['/api/v1/assignments', 'title'], ['/api/v1/activity-types', 'name']] as const) {
      const res = await t.http.post(url).send({ [field]: text }).expect(400);
      expect((res.body.fields as Fields).map((f) => [f.field, f.code]), url).toEqual([[field, 'bidi_control']]);
    }
  });
});

describe('NFC, and names that are the same name', () => {
  const nfd = (s: string) => s.normalize('NFD');
  it('stores NFD input as NFC', async () => {
    const title = nfd('Årsmöte för äldreomsorgen');
    expect(title).not.toBe('Årsmöte för äldreomsorgen');
    const a = (await t.http.post('/api/v1/activities').send(validBody(r, { title, description: nfd('Ärende') })).expect(201)).body;
    expect(a.title).toBe('Årsmöte för äldreomsorgen');
    const row = t.app.db.$client.prepare('select title, description from activities where id = ?').get(a.id) as { title: string; description: string };
    expect(row).toEqual({ title: 'Årsmöte för äldreomsorgen', description: 'Ärende' });
    const s = (await t.http.post('/api/v1/staff').send({ name: nfd('Örjan Åström') }).expect(201)).body;
    expect(s.name).toBe('Örjan Åström');
  });
  it('finds an NFC title by an NFD search in any case', async () => {
    const a = (await t.http.post('/api/v1/activities').send(validBody(r, { title: 'Öppet hus på Ängen' })).expect(201)).body;
    for (const q of [nfd('öppet hus på ängen'), nfd('ÄNGEN'), 'ängen']) {
      const found = (await t.http.get('/api/v1/activities').query({ q }).expect(200)).body.items.map((x: { id: number }) => x.id);
      expect(found, q).toContain(a.id);
    }
  });
  const registers: [string, string, Record<string, string>, Record<string, string>][] = [
    ['/api/v1/activity-types', 'name', {}, {}],
    ['/api/v1/assignments', 'title', {}, {}],
    ['/api/v1/municipalities', 'name', { code: 'k1' }, { code: 'k2' }],
    ['/api/v1/areas', 'name', { code: 'o1' }, { code: 'o2' }],
  ];
  it.each(registers)('%s: one name in NFC/NFD and any case is taken once (409 already_exists)', async (url, field, first, second) => {
    const created = (await t.http.post(url).send({ ...first, [field]: 'Åsa-gruppen' }).expect(201)).body;
    for (const name of [nfd('Åsa-gruppen'), 'åsa-gruppen', nfd('ÅSA-GRUPPEN')]) {
      const res = await t.http.post(url).send({ ...second, [field]: name }).expect(409);
      expect(res.body.code).toBe('already_exists');
    }
    const other = (await t.http.post(url).send({ ...second, [field]: 'maria' }).expect(201)).body;
    // Renaming one onto the other is refused; a row may change the case of its own name.
    expect((await t.http.patch(`${url}/${other.id}`).send({ [field]: nfd('ÅSA-gruppen') }).expect(409)).body.code).toBe('already_exists');
    await t.http.patch(`${url}/${other.id}`).send({ [field]: 'Maria' }).expect(200);
    await t.http.patch(`${url}/${created.id}`).send({ [field]: 'ÅSA-gruppen' }).expect(200);
  });
});

describe('stored text from before', () => {
  it('is normalised to NFC once at start; a name that then collides keeps its row with its id added', async () => {
    const file = `${t.dir}/old.sqlite`;
    const config = { port: 0, host: '127.0.0.1', databasePath: file, webDist: `${t.dir}/none`, logLevel: 'silent' as const, demo: false };
    await (await buildApp(config)).close();
    // Rows as an older version wrote them, straight into the file, and the step marked as not yet run.
    const raw = new Database(file);
    const unitId = (raw.prepare('select id from units').get() as { id: number }).id;
    const staffId = Number(raw.prepare('insert into staff (unit_id, name, title) values (?, ?, ?)').run(unitId, 'Örjan Åström'.normalize('NFD'), 'Utredare').lastInsertRowid);
    raw.prepare('insert into activity_types (unit_id, name) values (?, ?)').run(unitId, 'Återträff');
    const dupId = Number(raw.prepare('insert into activity_types (unit_id, name) values (?, ?)').run(unitId, 'Återträff'.normalize('NFD')).lastInsertRowid);
    raw.prepare('delete from maintenance_runs').run();
    raw.close();
    const app = await buildApp(config);
    const db = app.db.$client;
    expect(db.prepare('select name from staff where id = ?').get(staffId)).toEqual({ name: 'Örjan Åström' });
    expect(db.prepare('select name from activity_types where id = ?').get(dupId)).toEqual({ name: `Återträff (${dupId})` });
    expect((db.prepare('select count(*) n from maintenance_runs').get() as { n: number }).n).toBe(1);
    // Once run, it does not run again: a later NFD row (written past the API) is left alone.
    db.prepare('update staff set name = ? where id = ?').run('Åsa'.normalize('NFD'), staffId);
    await app.close();
    const again = await buildApp(config);
    expect(again.db.$client.prepare('select name from staff where id = ?').get(staffId)).toEqual({ name: 'Åsa'.normalize('NFD') });
    await again.close();
  });
});

describe('soft warnings saved past, counted for the chief', () => {
  const overrides = async () => (await t.http.get('/api/v1/activities/text-warning-overrides').expect(200)).body.items as { year: number; kind: string; count: number }[];
  it('counts a kind only when the text gives that warning, on POST and PUT, per year', async () => {
    const before = await overrides();
    const n = (year: number, kind: string, list = before) => list.find((x) => x.year === year && x.kind === kind)?.count ?? 0;
    const a = (await t.http.post('/api/v1/activities').send(validBody(r, {
      title: 'Samtal med klienten Anna', textWarningsOverridden: ['client_name', 'mistyped_personal_identity_number'],
    })).expect(201)).body;
    // The claim of a mistyped number is not counted: the text has none.
    await t.http.put(`/api/v1/activities/${a.id}`).send(validBody(r, {
      title: 'Samtal med klienten Anna', description: 'Ärende 19850312-1234', version: a.version,
      textWarningsOverridden: ['client_name', 'mistyped_personal_identity_number'],
    })).expect(200);
    // An ordinary text with a claimed warning counts nothing.
    await t.http.post('/api/v1/activities').send(validBody(r, { title: 'Handledning', textWarningsOverridden: ['client_name'] })).expect(201);
    const after = await overrides();
    expect(n(2018, 'client_name', after) - n(2018, 'client_name')).toBe(2);
    expect(n(2018, 'mistyped_personal_identity_number', after) - n(2018, 'mistyped_personal_identity_number')).toBe(1);
    const texts = t.app.db.$client.prepare('select * from text_warning_overrides').all();
    expect(JSON.stringify(texts)).not.toMatch(/Anna|1985/);
  });
  it('refuses an unknown kind with 400 on the field, and shows the counts to the chief only', async () => {
    const res = await t.http.post('/api/v1/activities').send(validBody(r, { textWarningsOverridden: ['annat'] })).expect(400);
    expect((res.body.fields as Fields).map((f) => f.field)).toEqual(['textWarningsOverridden.0']);
    for (const role of ['medarbetare', 'rad', 'admin'] as const) {
      await (await t.as(role)).get('/api/v1/activities/text-warning-overrides').expect(403);
    }
  });
});
