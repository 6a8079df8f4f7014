/**
 * The committed openapi/openapi.json (pnpm openapi:check keeps it equal to what the routes generate) documents
 * what clients need: a stable, unique operationId on every operation, and every error answer an operation can give
 * — 401 wherever a session is needed, 403 where a role or the CSRF token decides, 503 on every write, 429 on the
 * rate-limited login. The expectations are written out here, not taken from lib/openapi.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';

interface Operation { operationId?: string; responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string } }> }> }
interface Spec {
  servers?: { url: string }[];
  info: { license?: { name: string; identifier?: string } };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

const spec = JSON.parse(fs.readFileSync(path.join(repoRoot, 'openapi/openapi.json'), 'utf8')) as Spec;
const operations = Object.entries(spec.paths).flatMap(([p, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, method: method.toUpperCase(), op })));

/** The only operations open without a session. */
const PUBLIC = [
  'POST /api/v1/auth/login', 'GET /api/v1/auth/demo-accounts',
  // The evaluation answer page: the link's token is the way in, and there is no session to need a CSRF token.
  'GET /api/v1/public/evaluations/{token}', 'POST /api/v1/public/evaluations/{token}/answers',
];
/** Open to any signed-in account whatever its role; a GET there needs no CSRF token, so it has no 403. */
const NO_403 = [...PUBLIC, 'GET /api/v1/auth/me'];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('openapi/openapi.json', () => {
  it('has the API’s operations (53 when this was written; other changes may add some)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(53);
  });

  it('gives every operation an operationId, each one different, made from the method and the path', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const idOf = (key: string) => operations.find((o) => o.key === key)?.op.operationId;
    expect(idOf('GET /api/v1/activities')).toBe('getActivities');
    expect(idOf('POST /api/v1/activities')).toBe('postActivities');
    expect(idOf('GET /api/v1/activities/{id}')).toBe('getActivitiesId');
    expect(idOf('GET /api/v1/reports/vb/{year}')).toBe('getReportsVbYear');
    expect(idOf('PUT /api/v1/municipalities/{id}/years/{year}')).toBe('putMunicipalitiesIdYearsYear');
    expect(idOf('GET /api/v1/goal-frameworks')).toBe('getGoalFrameworks');
    expect(idOf('POST /api/v1/plan-items/copy')).toBe('postPlanItemsCopy');
  });

  it('documents 401 on every operation but the public ones, 403 where a role or the CSRF token decides', () => {
    for (const { key, op } of operations) {
      if (!PUBLIC.includes(key)) expect(op.responses, key).toHaveProperty('401');
      if (!NO_403.includes(key)) expect(op.responses, key).toHaveProperty('403');
    }
    // The seven reference lists answer 401 and 403 like everything else.
    for (const list of ['reference', 'municipalities', 'areas', 'goal-frameworks', 'activity-types', 'assignments', 'staff']) {
      expect(Object.keys(spec.paths[`/api/v1/${list}`]!.get!.responses).sort(), list).toEqual(['200', '401', '403']);
    }
  });

  it('documents 503 on every write and on no read', () => {
    const writes = operations.filter((o) => WRITES.has(o.method));
    expect(writes.length).toBeGreaterThanOrEqual(29);
    for (const { key, method, op } of operations) expect('503' in op.responses, key).toBe(WRITES.has(method));
  });

  it('documents 429 on the rate-limited login', () => {
    expect(spec.paths['/api/v1/auth/login']!.post!.responses).toHaveProperty('429');
  });

  it('documents the public answer page without 401 or 403, with 429 and 413 on its write', () => {
    const post = spec.paths['/api/v1/public/evaluations/{token}/answers']!.post!.responses;
    expect(Object.keys(post).sort()).toEqual(['201', '400', '404', '409', '413', '429', '503']);
    expect(Object.keys(spec.paths['/api/v1/public/evaluations/{token}']!.get!.responses).sort()).toEqual(['200', '400', '404', '409']);
  });

  it('describes each error answer in words and points it at the one error shape', () => {
    for (const { key, op } of operations) {
      for (const status of ['401', '403', '429', '503']) {
        const r = op.responses[status];
        if (!r) continue;
        expect(r.description, `${key} ${status}`).not.toBe('Default Response');
        expect(r.content?.['application/json']?.schema.$ref, `${key} ${status}`).toBe('#/components/schemas/Error');
      }
    }
    expect(spec.paths['/api/v1/activities']!.post!.responses['503']!.description).toMatch(/Inget sparades/);
  });

  it('names its server and licence, and has no component that nothing uses', () => {
    expect(spec.servers).toEqual([{ url: '/', description: 'Samma server som webbappen' }]);
    expect(spec.info.license).toEqual({ name: 'EUPL-1.2', identifier: 'EUPL-1.2' });
    const text = JSON.stringify(spec.paths) + JSON.stringify(spec.components.schemas);
    const unused = Object.keys(spec.components.schemas).filter((name) => !text.includes(`"#/components/schemas/${name}"`));
    expect(unused).toEqual([]);
    expect(Object.keys(spec.components.schemas).filter((n) => n.endsWith('Input'))).toEqual([]);
  });
});
