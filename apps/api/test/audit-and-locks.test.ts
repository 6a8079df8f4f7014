import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { countActivities, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
beforeAll(async () => { t = await makeTestApp(); r = await loadRefs(t); });
afterAll(async () => { await t.close(); });

const auditRows = (entity?: string, entityId?: number) => t.app.db.$client
  .prepare(`select * from audit_log where (? is null or entity = ?) and (? is null or entity_id = ?) order by id`)
  .all(entity ?? null, entity ?? null, entityId ?? null, entityId ?? null) as { id: number; action: string; actor: string; user_id: number | null; before: string | null; after: string | null }[];

describe('the audit trail', () => {
  it('records create, update and delete of an activity with who, before and after', async () => {
    const me = (await t.http.get('/api/v1/auth/me')).body;
    const created = (await t.http.post('/api/v1/activities').send(validBody(r, { title: 'Spårad aktivitet' })).expect(201)).body;
    await t.http.put(`/api/v1/activities/${created.id}`).send({ ...validBody(r, { title: 'Spårad, ändrad' }), version: 1 }).expect(200);
    await t.http.delete(`/api/v1/activities/${created.id}`).expect(204);

    const rows = auditRows('activity', created.id);
    expect(rows.map((x) => x.action)).toEqual(['create', 'update', 'delete']);
    expect(rows.every((x) => x.user_id === me.user.id && x.actor.includes(me.user.username))).toBe(true);
    expect(JSON.parse(rows[0]!.after!).title).toBe('Spårad aktivitet');
    expect(rows[0]!.before).toBeNull();
    expect(JSON.parse(rows[1]!.before!).title).toBe('Spårad aktivitet');
    expect(JSON.parse(rows[1]!.after!).title).toBe('Spårad, ändrad');
    expect(JSON.parse(rows[2]!.before!).title).toBe('Spårad, ändrad');
    expect(rows[2]!.after).toBeNull();

    // The chief reads it newest first, also after the activity is gone.
    const trail = (await t.http.get(`/api/v1/activities/${created.id}/audit`).expect(200)).body;
    expect(trail.items.map((x: { action: string }) => x.action)).toEqual(['delete', 'update', 'create']);
    await t.http.get('/api/v1/activities/987654/audit').expect(404);
  });

  it('records reference data changes with before and after', async () => {
    const before = auditRows().length;
    const m = (await t.http.post('/api/v1/municipalities').send({ code: 'testby', name: 'Testby', sortOrder: 99 }).expect(201)).body;
    await t.http.patch(`/api/v1/municipalities/${m.id}`).send({ name: 'Testby kommun' }).expect(200);
    const s = (await t.http.post('/api/v1/staff').send({ name: 'Ny Medarbetare' }).expect(201)).body;
    const rows = auditRows().slice(before);
    expect(rows.map((x) => [x.action, x.action === 'create' ? JSON.parse(x.after!).name : JSON.parse(x.before!).name])).toEqual([
      ['create', 'Testby'], ['update', 'Testby'], ['create', 'Ny Medarbetare'],
    ]);
    expect(JSON.parse(rows[1]!.after!).name).toBe('Testby kommun');
    expect(auditRows('staff', s.id)).toHaveLength(1);
  });

  it('writes no audit row for a change that fails', async () => {
    const before = auditRows().length;
    await t.http.post('/api/v1/municipalities').send({ code: 'solna', name: 'Solna igen', sortOrder: 1 }).expect(409);
    await t.http.put('/api/v1/activities/987654').send({ ...validBody(r), version: 1 }).expect(404);
    expect(auditRows().length).toBe(before);
  });

  it('rolls the change back when its audit row cannot be written (same transaction)', async () => {
    const activities = countActivities(t);
    const db = t.app.db.$client;
    db.exec("create trigger audit_test_refuse before insert on audit_log begin select raise(abort, 'audit refused in test'); end");
    try {
      await t.http.post('/api/v1/activities').send(validBody(r, { title: 'Utan spår' })).expect(500);
      await t.http.post('/api/v1/staff').send({ name: 'Utan spår' }).expect(500);
    } finally {
      db.exec('drop trigger audit_test_refuse');
    }
    expect(countActivities(t)).toBe(activities);
    expect(db.prepare("select count(*) as n from staff where name = 'Utan spår'").get()).toEqual({ n: 0 });
  });

  it('cannot be changed or deleted, even straight in the database', async () => {
    await t.http.post('/api/v1/activities').send(validBody(r)).expect(201);
    const db = t.app.db.$client;
    const n = auditRows().length;
    expect(() => db.prepare("update audit_log set actor = 'någon annan'").run()).toThrow();
    expect(() => db.prepare('delete from audit_log').run()).toThrow();
    expect(auditRows().length).toBe(n);
  });

  it('pages newest first with a cursor and filters on entity', async () => {
    const all = auditRows().map((x) => x.id).reverse();
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: number }[]; nextCursor: string | null } } = await t.http.get('/api/v1/audit').query({ limit: 3, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...res.body.items.map((x) => x.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    const staffOnly = (await t.http.get('/api/v1/audit').query({ entity: 'staff', limit: 200 }).expect(200)).body.items;
    expect(staffOnly.map((x: { id: number }) => x.id)).toEqual(auditRows('staff').map((x) => x.id).reverse());
    await t.http.get('/api/v1/audit').query({ cursor: 'abc' }).expect(400);
  });
});

describe('locked years', () => {
  it('refuses creating, changing, deleting and moving activities in a locked year with 409, until it is unlocked', async () => {
    const in2018 = (await t.http.post('/api/v1/activities').send(validBody(r, { date: '2018-05-02' })).expect(201)).body;
    const in2019 = (await t.http.post('/api/v1/activities').send(validBody(r, { date: '2019-05-02' })).expect(201)).body;
    const lock = (await t.http.put('/api/v1/period-locks/2018').expect(200)).body;
    expect(lock.year).toBe(2018);
    expect((await t.http.get('/api/v1/period-locks').expect(200)).body.map((l: { year: number }) => l.year)).toEqual([2018]);

    const create = await t.http.post('/api/v1/activities').send(validBody(r, { date: '2018-06-01' })).expect(409);
    expect(create.body.message).toMatch(/2018 är låst.*verksamhetsberättelse/);
    await t.http.put(`/api/v1/activities/${in2018.id}`).send({ ...validBody(r, { date: '2018-05-03' }), version: 1 }).expect(409);
    await t.http.delete(`/api/v1/activities/${in2018.id}`).expect(409);
    // Out of the locked year, and into it.
    await t.http.put(`/api/v1/activities/${in2018.id}`).send({ ...validBody(r, { date: '2019-01-10' }), version: 1 }).expect(409);
    await t.http.put(`/api/v1/activities/${in2019.id}`).send({ ...validBody(r, { date: '2018-12-10' }), version: 1 }).expect(409);
    // Other years are untouched by the lock.
    await t.http.put(`/api/v1/activities/${in2019.id}`).send({ ...validBody(r, { date: '2019-06-10' }), version: 1 }).expect(200);

    await t.http.delete('/api/v1/period-locks/2018').expect(204);
    await t.http.delete('/api/v1/period-locks/2018').expect(404);
    await t.http.put(`/api/v1/activities/${in2018.id}`).send({ ...validBody(r, { date: '2018-05-03' }), version: 1 }).expect(200);
    expect(auditRows('period_lock', 2018).map((x) => x.action)).toEqual(['lock', 'unlock']);
  });

  it('is for the chief only', async () => {
    await (await t.as('medarbetare')).put('/api/v1/period-locks/2017').expect(403);
    await (await t.as('admin')).delete('/api/v1/period-locks/2017').expect(403);
  });
});

describe('a medarbetare', () => {
  it('records and edits only activities they are on', async () => {
    const staffId = r.staff[2]!;
    const m = await t.as('medarbetare', { staffId });
    const own = (await m.post('/api/v1/activities').send(validBody(r, { staffIds: [staffId, r.staff[0]] })).expect(201)).body;
    await m.post('/api/v1/activities').send(validBody(r, { staffIds: [r.staff[0]] })).expect(403);
    const others = (await t.http.post('/api/v1/activities').send(validBody(r, { staffIds: [r.staff[0]] })).expect(201)).body;

    await m.put(`/api/v1/activities/${own.id}`).send({ ...validBody(r, { title: 'Min egen', staffIds: [staffId] }), version: 1 }).expect(200);
    // Taking oneself off leaves an activity one could no longer edit: refused.
    await m.put(`/api/v1/activities/${own.id}`).send({ ...validBody(r, { staffIds: [r.staff[0]] }), version: 2 }).expect(403);
    await m.put(`/api/v1/activities/${others.id}`).send({ ...validBody(r, { staffIds: [staffId] }), version: 1 }).expect(403);
    await m.delete(`/api/v1/activities/${others.id}`).expect(403);
    await m.delete(`/api/v1/activities/${own.id}`).expect(204);
    await m.get(`/api/v1/activities/${others.id}`).expect(200);
  });
});

describe('no client data', () => {
  it('refuses a personnummer or samordningsnummer in title or description with 400 on the field', async () => {
    const n = countActivities(t);
    const title = await t.http.post('/api/v1/activities').send(validBody(r, { title: 'Möte om 811218-9876' })).expect(400);
    expect(title.body.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([['title', 'personal_identity_number']]);
    expect(title.body.fields[0].message).toMatch(/klientuppgifter/);
    const both = await t.http.post('/api/v1/activities').send(validBody(r, { title: 'Klient 19701063-2391', description: 'pnr 8112189876' })).expect(400);
    expect(both.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['description', 'title']);
    expect(countActivities(t)).toBe(n);
    await t.http.post('/api/v1/activities').send(validBody(r, { title: 'Seminarium 2018-03-14, ring 0701234568' })).expect(201);
    // A mobile number written as ten digits can look like a personnummer from 2007 with a valid check digit;
    // the message says how to write it so that it passes.
    const phone = await t.http.post('/api/v1/activities').send(validBody(r, { title: 'Ring 0701234502' })).expect(400);
    expect(phone.body.fields[0].message).toMatch(/telefonnummer, skriv det med mellanslag/);
    await t.http.post('/api/v1/activities').send(validBody(r, { title: 'Ring 070-123 45 02' })).expect(201);
  });
});

describe('accounts', () => {
  it('creates an account that must change its password, and refuses a taken username', async () => {
    const u = (await t.http.post('/api/v1/users').send({ username: 'Kalle.K', displayName: 'Kalle K', role: 'medarbetare', staffId: r.staff[1], password: 'startlösenord-12' }).expect(201)).body;
    expect(u).toMatchObject({ username: 'kalle.k', role: 'medarbetare', staffId: r.staff[1], mustChangePassword: true, active: true });
    expect(u).not.toHaveProperty('passwordHash');
    await t.http.post('/api/v1/users').send({ username: 'kalle.k', displayName: 'Annan', role: 'rad', password: 'startlösenord-12' }).expect(409);
    const bad = await t.http.post('/api/v1/users').send({ username: 'x2', displayName: 'X', role: 'medarbetare', staffId: 987654, password: 'kort' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['password']);
    const audit = auditRows('user', u.id);
    expect(audit.map((x) => x.action)).toEqual(['create']);
    expect(audit[0]!.after).not.toMatch(/argon2/);
  });

  it('lets admin manage accounts but not activities', async () => {
    const a = await t.as('admin');
    await a.post('/api/v1/users').send({ username: 'av-admin', displayName: 'Av admin', role: 'rad', password: 'startlösenord-12' }).expect(201);
    await a.post('/api/v1/activities').send(validBody(r)).expect(403);
  });
  it('never lets the last active admin go', async () => {
    type U = { id: number; role: string; active: boolean };
    const admins = (await t.http.get('/api/v1/users').expect(200)).body.filter((u: U) => u.role === 'admin' && u.active) as U[];
    expect(admins.length).toBeGreaterThan(0);
    const [last, ...others] = admins;
    for (const o of others) await t.http.patch(`/api/v1/users/${o.id}`).send({ active: false }).expect(200);
    const refused = await t.http.patch(`/api/v1/users/${last!.id}`).send({ active: false }).expect(409);
    expect(refused.body.message).toMatch(/sista aktiva admin/);
    await t.http.patch(`/api/v1/users/${last!.id}`).send({ role: 'chef' }).expect(409);
    const second = (await t.http.post('/api/v1/users').send({ username: 'admin2', displayName: 'Admin två', role: 'admin', password: 'startlösenord-12' }).expect(201)).body;
    await t.http.patch(`/api/v1/users/${last!.id}`).send({ active: false }).expect(200);
    await t.http.patch(`/api/v1/users/${second.id}`).send({ active: false }).expect(409);
    await t.http.patch(`/api/v1/users/${last!.id}`).send({ active: true }).expect(200);
  });

  it('resets a password: the account must change it, and its sessions end', async () => {
    const m = await t.as('rad');
    const me = (await m.get('/api/v1/auth/me').expect(200)).body;
    const reset = (await t.http.patch(`/api/v1/users/${me.user.id}`).send({ password: 'nytt-start-lösen-1' }).expect(200)).body;
    expect(reset.mustChangePassword).toBe(true);
    await m.get('/api/v1/auth/me').expect(401);
    await t.anon.post('/api/v1/auth/login').send({ username: me.user.username, password: 'nytt-start-lösen-1' }).expect(200);
  });
});
