import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
let seminar: number;
let sameOtherDay: number;
beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  seminar = (await t.http.post('/api/v1/activities').send(validBody(r, { date: '2018-03-14', title: 'Seminarium: BBIC i praktiken' })).expect(201)).body.id;
  sameOtherDay = (await t.http.post('/api/v1/activities').send(validBody(r, { date: '2018-03-15', title: 'Seminarium: BBIC i praktiken' })).expect(201)).body.id;
  await t.http.post('/api/v1/activities').send(validBody(r, { date: '2018-03-14', title: 'Seminarium: BBIC i praktiken, del 2' })).expect(201);
});
afterAll(async () => { await t.close(); });

const similar = (query: Record<string, string | number>) => t.http.get('/api/v1/activities/similar').query(query);

describe('GET /activities/similar', () => {
  it('finds the activity of the same date whose title differs only in case, spaces and punctuation', async () => {
    const res = await similar({ date: '2018-03-14', title: '  seminarium BBIC  i praktiken.' }).expect(200);
    expect(res.body).toEqual({ items: [{ id: seminar, date: '2018-03-14', title: 'Seminarium: BBIC i praktiken', typeName: expect.any(String) }] });
    expect(res.body.items[0].typeName.length).toBeGreaterThan(0);
  });

  it('finds nothing for another date, another title, or the activity being edited itself', async () => {
    expect((await similar({ date: '2018-03-16', title: 'Seminarium: BBIC i praktiken' }).expect(200)).body).toEqual({ items: [] });
    expect((await similar({ date: '2018-03-14', title: 'Seminarium: BBIC i teorin' }).expect(200)).body).toEqual({ items: [] });
    expect((await similar({ date: '2018-03-15', title: 'Seminarium: BBIC i praktiken', excludeId: sameOtherDay }).expect(200)).body).toEqual({ items: [] });
    expect((await similar({ date: '2018-03-15', title: 'Seminarium: BBIC i praktiken' }).expect(200)).body.items.map((x: { id: number }) => x.id)).toEqual([sameOtherDay]);
  });

  it('a title of punctuation alone matches nothing', async () => {
    expect((await similar({ date: '2018-03-14', title: '–' }).expect(200)).body).toEqual({ items: [] });
  });

  it('refuses a missing or broken date and an empty title with 400 naming the field', async () => {
    for (const [query, field] of [[{ title: 'x' }, 'date'], [{ date: '2018-02-30', title: 'x' }, 'date'], [{ date: '2018-03-14', title: ' ' }, 'title'], [{ date: '2018-03-14' }, 'title']] as const) {
      const res = await similar(query).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field), JSON.stringify(query)).toContain(field);
    }
  });

  it('saving a double is still allowed: the warning is the form’s', async () => {
    await t.http.post('/api/v1/activities').send(validBody(r, { date: '2018-03-14', title: 'SEMINARIUM – BBIC i praktiken' })).expect(201);
    expect((await similar({ date: '2018-03-14', title: 'Seminarium: BBIC i praktiken' }).expect(200)).body.items).toHaveLength(2);
  });
});
