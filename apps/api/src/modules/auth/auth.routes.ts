import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorBodySchema, errorResponses } from '../../lib/errors.ts';
import * as s from './auth.schemas.ts';
import * as svc from './auth.service.ts';
import { endSession, resolveSession, SESSION_COOKIE, SIGNED_IN_COOKIE } from './session.service.ts';
import type { DemoAccountOfUnit } from '../../seed/demo-units.ts';
import { installRepository } from '../units/units.repository.ts';
import type { LoginThrottle } from '../../lib/login-throttle.ts';

const tags = ['auth'];
const DEVICE_COOKIE = 'fou_device';

function tooMany(reply: FastifyReply, waitMs: number, message: string): never {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  void reply.header('retry-after', String(seconds));
  throw new ApiError(429, `${message} Försök igen om ${seconds < 120 ? `${seconds} sekunder` : `${Math.ceil(seconds / 60)} minuter`}.`, undefined, { code: 'too_many_attempts', params: { seconds }, retryAfterSeconds: seconds });
}

export const authRoutes: FastifyPluginAsyncZod<{ demoAccounts: DemoAccountOfUnit[] | null; throttle: LoginThrottle }> = async (app, opts) => {
  const { sessions } = app;
  // Failures only, per address, per account and per browser: lib/login-throttle.ts says why and how much.
  const { throttle } = opts;
  // The account's unit, for the header: in a two-unit install a person should see where they are signed in.
  const install = installRepository(app.db);
  const withUnit = (me: Omit<s.Me, 'unit' | 'municipality'>): s.Me => ({ ...me, unit: install.unitOfAccount(me.user.id), municipality: install.municipalityOfAccount(me.user.id) });

  app.post('/auth/login', {
    config: { action: 'public' },
    schema: { tags, summary: 'Logga in (sätter sessionskakan fou_session); misslyckade försök bromsas (429 med Retry-After)', security: [], body: s.loginBody, response: { 200: s.me, ...errorResponses, 429: errorBodySchema } },
  }, async (req, reply) => {
    const username = req.body.username.trim().toLowerCase();
    const device = throttle.trustedDevice(username, req.cookies[DEVICE_COOKIE]);
    const verdict = throttle.check(req.ip, username, device);
    if (verdict.wait > 0) {
      req.log.warn({ reason: verdict.reason, username, ip: req.ip }, 'login throttled');
      tooMany(reply, verdict.wait, verdict.reason === 'ip'
        ? 'För många misslyckade inloggningar från din adress.'
        : 'För många misslyckade inloggningar på det här kontot.');
    }
    let result: Awaited<ReturnType<typeof svc.login>>;
    try {
      result = await svc.login(sessions, username, req.body.password);
    } catch (err) {
      if (err instanceof ApiError && err.statusCode === 401) throttle.failed(req.ip, username, device);
      throw err;
    }
    throttle.succeeded(username, device);
    const secure = req.protocol === 'https';
    reply.setCookie(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'lax', path: '/', secure });
    reply.setCookie(SIGNED_IN_COOKIE, '1', { httpOnly: false, sameSite: 'lax', path: '/', secure });
    // Lets this browser past the per-account pause next time (it proved the password once).
    reply.setCookie(DEVICE_COOKIE, device ? req.cookies[DEVICE_COOKIE]! : throttle.deviceToken(username), {
      httpOnly: true, sameSite: 'strict', path: '/api/v1/auth/login', secure, maxAge: 365 * 24 * 60 * 60,
    });
    return withUnit(result.me);
  });

  app.post('/auth/logout', {
    config: { action: 'session' },
    schema: { tags, summary: 'Logga ut', response: { 204: z.null().meta({ description: 'Utloggad' }), ...errorResponses } },
  }, async (req, reply) => {
    await endSession(sessions, req.session!.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(SIGNED_IN_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/auth/me', {
    config: { action: 'session' },
    schema: { tags, summary: 'Den inloggade: konto, roll, medarbetare och CSRF-token (401 utan session)', response: { 200: s.me, ...errorResponses } },
  }, async (req) => withUnit(svc.meOf(req.session!)));

  app.post('/auth/password', {
    config: { action: 'session' },
    schema: { tags, summary: 'Byt eget lösenord (minst 12 tecken); övriga sessioner avslutas; fel nuvarande lösenord bromsas (429)', body: s.passwordChange, response: { 204: z.null().meta({ description: 'Bytt' }), ...errorResponses, 429: errorBodySchema } },
  }, async (req, reply) => {
    const userId = req.session!.principal.userId;
    const verdict = throttle.checkPasswordChange(userId);
    if (verdict.wait > 0) tooMany(reply, verdict.wait, 'För många försök med fel nuvarande lösenord.');
    try {
      await svc.changePassword(sessions, req.session!.principal.unitId === null ? null : req.scope, req.session!, req.body.currentPassword, req.body.newPassword);
    } catch (err) {
      if (err instanceof ApiError && err.fields?.some((f) => f.code === 'wrong_password')) throttle.passwordChangeFailed(userId);
      throw err;
    }
    return reply.code(204).send(null);
  });

  app.get('/auth/demo-accounts', {
    config: { action: 'public' },
    schema: { tags, summary: 'Demokonton med lösenord (bara i demoläge, annars 404)', security: [], response: { 200: s.demoAccounts, ...errorResponses } },
  }, async () => {
    if (!opts.demoAccounts) throw new ApiError(404, 'Demokonton finns bara i demoläge.');
    return opts.demoAccounts;
  });

  // The web app's question on every page load, the login page's too: 200 either way, so a visit signed out
  // neither logs a failed request in the browser's console nor has to be told apart from an expired session.
  app.get('/auth/session', {
    config: { action: 'public' },
    schema: {
      tags,
      summary: 'Är någon inloggad? Alltid 200: { signedIn: false } utan giltig session, annars { signedIn: true, me } som /auth/me',
      security: [],
      response: { 200: s.sessionState, ...errorResponses },
    },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? resolveSession(sessions, token) : null;
    if (!session && req.cookies[SIGNED_IN_COOKIE]) reply.clearCookie(SIGNED_IN_COOKIE, { path: '/' });
    return session ? { signedIn: true as const, me: withUnit(svc.meOf(session)) } : { signedIn: false as const };
  });
};
