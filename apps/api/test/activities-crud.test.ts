import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { countActivities, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
beforeAll(async () => { t = await makeTestApp(); r = await loadRefs(t); });
afterAll(async () => { await t.close(); });

const pause = (ms: number) => new Promise((res) => setTimeout(res, ms));

describe('activity CRUD', () => {
  it('creates, reads, updates with the version, reads again, deletes, then 404s', async () => {
    const body = validBody(r, {
      description: 'Med kommunernas BBIC-samordnare', participants: 25, assignmentId: r.assignments[0], line: 'forsta',
      municipalityIds: [r.municipalities.solna, r.municipalities.ekero], staffIds: [r.staff[1], r.staff[0]],
    });
    const created = (await t.http.post('/api/v1/activities').send(body).expect(201)).body;
    expect(created).toMatchObject({
      date: '2018-03-14', year: 2018, title: 'Seminarium om BBIC', description: 'Med kommunernas BBIC-samordnare',
      goal: { id: r.goals.vp2018.spridning, key: 'spridning', frameworkCode: 'vp2018' },
      area: { id: r.areas.bou, code: 'bou', groupCode: 'bou' }, type: { id: r.types[0] }, format: 'fysiskt',
      participants: 25, assignment: { id: r.assignments[0] }, line: 'forsta', version: 1,
    });
    expect(created.municipalities.map((m: { code: string }) => m.code).sort()).toEqual(['ekero', 'solna']);
    expect(created.staff.map((s: { id: number }) => s.id).sort()).toEqual([r.staff[0], r.staff[1]].sort());

    const got = (await t.http.get(`/api/v1/activities/${created.id}`).expect(200)).body;
    expect(got).toEqual(created);

    await pause(5);
    const put = (await t.http.put(`/api/v1/activities/${created.id}`).send({
      ...validBody(r, { date: '2018-04-02', title: 'Nätverksträff missbruk', areaId: r.areas.missbruk, goalId: r.goals.vp2018.samverkan, format: 'digitalt', staffIds: [r.staff[2]], municipalityIds: [], noOwnerMunicipality: true }),
      version: 1,
    }).expect(200)).body;
    expect(put).toMatchObject({
      id: created.id, date: '2018-04-02', title: 'Nätverksträff missbruk', description: null, participants: null, assignment: null, line: null,
      area: { code: 'missbruk', groupCode: 'vuxen' }, goal: { key: 'samverkan' }, format: 'digitalt', municipalities: [], noOwnerMunicipality: true, version: 2,
      createdAt: created.createdAt,
    });
    expect(put.staff.map((s: { id: number }) => s.id)).toEqual([r.staff[2]]);
    expect(put.updatedAt > created.updatedAt).toBe(true);

    expect((await t.http.get(`/api/v1/activities/${created.id}`).expect(200)).body).toEqual(put);

    await t.http.delete(`/api/v1/activities/${created.id}`).expect(204);
    const gone = await t.http.get(`/api/v1/activities/${created.id}`).expect(404);
    expect(gone.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    // The link rows went with it.
    const links = t.app.db.$client.prepare('select count(*) as n from activity_staff where activity_id = ?').get(created.id) as { n: number };
    expect(links.n).toBe(0);
  });

  it('stores allMunicipalities as the eight real municipality links, not a magic value', async () => {
    const created = (await t.http.post('/api/v1/activities').send(validBody(r, { allMunicipalities: true, municipalityIds: [] })).expect(201)).body;
    const codes = created.municipalities.map((m: { code: string }) => m.code).sort();
    expect(codes).toEqual(Object.keys(r.municipalities).sort());
    expect(codes).toHaveLength(8);
    const rows = t.app.db.$client.prepare('select municipality_id as m from activity_municipalities where activity_id = ? order by 1').all(created.id) as { m: number }[];
    expect(rows.map((x) => x.m)).toEqual(Object.values(r.municipalities).sort((a, b) => a - b));
    // The list filter sees it under any single municipality.
    const list = (await t.http.get('/api/v1/activities').query({ municipality: 'sigtuna' }).expect(200)).body;
    expect(list.items.map((a: { id: number }) => a.id)).toContain(created.id);
  });

  it('drops repeated municipality and staff ids instead of failing', async () => {
    const created = (await t.http.post('/api/v1/activities').send(validBody(r, {
      municipalityIds: [r.municipalities.solna, r.municipalities.solna, r.municipalities.sigtuna],
      staffIds: [r.staff[0], r.staff[0]],
    })).expect(201)).body;
    expect(created.municipalities.map((m: { code: string }) => m.code).sort()).toEqual(['sigtuna', 'solna']);
    expect(created.staff).toHaveLength(1);
  });

  it('increments the version on every save', async () => {
    const a = (await t.http.post('/api/v1/activities').send(validBody(r)).expect(201)).body;
    let version = a.version as number;
    for (let i = 0; i < 3; i++) {
      const next = (await t.http.put(`/api/v1/activities/${a.id}`).send({ ...validBody(r, { title: `Titel ${i}` }), version }).expect(200)).body;
      expect(next.version).toBe(version + 1);
      version = next.version;
    }
    await t.http.delete(`/api/v1/activities/${a.id}`).query({ version }).expect(204);
  });
});

describe('404 and 409', () => {
  it('404s unknown activity ids on GET, PUT and DELETE', async () => {
    const before = countActivities(t);
    for (const req of [
      t.http.get('/api/v1/activities/999999'),
      t.http.put('/api/v1/activities/999999').send({ ...validBody(r), version: 1 }),
      t.http.delete('/api/v1/activities/999999'),
    ]) {
      const res = await req.expect(404);
      expect(res.body.statusCode).toBe(404);
    }
    expect(countActivities(t)).toBe(before);
  });

  it('400s a non-numeric id in the path, naming it', async () => {
    const res = await t.http.get('/api/v1/activities/abc').expect(400);
    expect(res.body.fields.map((f: { field: string; in: string }) => [f.field, f.in])).toContainEqual(['id', 'params']);
  });

  it('409s a PUT with a stale version and leaves the row as it was', async () => {
    const a = (await t.http.post('/api/v1/activities').send(validBody(r)).expect(201)).body;
    await t.http.put(`/api/v1/activities/${a.id}`).send({ ...validBody(r, { title: 'Första ändringen' }), version: 1 }).expect(200);
    const stale = await t.http.put(`/api/v1/activities/${a.id}`).send({ ...validBody(r, { title: 'Sen ändring' }), version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ statusCode: 409, error: 'Conflict', currentVersion: 2 });
    const now = (await t.http.get(`/api/v1/activities/${a.id}`).expect(200)).body;
    expect(now).toMatchObject({ title: 'Första ändringen', version: 2 });
    // A version from the future is just as stale.
    await t.http.put(`/api/v1/activities/${a.id}`).send({ ...validBody(r), version: 7 }).expect(409);
  });

  it('409s a DELETE with a stale version and keeps the row', async () => {
    const a = (await t.http.post('/api/v1/activities').send(validBody(r)).expect(201)).body;
    await t.http.put(`/api/v1/activities/${a.id}`).send({ ...validBody(r), version: 1 }).expect(200);
    await t.http.delete(`/api/v1/activities/${a.id}`).query({ version: 1 }).expect(409);
    await t.http.get(`/api/v1/activities/${a.id}`).expect(200);
    const bad = await t.http.delete(`/api/v1/activities/${a.id}`).query({ version: 'x' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toContain('version');
    await t.http.delete(`/api/v1/activities/${a.id}`).query({ version: 2 }).expect(204);
  });

  it('two editors open the same version: the first save wins, the second gets 409 (no lost update)', async () => {
    const a = (await t.http.post('/api/v1/activities').send(validBody(r)).expect(201)).body;
    const [x, y] = await Promise.all([
      t.http.put(`/api/v1/activities/${a.id}`).send({ ...validBody(r, { title: 'Redaktör A' }), version: a.version }),
      t.http.put(`/api/v1/activities/${a.id}`).send({ ...validBody(r, { title: 'Redaktör B' }), version: a.version }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const winner = x.status === 200 ? x.body : y.body;
    const now = (await t.http.get(`/api/v1/activities/${a.id}`).expect(200)).body;
    expect(now.title).toBe(winner.title);
    expect(now.version).toBe(2);
  });
});

describe('deactivated reference rows', () => {
  it('are refused on a new activity, each field named, but stay on an activity that had them through a change', async () => {
    // Made fresh so that deactivating them affects no other test.
    const staff = (await t.http.post('/api/v1/staff').send({ name: 'Slutat Snart', title: 'Utredare' }).expect(201)).body.id as number;
    const type = (await t.http.post('/api/v1/activity-types').send({ name: 'Gammal typ' }).expect(201)).body.id as number;
    const assignment = (await t.http.post('/api/v1/assignments').send({ title: 'Avslutat uppdrag' }).expect(201)).body.id as number;
    const withAll = validBody(r, { staffIds: [staff, r.staff[0]], typeId: type, assignmentId: assignment, municipalityIds: [r.municipalities.sigtuna] });
    const had = (await t.http.post('/api/v1/activities').send(withAll).expect(201)).body;

    await t.http.patch(`/api/v1/staff/${staff}`).send({ active: false }).expect(200);
    await t.http.patch(`/api/v1/activity-types/${type}`).send({ active: false }).expect(200);
    await t.http.patch(`/api/v1/assignments/${assignment}`).send({ active: false }).expect(200);
    await t.http.patch(`/api/v1/municipalities/${r.municipalities.sigtuna}`).send({ active: false }).expect(200);
    try {
      const before = countActivities(t);
      const refused = await t.http.post('/api/v1/activities').send(withAll).expect(400);
      const byField = Object.fromEntries((refused.body.fields as { field: string; code: string }[]).map((f) => [f.field, f.code]));
      expect(byField).toEqual({ 'staffIds.0': 'inactive', typeId: 'inactive', assignmentId: 'inactive', 'municipalityIds.0': 'inactive' });
      expect(countActivities(t)).toBe(before);

      // The activity that has them keeps them when something else changes…
      const changed = await t.http.put(`/api/v1/activities/${had.id}`).send({ ...withAll, title: 'Ny rubrik', version: had.version }).expect(200);
      expect(changed.body.staff.map((s: { id: number }) => s.id).sort()).toEqual([staff, r.staff[0]].sort());
      expect(changed.body.type.id).toBe(type);
      // …but cannot take on another deactivated row.
      const other = (await t.http.post('/api/v1/staff').send({ name: 'Också Slutat', title: 'Forskare' }).expect(201)).body.id as number;
      await t.http.patch(`/api/v1/staff/${other}`).send({ active: false }).expect(200);
      const added = await t.http.put(`/api/v1/activities/${had.id}`).send({ ...withAll, staffIds: [staff, other], version: changed.body.version }).expect(400);
      expect((added.body.fields as { field: string }[]).map((f) => f.field)).toEqual(['staffIds.1']);
    } finally {
      await t.http.patch(`/api/v1/municipalities/${r.municipalities.sigtuna}`).send({ active: true }).expect(200);
    }
  });
});

describe('another process holding the write lock', () => {
  it('makes a write wait, and past the busy timeout answers 503 with Retry-After, writing nothing', async () => {
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(t.databasePath);
    const before = countActivities(t);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const res = await t.http.post('/api/v1/activities').send(validBody(r)).expect(503);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body.message).toMatch(/upptagen/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(countActivities(t)).toBe(before);
    await t.http.post('/api/v1/activities').send(validBody(r)).expect(201);
  }, 20_000);
});
