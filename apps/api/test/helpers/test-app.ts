/**
 * Every API test builds the real app over a real SQLite file in its own temp folder, through this helper.
 * `http` is signed in as a FoU chief and sends the session cookie and the CSRF header on every request, so a
 * test that does not care about accounts needs nothing else; `as(role)` and `anon` are there for those that do.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import supertest from 'supertest';
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { UnitRoleName } from '@fou/domain';
import * as t from '../../src/db/schema.ts';
import { createSession, SESSION_COOKIE } from '../../src/modules/auth/session.service.ts';
import { createUser } from '../../src/modules/users/user.service.ts';
import { hashPassword } from '../../src/modules/users/password.ts';
import { UnitScope } from '../../src/db/unit-scope.ts';

type Agent = ReturnType<typeof supertest.agent>;

export interface TestApp {
  app: FastifyInstance;
  /** The unit the first start made, which every account the helper signs in belongs to. */
  unitId: number;
  /** supertest signed in as a FoU chief (cookie and x-csrf-token on every request). */
  http: Agent;
  /** Signed in with the role; a medarbetare records work as `staffId`, or as a staff member made for it. */
  as(role: UnitRoleName, options?: { staffId?: number }): Promise<Agent>;
  /**
   * Signed in with one of the install's own roles: an account of no unit (`region` sees `county`, or every
   * county when it is null). Made directly in the table: the API's own way of making them is under test elsewhere.
   */
  asInstall(role: 'installation' | 'region', options?: { county?: string | null }): Promise<Agent>;
  /** Nobody signed in. */
  anon: ReturnType<typeof supertest>;
  dir: string;
  databasePath: string;
  close(): Promise<void>;
}

/** The password every account the helper makes has, for tests that sign in through the login route. */
export const TEST_PASSWORD = 'testlösenord-123';

export async function makeTestApp(options: Partial<Config> = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-test-'));
  const databasePath = path.join(dir, 'fou.sqlite');
  const app = await buildApp({
    port: 0, host: '127.0.0.1', databasePath, webDist: path.join(dir, 'no-web'), logLevel: 'silent', demo: false, ...options,
  });
  await app.ready();
  const unitId = app.db.select({ id: t.units.id }).from(t.units).orderBy(t.units.id).limit(1).get()!.id;
  const system = { kind: 'anonymous' } as const;
  let n = 0;

  const signIn = async (role: UnitRoleName, staffId: number | null): Promise<Agent> => {
    n += 1;
    const user = await createUser(new UnitScope(app.db, unitId), system, {
      username: `test-${role}-${n}`, displayName: `Test ${role} ${n}`, role, staffId, password: TEST_PASSWORD,
    }, false);
    const { token, csrfToken } = createSession(app.sessions, user.id);
    return supertest.agent(app.server).set('Cookie', `${SESSION_COOKIE}=${token}`).set('x-csrf-token', csrfToken);
  };

  const agents = new Map<string, Agent>();
  return {
    app,
    unitId,
    http: await signIn('chef', null),
    async as(role, opts = {}) {
      const key = `${role}:${opts.staffId ?? 'default'}`;
      if (!agents.has(key)) {
        let staffId = opts.staffId ?? null;
        if (role === 'medarbetare' && staffId === null) {
          staffId = app.db.insert(t.staff).values({ unitId: unitId, name: 'Mia Medarbetare', title: 'Utredare' }).returning().get().id;
        }
        agents.set(key, await signIn(role, staffId));
      }
      return agents.get(key)!;
    },
    async asInstall(role, opts = {}) {
      n += 1;
      const user = app.db.insert(t.users).values({
        unitId: null, username: `test-${role}-${n}`, displayName: `Test ${role} ${n}`, role, county: opts.county ?? null,
        passwordHash: await hashPassword(TEST_PASSWORD),
      }).returning().get();
      const { token, csrfToken } = createSession(app.sessions, user.id);
      return supertest.agent(app.server).set('Cookie', `${SESSION_COOKIE}=${token}`).set('x-csrf-token', csrfToken);
    },
    anon: supertest(app.server),
    dir,
    databasePath,
    async close() {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
