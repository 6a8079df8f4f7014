/**
 * Walks every operation of the OpenAPI document as nobody and as every role, and checks the answer against a
 * table written out here by hand. The table is deliberately not derived from the routes' own `config.action` or
 * from the domain's permission table: a route declared with the wrong action must fail this test.
 *
 * "ok" means the request got past authentication and authorisation (anything but 401/403: a dummy body may be a
 * 400, a dummy id a 404). A number is the exact status expected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/db/schema.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

type Expect = 'ok' | 401 | 403;
interface Row { anon: Expect; chef: Expect; medarbetare: Expect; rad: Expect; admin: Expect; installation: Expect; region: Expect }

// The unit's roles, as the README describes them: the chief does everything; staff record activities; the council
// reads; the account administrator manages accounts and reads. Nobody signed in reaches only login and demo accounts.
// The install's own roles belong to no unit: they reach the session routes and their own, never a unit's data.
const PUBLIC: Row = { anon: 'ok', chef: 'ok', medarbetare: 'ok', rad: 'ok', admin: 'ok', installation: 'ok', region: 'ok' };
const SIGNED_IN: Row = { anon: 401, chef: 'ok', medarbetare: 'ok', rad: 'ok', admin: 'ok', installation: 'ok', region: 'ok' };
const READ: Row = { anon: 401, chef: 'ok', medarbetare: 'ok', rad: 'ok', admin: 'ok', installation: 403, region: 403 };
const CHIEF: Row = { anon: 401, chef: 'ok', medarbetare: 403, rad: 403, admin: 403, installation: 403, region: 403 };
const RECORDS: Row = { anon: 401, chef: 'ok', medarbetare: 'ok', rad: 403, admin: 403, installation: 403, region: 403 };
const ACCOUNTS: Row = { anon: 401, chef: 'ok', medarbetare: 403, rad: 403, admin: 'ok', installation: 403, region: 403 };
// Units and the install's own accounts: the install administrator only, not even a unit's chief or admin.
const INSTALL: Row = { anon: 401, chef: 403, medarbetare: 403, rad: 403, admin: 403, installation: 'ok', region: 403 };

const EXPECTED: Record<string, Row> = {
  'GET /api/v1/reference': READ,
  'GET /api/v1/municipalities': READ,
  'POST /api/v1/municipalities': CHIEF,
  'PATCH /api/v1/municipalities/{id}': CHIEF,
  'PUT /api/v1/municipalities/{id}/years/{year}': CHIEF,
  'GET /api/v1/areas': READ,
  'POST /api/v1/areas': CHIEF,
  'PATCH /api/v1/areas/{id}': CHIEF,
  'GET /api/v1/goal-frameworks': READ,
  'POST /api/v1/goal-frameworks': CHIEF,
  'PATCH /api/v1/goal-frameworks/{id}': CHIEF,
  'POST /api/v1/goal-frameworks/{id}/goals': CHIEF,
  'PATCH /api/v1/goals/{id}': CHIEF,
  'GET /api/v1/goals/{id}/names': READ,
  'GET /api/v1/target-groups': READ,
  'POST /api/v1/target-groups': CHIEF,
  'PATCH /api/v1/target-groups/{id}': CHIEF,
  'GET /api/v1/activity-types': READ,
  'POST /api/v1/activity-types': CHIEF,
  'PATCH /api/v1/activity-types/{id}': CHIEF,
  'GET /api/v1/assignments': READ,
  'POST /api/v1/assignments': CHIEF,
  'PATCH /api/v1/assignments/{id}': CHIEF,
  'GET /api/v1/staff': READ,
  'POST /api/v1/staff': CHIEF,
  'PATCH /api/v1/staff/{id}': CHIEF,
  'GET /api/v1/activities': READ,
  'GET /api/v1/activities/export': READ,
  'POST /api/v1/activities': RECORDS,
  'GET /api/v1/activities/{id}': READ,
  'GET /api/v1/activities/text-warning-overrides': CHIEF,
  // The form's goal suggestions: for those who record activities.
  'GET /api/v1/activities/goal-suggestions': RECORDS,
  // The form's warning of a double registration: for those who record activities, written out.
  'GET /api/v1/activities/similar': { anon: 401, chef: 'ok', medarbetare: 'ok', rad: 403, admin: 403, installation: 403, region: 403 },
  'PUT /api/v1/activities/{id}': RECORDS,
  'DELETE /api/v1/activities/{id}': RECORDS,
  'POST /api/v1/auth/login': PUBLIC,
  'POST /api/v1/auth/logout': SIGNED_IN,
  'GET /api/v1/auth/me': SIGNED_IN,
  'POST /api/v1/auth/password': SIGNED_IN,
  'GET /api/v1/auth/demo-accounts': PUBLIC,
  // Answers everyone, signed in or not: { signedIn: false } without a session.
  'GET /api/v1/auth/session': PUBLIC,
  'GET /api/v1/users': ACCOUNTS,
  'POST /api/v1/users': ACCOUNTS,
  'PATCH /api/v1/users/{id}': ACCOUNTS,
  'GET /api/v1/audit': CHIEF,
  'GET /api/v1/activities/{id}/audit': CHIEF,
  'GET /api/v1/period-locks': READ,
  'PUT /api/v1/period-locks/{year}': CHIEF,
  'DELETE /api/v1/period-locks/{year}': CHIEF,
  'GET /api/v1/plan-items': READ,
  'POST /api/v1/plan-items': CHIEF,
  'POST /api/v1/plan-items/copy': CHIEF,
  'GET /api/v1/plan-items/{id}': READ,
  'PUT /api/v1/plan-items/{id}': CHIEF,
  'DELETE /api/v1/plan-items/{id}': CHIEF,
  'GET /api/v1/plan-followup': READ,
  'GET /api/v1/reports/distribution': READ,
  'GET /api/v1/reports/crosstab': READ,
  'GET /api/v1/reports/trend': READ,
  'GET /api/v1/reports/reach': READ,
  'GET /api/v1/reports/vb/{year}': READ,
  'GET /api/v1/reports/charts/{chart}': READ,
  'GET /api/v1/annual-report/{year}': READ,
  'GET /api/v1/reports/years': READ,
  // What each owner got: the council reads it like every signed-in role of the unit.
  'GET /api/v1/reports/municipality/{code}': READ,
  'GET /api/v1/reports/owners': READ,
  'GET /api/v1/units': INSTALL,
  'POST /api/v1/units': INSTALL,
  'PATCH /api/v1/units/{id}': INSTALL,
  'POST /api/v1/units/{id}/admins': INSTALL,
  'GET /api/v1/install/accounts': INSTALL,
  'POST /api/v1/install/accounts': INSTALL,
  'PATCH /api/v1/install/accounts/{id}': INSTALL,
  // The unit's own settings (sharing in the regional comparison): the chief's.
  'GET /api/v1/unit/settings': CHIEF,
  'PUT /api/v1/unit/settings': CHIEF,
  // Event evaluations: everyone in the unit reads the figures; staff (on the activity: checked per activity, see
  // evaluations.test.ts) and the chief create and change them, draw the QR code and read the comments (the council
  // never); only the chief removes an answer and rewords the standard questions.
  'GET /api/v1/activities/{id}/evaluation': READ,
  'POST /api/v1/activities/{id}/evaluation': RECORDS,
  'GET /api/v1/evaluations/{id}': READ,
  'PUT /api/v1/evaluations/{id}': RECORDS,
  'GET /api/v1/evaluations/{id}/count': READ,
  'GET /api/v1/evaluations/{id}/qr': RECORDS,
  'GET /api/v1/evaluations/{id}/comments': RECORDS,
  'DELETE /api/v1/evaluations/{id}/answers/{answerId}': CHIEF,
  'GET /api/v1/evaluation-wording': READ,
  'PUT /api/v1/evaluation-wording': CHIEF,
  'GET /api/v1/reports/evaluations': READ,
  // The public answer page: no login; the link's token is the way in, whoever follows it.
  'GET /api/v1/public/evaluations/{token}': PUBLIC,
  'POST /api/v1/public/evaluations/{token}/answers': PUBLIC,
  // The regional comparison: the chief (an empty answer while the unit does not share) and the region accounts.
  'GET /api/v1/region/comparison': { anon: 401, chef: 'ok', medarbetare: 403, rad: 403, admin: 403, installation: 403, region: 'ok' },
};

let t: TestApp;
beforeAll(async () => { t = await makeTestApp(); });
afterAll(async () => { await t.close(); });

interface Op { key: string; method: string; url: string }

function operations(): Op[] {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const m of Object.keys(methods)) {
      const method = m.toUpperCase();
      ops.push({ key: `${method} ${path}`, method, url: path.replace('{year}', '2019').replace(/\{\w+\}/g, '999999') });
    }
  }
  // Signing out ends the session the rest of the walk uses: last.
  return ops.sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
}

function call(agent: TestApp['anon'], op: Op) {
  const req = agent[op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](op.url);
  return op.method === 'GET' || op.method === 'DELETE' ? req : req.send({});
}

function check(who: keyof Row, op: Op, status: number, message: unknown): void {
  const want = EXPECTED[op.key]![who];
  const label = `${who} ${op.key}: ${status} ${String(message)}`;
  if (want === 'ok') expect([401, 403], label).not.toContain(status);
  else expect(status, label).toBe(want);
}

describe('the permission matrix', () => {
  it('has a hand-written row for exactly the operations the API documents', () => {
    const documented = operations().map((o) => o.key).sort();
    expect(documented).toEqual(Object.keys(EXPECTED).sort());
  });

  it('answers nobody as the table says', async () => {
    for (const op of operations()) {
      const res = await call(t.anon, op);
      check('anon', op, res.status, res.body?.message);
    }
  });

  for (const role of ['chef', 'medarbetare', 'rad', 'admin'] as const satisfies readonly Role[]) {
    it(`answers ${role} as the table says`, async () => {
      const agent = await t.as(role);
      for (const op of operations()) {
        const res = await call(agent, op);
        check(role, op, res.status, res.body?.message);
      }
    });
  }

  for (const role of ['installation', 'region'] as const satisfies readonly Role[]) {
    it(`answers ${role} (an account of no unit) as the table says`, async () => {
      const agent = await t.asInstall(role, { county: role === 'region' ? 'Stockholms län' : null });
      for (const op of operations()) {
        const res = await call(agent, op);
        check(role, op, res.status, res.body?.message);
      }
    });
  }
});
