import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { countActivities, fieldsOf, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
let existingId: number;
beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  existingId = (await t.http.post('/api/v1/activities').send(validBody(r)).expect(201)).body.id;
});
afterAll(async () => { await t.close(); });

interface ErrorBody { statusCode: number; error: string; message: string; fields?: { field: string; in: string; code: string; message: string }[] }

/** Sends a body that must be refused: 400, the field named, nothing stored. */
async function rejectsBody(over: Record<string, unknown>, field: string, code?: string, omit: string[] = []): Promise<ErrorBody> {
  const body = validBody(r, over);
  for (const k of omit) delete body[k];
  const before = countActivities(t);
  const res = await t.http.post('/api/v1/activities').send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  const err = res.body as ErrorBody;
  expect(err).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  expect(fieldsOf(err), JSON.stringify(err.fields)).toContain(field);
  for (const f of err.fields!) {
    expect(f.in).toBe('body');
    expect(f.message.length).toBeGreaterThan(0);
  }
  if (code) expect(err.fields!.find((f) => f.field === field)!.code).toBe(code);
  expect(countActivities(t)).toBe(before);
  return err;
}

describe('body validation on POST /activities', () => {
  it.each([
    ['date', { date: 20180314 }], ['date', { date: '14/03/2018' }], ['date', { date: '2018-02-30' }], ['date', { date: '2018-13-01' }],
    ['date', { date: '' }],
    ['title', { title: '' }], ['title', { title: '   ' }], ['title', { title: 'x'.repeat(201) }], ['title', { title: 42 }],
    ['description', { description: 'x'.repeat(4001) }], ['description', { description: 5 }],
    ['goalId', { goalId: 'spridning' }], ['goalId', { goalId: -1 }], ['goalId', { goalId: 1.5 }],
    ['areaId', { areaId: null }], ['typeId', { typeId: '1' }],
    ['format', { format: 'telefon' }], ['format', { format: null }],
    ['participants', { participants: -1 }], ['participants', { participants: 2.5 }], ['participants', { participants: '12' }],
    ['assignmentId', { assignmentId: 0 }],
    ['line', { line: 'tredje' }],
    ['municipalityIds', { municipalityIds: 'solna' }], ['municipalityIds.0', { municipalityIds: ['solna'] }],
    ['allMunicipalities', { allMunicipalities: 'ja' }],
    ['staffIds', { staffIds: [] }], ['staffIds', { staffIds: 3 }], ['staffIds.1', { staffIds: [1, 'x'] }],
  ])('%s: %j', async (field, over) => {
    await rejectsBody(over, field);
  });

  it.each(['date', 'title', 'goalId', 'areaId', 'typeId', 'format', 'staffIds'])('a missing %s is named', async (field) => {
    await rejectsBody({}, field, undefined, [field]);
  });

  it('an unknown extra field is named', async () => {
    await rejectsBody({ color: 'blå' }, 'color');
  });

  it.each([
    ['goalId', { goalId: 99999 }, 'unknown_goal'],
    ['areaId', { areaId: 99999 }, 'unknown_area'],
    ['typeId', { typeId: 99999 }, 'unknown_type'],
    ['assignmentId', { assignmentId: 99999 }, 'unknown_assignment'],
    ['municipalityIds.1', { municipalityIds: [1, 99999] }, 'unknown_municipality'],
    ['staffIds.0', { staffIds: [99999] }, 'unknown_staff'],
  ])('an unknown referenced id in %s is a 400 naming it', async (field, over, code) => {
    await rejectsBody(over, field, code);
  });

  it('an area that has children (vuxen) cannot be chosen; its leaves and childless groups can', async () => {
    await rejectsBody({ areaId: r.areas.vuxen }, 'areaId', 'area_has_children');
    for (const code of ['ifo', 'bou', 'ekb', 'missbruk', 'socpsyk']) {
      await t.http.post('/api/v1/activities').send(validBody(r, { areaId: r.areas[code] })).expect(201);
    }
  });

  it('a date before the unit’s first goal framework is refused on the date, saying when the follow-up began', async () => {
    const err = await rejectsBody({ date: '2017-08-31' }, 'date', 'date_before_follow_up');
    expect(err.fields!.find((f) => f.field === 'date')!.message).toBe('Uppföljningen började 1 september 2017. Datumet ligger före det.');
    // The goal is not blamed for what the date got wrong.
    expect(fieldsOf(err)).toEqual(['date']);
  });

  it('a wrong date says what is wrong with it, by a stable code', async () => {
    const last = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date())) + 5;
    const cases: [string, string, string][] = [
      ['14/03/2018', 'date_format', 'Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2018-03-14.'],
      ['2018-02-30', 'date_nonexistent', 'Det datumet finns inte i kalendern. Kontrollera dag och månad.'],
      ['2018-13-01', 'date_nonexistent', 'Det datumet finns inte i kalendern. Kontrollera dag och månad.'],
      ['1899-01-01', 'date_before_start', 'Datumet ligger före 1 januari 2000, det tidigaste som går att registrera.'],
      [`${last + 1}-01-01`, 'date_after_end', `Datumet ligger efter 31 december ${last}, det senaste som går att registrera.`],
    ];
    for (const [date, code, message] of cases) {
      const err = await rejectsBody({ date }, 'date', code);
      expect(err.fields!.find((f) => f.field === 'date')!.message, date).toBe(message);
    }
  });

  it('names every failing field at once, zod and semantic alike', async () => {
    const err = await rejectsBody({ title: '', participants: -3, format: 'x' }, 'title');
    expect(fieldsOf(err)).toEqual(expect.arrayContaining(['title', 'participants', 'format']));
    const sem = await rejectsBody({ goalId: 99999, areaId: r.areas.vuxen, typeId: 99999, staffIds: [99998, 99999] }, 'goalId');
    expect(fieldsOf(sem).sort()).toEqual(['areaId', 'goalId', 'staffIds.0', 'staffIds.1', 'typeId']);
  });

  it('PUT validates the same way and also wants the version', async () => {
    const res = await t.http.put(`/api/v1/activities/${existingId}`).send(validBody(r)).expect(400);
    expect(fieldsOf(res.body)).toContain('version');
    const res2 = await t.http.put(`/api/v1/activities/${existingId}`).send({ ...validBody(r, { date: '2018-02-30', staffIds: [] }), version: 'one' }).expect(400);
    expect(fieldsOf(res2.body)).toEqual(expect.arrayContaining(['date', 'staffIds', 'version']));
    const res3 = await t.http.put(`/api/v1/activities/${existingId}`).send({ ...validBody(r, { areaId: r.areas.vuxen }), version: 1 }).expect(400);
    expect(fieldsOf(res3.body)).toEqual(['areaId']);
    expect((await t.http.get(`/api/v1/activities/${existingId}`).expect(200)).body.version).toBe(1);
  });
});

describe('malformed requests are 4xx JSON, never 500', () => {
  it('bad JSON', async () => {
    const before = countActivities(t);
    const res = await t.http.post('/api/v1/activities').set('content-type', 'application/json').send('{"title": ');
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/json');
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(countActivities(t)).toBe(before);
  });

  it('wrong content type', async () => {
    const res = await t.http.post('/api/v1/activities').set('content-type', 'text/csv').send('a,b');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ statusCode: 415 });
  });

  it('no body at all, an array body, an empty JSON body', async () => {
    for (const res of [
      await t.http.post('/api/v1/activities'),
      await t.http.post('/api/v1/activities').send([1, 2]),
      await t.http.post('/api/v1/activities').set('content-type', 'application/json').send(''),
    ]) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.statusCode).toBe(400);
    }
  });

  it('a body over the size limit is 413, not 500', async () => {
    const res = await t.http.post('/api/v1/activities').send(validBody(r, { description: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.statusCode).toBe(413);
  });

  it('an unknown API path or method is a JSON 404', async () => {
    for (const res of [await t.http.get('/api/v1/nothing-here'), await t.http.patch(`/api/v1/activities/${existingId}`).send({ title: 'x' })]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
  });

  it('a huge id in the path', async () => {
    const res = await t.http.get('/api/v1/activities/99999999999999999999999');
    expect(res.status).toBe(400);
  });
});

describe('querystring validation on GET /activities', () => {
  it.each([
    ['to', { from: '2018-05-01', to: '2018-04-30' }],
    ['from', { from: '2018-02-30' }], ['to', { to: 'igår' }],
    ['goal', { goal: 'nope' }], ['area', { area: 'nope' }], ['municipality', { municipality: 'stockholm' }],
    ['staff', { staff: 99999 }], ['staff', { staff: 'anna' }], ['type', { type: 99999 }], ['assignment', { assignment: 99999 }],
    ['limit', { limit: 0 }], ['limit', { limit: 501 }], ['limit', { limit: 'many' }],
    ['order', { order: 'up' }], ['withTotal', { withTotal: 'yes' }],
    ['sort', { sort: 'title' }],
  ])('%s: %j', async (field, query) => {
    const res = await t.http.get('/api/v1/activities').query(query);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.fields.map((f: { field: string; in: string }) => [f.field, f.in])).toContainEqual([field, 'querystring']);
  });

  it('names several bad parameters at once', async () => {
    const res = await t.http.get('/api/v1/activities').query({ goal: 'nope', area: 'nope', staff: 99999 }).expect(400);
    expect(fieldsOf(res.body).sort()).toEqual(['area', 'goal', 'staff']);
  });

  it('limit 1 and 500 are fine', async () => {
    await t.http.get('/api/v1/activities').query({ limit: 1 }).expect(200);
    await t.http.get('/api/v1/activities').query({ limit: 500 }).expect(200);
  });
});

describe('the goal must belong to the framework valid on the date', () => {
  const create = (date: string, fw: 'vp2018' | 'vp2024') =>
    t.http.post('/api/v1/activities').send(validBody(r, { date, goalId: r.goals[fw].metodstod }));

  it('vp2018 goals: accepted on 2023-12-31, refused on 2024-01-01', async () => {
    await create('2023-12-31', 'vp2018').expect(201);
    const res = await create('2024-01-01', 'vp2018').expect(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'goalId', in: 'body', code: 'goal_not_valid_for_date' })]);
  });

  it('vp2024 goals: accepted on 2024-01-01, refused on 2023-12-31', async () => {
    await create('2024-01-01', 'vp2024').expect(201);
    const res = await create('2023-12-31', 'vp2024').expect(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'goalId', code: 'goal_not_valid_for_date' })]);
  });

  it('on PUT, moving only the date across the boundary is refused, and the row stays', async () => {
    const a = (await create('2023-12-31', 'vp2018').expect(201)).body;
    const res = await t.http.put(`/api/v1/activities/${a.id}`)
      .send({ ...validBody(r, { date: '2024-01-01', goalId: r.goals.vp2018.metodstod }), version: a.version }).expect(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'goalId', code: 'goal_not_valid_for_date' })]);
    expect((await t.http.get(`/api/v1/activities/${a.id}`).expect(200)).body).toMatchObject({ date: '2023-12-31', version: 1 });
    // Moving the date and switching to the new framework's goal with the same key is fine.
    const ok = await t.http.put(`/api/v1/activities/${a.id}`)
      .send({ ...validBody(r, { date: '2024-01-01', goalId: r.goals.vp2024.metodstod }), version: a.version }).expect(200);
    expect(ok.body.goal).toMatchObject({ key: 'metodstod', frameworkCode: 'vp2024' });
    const back = await t.http.put(`/api/v1/activities/${a.id}`)
      .send({ ...validBody(r, { date: '2023-12-31', goalId: r.goals.vp2024.metodstod }), version: ok.body.version }).expect(400);
    expect(back.body.fields[0]).toMatchObject({ field: 'goalId', code: 'goal_not_valid_for_date' });
  });
});
