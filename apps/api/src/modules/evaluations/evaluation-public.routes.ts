/**
 * The public answer page's API: no login, the product's first writes without one. The token in the path is the
 * way in (160 random bits). What keeps it safe:
 *   - action 'public': the access hook reads no session and asks no CSRF token (there is no session to ride on);
 *   - a small body limit and a per-address limit in memory (lib/rate-limit.ts); the address is never stored;
 *   - the route logs at warn only, so the request line with the client's address is not written to the log;
 *   - an unknown token is a 404 and a closed evaluation a 409, each with a message the page shows as it is.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema, errorResponses, ApiError } from '../../lib/errors.ts';
import { RateLimiter, type RateLimitSettings } from '../../lib/rate-limit.ts';
import * as s from './evaluation.schemas.ts';
import * as svc from './evaluation.service.ts';
import { evaluationLinkRepository } from './evaluation-link.repository.ts';

const tags = ['public'];
export const PUBLIC_ANSWER_BODY_LIMIT = 8 * 1024;

export const evaluationPublicRoutes: FastifyPluginAsyncZod<{ limit?: Partial<RateLimitSettings> | undefined }> = async (app, opts) => {
  const links = evaluationLinkRepository(app.db);
  const limiter = new RateLimiter(opts.limit);
  const { 401: _401, 403: _403, ...publicErrors } = errorResponses;

  app.get('/public/evaluations/:token', {
    config: { action: 'public' },
    logLevel: 'warn',
    schema: { tags, summary: 'Utvärderingen som svarssidan visar (utan inloggning)', security: [], params: s.tokenParam, response: { 200: s.publicEvaluation, ...publicErrors } },
  }, async (req) => svc.publicView(app.unitScopes, links, req.params.token));

  app.post('/public/evaluations/:token/answers', {
    config: { action: 'public' },
    logLevel: 'warn',
    bodyLimit: PUBLIC_ANSWER_BODY_LIMIT,
    onRequest: async (req, reply) => {
      const wait = limiter.hit(req.ip);
      if (wait !== null) void reply.header('retry-after', String(wait));
      if (wait !== null) throw new ApiError(429, `För många svar från samma nätverk just nu. Försök igen om ${wait} sekunder.`, undefined, { retryAfterSeconds: wait });
    },
    schema: {
      tags, summary: 'Lämna ett svar (utan inloggning); inget namn, ingen e-post och ingen IP-adress sparas', security: [],
      params: s.tokenParam, body: s.publicAnswer, response: { 201: s.publicAnswerReceipt, ...publicErrors, 413: errorBodySchema, 429: errorBodySchema },
    },
  }, async (req, reply) => {
    await svc.submitPublicAnswer(app.unitScopes, links, req.params.token, req.body);
    return reply.code(201).send({ received: true as const });
  });
};
