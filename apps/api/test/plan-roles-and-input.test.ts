/**
 * Issue #6's review: who may change the plan (only the chief), how each bad request is answered (400 on the
 * field, 404, 409, never 500), and the framework boundary when an existing item changes year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { tableChecksums } from './helpers/db-checksum.ts';
import { fieldsOf, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
let item: { id: number; version: number };
beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  item = (await t.http.post('/api/v1/plan-items').send(body()).expect(201)).body;
  await t.http.post('/api/v1/activities').send(validBody(r, { date: '2018-04-01', planItemId: item.id })).expect(201);
});
afterAll(async () => { await t.close(); });

function body(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { year: 2018, title: 'Fältkurs', goalId: r.goals.vp2018.samverkan, areaId: r.areas.ifo, planned: ['En fältkurs per termin'], targetCount: 2, staffIds: [r.staff[0]], ...over };
}
const planTables = () => {
  const sums = tableChecksums(t.app.db.$client);
  return { items: sums.plan_items, staff: sums.plan_item_staff, activities: sums.activities };
};

describe('only the chief changes the plan', () => {
  for (const role of ['rad', 'medarbetare'] as const) {
    it(`${role}: 403 on every plan write with a valid body, the plan untouched; reading works`, async () => {
      const agent = await t.as(role);
      const before = planTables();
      const writes = [
        agent.post('/api/v1/plan-items').send(body({ title: 'Ny' })),
        agent.put(`/api/v1/plan-items/${item.id}`).send({ ...body({ status: 'genomford' }), version: item.version }),
        agent.delete(`/api/v1/plan-items/${item.id}`).query({ version: item.version }),
        agent.post('/api/v1/plan-items/copy').send({ fromYear: 2018, toYear: 2019 }),
      ];
      for (const w of writes) {
        const res = await w;
        expect(res.status).toBe(403);
        expect(typeof res.body.message).toBe('string');
      }
      expect(planTables()).toEqual(before);

      const list = (await agent.get('/api/v1/plan-items').query({ year: 2018 }).expect(200)).body as { id: number }[];
      expect(list.map((i) => i.id)).toEqual([item.id]);
      await agent.get(`/api/v1/plan-items/${item.id}`).expect(200);
      const followup = (await agent.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-06-30' }).expect(200)).body;
      expect(followup.items[0]).toMatchObject({ id: item.id, activityCount: 1, targetCount: 2, progress: 0.5, flagged: false });
      await agent.get('/api/v1/plan-followup').query({ year: 2018, output: 'csv' }).expect(200).expect('content-type', /text\/csv/);
    });
  }

  it('nobody signed in: 401 on reading and writing', async () => {
    await t.anon.get('/api/v1/plan-items').query({ year: 2018 }).expect(401);
    await t.anon.get('/api/v1/plan-followup').query({ year: 2018 }).expect(401);
    await t.anon.post('/api/v1/plan-items').send(body()).expect(401);
  });
});

describe('bad requests to the plan: 400 on the field, 404, 409, never 500', () => {
  it.each([
    ['a missing version on PUT', 'put', () => body(), ['version']],
    ['a year outside 2000–2100', 'post', () => body({ year: 1999 }), ['year']],
    ['a target that is not a whole number', 'post', () => body({ targetCount: 2.5 }), ['targetCount']],
    ['a target given as text', 'post', () => body({ targetCount: 'fyra' }), ['targetCount']],
    ['more than 50 planned lines', 'post', () => body({ planned: Array.from({ length: 51 }, (_, i) => `Rad ${i}`) }), ['planned']],
    ['an outcome over 4000 characters', 'post', () => body({ outcome: 'x'.repeat(4001) }), ['outcome']],
    ['a title over 200 characters and an unknown status', 'post', () => body({ title: 'x'.repeat(201), status: 'klar' }), ['status', 'title']],
    ['no goal, no area, no title', 'post', () => ({ year: 2018 }), ['areaId', 'goalId', 'title']],
    ['a staff id that is not a number', 'post', () => body({ staffIds: ['Anna'] }), ['staffIds.0']],
  ] as const)('%s', async (_what, method, make, fields) => {
    const before = planTables();
    const req = method === 'put'
      ? t.http.put(`/api/v1/plan-items/${item.id}`).send(make())
      : t.http.post('/api/v1/plan-items').send(make());
    const res = await req.expect(400);
    expect(fieldsOf(res.body).sort()).toEqual([...fields].sort());
    for (const f of res.body.fields as { message: string }[]) expect(f.message.length).toBeGreaterThan(0);
    expect(planTables()).toEqual(before);
  });

  it('bad ids and query parameters name the parameter', async () => {
    expect(fieldsOf((await t.http.get('/api/v1/plan-items/abc').expect(400)).body)).toEqual(['id']);
    expect(fieldsOf((await t.http.get('/api/v1/plan-items/0').expect(400)).body)).toEqual(['id']);
    await t.http.get('/api/v1/plan-items/999999999').expect(404);
    expect(fieldsOf((await t.http.delete(`/api/v1/plan-items/${item.id}`).query({ version: 'ett' }).expect(400)).body)).toEqual(['version']);
    expect(fieldsOf((await t.http.get('/api/v1/plan-items').query({ year: 'i år' }).expect(400)).body)).toEqual(['year']);
    expect(fieldsOf((await t.http.get('/api/v1/plan-followup').expect(400)).body)).toEqual(['year']);
    expect(fieldsOf((await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '30 juni' }).expect(400)).body)).toEqual(['asOf']);
    expect(fieldsOf((await t.http.get('/api/v1/plan-followup').query({ year: 2018, output: 'pdf' }).expect(400)).body)).toEqual(['output']);
    expect(fieldsOf((await t.http.get('/api/v1/plan-followup').query({ year: 2018, sida: 2 }).expect(400)).body)).toEqual(['sida']);
  });

  it('copy: each bad field named; an empty source year 400, a second copy 409', async () => {
    expect(fieldsOf((await t.http.post('/api/v1/plan-items/copy').send({ fromYear: '2018' }).expect(400)).body).sort()).toEqual(['fromYear', 'toYear']);
    expect(fieldsOf((await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2018, toYear: 2017 }).expect(400)).body)).toEqual(['toYear']);
    expect(fieldsOf((await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2018, toYear: 2101 }).expect(400)).body)).toEqual(['toYear']);
    expect(fieldsOf((await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2005, toYear: 2006 }).expect(400)).body)).toEqual(['fromYear']);
    await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2018, toYear: 2019 }).expect(201);
    const second = await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2018, toYear: 2019 }).expect(409);
    expect(second.body.message).toContain('2019');
  });

  it('a locked source year can still be copied into an open year', async () => {
    await t.http.put('/api/v1/period-locks/2018').expect(200);
    try {
      const res = (await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2018, toYear: 2020 }).expect(201)).body;
      expect(res.copied).toBe(1);
      // The item was planerad: not finished, so it carries its origin.
      expect(res.items[0].carriedFrom).toEqual({ id: item.id, year: 2018, title: 'Fältkurs' });
    } finally {
      await t.http.delete('/api/v1/period-locks/2018').expect(204);
    }
  });
});

describe('the framework boundary when an item changes year', () => {
  it('a 2023 item (VP 2018 goal) cannot move to 2024 with that goal; with the VP 2024 goal of the same key it can', async () => {
    const i2023 = (await t.http.post('/api/v1/plan-items').send(body({ year: 2023, title: 'Gränsfall' })).expect(201)).body;
    const moved = await t.http.put(`/api/v1/plan-items/${i2023.id}`).send({ ...body({ year: 2024, title: 'Gränsfall' }), version: i2023.version }).expect(400);
    expect(moved.body.fields).toMatchObject([{ field: 'goalId', code: 'goal_not_valid_for_year' }]);
    const ok = (await t.http.put(`/api/v1/plan-items/${i2023.id}`)
      .send({ ...body({ year: 2024, title: 'Gränsfall', goalId: r.goals.vp2024.samverkan }), version: i2023.version }).expect(200)).body;
    expect(ok.goal).toMatchObject({ key: 'samverkan', frameworkCode: 'vp2024' });

    // Each year's follow-up lists its own framework's goals, matched by the same keys.
    const f2023 = (await t.http.get('/api/v1/plan-followup').query({ year: 2023 }).expect(200)).body;
    const f2024 = (await t.http.get('/api/v1/plan-followup').query({ year: 2024 }).expect(200)).body;
    const ref = (await t.http.get('/api/v1/reference').expect(200)).body as { goalFrameworks: { code: string; goals: { key: string; name: string }[] }[] };
    const names = (code: string) => ref.goalFrameworks.find((f) => f.code === code)!.goals.map((g) => [g.key, g.name]).sort();
    expect(f2023.goals.map((g: { key: string; name: string }) => [g.key, g.name]).sort()).toEqual(names('vp2018'));
    expect(f2024.goals.map((g: { key: string; name: string }) => [g.key, g.name]).sort()).toEqual(names('vp2024'));
    expect(f2024.goals.find((g: { key: string }) => g.key === 'samverkan')).toMatchObject({ planned: 1, withActivity: 0 });
  });
});
