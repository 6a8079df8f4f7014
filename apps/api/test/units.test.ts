/**
 * Several FoU units in one install (issue 14): the install administrator's routes, a new unit's first admin, the
 * install's own accounts, the per-unit reference version, the first start's install admin and the demo's second unit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

type Agent = ReturnType<typeof supertest.agent>;
let t: TestApp;
let install: Agent;

beforeAll(async () => {
  t = await makeTestApp();
  install = await t.asInstall('installation');
});
afterAll(async () => t.close());

const sql = <T>(q: string, ...args: unknown[]) => t.app.db.$client.prepare(q).all(...args) as T[];

async function signIn(username: string, password: string): Promise<Agent> {
  const agent = supertest.agent(t.app.server);
  const res = await agent.post('/api/v1/auth/login').send({ username, password }).expect(200);
  agent.set('x-csrf-token', res.body.csrfToken as string);
  return agent;
}

describe('units', () => {
  it('lists the first unit with its counts', async () => {
    const list = (await install.get('/api/v1/units').expect(200)).body as { code: string; name: string; accounts: number; activities: number; shortName: string; county: string }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ code: 'nordvast', name: 'FoU Nordväst', shortName: 'Nordväst', county: 'Stockholms län', sharesComparison: false, activities: 0 });
    const accounts = sql<{ n: number }>('select count(*) as n from users where unit_id = 1 and active = 1')[0]!.n;
    expect(list[0]!.accounts).toBe(accounts);
  });

  it('creates a unit with the standard registers and no municipalities, recorded in its own audit trail', async () => {
    const res = await install.post('/api/v1/units').send({ name: 'FoU Test Syd', shortName: 'Test Syd', county: 'Skåne län' }).expect(201);
    expect(res.body).toMatchObject({ code: 'test-syd', name: 'FoU Test Syd', shortName: 'Test Syd', county: 'Skåne län', sharesComparison: false, accounts: 0, activities: 0 });
    const id = res.body.id as number;
    const count = (table: string, unit: number) => sql<{ n: number }>(`select count(*) as n from ${table} where unit_id = ?`, unit)[0]!.n;
    for (const table of ['areas', 'goal_frameworks', 'activity_types']) expect(count(table, id)).toBe(count(table, t.unitId));
    expect(sql<{ code: string }>('select code from goal_frameworks where unit_id = ? order by code', id).map((r) => r.code)).toEqual(['vp2018', 'vp2024']);
    expect(sql<{ n: number }>('select count(*) as n from goals g join goal_frameworks f on f.id = g.framework_id where f.unit_id = ?', id)[0]!.n).toBe(8);
    expect(count('municipalities', id)).toBe(0);
    const audit = sql<{ entity: string; action: string; entity_id: number; actor: string }>('select entity, action, entity_id, actor from audit_log where unit_id = ?', id);
    expect(audit).toEqual([expect.objectContaining({ entity: 'unit', action: 'create', entity_id: id })]);
    expect(audit[0]!.actor).toMatch(/test-installation/);
  });

  it('takes a given code', async () => {
    const res = await install.post('/api/v1/units').send({ name: 'FoU Kod', shortName: 'Kod', county: 'Uppsala län', code: 'fou-kod-1' }).expect(201);
    expect(res.body.code).toBe('fou-kod-1');
  });

  it('answers 400 naming each bad field', async () => {
    const fieldsOf = async (body: object) => ((await install.post('/api/v1/units').send(body).expect(400)).body.fields as { field: string }[]).map((f) => f.field).sort();
    expect(await fieldsOf({})).toEqual(['county', 'name', 'shortName']);
    expect(await fieldsOf({ name: '', shortName: 'A', county: 'B' })).toEqual(['name']);
    expect(await fieldsOf({ name: 'A', shortName: 'x'.repeat(41), county: 'B' })).toEqual(['shortName']);
    expect(await fieldsOf({ name: 'A', shortName: 'A', county: 'B', code: 'Stora Bokstäver' })).toEqual(['code']);
    expect(await fieldsOf({ name: 'A', shortName: 'A', county: 'B', extra: 1 })).toEqual(['extra']);
    expect(await fieldsOf({ name: 'Enhet 19121212-1212', shortName: 'A', county: 'B' })).toEqual(['name']);
    const patch = await install.patch(`/api/v1/units/${t.unitId}`).send({ county: '' }).expect(400);
    expect(patch.body.fields.map((f: { field: string }) => f.field)).toEqual(['county']);
  });

  it('answers 409 on a taken code or name (in any case), and changes nothing', async () => {
    const before = sql<{ n: number }>('select count(*) as n from units')[0]!.n;
    const code = await install.post('/api/v1/units').send({ name: 'Annat namn', shortName: 'X', county: 'Y', code: 'nordvast' }).expect(409);
    expect(code.body.code).toBe('already_exists');
    const name = await install.post('/api/v1/units').send({ name: 'fou nordväst', shortName: 'Ny', county: 'Y' }).expect(409);
    expect(name.body.code).toBe('already_exists');
    expect(sql<{ n: number }>('select count(*) as n from units')[0]!.n).toBe(before);
    const other = (await install.post('/api/v1/units').send({ name: 'FoU Andra', shortName: 'Andra', county: 'Y' }).expect(201)).body.id as number;
    await install.patch(`/api/v1/units/${other}`).send({ name: 'FoU Nordväst' }).expect(409);
  });

  it('updates name, short name and county, and 404s an unknown unit', async () => {
    const id = (await install.post('/api/v1/units').send({ name: 'FoU Ändra', shortName: 'Ändra', county: 'Gävleborgs län' }).expect(201)).body.id as number;
    const res = await install.patch(`/api/v1/units/${id}`).send({ name: 'FoU Ändrad', shortName: 'Ändrad', county: 'Dalarnas län' }).expect(200);
    expect(res.body).toMatchObject({ id, code: 'andra-2', name: 'FoU Ändrad', shortName: 'Ändrad', county: 'Dalarnas län' });
    expect(sql<{ action: string }>("select action from audit_log where unit_id = ? and entity = 'unit' order by id", id).map((r) => r.action)).toEqual(['create', 'update']);
    await install.patch('/api/v1/units/99999').send({ name: 'X' }).expect(404);
    await install.post('/api/v1/units/99999/admins').send({ username: 'nobody', displayName: 'N' }).expect(404);
  });
});

describe("a new unit's first admin", () => {
  it('signs in with the one-time password, must change it, then works only in the new unit', async () => {
    const unit = (await install.post('/api/v1/units').send({ name: 'FoU Ny', shortName: 'Ny', county: 'Hallands län' }).expect(201)).body as { id: number };
    const made = await install.post(`/api/v1/units/${unit.id}/admins`).send({ username: 'Ny.Admin', displayName: 'Ny administratör' }).expect(201);
    expect(made.body.user).toMatchObject({ username: 'ny.admin', role: 'admin', unitId: unit.id });
    const otp = made.body.oneTimePassword as string;
    expect(otp.length).toBeGreaterThanOrEqual(12);
    expect(sql<{ h: string }>("select password_hash as h from users where username = 'ny.admin'")[0]!.h).toMatch(/^\$argon2id\$/);

    const admin = await signIn('ny.admin', otp);
    const me = (await admin.get('/api/v1/auth/me').expect(200)).body;
    expect(me).toMatchObject({ role: 'admin', mustChangePassword: true, unit: { id: unit.id, name: 'FoU Ny', shortName: 'Ny' } });
    expect((await admin.get('/api/v1/users').expect(403)).body.code).toBe('must_change_password');
    await admin.post('/api/v1/auth/password').send({ currentPassword: otp, newPassword: 'ny-enhets-eget-lösen-4' }).expect(204);

    // Its accounts are the new unit's: the first unit's are not there, and one it makes lands in the new unit.
    const users = (await admin.get('/api/v1/users').expect(200)).body as { username: string }[];
    expect(users.map((u) => u.username)).toEqual(['ny.admin']);
    const chief = await admin.post('/api/v1/users').send({ username: 'ny.chef', displayName: 'Ny chef', role: 'chef', password: 'nya-chefens-start-88' }).expect(201);
    expect(sql<{ unit_id: number }>('select unit_id from users where id = ?', chief.body.id)[0]!.unit_id).toBe(unit.id);
    expect((await t.http.get('/api/v1/users').expect(200)).body.map((u: { username: string }) => u.username)).not.toContain('ny.chef');

    // The chief sees the new unit's registers: the standard ones, no owners yet; and the first unit's activity is not there.
    const c = await signIn('ny.chef', 'nya-chefens-start-88');
    await c.post('/api/v1/auth/password').send({ currentPassword: 'nya-chefens-start-88', newPassword: 'nya-chefens-eget-lösen-5' }).expect(204);
    expect((await c.get('/api/v1/municipalities').expect(200)).body).toEqual([]);
    const ownAreas = (await c.get('/api/v1/areas').expect(200)).body as { id: number }[];
    const unitAreaIds = sql<{ id: number }>('select id from areas where unit_id = ?', unit.id).map((r) => r.id).sort();
    expect(ownAreas.map((a) => a.id).sort()).toEqual(unitAreaIds);
    expect((await c.get('/api/v1/activities').expect(200)).body.items ?? []).toEqual([]);

    // The install administrator makes no second admin for a unit that has one.
    expect((await install.post(`/api/v1/units/${unit.id}/admins`).send({ username: 'ny.admin2', displayName: 'X' }).expect(409)).body.code).toBe('unit_has_admin');
    expect(sql<{ entity: string; action: string }>("select entity, action from audit_log where unit_id = ? and entity in ('unit', 'user') order by id limit 2", unit.id))
      .toEqual([{ entity: 'unit', action: 'create' }, { entity: 'user', action: 'create' }]);
  });

  it('409s a username taken anywhere in the install, with the same answer whoever has it', async () => {
    const unit = (await install.post('/api/v1/units').send({ name: 'FoU Namn', shortName: 'Namn', county: 'Hallands län' }).expect(201)).body as { id: number };
    const chiefName = sql<{ username: string }>("select username from users where unit_id = ? and role = 'chef' limit 1", t.unitId)[0]!.username;
    const a = await install.post(`/api/v1/units/${unit.id}/admins`).send({ username: chiefName, displayName: 'X' }).expect(409);
    await install.post('/api/v1/install/accounts').send({ username: 'reg.namn', displayName: 'R', role: 'region', county: 'Hallands län' }).expect(201);
    const b = await install.post(`/api/v1/units/${unit.id}/admins`).send({ username: 'REG.NAMN', displayName: 'X' }).expect(409);
    expect(a.body.code).toBe('already_exists');
    expect(b.body.code).toBe('already_exists');
    expect(a.body.message.replace(chiefName, '·')).toBe(b.body.message.replace('reg.namn', '·'));
    expect(a.body.message).not.toMatch(/Nordväst|enhet/i);
    // And a unit admin cannot take an install account's name either.
    const unitAdmin = await t.as('admin');
    expect((await unitAdmin.post('/api/v1/users').send({ username: 'reg.namn', displayName: 'Y', role: 'rad', password: 'ett-långt-lösen-77' }).expect(409)).body.message).toMatch(/upptaget/);
  });

  it('400s bad fields', async () => {
    const res = await install.post(`/api/v1/units/${t.unitId}/admins`).send({ username: 'a b', displayName: '' }).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['displayName', 'username']);
  });
});

describe("the install's own accounts", () => {
  it('creates an installation and a region account with one-time passwords; region needs a county, installation has none', async () => {
    const reg = await install.post('/api/v1/install/accounts').send({ username: 'region.sthlm', displayName: 'Region Stockholm', role: 'region', county: 'Stockholms län' }).expect(201);
    expect(reg.body.account).toMatchObject({ username: 'region.sthlm', role: 'region', county: 'Stockholms län', active: true, mustChangePassword: true });
    expect(sql<{ unit_id: number | null }>("select unit_id from users where username = 'region.sthlm'")[0]!.unit_id).toBeNull();
    const inst = await install.post('/api/v1/install/accounts').send({ username: 'inst.två', displayName: 'I' , role: 'installation' }).expect(400);
    expect(inst.body.fields.map((f: { field: string }) => f.field)).toEqual(['username']);
    await install.post('/api/v1/install/accounts').send({ username: 'inst.tva', displayName: 'Andra installationsadministratören', role: 'installation' }).expect(201);
    expect((await install.post('/api/v1/install/accounts').send({ username: 'r2', displayName: 'R', role: 'region' }).expect(400)).body.fields[0].field).toBe('county');
    expect((await install.post('/api/v1/install/accounts').send({ username: 'i3', displayName: 'I', role: 'installation', county: 'Skåne län' }).expect(400)).body.fields[0].field).toBe('county');
    expect((await install.post('/api/v1/install/accounts').send({ username: 'x', displayName: 'I', role: 'admin' }).expect(400)).body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['role', 'username']);
    expect((await install.post('/api/v1/install/accounts').send({ username: 'region.sthlm', displayName: 'R', role: 'region', county: 'X' }).expect(409)).body.code).toBe('already_exists');

    const list = (await install.get('/api/v1/install/accounts').expect(200)).body as { username: string; role: string }[];
    expect(list.map((a) => a.username)).toEqual(expect.arrayContaining(['installation', 'region.sthlm', 'inst.tva']));
    expect(list.every((a) => a.role === 'installation' || a.role === 'region')).toBe(true);

    // The region account signs in with its one-time password and must change it first.
    const r = await signIn('region.sthlm', reg.body.oneTimePassword as string);
    expect((await r.get('/api/v1/auth/me').expect(200)).body).toMatchObject({ role: 'region', unit: null, mustChangePassword: true });
  });

  it('deactivates an account (its sessions end), never the last active install administrator, and 404s a unit account', async () => {
    const made = await install.post('/api/v1/install/accounts').send({ username: 'ska.bort', displayName: 'Ska bort', role: 'region', county: 'Uppsala län' }).expect(201);
    const agent = await signIn('ska.bort', made.body.oneTimePassword as string);
    await agent.get('/api/v1/auth/me').expect(200);
    const off = await install.patch(`/api/v1/install/accounts/${made.body.account.id}`).send({ active: false }).expect(200);
    expect(off.body.active).toBe(false);
    await agent.get('/api/v1/auth/me').expect(401);
    await supertest(t.app.server).post('/api/v1/auth/login').send({ username: 'ska.bort', password: made.body.oneTimePassword }).expect(401);

    const chiefId = sql<{ id: number }>("select id from users where unit_id = ? and role = 'chef' limit 1", t.unitId)[0]!.id;
    await install.patch(`/api/v1/install/accounts/${chiefId}`).send({ active: false }).expect(404);
    await install.patch('/api/v1/install/accounts/99999').send({ active: false }).expect(404);
    expect((await install.patch('/api/v1/install/accounts/1').send({ bogus: true }).expect(400)).body.fields[0].field).toBe('bogus');

    // Deactivate every other installation account; the last one, the one signed in here, stays.
    const own = ((await install.get('/api/v1/auth/me').expect(200)).body.user as { id: number }).id;
    const others = sql<{ id: number }>("select id from users where role = 'installation' and active = 1 and id <> ? order by id", own);
    expect(others.length).toBeGreaterThan(0);
    for (const a of others) await install.patch(`/api/v1/install/accounts/${a.id}`).send({ active: false }).expect(200);
    const last = await install.patch(`/api/v1/install/accounts/${own}`).send({ active: false });
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('last_install_admin');
  });
});

describe('the reference version is per unit', () => {
  it("a change to unit B's areas moves B's counter and leaves A's alone", async () => {
    const unitB = (await install.post('/api/v1/units').send({ name: 'FoU Version', shortName: 'Version', county: 'X län' }).expect(201)).body.id as number;
    const version = (unit: number) => sql<{ version: number }>('select version from unit_reference_versions where unit_id = ?', unit)[0]?.version ?? 0;
    const a0 = version(t.unitId);
    const b0 = version(unitB);
    const admin = await install.post(`/api/v1/units/${unitB}/admins`).send({ username: 'version.admin', displayName: 'V' }).expect(201);
    const adminB = await signIn('version.admin', admin.body.oneTimePassword as string);
    await adminB.post('/api/v1/auth/password').send({ currentPassword: admin.body.oneTimePassword, newPassword: 'versions-eget-lösen-3' }).expect(204);
    const chiefB = await adminB.post('/api/v1/users').send({ username: 'version.chef', displayName: 'V chef', role: 'chef', password: 'versions-chefens-start-1' }).expect(201);
    expect(chiefB.status).toBe(201);
    const c = await signIn('version.chef', 'versions-chefens-start-1');
    await c.post('/api/v1/auth/password').send({ currentPassword: 'versions-chefens-start-1', newPassword: 'versions-chefens-eget-2' }).expect(204);
    await c.post('/api/v1/areas').send({ code: 'nytt', name: 'Nytt område' }).expect(201);
    expect(version(unitB)).toBeGreaterThan(b0);
    expect(version(t.unitId)).toBe(a0);
    // And the other way round.
    const b1 = version(unitB);
    await t.http.post('/api/v1/areas').send({ code: 'nytt', name: 'Nytt område i A' }).expect(201);
    expect(version(t.unitId)).toBeGreaterThan(a0);
    expect(version(unitB)).toBe(b1);
  });
});

describe('first start', () => {
  it('creates the install administrator `installation` with its own one-time password on the banner line', async () => {
    const stream = new PassThrough();
    let log = '';
    stream.on('data', (b: Buffer) => { log += b.toString(); });
    const f = await makeTestApp({ logLevel: 'warn', logStream: stream });
    try {
      const rows = f.app.db.$client.prepare("select username, unit_id as unitId, must_change_password as m from users where role = 'installation'").all();
      expect(rows).toEqual([{ username: 'installation', unitId: null, m: 1 }]);
      const banner = log.trim().split('\n').map((l) => JSON.parse(l) as { msg: string }).find((l) => /FÖRSTA START/.test(l.msg))!.msg;
      // The admin's password comes first on the line (the end-to-end run reads the first one).
      const admin = banner.match(/engångslösenordet (\S+)/)![1]!;
      const inst = banner.match(/"installation" \(lägger upp FoU-enheter\) fick engångslösenordet (\S+)$/)![1]!;
      expect(admin).not.toBe(inst);
      const agent = supertest.agent(f.app.server);
      const res = await agent.post('/api/v1/auth/login').send({ username: 'installation', password: inst }).expect(200);
      expect(res.body).toMatchObject({ role: 'installation', mustChangePassword: true, unit: null });
    } finally {
      await f.close();
    }
  });

  it('takes FOU_INSTALL_ADMIN_PASSWORD, and makes no second install administrator on restart', async () => {
    const f = await makeTestApp({ installAdminPassword: 'servern-startar-med-42' });
    try {
      await supertest(f.app.server).post('/api/v1/auth/login').send({ username: 'installation', password: 'servern-startar-med-42' }).expect(200);
    } finally {
      await f.app.close();
    }
    const { buildApp } = await import('../src/app.ts');
    const again = await buildApp({ port: 0, host: '127.0.0.1', databasePath: f.databasePath, webDist: '/nonexistent', logLevel: 'silent', demo: false });
    const n = again.db.$client.prepare("select count(*) as n from users where role = 'installation'").get();
    await again.close();
    fs.rmSync(f.dir, { recursive: true, force: true });
    expect(n).toEqual({ n: 1 });
  });
});

describe('the demo', () => {
  it('has two units sharing their aggregates, with Södertörn’s ten owners and their 2019 budget as fee', async () => {
    const d = await makeTestApp({ demo: true });
    try {
      const db = d.app.db.$client;
      expect(db.prepare('select code, name, short_name as shortName, county, shares_comparison as s from units order by id').all()).toEqual([
        { code: 'nordvast', name: 'FoU Nordväst', shortName: 'Nordväst', county: 'Stockholms län', s: 1 },
        { code: 'sodertorn', name: 'FoU Södertörn', shortName: 'Södertörn', county: 'Stockholms län', s: 1 },
      ]);
      const source = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../src/seed/data/sodertorn-2019.json'), 'utf8')) as { budget_2019_sek: { municipality: string; budget: number }[] };
      const fees = db.prepare(`select m.name, y.fee_sek as fee from municipalities m join units u on u.id = m.unit_id
        join municipality_years y on y.municipality_id = m.id and y.year = 2019 where u.code = 'sodertorn' order by m.sort_order`).all() as { name: string; fee: number }[];
      expect(fees.map((f) => f.name)).toEqual(['Botkyrka', 'Haninge', 'Huddinge', 'Nacka', 'Nykvarn', 'Nynäshamn', 'Salem', 'Södertälje', 'Tyresö', 'Värmdö']);
      expect(Object.fromEntries(fees.map((f) => [f.name, f.fee]))).toEqual(Object.fromEntries(source.budget_2019_sek.map((b) => [b.municipality, b.budget])));
      expect(fees.reduce((a, f) => a + f.fee, 0)).toBe(5_731_000);

      // Södertörn's own demo year: 2019 only, its areas, all ten owners reached; Nordväst's years stay its own.
      const years = db.prepare("select year, count(*) as n from activities a join units u on u.id = a.unit_id where u.code = 'sodertorn' group by year").all();
      expect(years).toEqual([{ year: 2019, n: 146 }]);
      const reached = db.prepare(`select count(distinct am.municipality_id) as n from activity_municipalities am join activities a on a.id = am.activity_id
        join units u on u.id = a.unit_id where u.code = 'sodertorn'`).get();
      expect(reached).toEqual({ n: 10 });
      const crossed = db.prepare(`select count(*) as n from activities a join areas ar on ar.id = a.area_id where ar.unit_id <> a.unit_id`).get();
      expect(crossed).toEqual({ n: 0 });
      const fh = db.prepare("select count(*) as n from activities a join areas ar on ar.id = a.area_id where ar.code = 'funktionshinder'").get() as { n: number };
      expect(fh.n).toBeGreaterThan(50);

      // Södertörn's chief sees Södertörn: the header's unit, its owners, its year.
      const list = (await d.anon.get('/api/v1/auth/demo-accounts').expect(200)).body as { username: string; password: string; unit: string | null }[];
      const chef = list.find((a) => a.username === 'chef.sodertorn')!;
      const agent = supertest.agent(d.app.server);
      const me = (await agent.post('/api/v1/auth/login').send({ username: chef.username, password: chef.password }).expect(200)).body;
      expect(me.unit).toMatchObject({ name: 'FoU Södertörn', shortName: 'Södertörn' });
      expect(((await agent.get('/api/v1/municipalities').expect(200)).body as { name: string }[]).map((m) => m.name)).toContain('Salem');
      const region = list.find((a) => a.username === 'region')!;
      expect(region.unit).toBeNull();
      expect(d.app.db.$client.prepare("select county from users where username = 'region'").get()).toEqual({ county: 'Stockholms län' });
    } finally {
      await d.close();
    }
  }, 60_000);
});
