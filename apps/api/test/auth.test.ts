import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { makeTestApp, TEST_PASSWORD, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp(); });
afterAll(async () => { await t.close(); });

const sessionCookie = (res: { headers: Record<string, unknown> }) => {
  const cookies = (res.headers['set-cookie'] ?? []) as string[];
  return cookies.find((c) => c.startsWith('fou_session='));
};

/** Creates an account through the API (as the helper's chief) and returns its username. */
async function newAccount(role: string, password = 'ett-långt-lösenord-1'): Promise<string> {
  const username = `u${Math.random().toString(36).slice(2, 10)}`;
  await t.http.post('/api/v1/users').send({ username, displayName: `Konto ${username}`, role, password }).expect(201);
  return username;
}

async function signIn(username: string, password: string) {
  const agent = supertest.agent(t.app.server);
  const res = await agent.post('/api/v1/auth/login').send({ username, password }).expect(200);
  agent.set('x-csrf-token', res.body.csrfToken as string);
  return { agent, res };
}

describe('login, me, logout', () => {
  it('signs in with a session cookie that is httpOnly, SameSite=Lax, Path=/ and not Secure over http', async () => {
    const username = await newAccount('rad');
    const { agent, res } = await signIn(username, 'ett-långt-lösenord-1');
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/^fou_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.body).toMatchObject({ user: { username }, role: 'rad', staffId: null, mustChangePassword: true });

    const me = (await agent.get('/api/v1/auth/me').expect(200)).body;
    expect(me.csrfToken).toBe(res.body.csrfToken);
    // The database holds the token's hash, never the token.
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const ids = (t.app.db.$client.prepare('select id from sessions').all() as { id: string }[]).map((r) => r.id);
    expect(ids).not.toContain(token);
    const { createHash } = await import('node:crypto');
    expect(ids).toContain(createHash('sha256').update(token).digest('hex'));

    await agent.post('/api/v1/auth/logout').expect(204);
    await agent.get('/api/v1/auth/me').expect(401);
  });

  it('marks the cookie Secure when a trusted proxy says the request came over https', async () => {
    const p = await makeTestApp({ trustProxy: 1, adminPassword: 'första-startlösenordet-7' });
    try {
      const res = await p.anon.post('/api/v1/auth/login').set('x-forwarded-proto', 'https')
        .send({ username: 'admin', password: 'första-startlösenordet-7' }).expect(200);
      expect(sessionCookie(res)).toMatch(/Secure/);
    } finally {
      await p.close();
    }
  });

  it('refuses a wrong password, an unknown account and a deactivated one with the same 401', async () => {
    const username = await newAccount('rad');
    const wrong = await t.anon.post('/api/v1/auth/login').send({ username, password: 'fel-lösenord-123' }).expect(401);
    const unknown = await t.anon.post('/api/v1/auth/login').send({ username: 'finns-inte', password: 'fel-lösenord-123' }).expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    const id = (t.app.db.$client.prepare('select id from users where username = ?').get(username) as { id: number }).id;
    await t.http.patch(`/api/v1/users/${id}`).send({ active: false }).expect(200);
    await t.anon.post('/api/v1/auth/login').send({ username, password: 'ett-långt-lösenord-1' }).expect(401);
  });

  it('accepts the username in any case', async () => {
    const username = await newAccount('rad');
    await signIn(username.toUpperCase(), 'ett-långt-lösenord-1');
  });

  it('hashes with argon2id at 46 MiB and one pass, and redoes an older hash at the next sign-in', async () => {
    const username = await newAccount('rad');
    const hashOf = () => (t.app.db.$client.prepare('select password_hash as h from users where username = ?').get(username) as { h: string }).h;
    expect(hashOf()).toMatch(/^\$argon2id\$v=19\$m=47104,p=1,t=1\$/);
    // An account from before: the library's default settings (64 MiB, three passes).
    const { default: argon2 } = await import('argon2');
    const old = await argon2.hash('ett-långt-lösenord-1', { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 4 });
    t.app.db.$client.prepare('update users set password_hash = ? where username = ?').run(old, username);
    await t.anon.post('/api/v1/auth/login').send({ username, password: 'fel-lösenord-123' }).expect(401);
    expect(hashOf()).toBe(old);
    await signIn(username, 'ett-långt-lösenord-1');
    expect(hashOf()).toMatch(/^\$argon2id\$v=19\$m=47104,p=1,t=1\$/);
    await signIn(username, 'ett-långt-lösenord-1');
  });
});

describe('session expiry', () => {
  it('refuses and purges a session past its idle expiry', async () => {
    const username = await newAccount('rad');
    const { agent } = await signIn(username, 'ett-långt-lösenord-1');
    const userId = (t.app.db.$client.prepare('select id from users where username = ?').get(username) as { id: number }).id;
    t.app.db.$client.prepare('update sessions set expires_at = ? where user_id = ?').run(new Date(Date.now() - 1000).toISOString(), userId);
    await agent.get('/api/v1/auth/me').expect(401);
    expect(t.app.db.$client.prepare('select count(*) as n from sessions where user_id = ?').get(userId)).toEqual({ n: 0 });
  });

  it('refuses a session older than seven days however recently it was used', async () => {
    const username = await newAccount('rad');
    const { agent } = await signIn(username, 'ett-långt-lösenord-1');
    const userId = (t.app.db.$client.prepare('select id from users where username = ?').get(username) as { id: number }).id;
    t.app.db.$client.prepare('update sessions set created_at = ? where user_id = ?').run(new Date(Date.now() - 7 * 86400_000 - 1000).toISOString(), userId);
    await agent.get('/api/v1/auth/me').expect(401);
  });

  it('slides the idle expiry forward on use', async () => {
    const username = await newAccount('rad');
    const { agent } = await signIn(username, 'ett-långt-lösenord-1');
    const userId = (t.app.db.$client.prepare('select id from users where username = ?').get(username) as { id: number }).id;
    const soon = new Date(Date.now() + 3600_000).toISOString();
    t.app.db.$client.prepare('update sessions set expires_at = ? where user_id = ?').run(soon, userId);
    await agent.get('/api/v1/auth/me').expect(200);
    const after = (t.app.db.$client.prepare('select expires_at as e from sessions where user_id = ?').get(userId) as { e: string }).e;
    expect(Date.parse(after)).toBeGreaterThan(Date.now() + 7 * 3600_000);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the header or with a wrong one, and allows reads', async () => {
    const username = await newAccount('chef');
    const { agent } = await signIn(username, 'ett-långt-lösenord-1');
    const cookie = sessionCookie(await supertest(t.app.server).post('/api/v1/auth/login').send({ username, password: 'ett-långt-lösenord-1' }))!.split(';')[0]!;
    const bare = () => supertest(t.app.server);
    const noHeader = await bare().post('/api/v1/auth/password').set('Cookie', cookie).send({ currentPassword: 'ett-långt-lösenord-1', newPassword: 'ett-nytt-lösenord-2' });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.message).toMatch(/CSRF/);
    await bare().post('/api/v1/auth/logout').set('Cookie', cookie).set('x-csrf-token', 'fel').expect(403);
    await bare().get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    // The other session's token does not fit this one.
    const other = (await agent.get('/api/v1/auth/me')).body.csrfToken as string;
    await bare().post('/api/v1/auth/logout').set('Cookie', cookie).set('x-csrf-token', other).expect(403);
  });
});

describe('changing one\'s password', () => {
  it('needs the current password and 12 characters, clears the flag and ends the other sessions', async () => {
    const username = await newAccount('medarbetare');
    const first = await signIn(username, 'ett-långt-lösenord-1');
    const second = await signIn(username, 'ett-långt-lösenord-1');
    await first.agent.get('/api/v1/activities').expect(403);

    const short = await first.agent.post('/api/v1/auth/password').send({ currentPassword: 'ett-långt-lösenord-1', newPassword: 'kort' }).expect(400);
    expect(short.body.fields.map((f: { field: string }) => f.field)).toEqual(['newPassword']);
    const wrong = await first.agent.post('/api/v1/auth/password').send({ currentPassword: 'fel-fel-fel-fel', newPassword: 'ett-nytt-lösenord-2' }).expect(400);
    expect(wrong.body.fields.map((f: { field: string }) => f.field)).toEqual(['currentPassword']);

    await first.agent.post('/api/v1/auth/password').send({ currentPassword: 'ett-långt-lösenord-1', newPassword: 'ett-nytt-lösenord-2' }).expect(204);
    expect((await first.agent.get('/api/v1/auth/me').expect(200)).body.mustChangePassword).toBe(false);
    await first.agent.get('/api/v1/activities').expect(200);
    await second.agent.get('/api/v1/auth/me').expect(401);
    await t.anon.post('/api/v1/auth/login').send({ username, password: 'ett-långt-lösenord-1' }).expect(401);
    await signIn(username, 'ett-nytt-lösenord-2');
  });
});

describe('first start', () => {
  it('creates admin with the configured one-time password that must be changed before anything else', async () => {
    const f = await makeTestApp({ adminPassword: 'första-lösenordet-1' });
    try {
      const admins = f.app.db.$client.prepare("select username, role, must_change_password as m, password_hash as h from users where role = 'admin'").all() as { username: string; m: number; h: string }[];
      expect(admins).toHaveLength(1);
      expect(admins[0]).toMatchObject({ username: 'admin', m: 1 });
      expect(admins[0]!.h).toMatch(/^\$argon2id\$/);

      const agent = supertest.agent(f.app.server);
      const login = await agent.post('/api/v1/auth/login').send({ username: 'admin', password: 'första-lösenordet-1' }).expect(200);
      agent.set('x-csrf-token', login.body.csrfToken as string);
      expect(login.body.mustChangePassword).toBe(true);
      const blocked = await agent.get('/api/v1/users').expect(403);
      expect(blocked.body.message).toMatch(/byta lösenord/);
      expect(blocked.body.code).toBe('must_change_password');
      await agent.get('/api/v1/auth/me').expect(200);
      await agent.post('/api/v1/auth/password').send({ currentPassword: 'första-lösenordet-1', newPassword: 'ett-eget-lösenord-9' }).expect(204);
      await agent.get('/api/v1/users').expect(200);
    } finally {
      await f.close();
    }
  });

  it('makes a random password when none is configured, and no second admin on restart', async () => {
    const f = await makeTestApp();
    try {
      const hashes = f.app.db.$client.prepare("select password_hash as h from users where username = 'admin'").all() as { h: string }[];
      expect(hashes).toHaveLength(1);
      expect(hashes[0]!.h).toMatch(/^\$argon2id\$/);
    } finally {
      await f.app.close();
    }
    const { buildApp } = await import('../src/app.ts');
    const again = await buildApp({ port: 0, host: '127.0.0.1', databasePath: f.databasePath, webDist: '/nonexistent', logLevel: 'silent', demo: false });
    const n = again.db.$client.prepare('select count(*) as n from users').get() as { n: number };
    await again.close();
    const fs = await import('node:fs');
    fs.rmSync(f.dir, { recursive: true, force: true });
    // admin, the install administrator and the helper's chief, as before the restart.
    expect(n.n).toBe(3);
  });
});

describe('demo accounts', () => {
  it('are listed only in demo mode, one per role, and each can sign in', async () => {
    await t.anon.get('/api/v1/auth/demo-accounts').expect(404);
    const d = await makeTestApp({ demo: true });
    try {
      const list = (await d.anon.get('/api/v1/auth/demo-accounts').expect(200)).body as { username: string; password: string; role: string; unit: string | null }[];
      // One per role in each of the demo's two units (Nordväst also a council representative linked to Sigtuna),
      // and the install's own two.
      const roles = (unit: string | null) => list.filter((a) => a.unit === unit).map((a) => a.role).sort();
      expect(roles('FoU Nordväst')).toEqual(['admin', 'chef', 'medarbetare', 'rad', 'rad']);
      expect(roles('FoU Södertörn')).toEqual(['admin', 'chef', 'medarbetare', 'rad']);
      expect(roles(null)).toEqual(['installation', 'region']);
      for (const a of list) {
        const res = await d.anon.post('/api/v1/auth/login').send({ username: a.username, password: a.password }).expect(200);
        expect(res.body.role).toBe(a.role);
        expect(res.body.mustChangePassword).toBe(false);
        if (a.role === 'medarbetare') expect(res.body.staffId).not.toBeNull();
        expect(res.body.municipality).toEqual(a.username === 'rad.sigtuna' ? { code: 'sigtuna', name: 'Sigtuna' } : null);
      }
    } finally {
      await d.close();
    }
  });
});

// Login throttling and TRUST_PROXY: auth-throttle.test.ts.

describe('security headers', () => {
  it('sends helmet headers and a CSP the SPA works under', async () => {
    const res = await t.http.get('/api/v1/reference').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    for (const d of ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) {
      expect(csp).toContain(d);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Every answer carries them, an error and an unsigned one too.
    for (const other of [await t.anon.get('/api/v1/activities').expect(401), await t.http.get('/api/v1/activities/999999').expect(404)]) {
      expect(other.headers['content-security-policy']).toBe(csp);
      expect(other.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('keeps Swagger UI working under /docs', async () => {
    const page = await t.anon.get('/docs/').expect(200);
    expect(page.text).toMatch(/swagger/i);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self' 'unsafe-inline'/);
    const spec = await t.anon.get('/docs/json').expect(200);
    expect(spec.body.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'fou_session' });
  });
});

describe('the test helper', () => {
  it('signs in every role with the shared test password', async () => {
    const me = (await (await t.as('medarbetare')).get('/api/v1/auth/me').expect(200)).body;
    expect(me.role).toBe('medarbetare');
    expect(me.staffId).not.toBeNull();
    await t.anon.post('/api/v1/auth/login').send({ username: me.user.username, password: TEST_PASSWORD }).expect(200);
    // Asked again, the same account: no second made-up staff member.
    expect((await (await t.as('medarbetare')).get('/api/v1/auth/me')).body.user.id).toBe(me.user.id);
  });
});
