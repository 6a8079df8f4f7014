/**
 * Every string a client can send in a request body, as the published contract lists them (openapi/openapi.json),
 * is posted with a personnummer to the real endpoint: each one must answer 400 naming that field with the code
 * personal_identity_number. A new write field without the shared text builder (lib/text.ts) fails here, and so
 * does a new write operation without a valid body below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

const PNR = '19121212-1212';

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
}
interface Spec { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>; components?: { schemas?: Record<string, Schema> } }

const spec = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../openapi/openapi.json'), 'utf8')) as Spec;

/** Each string property's path (array items as index 0) and whether it is an enum. */
function stringFields(schema: Schema, at: string[] = [], out: { path: string[]; isEnum: boolean }[] = []) {
  if (schema.$ref) return stringFields(spec.components!.schemas![schema.$ref.split('/').pop()!]!, at, out);
  for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) stringFields(sub, at, out);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('string') && !out.some((f) => f.path.join('.') === at.join('.'))) out.push({ path: at, isEnum: Array.isArray(schema.enum) });
  for (const [k, v] of Object.entries(schema.properties ?? {})) stringFields(v, [...at, k], out);
  if (schema.items) stringFields(schema.items, [...at, '0'], out);
  return out;
}

/**
 * Strings that are not free text, each with the reason. `refused: true` means the value is still refused with a
 * 400 on the field (by its format or enum); the others are not stored as text at all. Enum-typed strings are
 * found from the contract and need no entry: their enum refuses any other value, which the test checks.
 */
const EXCEPTIONS: Record<string, { reason: string; refused: boolean }> = {
  'POST /api/v1/auth/login username': { refused: false, reason: 'looked up, never stored: an unknown name answers 401 like any other' },
  'POST /api/v1/auth/login password': { refused: false, reason: 'compared with a hash, never stored or shown' },
  'POST /api/v1/auth/password currentPassword': { refused: false, reason: 'compared with a hash, never stored or shown' },
  'POST /api/v1/auth/password newPassword': { refused: false, reason: 'stored only as an argon2 hash; it must reach argon2 byte for byte (no NFC, no guard)' },
  'POST /api/v1/users password': { refused: false, reason: 'stored only as an argon2 hash, byte for byte' },
  'PATCH /api/v1/users/{id} password': { refused: false, reason: 'stored only as an argon2 hash, byte for byte' },
  'POST /api/v1/activities date': { refused: true, reason: 'an ISO date: its format refuses anything else' },
  'PUT /api/v1/activities/{id} date': { refused: true, reason: 'an ISO date' },
  'POST /api/v1/goal-frameworks validFrom': { refused: true, reason: 'an ISO date' },
  'POST /api/v1/goal-frameworks validTo': { refused: true, reason: 'an ISO date' },
  'PATCH /api/v1/goal-frameworks/{id} validFrom': { refused: true, reason: 'an ISO date' },
  'PATCH /api/v1/goal-frameworks/{id} validTo': { refused: true, reason: 'an ISO date' },
  'POST /api/v1/activities/{id}/evaluation opensOn': { refused: true, reason: 'an ISO date' },
  'POST /api/v1/activities/{id}/evaluation closesOn': { refused: true, reason: 'an ISO date' },
  'PUT /api/v1/evaluations/{id} opensOn': { refused: true, reason: 'an ISO date' },
  'PUT /api/v1/evaluations/{id} closesOn': { refused: true, reason: 'an ISO date' },
  'POST /api/v1/public/evaluations/{token}/answers municipality': { refused: true, reason: 'a municipality code of the unit (or annan/ingen): any other value is refused, never stored' },
  'POST /api/v1/public/evaluations/{token}/answers targetGroup': { refused: true, reason: 'a key of the target groups: any other value is refused' },
  'POST /api/v1/public/evaluations/{token}/answers deviceToken': { refused: true, reason: 'a random token whose pattern refuses anything else; only its hash is stored' },
};

interface Call { url: string; body: Record<string, unknown>; as?: 'admin' | 'installation' }
let t: TestApp;
let r: Refs;
let bodies: Record<string, () => Call>;

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  const post = async (url: string, body: unknown, as?: Call['as']) => {
    const agent = await agentFor(as);
    return (await agent.post(url).send(body as object).expect(201)).body as { id: number; version?: number; goals?: { id: number }[] };
  };
  const unit = await post('/api/v1/units', { name: 'FoU Guardenhet', shortName: 'Guardenhet', county: 'Län' }, 'installation');
  const regionAccount = (await post('/api/v1/install/accounts', { username: 'guard.region', displayName: 'Guard region', role: 'region', county: 'Län' }, 'installation')) as unknown as { account: { id: number } };
  const municipality = await post('/api/v1/municipalities', { code: 'guard-kommun', name: 'Guardköping' });
  const area = await post('/api/v1/areas', { code: 'guard-omr', name: 'Guardområde' });
  const fw = await post('/api/v1/goal-frameworks', { code: 'guard-fw', name: 'Gammal plan', validFrom: '2000-01-01', validTo: '2000-12-31', goals: [{ key: 'g1', name: 'Mål ett' }] });
  const type = await post('/api/v1/activity-types', { name: 'Guardtyp' });
  const targetGroup = await post('/api/v1/target-groups', { name: 'Guardgrupp' });
  const assignment = await post('/api/v1/assignments', { title: 'Guarduppdrag' });
  const staff = await post('/api/v1/staff', { name: 'Guard Medarbetare' });
  const activity = await post('/api/v1/activities', validBody(r));
  const planBody = { year: 2018, title: 'Planpunkt', goalId: r.goals.vp2018.spridning, areaId: r.areas.bou, planned: ['En rad'], outcome: 'Utfall' };
  const plan = await post('/api/v1/plan-items', planBody);
  const user = await post('/api/v1/users', { username: 'guard-user', displayName: 'Guard Användare', role: 'rad', password: 'ett-långt-lösenord' }, 'admin');
  const n = { i: 0 };
  const uniq = () => `${++n.i}`;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const evaluationBody = { opensOn: day(-1), closesOn: day(7), questions: ['rating', 'useful', 'municipality', 'targetGroup', 'comment'] };
  const toEvaluate = await post('/api/v1/activities', validBody(r));
  const evaluated = await post('/api/v1/activities', validBody(r));
  const evaluation = (await post(`/api/v1/activities/${evaluated.id}/evaluation`, evaluationBody)) as unknown as { id: number; publicToken: string };
  bodies = {
    'POST /api/v1/municipalities': () => ({ url: '/api/v1/municipalities', body: { code: `k-${uniq()}`, name: `Kommun ${uniq()}` } }),
    'PATCH /api/v1/municipalities/{id}': () => ({ url: `/api/v1/municipalities/${municipality.id}`, body: { name: 'Guardköping' } }),
    'POST /api/v1/areas': () => ({ url: '/api/v1/areas', body: { code: `a-${uniq()}`, name: 'Område', reportLabel: 'Etikett' } }),
    'PATCH /api/v1/areas/{id}': () => ({ url: `/api/v1/areas/${area.id}`, body: { name: 'Guardområde', reportLabel: 'Etikett' } }),
    'POST /api/v1/goal-frameworks': () => ({ url: '/api/v1/goal-frameworks', body: { code: `fw-${uniq()}`, name: 'Plan', validFrom: '2001-01-01', validTo: '2001-12-31', goals: [{ key: 'a', name: 'Mål', shortName: 'M', description: 'Text' }] } }),
    'PATCH /api/v1/goal-frameworks/{id}': () => ({ url: `/api/v1/goal-frameworks/${fw.id}`, body: { name: 'Gammal plan' } }),
    'POST /api/v1/goal-frameworks/{id}/goals': () => ({ url: `/api/v1/goal-frameworks/${fw.id}/goals`, body: { key: `k${uniq()}`, name: 'Mål', shortName: 'M', description: 'Text' } }),
    'PATCH /api/v1/goals/{id}': () => ({ url: `/api/v1/goals/${fw.goals![0]!.id}`, body: { name: 'Mål ett' } }),
    'POST /api/v1/activity-types': () => ({ url: '/api/v1/activity-types', body: { name: `Typ ${uniq()}` } }),
    'PATCH /api/v1/activity-types/{id}': () => ({ url: `/api/v1/activity-types/${type.id}`, body: { name: 'Guardtyp' } }),
    'POST /api/v1/target-groups': () => ({ url: '/api/v1/target-groups', body: { name: `Målgrupp ${uniq()}` } }),
    'PATCH /api/v1/target-groups/{id}': () => ({ url: `/api/v1/target-groups/${targetGroup.id}`, body: { name: 'Guardgrupp' } }),
    'POST /api/v1/assignments': () => ({ url: '/api/v1/assignments', body: { title: `Uppdrag ${uniq()}`, description: 'Text' } }),
    'PATCH /api/v1/assignments/{id}': () => ({ url: `/api/v1/assignments/${assignment.id}`, body: { title: 'Guarduppdrag', description: 'Text' } }),
    'POST /api/v1/staff': () => ({ url: '/api/v1/staff', body: { name: 'Namn', title: 'Utredare' } }),
    'PATCH /api/v1/staff/{id}': () => ({ url: `/api/v1/staff/${staff.id}`, body: { name: 'Guard Medarbetare', title: 'Utredare' } }),
    'POST /api/v1/activities': () => ({ url: '/api/v1/activities', body: validBody(r, { description: 'Text' }) }),
    'PUT /api/v1/activities/{id}': () => ({ url: `/api/v1/activities/${activity.id}`, body: validBody(r, { description: 'Text', version: activity.version }) }),
    'POST /api/v1/plan-items': () => ({ url: '/api/v1/plan-items', body: { ...planBody, title: `Punkt ${uniq()}` } }),
    'PUT /api/v1/plan-items/{id}': () => ({ url: `/api/v1/plan-items/${plan.id}`, body: { ...planBody, version: plan.version } }),
    'POST /api/v1/users': () => ({ url: '/api/v1/users', body: { username: `u${uniq()}`, displayName: 'Namn', role: 'rad', password: 'ett-långt-lösenord' }, as: 'admin' }),
    'PATCH /api/v1/users/{id}': () => ({ url: `/api/v1/users/${user.id}`, body: { displayName: 'Guard Användare' }, as: 'admin' }),
    'POST /api/v1/units': () => ({ url: '/api/v1/units', body: { name: `FoU ${uniq()}`, shortName: `Kort ${uniq()}`, county: 'Län', code: `kod-${uniq()}` }, as: 'installation' }),
    'PATCH /api/v1/units/{id}': () => ({ url: `/api/v1/units/${unit.id}`, body: { name: 'FoU Guard', shortName: 'Guard', county: 'Län' }, as: 'installation' }),
    'POST /api/v1/units/{id}/admins': () => ({ url: `/api/v1/units/${unit.id}/admins`, body: { username: `admin${uniq()}`, displayName: 'Namn' }, as: 'installation' }),
    'POST /api/v1/install/accounts': () => ({ url: '/api/v1/install/accounts', body: { username: `r${uniq()}`, displayName: 'Namn', role: 'region', county: 'Län' }, as: 'installation' }),
    'PATCH /api/v1/install/accounts/{id}': () => ({ url: `/api/v1/install/accounts/${regionAccount.account.id}`, body: { displayName: 'Namn', county: 'Län' }, as: 'installation' }),
    'POST /api/v1/activities/{id}/evaluation': () => ({ url: `/api/v1/activities/${toEvaluate.id}/evaluation`, body: evaluationBody }),
    'PUT /api/v1/evaluations/{id}': () => ({ url: `/api/v1/evaluations/${evaluation.id}`, body: { ...evaluationBody, version: 1 } }),
    'PUT /api/v1/evaluation-wording': () => ({ url: '/api/v1/evaluation-wording', body: { items: [{ key: 'rating', text: 'Vilket betyg ger du dagen?' }] } }),
    'POST /api/v1/public/evaluations/{token}/answers': () => ({
      url: `/api/v1/public/evaluations/${evaluation.publicToken}/answers`,
      body: { rating: 5, useful: 'helt', municipality: 'solna', targetGroup: 'medarbetare', comment: 'Bra dag', deviceToken: `guard-device-${uniq().padStart(8, '0')}` },
    }),
    'POST /api/v1/auth/login': () => ({ url: '/api/v1/auth/login', body: { username: 'x', password: 'y' } }),
    'POST /api/v1/auth/password': () => ({ url: '/api/v1/auth/password', body: { currentPassword: 'x', newPassword: 'y' } }),
  };
});
afterAll(async () => t.close());

let install: Awaited<ReturnType<TestApp['asInstall']>> | undefined;
async function agentFor(as: Call['as']) {
  if (as === 'installation') return (install ??= await t.asInstall('installation'));
  return as ? t.as(as) : t.http;
}

function setAt(body: Record<string, unknown>, at: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string, unknown> = copy;
  at.forEach((key, i) => {
    if (i === at.length - 1) { node[key] = value; return; }
    if (node[key] === undefined || node[key] === null) node[key] = /^\d+$/.test(at[i + 1]!) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  return copy;
}

const operations = Object.entries(spec.paths).flatMap(([p, ops]) => Object.entries(ops).flatMap(([method, op]) => {
  const schema = op.requestBody?.content['application/json']?.schema;
  const fields = schema ? stringFields(schema) : [];
  return fields.length ? [{ key: `${method.toUpperCase()} ${p}`, method: method as 'post' | 'put' | 'patch', fields }] : [];
}));

describe('every string in every request body refuses a personnummer', () => {
  it('finds the write operations and their fields in the contract', () => {
    // A floor, so a broken walk (no fields found) cannot pass quietly.
    expect(operations.length).toBeGreaterThanOrEqual(20);
    const all = operations.flatMap((o) => o.fields.map((f) => `${o.key} ${f.path.join('.')}`));
    for (const f of ['POST /api/v1/plan-items planned.0', 'POST /api/v1/goal-frameworks goals.0.description', 'POST /api/v1/areas reportLabel', 'PATCH /api/v1/users/{id} displayName']) {
      expect(all).toContain(f);
    }
    // Every exception names a field that exists.
    for (const e of Object.keys(EXCEPTIONS)) expect(all, e).toContain(e);
  });

  it.each(operations.map((o) => [o.key, o] as const))('%s', async (key, op) => {
    const make = bodies[key];
    expect(make, `no valid body for ${key}: add one to this test`).toBeDefined();
    const base = make!();
    const agent = await agentFor(base.as);
    // The body as given is valid, so a 400 below is the field's own.
    const ok = await agent[op.method](base.url).send(base.body);
    if (!key.startsWith('POST /api/v1/auth/')) expect(ok.status, `${key}: ${JSON.stringify(ok.body)}`).toBeLessThan(300);
    for (const f of op.fields) {
      const field = f.path.join('.');
      const exception = EXCEPTIONS[`${key} ${field}`];
      if (exception && !exception.refused) continue;
      const call = make!();
      const res = await agent[op.method](call.url).send(setAt(call.body, f.path, PNR));
      expect(res.status, `${key} ${field}: ${JSON.stringify(res.body)}`).toBe(400);
      const on = (res.body.fields as { field: string; code: string }[]).filter((x) => x.field === field);
      expect(on.length, `${key} ${field} not named: ${JSON.stringify(res.body.fields)}`).toBeGreaterThan(0);
      if (!exception && !f.isEnum) expect(on.map((x) => x.code), `${key} ${field}`).toContain('personal_identity_number');
    }
  });
});
