/**
 * Reports and exports in English (lang=en): headings, totals, formats and the registers' English names, the
 * Swedish name where a row has none. Expected names are written out from the seed's English names; counts come
 * from the activities this test posts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
// Three in Barn, unga och familj, one in Berör hela IFO; goals spridning ×3, samverkan ×1.
const SPECS = [
  { date: '2018-02-01', area: 'bou', goal: 'spridning', format: 'fysiskt' },
  { date: '2018-03-01', area: 'bou', goal: 'spridning', format: 'digitalt' },
  { date: '2018-04-01', area: 'bou', goal: 'samverkan', format: 'fysiskt' },
  { date: '2018-05-01', area: 'ifo', goal: 'spridning', format: 'hybrid' },
] as const;

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  for (const s of SPECS) {
    await t.http.post('/api/v1/activities').send(validBody(r, {
      date: s.date, title: `Träff ${s.date}`, areaId: r.areas[s.area], goalId: r.goals.vp2018[s.goal], format: s.format,
    })).expect(201);
  }
});
afterAll(async () => { await t.close(); });

/** The CSV's rows (semicolon-separated, no quoting in these files: no cell here holds ; or "). */
const csvRows = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n$/, '').split('\r\n').map((l) => l.split(';'));

describe('the annual report tables in English', () => {
  it('names the tables, the column, the total and every area and goal in English', async () => {
    const { body } = await t.http.get('/api/v1/reports/vb/2018').query({ lang: 'en' }).expect(200);
    const [areas, goals] = body.tables;
    expect(areas).toMatchObject({ title: 'Activity area', columnTitle: 'Activities 2018', total: { label: 'Total', count: 4, percent: 100 } });
    expect(areas.rows.map((x: { label: string; count: number }) => [x.label, x.count])).toEqual([
      ['All of individual and family care', 1], ['Children, young people and families', 3], ['Adults', 0],
    ]);
    // In English the report label and the register name are one name: no "the register calls it" note.
    expect(areas.rows.some((x: { registerName?: string }) => x.registerName)).toBe(false);
    expect(goals).toMatchObject({ title: 'Result goals in VP2018', columnTitle: 'Activities 2018', total: { label: 'Total' } });
    expect(goals.rows.map((x: { label: string; count: number }) => [x.label, x.count])).toEqual([
      ['Support in using and developing knowledge', 0],
      ['Support for systematic development of methods and quality', 0],
      ['Support for spreading knowledge', 3],
      ['Support in increasing collaboration between practice and academia', 1],
    ]);
  });

  it('writes the same in the CSV, and stays Swedish without lang', async () => {
    const en = csvRows((await t.http.get('/api/v1/reports/vb/2018').query({ lang: 'en', output: 'csv', table: 'verksamhetsomrade' }).expect(200)).text);
    expect(en).toContainEqual(['Activity area', 'Count', 'Percent']);
    expect(en).toContainEqual(['Children, young people and families', '3', '75']);
    expect(en).toContainEqual(['Total', '4', '100']);
    const sv = csvRows((await t.http.get('/api/v1/reports/vb/2018').query({ output: 'csv', table: 'verksamhetsomrade' }).expect(200)).text);
    expect(sv).toContainEqual(['Verksamhetsområde', 'Antal', 'Procent']);
    expect(sv).toContainEqual(['Barn, ungdom & familj', '3', '75']);
    expect(sv).toContainEqual(['Totalt', '4', '100']);
  });

  it('a distribution by format has the formats in English', async () => {
    const { body } = await t.http.get('/api/v1/reports/distribution').query({ dimension: 'format', year: 2018, lang: 'en' }).expect(200);
    expect(body.rows.map((x: { label: string; count: number }) => [x.label, x.count])).toEqual([['In person', 2], ['Online', 1], ['Hybrid', 1]]);
  });

  it('refuses a language it does not have, naming the values it has', async () => {
    const { body } = await t.http.get('/api/v1/reports/vb/2018').query({ lang: 'fr' }).expect(400);
    expect(body.fields).toEqual([expect.objectContaining({ field: 'lang', in: 'querystring', code: 'invalid_value' })]);
  });
});

describe('the activities export in English', () => {
  const EN_HEADERS = ['Date', 'Title', 'Description', 'Result goal', 'Goal framework', 'Activity area', 'Area group', 'Activity type', 'Delivery', 'Participants', 'Municipalities', 'Number of municipalities', 'Staff', 'Assignment', 'Line', 'Plan item', 'Id', 'Recorded', 'Last changed'];

  it('has English headings, the registers’ English names and the formats in English', async () => {
    const rows = csvRows((await t.http.get('/api/v1/activities/export').query({ output: 'csv', lang: 'en', order: 'asc' }).expect(200)).text);
    const head = rows.findIndex((x) => x[0] === 'Date');
    expect(rows[head]).toEqual(EN_HEADERS);
    const first = rows[head + 1]!;
    const col = (name: string) => first[EN_HEADERS.indexOf(name)];
    expect(col('Date')).toBe('2018-02-01');
    expect(col('Result goal')).toBe('Support for spreading knowledge');
    expect(col('Activity area')).toBe('Children, young people and families');
    expect(col('Area group')).toBe('Children, young people and families');
    expect(col('Activity type')).toBe('Seminar');
    expect(col('Delivery')).toBe('In person');
    // Municipalities are names of their own.
    expect(col('Municipalities')).toBe('Solna');
  });

  it('uses the Swedish name where a register row has no English name, and an edited one as soon as it is saved', async () => {
    const typeId = r.types[0]!;
    await t.http.patch(`/api/v1/activity-types/${typeId}`).send({ nameEn: '' }).expect(200);
    const typeColumn = async () => {
      const rows = csvRows((await t.http.get('/api/v1/activities/export').query({ output: 'csv', lang: 'en', order: 'asc' }).expect(200)).text);
      const head = rows.findIndex((x) => x[0] === 'Date');
      return rows[head + 1]![EN_HEADERS.indexOf('Activity type')];
    };
    // Emptied: stored as no English name, and the export falls back to the Swedish one.
    const types = (await t.http.get('/api/v1/activity-types').expect(200)).body as { id: number; name: string; nameEn: string | null }[];
    const type = types.find((x) => x.id === typeId)!;
    expect(type.nameEn).toBeNull();
    expect(await typeColumn()).toBe(type.name);
    await t.http.patch(`/api/v1/activity-types/${typeId}`).send({ nameEn: 'Talk' }).expect(200);
    expect(await typeColumn()).toBe('Talk');
  });
});

describe('the plan follow-up file in English', () => {
  it('has English headings, statuses and the goal and area by their English names', async () => {
    await t.http.post('/api/v1/plan-items').send({
      year: 2018, title: 'BBIC-samordning', goalId: r.goals.vp2018.spridning, areaId: r.areas.missbruk, planned: ['Nätverksträffar'], targetCount: 4, staffIds: [r.staff[0]],
    }).expect(201);
    const rows = csvRows((await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-12-31', output: 'csv', lang: 'en' }).expect(200)).text);
    const head = rows.findIndex((x) => x[0] === 'Plan item');
    expect(rows[head]!.slice(0, 5)).toEqual(['Plan item', 'Result goal', 'Activity area', 'Area group', 'Status']);
    expect(rows[head + 1]!.slice(0, 5)).toEqual(['BBIC-samordning', 'Support for spreading knowledge', 'Substance misuse', 'Adults', 'Planned']);
    expect(rows).toContainEqual(['Result goal', 'Planned items', 'Items with activity']);
    const sv = csvRows((await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-12-31', output: 'csv' }).expect(200)).text);
    const svHead = sv.findIndex((x) => x[0] === 'Planpunkt');
    expect(sv[svHead + 1]!.slice(0, 5)).toEqual(['BBIC-samordning', 'Stöd till kunskapsspridning', 'Missbruk', 'Vuxen', 'Planerad']);
  });
});

describe('error bodies carry what a client needs to word them', () => {
  it('a too long title names the limit in params', async () => {
    const { body } = await t.http.post('/api/v1/activities').send(validBody(r, { title: 'x'.repeat(201) })).expect(400);
    expect(body.fields).toEqual([expect.objectContaining({ field: 'title', code: 'too_big', params: { max: 200, origin: 'string' } })]);
  });

  it('a locked year is a 409 with its code and year', async () => {
    await t.http.put('/api/v1/period-locks/2017').expect(200);
    const { body } = await t.http.post('/api/v1/activities').send(validBody(r, { date: '2017-10-01' })).expect(409);
    expect(body).toMatchObject({ code: 'year_locked', params: { year: 2017 } });
  });
});
