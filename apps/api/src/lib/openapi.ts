/**
 * What the generated OpenAPI document adds to the routes' own schemas, in one place so no route has to repeat it:
 *   - an operationId made from the method and the path (GET /api/v1/reports/vb/:year → getReportsVbYear), unless
 *     the route names its own; stable while the path is, and unique (two alike stop the generator);
 *   - the error answers the access hook and the database give, from the route's access rule (config.action):
 *     401 on every operation that needs a session, 403 where a role decides or a write needs the CSRF token,
 *     503 on every write (the write lock was held too long, or the database cannot write: nothing was saved), 429
 *     where a route is rate-limited; every error answer with a description of when it comes;
 *   - no component that no operation uses (the zod provider makes an `…Input` twin of every named schema).
 */
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Action } from './access.ts';
import { errorBodySchema } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** When each error answer comes, as the API's users read it. */
export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Ogiltig indata: fields namnger varje fält som inte godtogs.',
  401: 'Inte inloggad, eller så har sessionen gått ut.',
  403: 'Rollen har inte behörighet, CSRF-token (x-csrf-token) saknas eller är fel, eller kontot måste byta lösenord först (code: must_change_password).',
  404: 'Finns inte.',
  409: 'Krockar med det som finns: en äldre version (currentVersion anger den aktuella), ett låst år eller ett namn som är upptaget.',
  413: 'Innehållet är större än operationen tar emot.',
  429: 'För många försök. Retry-After anger hur många sekunder som återstår.',
  503: 'Databasen kunde inte skriva just nu (skrivlåset hölls för länge eller databasen går inte att skriva till). Inget sparades; försök igen (Retry-After).',
};

/** The operationId of a route without one of its own: the method, then each path segment, in camelCase. */
export function operationIdFor(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v\d+/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => segment.replace(/^:/, '').split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** The error answers the access hook and the database add to an operation, from its access rule and method. */
export function accessErrorStatuses(action: Action | undefined, method: string, rateLimited: boolean): number[] {
  const write = !SAFE_METHODS.has(method.toUpperCase());
  const statuses: number[] = [];
  if (action !== undefined && action !== 'public') {
    statuses.push(401);
    // 'session' routes are open to every signed-in account, but a write still needs the CSRF token.
    if (action !== 'session' || write) statuses.push(403);
  }
  if (rateLimited) statuses.push(429);
  if (write) statuses.push(503);
  return statuses;
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions };
type Responses = Record<string, unknown>;

const described = (status: number) => ({
  description: ERROR_DESCRIPTIONS[status] ?? 'Fel',
  content: { 'application/json': { schema: errorBodySchema } },
});

export function openapiTransform(document: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const { schema, route } = document;
  if (!schema || (schema as { hide?: boolean }).hide) return jsonSchemaTransform(document);
  const method = [route.method].flat()[0]!;
  const action = route.config?.action;
  const responses: Responses = { ...((schema.response as Responses | undefined) ?? {}) };
  const rateLimited = '429' in responses || 429 in responses || Boolean((route.config as { rateLimit?: unknown } | undefined)?.rateLimit);
  for (const status of accessErrorStatuses(action, method, rateLimited)) responses[status] = errorBodySchema;
  // Every error answer in the shared shape gets words on when it comes, instead of "Default Response".
  for (const [status, response] of Object.entries(responses)) {
    if (response === errorBodySchema) responses[status] = described(Number(status));
  }
  const operationId = (schema as { operationId?: string }).operationId ?? operationIdFor(method, route.url);
  return jsonSchemaTransform({ ...document, schema: { ...schema, operationId, response: responses } as FastifySchema });
}

interface OpenapiObject {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
  [key: string]: unknown;
}

/** Every `#/components/schemas/X` reference inside `value`. */
function referencedSchemas(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencedSchemas(v, into);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) into.add(v.slice('#/components/schemas/'.length));
      else referencedSchemas(v, into);
    }
  }
  return into;
}

export function openapiTransformObject(document: Parameters<typeof jsonSchemaTransformObject>[0]): ReturnType<typeof jsonSchemaTransformObject> {
  const spec = jsonSchemaTransformObject(document) as OpenapiObject;
  const schemas = spec.components?.schemas ?? {};
  // The schemas the operations reach, directly or through other schemas.
  const used = new Set<string>();
  const queue = [...referencedSchemas(spec.paths, new Set())];
  while (queue.length) {
    const name = queue.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    queue.push(...referencedSchemas(schemas[name], new Set()));
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  // Two routes that make the same operationId would make clients' generated method names collide.
  const seen = new Map<string, string>();
  for (const [path, methods] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const id = (op as { operationId?: string }).operationId;
      if (!id) continue;
      const other = seen.get(id);
      if (other) throw new Error(`operationId ${id} is made by both ${other} and ${method.toUpperCase()} ${path}`);
      seen.set(id, `${method.toUpperCase()} ${path}`);
    }
  }
  return { ...spec, components: { ...spec.components, schemas: kept } } as ReturnType<typeof jsonSchemaTransformObject>;
}
