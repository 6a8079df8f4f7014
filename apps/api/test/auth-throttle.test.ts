/**
 * Login throttling and TRUST_PROXY: failures only count, per address, per account from any address (a pause that
 * grows, never a lockout), a browser that signed in before is not slowed, and a client behind the configured proxy
 * cannot escape the limits by writing its own X-Forwarded-For. POST /auth/password is limited per account.
 * The budgets are made small and the pauses short through Config, so the test does not wait minutes.
 */
import { describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { loadConfig, parseTrustProxy, type Config } from '../src/config.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

const PASSWORD = 'ett-långt-lösenord-1';
const small = { windowMs: 60_000, ipFailures: 8, accountFreeFailures: 3, pauseBaseMs: 400, pauseCapMs: 1600, deviceFailures: 4, passwordChangeFailures: 3 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withApp(options: Partial<Config>, fn: (t: TestApp) => Promise<void>) {
  const t = await makeTestApp({ loginThrottle: small, ...options });
  try {
    await fn(t);
  } finally {
    await t.close();
  }
}

async function newAccount(t: TestApp, username: string): Promise<void> {
  await t.http.post('/api/v1/users').send({ username, displayName: `Konto ${username}`, role: 'rad', password: PASSWORD }).expect(201);
}

/** A request as the proxy forwards it: whatever the client wrote in X-Forwarded-For, then the address the proxy saw. */
const viaProxy = (clientWrote: string, clientIs: string) => `${clientWrote}, ${clientIs}`;
let n = 0;
const spoofed = () => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n++ & 255}`;

describe('TRUST_PROXY', () => {
  it('reads a hop count, an address and network list, and no proxy; true means one hop', () => {
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('127.0.0.1,10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(parseTrustProxy(' ::1 , fd00::/8, loopback ')).toEqual(['::1', 'fd00::/8', 'loopback']);
    for (const bad of ['yes', '10.0.0.0/33', '1.2.3', 'example.org', '-1', '1.5']) {
      expect(parseTrustProxy(bad), bad).toBeNull();
    }
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }, []).trustProxy).toEqual(['10.0.0.0/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' }, [])).toThrow(/TRUST_PROXY: ange antalet proxyer/);
  });

  for (const setting of ['1', 'true', '127.0.0.1,10.0.0.0/8']) {
    it(`with TRUST_PROXY=${setting}, a client rotating its own X-Forwarded-For still meets the address limit (429)`, async () => {
      await withApp({ trustProxy: loadConfig({ TRUST_PROXY: setting }, []).trustProxy }, async (t) => {
        const attacker = '203.0.113.7';
        for (let i = 0; i < small.ipFailures; i++) {
          await t.anon.post('/api/v1/auth/login').set('x-forwarded-for', viaProxy(spoofed(), attacker))
            .send({ username: `konto-${i}`, password: 'fel-lösenord' }).expect(401);
        }
        const limited = await t.anon.post('/api/v1/auth/login').set('x-forwarded-for', viaProxy(spoofed(), attacker))
          .send({ username: 'konto-nytt', password: 'fel-lösenord' }).expect(429);
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
        expect(limited.body.message).toMatch(/från din adress/);
        // Someone else behind the same proxy is another address and gets through.
        await t.anon.post('/api/v1/auth/login').set('x-forwarded-for', '198.51.100.20')
          .send({ username: 'konto-nytt', password: 'fel-lösenord' }).expect(401);
      });
    });
  }

  it('with no proxy trusted, the socket address counts and X-Forwarded-For is ignored', async () => {
    await withApp({}, async (t) => {
      for (let i = 0; i < small.ipFailures; i++) {
        await t.anon.post('/api/v1/auth/login').set('x-forwarded-for', spoofed()).send({ username: `konto-${i}`, password: 'fel-lösenord' }).expect(401);
      }
      await t.anon.post('/api/v1/auth/login').set('x-forwarded-for', spoofed()).send({ username: 'konto-x', password: 'fel-lösenord' }).expect(429);
    });
  });
});

describe('login throttling', () => {
  it('never counts a correct login: the 11th, 20th and 30th in a row still work', async () => {
    await withApp({ loginThrottle: { ...small, ipFailures: 10, accountFreeFailures: 10 } }, async (t) => {
      await newAccount(t, 'flitig');
      for (let i = 0; i < 30; i++) await t.anon.post('/api/v1/auth/login').send({ username: 'flitig', password: PASSWORD }).expect(200);
    });
  });

  it('slows one account down from any address with a doubling pause, answered 429 with Retry-After, and never locks it', async () => {
    await withApp({ trustProxy: 1 }, async (t) => {
      await newAccount(t, 'maltavla');
      const from = (ip: string) => t.anon.post('/api/v1/auth/login').set('x-forwarded-for', ip);
      // A distributed guesser: a new address for every try.
      for (let i = 0; i < small.accountFreeFailures; i++) await from(`198.51.100.${i + 1}`).send({ username: 'maltavla', password: `fel-${i}` }).expect(401);
      const paused = await from('198.51.100.50').send({ username: 'maltavla', password: 'fel-igen' }).expect(429);
      expect(paused.body.message).toMatch(/på det här kontot/);
      expect(paused.headers['retry-after']).toBe('1');
      // The real user from a fresh address is held as well, but only for the pause; hammering does not lengthen it.
      for (let i = 0; i < 10; i++) await from(`192.0.2.${i + 1}`).send({ username: 'MALTAVLA', password: 'fel' }).expect(429);
      await sleep(small.pauseBaseMs + 50);
      await from('198.51.100.51').send({ username: 'maltavla', password: 'fel-igen' }).expect(401);
      // The next pause is twice as long.
      await sleep(small.pauseBaseMs + 50);
      await from('198.51.100.52').send({ username: 'maltavla', password: 'fel-igen' }).expect(429);
      await sleep(small.pauseBaseMs + 50);
      const ok = await from('192.0.2.99').send({ username: 'maltavla', password: PASSWORD }).expect(200);
      expect(ok.body.user.username).toBe('maltavla');
      // A success clears the account's failures: the next mistakes are free again.
      await from('198.51.100.53').send({ username: 'maltavla', password: 'fel-igen' }).expect(401);
      await from('198.51.100.54').send({ username: 'maltavla', password: 'fel-igen' }).expect(401);
    });
  });

  it('caps the pause: however many failures, the real user waits at most pauseCapMs', async () => {
    await withApp({ trustProxy: 1, loginThrottle: { ...small, ipFailures: 1000 } }, async (t) => {
      await newAccount(t, 'utsatt');
      let waited = 0;
      for (let i = 0; i < 9; i++) {
        const res = await t.anon.post('/api/v1/auth/login').set('x-forwarded-for', `198.51.100.${i}`).send({ username: 'utsatt', password: 'fel' });
        if (res.status === 429) {
          waited = Number(res.headers['retry-after']);
          expect(waited).toBeLessThanOrEqual(Math.ceil(small.pauseCapMs / 1000));
          await sleep(Number(res.body.retryAfterSeconds) * 1000);
        } else expect(res.status).toBe(401);
      }
      expect(waited).toBe(2);
      await sleep(small.pauseCapMs);
      await t.anon.post('/api/v1/auth/login').set('x-forwarded-for', '192.0.2.1').send({ username: 'utsatt', password: PASSWORD }).expect(200);
    });
  }, 60_000);

  it('lets a browser that signed in before straight past an attack on its account and on its address', async () => {
    await withApp({}, async (t) => {
      await newAccount(t, 'kollega');
      const browser = supertest.agent(t.app.server);
      await browser.post('/api/v1/auth/login').send({ username: 'kollega', password: PASSWORD }).expect(200);
      // Someone at the same address (one NAT) guesses its password and sprays other accounts until both limits hold.
      for (let i = 0; i < small.accountFreeFailures; i++) await t.anon.post('/api/v1/auth/login').send({ username: 'kollega', password: `fel-${i}` }).expect(401);
      for (let i = 0; i < small.ipFailures; i++) await t.anon.post('/api/v1/auth/login').send({ username: `annat-${i}`, password: 'fel' });
      await t.anon.post('/api/v1/auth/login').send({ username: 'kollega', password: PASSWORD }).expect(429);
      // The colleague's own browser is not held up.
      await browser.post('/api/v1/auth/login').send({ username: 'kollega', password: PASSWORD }).expect(200);
      // Its own mistakes have a budget of their own.
      for (let i = 0; i < small.deviceFailures; i++) await browser.post('/api/v1/auth/login').send({ username: 'kollega', password: 'fel' }).expect(401);
      await browser.post('/api/v1/auth/login').send({ username: 'kollega', password: PASSWORD }).expect(429);
    });
  });

  it('does not trust a device cookie made for another account or altered', async () => {
    await withApp({}, async (t) => {
      await newAccount(t, 'ena');
      await newAccount(t, 'andra');
      const res = await t.anon.post('/api/v1/auth/login').send({ username: 'ena', password: PASSWORD }).expect(200);
      const device = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('fou_device='))!.split(';')[0]!;
      expect(device).toMatch(/^fou_device=[\w-]+\.[\w-]+$/);
      for (let i = 0; i < small.accountFreeFailures; i++) await t.anon.post('/api/v1/auth/login').send({ username: 'andra', password: 'fel' }).expect(401);
      await t.anon.post('/api/v1/auth/login').set('Cookie', device).send({ username: 'andra', password: PASSWORD }).expect(429);
      await t.anon.post('/api/v1/auth/login').set('Cookie', `${device}x`).send({ username: 'andra', password: PASSWORD }).expect(429);
    });
  });
});

describe('changing one\'s password', () => {
  it('answers 429 after a few wrong current passwords, even to the right one, and leaves other accounts alone', async () => {
    await withApp({}, async (t) => {
      await newAccount(t, 'bytare');
      const agent = supertest.agent(t.app.server);
      const login = await agent.post('/api/v1/auth/login').send({ username: 'bytare', password: PASSWORD }).expect(200);
      agent.set('x-csrf-token', login.body.csrfToken as string);
      for (let i = 0; i < small.passwordChangeFailures; i++) {
        await agent.post('/api/v1/auth/password').send({ currentPassword: `fel-${i}-fel-fel`, newPassword: 'ett-helt-nytt-lösenord-5' }).expect(400);
      }
      const limited = await agent.post('/api/v1/auth/password').send({ currentPassword: PASSWORD, newPassword: 'ett-helt-nytt-lösenord-5' }).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(50);
      expect(limited.body.message).toMatch(/fel nuvarande lösenord/);
      // A new session of the same account is held too: the budget is the account's, not the session's.
      const again = supertest.agent(t.app.server);
      const second = await again.post('/api/v1/auth/login').send({ username: 'bytare', password: PASSWORD }).expect(200);
      await again.set('x-csrf-token', second.body.csrfToken as string)
        .post('/api/v1/auth/password').send({ currentPassword: PASSWORD, newPassword: 'ett-helt-nytt-lösenord-5' }).expect(429);
      // The chief's own change is not affected.
      await t.http.post('/api/v1/auth/password').send({ currentPassword: 'testlösenord-123', newPassword: 'chefens-nya-lösen-8' }).expect(204);
    });
  });
});
