/**
 * Walks every operation of the OpenAPI document as every role and as nobody, and checks the answer against the
 * domain's permission table: 401 without a session, 403 where the table says no, anything else where it says
 * yes (a dummy body may well be a 400 or a dummy id a 404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type PermissionAction } from '@fou/domain';
import type { Role } from '../src/db/schema.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp(); });
afterAll(async () => { await t.close(); });

interface Op { method: string; path: string; url: string; action: string }

function operations(): Op[] {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const m of Object.keys(methods)) {
      const method = m.toUpperCase();
      const routeUrl = path.replace(/\{(\w+)\}/g, ':$1');
      const rule = t.app.accessRules.find((r) => r.method === method && r.url === routeUrl);
      ops.push({ method, path, url: path.replace('{year}', '2019').replace(/\{\w+\}/g, '999999'), action: rule?.action ?? 'MISSING' });
    }
  }
  // Signing out ends the session the rest of the walk uses: last.
  return ops.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
}

function call(agent: TestApp['anon'], op: Op) {
  const req = agent[op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](op.url);
  return op.method === 'GET' || op.method === 'DELETE' ? req : req.send({});
}

describe('the permission matrix', () => {
  it('covers every operation with an access rule', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(30);
    expect(ops.filter((o) => o.action === 'MISSING').map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('answers 401 to nobody on every route but the public ones', async () => {
    for (const op of operations()) {
      const res = await call(t.anon, op);
      if (op.action === 'public') expect([401, 403], `${op.method} ${op.path}`).not.toContain(res.status);
      else expect(res.status, `${op.method} ${op.path}`).toBe(401);
    }
  });

  for (const role of ['chef', 'medarbetare', 'rad', 'admin'] as Role[]) {
    it(`lets ${role} through exactly where the table allows`, async () => {
      const agent = await t.as(role);
      for (const op of operations()) {
        const res = await call(agent, op);
        const allowed = op.action === 'public' || op.action === 'session' || can(role, op.action as PermissionAction);
        if (allowed) expect([401, 403], `${role} ${op.method} ${op.path}: ${res.status} ${res.body.message}`).not.toContain(res.status);
        else expect(res.status, `${role} ${op.method} ${op.path}`).toBe(403);
      }
    });
  }
});
