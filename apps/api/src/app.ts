/**
 * Builds the Fastify instance: database, plugins, routes, the SPA's files. server.ts listens; tests call
 * buildApp() with a temp database and talk to it through supertest.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import fastifyCookie from '@fastify/cookie';
import helmet from 'helmet';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import { openDatabase, sqliteCannotWrite, type Db } from './db/client.ts';
import { normaliseStoredText } from './db/normalise-text.ts';
import { isBusy, LOCK_PROBE_MS } from './db/write.ts';
import { ApiError, type ApiErrorCode, type FieldError } from './lib/errors.ts';
import type { ApiErrorParams } from '@fou/domain';
import { registerAccessHook } from './lib/access.ts';
import { LoginThrottle } from './lib/login-throttle.ts';
import { registerCompression } from './lib/compression.ts';
import { registerRobots } from './lib/robots.ts';
import { openapiTransform, openapiTransformObject } from './lib/openapi.ts';
import { BANNER, loggerOptions } from './lib/logging.ts';
import { seedReferenceData } from './seed/reference-seed.ts';
import { loadDemoData } from './seed/demo-data.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { activityRoutes } from './modules/activities/activity.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { userRoutes } from './modules/users/user.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { periodLockRoutes } from './modules/period-locks/period-lock.routes.ts';
import { ensureDemoAccounts, ensureFirstAdmin } from './modules/users/user.service.ts';
import { sessionRepository, type SessionRepository } from './modules/auth/session.repository.ts';
import { UnitScope } from './db/unit-scope.ts';
import { planRoutes } from './modules/plan/plan.routes.ts';
import { reportRoutes } from './modules/reports/reports.routes.ts';
import { annualReportRoutes } from './modules/annual-report/annual-report.routes.ts';
import { unitRoutes } from './modules/units/units.routes.ts';
import { installRepository } from './modules/units/units.repository.ts';
import { ensureInstallAdmin } from './modules/units/units.service.ts';
import { loadDemoUnits } from './seed/demo-units.ts';
import { regionRoutes } from './modules/region/region.routes.ts';
import { unitSettingsRoutes } from './modules/unit-settings/unit-settings.routes.ts';
import { evaluationRoutes } from './modules/evaluations/evaluation.routes.ts';
import { evaluationPublicRoutes } from './modules/evaluations/evaluation-public.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** The install's sessions and sign-in lookups (modules/auth/session.repository.ts), built once. */
    sessions: SessionRepository;
  }
}

export const API_PREFIX = '/api/v1';

// Validation messages reach Swedish users through the SPA: Zod's own Swedish texts where ours are not set.
z.config(z.locales.sv());

export async function buildApp(config: Config): Promise<FastifyInstance> {
  const db = openDatabase(config.databasePath);
  const unitId = await seedReferenceData(db);
  if (config.demo) loadDemoData(db, unitId);
  const normalisedNotes: string[] = [];
  normaliseStoredText(db, (note) => normalisedNotes.push(note));
  // From here on, a write that finds another process's lock waits asynchronously (db/write.ts), not in SQLite.
  db.$client.pragma(`busy_timeout = ${LOCK_PROBE_MS}`);

  const app = Fastify({
    logger: await loggerOptions(config),
    // A path that does not decode (GET /api/v1/%E0%A4%A) gets the documented error shape, like every other 400.
    frameworkErrors: (err, _request, reply) => {
      const badUrl = err.code === 'FST_ERR_BAD_URL';
      void (reply as unknown as FastifyReply).code(400).header('cache-control', 'no-store').send({
        statusCode: 400, error: 'Bad Request', code: badUrl ? 'bad_url' : 'bad_request',
        message: badUrl ? 'Adressen går inte att läsa: den innehåller en felaktig %-kodning.' : 'Begäran går inte att läsa.',
      });
    },
    // Activity descriptions are short texts; anything near this is a mistake or an attack.
    bodyLimit: 256 * 1024,
    trustProxy: trustProxyOption(config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('sessions', sessionRepository(db));
  if (config.demo) {
    app.log.warn('Demoläge: demodata och ett konto per roll med lösenord som visas öppet på inloggningssidan. Använd aldrig demoläget för riktiga uppgifter.');
  }
  app.addHook('onClose', async () => db.$client.close());
  for (const note of normalisedNotes) app.log.warn(note);

  const firstUnit = new UnitScope(db, unitId);
  const demoAccounts = config.demo ? await allDemoAccounts(db, firstUnit) : null;
  const oneTimePassword = await ensureFirstAdmin(firstUnit, config.adminPassword);
  // Every install has an install administrator, so units can be added: a new install, and an upgraded one at its next start.
  const installAdmin = await ensureInstallAdmin(installRepository(db), config.installAdminPassword);
  if (oneTimePassword) {
    // Shown once: it is stored only as a hash, and the first sign-in must replace it.
    // Marked as a banner: at a terminal it is the line that stands out (lib/logging.ts).
    const install = installAdmin?.password ? `; installationsadministratören "${installAdmin.username}" (lägger upp FoU-enheter) fick engångslösenordet ${installAdmin.password}` : '';
    app.log.warn({ [BANNER]: true }, `FÖRSTA START: inga konton fanns, så kontot "admin" skapades med engångslösenordet ${oneTimePassword} (logga in och byt det)${install}`);
  } else if (installAdmin?.password) {
    app.log.warn({ [BANNER]: true }, `INSTALLATIONEN: ingen installationsadministratör fanns, så kontot "${installAdmin.username}" skapades med engångslösenordet ${installAdmin.password} (logga in och byt det; där läggs nya FoU-enheter upp)`);
  }

  await app.register(fastifyCookie);
  await registerCompression(app);
  // Helmet's middleware is built once here and run on every response. (@fastify/helmet builds it anew for every
  // request, which cost about a tenth of a registered activity's time.)
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React renders style attributes, and Chart.js sizes its canvas with them.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  // Its headers depend on nothing in the request (no nonces, no per-path rules), so helmet runs once, on a stand-in
  // response, and every response gets the headers it set: its thirteen middlewares per request were about a
  // fifteenth of a registered activity's CPU time.
  const staticSecurityHeaders = helmetHeaders(securityHeaders);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of staticSecurityHeaders) reply.raw.setHeader(name, value);
    done();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'FoU-uppföljning API',
        description: 'Aktiviteter, referensdata och rapporter för en FoU-enhet inom socialtjänsten.',
        version: '1.0.0',
        // The licence the unit publishes the tool under: EUPL-1.2, which Swedish public bodies use for shared code.
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      // The API answers on the same host and port as the SPA; paths below carry the /api/v1 prefix.
      servers: [{ url: '/', description: 'Samma server som webbappen' }],
      tags: [
        { name: 'activities', description: 'Registrerade aktiviteter' },
        { name: 'reference', description: 'Referensdata: kommuner, områden, mål, typer, uppdrag, medarbetare' },
        { name: 'auth', description: 'Inloggning, session och eget lösenord' },
        { name: 'users', description: 'Konton och roller' },
        { name: 'audit', description: 'Ändringsloggen' },
        { name: 'period-locks', description: 'Låsta år' },
        { name: 'plan', description: 'Verksamhetsplanens punkter och uppföljningen av dem' },
        { name: 'install', description: 'Installationen: FoU-enheter, deras första administratör och installationens egna konton' },
        { name: 'unit', description: 'Enhetens egna inställningar (om den delar sina siffror i den regionala jämförelsen)' },
        { name: 'region', description: 'Regional jämförelse: sammanräknade siffror per enhet och år för de enheter som delar dem' },
        { name: 'reports', description: 'Rapporter: fördelningar, korstabeller, trender, nådda kommuner och verksamhetsberättelsens tabeller; som JSON, CSV eller XLSX' },
      ],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey', in: 'cookie', name: 'fou_session',
            description: 'Sessionskakan från POST /api/v1/auth/login. Skrivande anrop kräver dessutom huvudet x-csrf-token (från inloggningen eller GET /auth/me).',
          },
        },
      },
      security: [{ session: [] }],
    },
    // operationIds, the access rules' and the database's error answers, unused components left out: lib/openapi.ts.
    transform: openapiTransform,
    transformObject: openapiTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  // Swagger UI starts itself with an inline script; only its own pages get that allowance. Every API answer is
  // personal (who is signed in, the CSRF token, the unit's records), so no browser or proxy may keep a copy:
  // no-store, exports too (a download needs no cache).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    if (request.url === '/docs' || request.url.startsWith('/docs/')) {
      reply.header('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
    }
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err.validationContext ?? 'body') as FieldError['in'];
      const fields: FieldError[] = err.validation.flatMap((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        // A refinement of ours names its stable code in params (lib/text.ts: personal_identity_number…).
        const own = (v.params?.params as { code?: unknown } | undefined)?.code;
        // Our codes and zod's issue codes are both in API_ERROR_CODES (packages/domain/src/api-error-codes.ts).
        const code = (v.keyword === 'custom' && typeof own === 'string' ? own : v.keyword) as ApiErrorCode;
        const base = { in: where, code, message: v.message ?? 'Ogiltigt värde', ...issueParams(v.params) };
        // Unknown keys are reported on their object; name each key on its own so the client sees which ones.
        const keys = v.keyword === 'unrecognized_keys' ? ((v.params?.keys ?? []) as string[]) : [];
        if (keys.length) return keys.map((k) => ({ ...base, field: path ? `${path}.${k}` : k }));
        return [{ ...base, field: path || where }];
      });
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'Ogiltig indata: se fields.', fields });
    }
    if (err instanceof ApiError) {
      return reply.code(err.statusCode).send({
        statusCode: err.statusCode,
        error: statusText(err.statusCode),
        message: err.message,
        ...(err.fields ? { fields: err.fields } : {}),
        ...err.extra,
      });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'Internt fel.' });
    }
    // Another process held the write lock for the whole wait: nothing was written, and a retry will likely work.
    if (isBusy(err)) { // DatabaseBusyError carries SQLITE_BUSY too
      request.log.warn({ err }, 'database busy');
      return reply.code(503).header('retry-after', '1').send({
        statusCode: 503, error: 'Service Unavailable', message: 'Databasen är upptagen just nu. Inget sparades; försök igen om en stund.',
      });
    }
    // The file cannot be written (read-only, disk I/O error, disk full): the transaction was rolled back whole. The
    // operator must act, so it is logged as an error; the user learns that nothing was saved.
    if (sqliteCannotWrite(err)) {
      const code = (err as { code?: string }).code!;
      request.log.error({ err, code }, 'database cannot write');
      const why = code === 'SQLITE_FULL' ? 'disken är full' : code.startsWith('SQLITE_READONLY') ? 'databasfilen är skrivskyddad' : 'databasfilen kan inte läsas eller skrivas';
      return reply.code(503).header('retry-after', '60').send({
        statusCode: 503, error: 'Service Unavailable',
        message: `Databasen kan inte spara just nu (${why}). Inget sparades. Försök igen senare och säg till den som sköter servern.`,
      });
    }
    // Fastify's own client errors (bad JSON, wrong content type, body too large) keep their 4xx status, in the
    // documented shape with a stable code and a Swedish message.
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) request.log.error({ err }, 'unhandled error');
    let known = err.code ? FASTIFY_CLIENT_ERRORS[err.code] : undefined;
    // A route may have a smaller limit than the server's (the public answer page): name the one that applied.
    const routeLimit = request.routeOptions.bodyLimit;
    if (known?.code === 'body_too_large' && routeLimit) known = { ...known, message: `Innehållet är för stort (högst ${Math.round(routeLimit / 1024)} kB).` };
    const limitKb = Math.round((routeLimit || app.initialConfig.bodyLimit || 0) / 1024);
    return reply.code(status).send({
      statusCode: status,
      error: statusText(status),
      message: status === 500 ? 'Internt fel.' : known?.message ?? err.message,
      ...(known ? { code: known.code } : {}),
      ...(known?.code === 'body_too_large' ? { params: { kb: limitKb } } : {}),
      ...(known?.field ? { fields: [{ field: 'body', in: 'body', code: known.code, message: known.message }] } : {}),
    });
  });

  const hasSpa = fs.existsSync(`${config.webDist}/index.html`);
  app.setNotFoundHandler((request, reply) => {
    // A missing hashed file (an old tab asking for a chunk replaced by a new release) must fail as a 404, not come
    // back as index.html: the SPA then offers to reload instead of choking on HTML for JavaScript.
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || request.method !== 'GET' || !hasSpa) {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Ingen resurs på ${request.method} ${request.url.split('?')[0]}.` });
    }
    // Client-side routes (/aktiviteter, /rapporter…) all load the SPA, which routes itself.
    return reply.sendFile('index.html');
  });

  registerAccessHook(app);
  registerRobots(app);
  await app.register(referenceRoutes, { prefix: API_PREFIX });
  await app.register(activityRoutes, { prefix: API_PREFIX });
  await app.register(authRoutes, { prefix: API_PREFIX, demoAccounts, throttle: new LoginThrottle(config.loginThrottle) });
  await app.register(userRoutes, { prefix: API_PREFIX });
  await app.register(auditRoutes, { prefix: API_PREFIX });
  await app.register(periodLockRoutes, { prefix: API_PREFIX });
  await app.register(planRoutes, { prefix: API_PREFIX });
  await app.register(reportRoutes, { prefix: API_PREFIX });
  await app.register(annualReportRoutes, { prefix: API_PREFIX });
  await app.register(unitRoutes, { prefix: API_PREFIX });
  await app.register(unitSettingsRoutes, { prefix: API_PREFIX });
  await app.register(regionRoutes, { prefix: API_PREFIX });
  await app.register(evaluationRoutes, { prefix: API_PREFIX });
  await app.register(evaluationPublicRoutes, { prefix: API_PREFIX, limit: config.publicAnswerLimit });

  if (hasSpa) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: 'index.html',
      // The build writes .br and .gz beside each file (apps/web/vite.config.ts): sent as they are, also for
      // index.html when a client route falls back to it (reply.sendFile above).
      preCompressed: true,
      // Vite puts a content hash in every file under assets/: a returning browser may keep them for good. The
      // rest (index.html above all) names those files, so it is checked again on every visit.
      setHeaders: (reply, filePath) => {
        const hashed = filePath.startsWith(path.join(config.webDist, 'assets') + path.sep);
        void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  return app;
}

/**
 * Only the configured proxies are believed about X-Forwarded-For/-Proto (config.ts, parseTrustProxy). Fastify
 * itself trusts nothing for a bare hop count (it cannot tell the proxy from a client that reached the server
 * directly), so a count becomes "the nearest N addresses are proxies": right when the server listens only where
 * the proxy reaches it (HOST=127.0.0.1, the default), which the README asks for; otherwise list the addresses.
 */
function trustProxyOption(tp: Config['trustProxy']): FastifyServerOptions['trustProxy'] {
  if (typeof tp === 'number') return (_address: string, hop: number) => hop < tp;
  return tp ?? false;
}

/**
 * The values a length or range message names, so the client can word "at most 200 characters" itself: zod puts
 * them on the issue (maximum, minimum, origin: string, number, array…).
 */
function issueParams(p: Record<string, unknown> | undefined): { params?: ApiErrorParams } {
  const params: ApiErrorParams = {};
  if (typeof p?.maximum === 'number' || typeof p?.maximum === 'bigint') params.max = Number(p.maximum);
  if (typeof p?.minimum === 'number' || typeof p?.minimum === 'bigint') params.min = Number(p.minimum);
  if (typeof p?.origin === 'string') params.origin = p.origin;
  return Object.keys(params).length ? { params } : {};
}

/** Fastify's client errors by its code: our stable code and a Swedish message; `field` when it is the body's fault. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: ApiErrorCode; message: string; field?: boolean }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'Innehållet är inte giltig JSON.', field: true },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'empty_body', message: 'Innehållet är tomt fast content-type säger JSON.', field: true },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', message: 'Innehållet är för stort (högst 256 kB).' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Innehållstypen stöds inte: skicka JSON (content-type: application/json).' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_content_length', message: 'Content-Length stämmer inte med innehållet.' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'bad_content_type', message: 'Content-Type är ogiltig.' },
};

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 503: 'Service Unavailable',
  };
  return texts[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

/** The demo's accounts, grouped on the login page by the unit each belongs to (null: the install's own). */
async function allDemoAccounts(db: Db, firstUnit: UnitScope) {
  const first = await ensureDemoAccounts(firstUnit);
  const more = await loadDemoUnits(db, firstUnit.unitId);
  const name = installRepository(db).getUnit(firstUnit.unitId)!.name;
  return [...first.map((a) => ({ ...a, unit: name as string | null })), ...more];
}

/** The headers a helmet middleware sets, read off a stand-in response (helmet only sets and removes headers). */
function helmetHeaders(middleware: ReturnType<typeof helmet>): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) { headers.set(name.toLowerCase(), String(value)); },
    removeHeader(name: string) { headers.delete(name.toLowerCase()); },
  };
  let failed: unknown;
  middleware({} as never, res as never, (err?: unknown) => { failed = err; });
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  if (headers.size === 0) throw new Error('helmet satte inga huvuden');
  return [...headers];
}
