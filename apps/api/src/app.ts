/**
 * Builds the Fastify instance: database, plugins, routes, the SPA's files. server.ts listens; tests call
 * buildApp() with a temp database and talk to it through supertest.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import fastifyCookie from '@fastify/cookie';
import helmet from 'helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import { openDatabase, type Db } from './db/client.ts';
import { ApiError, type FieldError } from './lib/errors.ts';
import { registerAccessHook } from './lib/access.ts';
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
import { planRoutes } from './modules/plan/plan.routes.ts';
import { reportRoutes } from './modules/reports/reports.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** The FoU unit this install serves (one today; the schema allows more). */
    unitId: number;
  }
}

export const API_PREFIX = '/api/v1';

// Validation messages reach Swedish users through the SPA: Zod's own Swedish texts where ours are not set.
z.config(z.locales.sv());

export async function buildApp(config: Config): Promise<FastifyInstance> {
  const db = openDatabase(config.databasePath);
  const unitId = seedReferenceData(db);
  if (config.demo) loadDemoData(db, unitId);

  const app = Fastify({
    logger: await loggerOptions(config),
    // Activity descriptions are short texts; anything near this is a mistake or an attack.
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('unitId', unitId);
  app.addHook('onClose', async () => db.$client.close());

  const demoAccounts = config.demo ? await ensureDemoAccounts(db, unitId) : null;
  const oneTimePassword = await ensureFirstAdmin(db, unitId, config.adminPassword);
  if (oneTimePassword) {
    // Shown once: it is stored only as a hash, and the first sign-in must replace it.
    // Marked as a banner: at a terminal it is the line that stands out (lib/logging.ts).
    app.log.warn({ [BANNER]: true }, `FÖRSTA START: inga konton fanns, så kontot "admin" skapades med engångslösenordet ${oneTimePassword} (logga in och byt det).`);
  }

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
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
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));

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
  // Swagger UI starts itself with an inline script; only its own pages get that allowance.
  app.addHook('onSend', async (request, reply) => {
    if (request.url === '/docs' || request.url.startsWith('/docs/')) {
      reply.header('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
    }
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err.validationContext ?? 'body') as FieldError['in'];
      const fields: FieldError[] = err.validation.flatMap((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const base = { in: where, code: v.keyword, message: v.message ?? 'Ogiltigt värde' };
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
    // Another process held the write lock past busy_timeout: nothing was written, and a retry will likely work.
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      request.log.warn({ err }, 'database busy');
      return reply.code(503).header('retry-after', '1').send({
        statusCode: 503, error: 'Service Unavailable', message: 'Databasen är upptagen just nu. Inget sparades; försök igen om en stund.',
      });
    }
    // Fastify's own client errors (bad JSON, wrong content type, body too large) keep their 4xx status.
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) request.log.error({ err }, 'unhandled error');
    return reply.code(status).send({
      statusCode: status,
      error: statusText(status),
      message: status === 500 ? 'Internt fel.' : err.message,
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
  await app.register(authRoutes, { prefix: API_PREFIX, demoAccounts });
  await app.register(userRoutes, { prefix: API_PREFIX });
  await app.register(auditRoutes, { prefix: API_PREFIX });
  await app.register(periodLockRoutes, { prefix: API_PREFIX });
  await app.register(planRoutes, { prefix: API_PREFIX });
  await app.register(reportRoutes, { prefix: API_PREFIX });

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

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 503: 'Service Unavailable',
  };
  return texts[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}
