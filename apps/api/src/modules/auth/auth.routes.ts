import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorBodySchema, errorResponses } from '../../lib/errors.ts';
import * as s from './auth.schemas.ts';
import * as svc from './auth.service.ts';
import { endSession, SESSION_COOKIE } from './session.service.ts';
import type { DemoAccount } from '../users/user.service.ts';

const tags = ['auth'];
const FIFTEEN_MINUTES = 15 * 60 * 1000;
const tooMany = () => new ApiError(429, 'För många inloggningsförsök. Vänta en kvart och försök igen.');

export const authRoutes: FastifyPluginAsyncZod<{ demoAccounts: DemoAccount[] | null }> = async (app, opts) => {
  const { db } = app;
  // Two budgets: spraying many accounts from one address, and guessing one account's password from it. The
  // plugin runs one limiter hook per request, so the second is asked directly once the body is parsed.
  const perIp = app.rateLimit({ max: 50, timeWindow: FIFTEEN_MINUTES, keyGenerator: (req) => `login-ip:${req.ip}`, errorResponseBuilder: tooMany });
  const perAccount = app.createRateLimit({
    max: 10,
    timeWindow: FIFTEEN_MINUTES,
    keyGenerator: (req) => `login-user:${req.ip}:${String((req.body as { username?: unknown } | undefined)?.username ?? '').trim().toLowerCase()}`,
  });

  app.post('/auth/login', {
    config: { action: 'public' },
    onRequest: perIp,
    preHandler: async (req, reply) => {
      const limit = await perAccount(req);
      if (!limit.isAllowed && limit.isExceeded) {
        reply.header('retry-after', limit.ttlInSeconds);
        throw tooMany();
      }
    },
    schema: { tags, summary: 'Logga in (sätter sessionskakan fou_session)', security: [], body: s.loginBody, response: { 200: s.me, ...errorResponses, 429: errorBodySchema } },
  }, async (req, reply) => {
    const { token, me } = await svc.login(db, req.body.username, req.body.password);
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: req.protocol === 'https' });
    return me;
  });

  app.post('/auth/logout', {
    config: { action: 'session' },
    schema: { tags, summary: 'Logga ut', response: { 204: z.null().meta({ description: 'Utloggad' }), ...errorResponses } },
  }, async (req, reply) => {
    await endSession(db, req.session!.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/auth/me', {
    config: { action: 'session' },
    schema: { tags, summary: 'Den inloggade: konto, roll, medarbetare och CSRF-token (401 utan session)', response: { 200: s.me, ...errorResponses } },
  }, async (req) => svc.meOf(req.session!));

  app.post('/auth/password', {
    config: { action: 'session' },
    schema: { tags, summary: 'Byt eget lösenord (minst 12 tecken); övriga sessioner avslutas', body: s.passwordChange, response: { 204: z.null().meta({ description: 'Bytt' }), ...errorResponses } },
  }, async (req, reply) => {
    await svc.changePassword(db, req.session!, req.body.currentPassword, req.body.newPassword);
    return reply.code(204).send(null);
  });

  app.get('/auth/demo-accounts', {
    config: { action: 'public' },
    schema: { tags, summary: 'Demokonton med lösenord (bara i demoläge, annars 404)', security: [], response: { 200: s.demoAccounts, ...errorResponses } },
  }, async () => {
    if (!opts.demoAccounts) throw new ApiError(404, 'Demokonton finns bara i demoläge.');
    return opts.demoAccounts;
  });
};
