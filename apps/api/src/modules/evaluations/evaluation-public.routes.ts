/**
 * The public answer page's API: no login, the product's first writes without one. The token in the path is the
 * way in (160 random bits). What keeps it safe:
 *   - action 'public': the access hook reads no session and asks no CSRF token (there is no session to ride on);
 *   - a small body limit and a per-address limit in memory (@fastify/rate-limit, settings in lib/rate-limit.ts);
 *     the address is never stored;
 *   - the route logs at warn only, so the request line with the client's address is not written to the log;
 *   - an unknown token is a 404 and a closed evaluation a 409, each with a message the page shows as it is.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema, errorResponses, ApiError } from '../../lib/errors.ts';
import rateLimit from '@fastify/rate-limit';
import { DEFAULT_PUBLIC_ANSWER_LIMIT, type RateLimitSettings } from '../../lib/rate-limit.ts';
import * as s from './evaluation.schemas.ts';
import * as svc from './evaluation.service.ts';
import { evaluationLinkRepository } from './evaluation-link.repository.ts';

const tags = ['public'];
export const PUBLIC_ANSWER_BODY_LIMIT = 8 * 1024;

export const evaluationPublicRoutes: FastifyPluginAsyncZod<{ limit?: Partial<RateLimitSettings> | undefined }> = async (app, opts) => {
  const links = evaluationLinkRepository(app.db);
  const limit = { ...DEFAULT_PUBLIC_ANSWER_LIMIT, ...opts.limit };
  // Registered here, in this plugin's scope and off by default: only the answer route below asks for it.
  await app.register(rateLimit, { global: false });
  const { 401: _401, 403: _403, ...publicErrors } = errorResponses;

  app.get('/public/evaluations/:token', {
    config: { action: 'public' },
    logLevel: 'warn',
    schema: { tags, summary: 'Utvärderingen som svarssidan visar (utan inloggning)', security: [], params: s.tokenParam, response: { 200: s.publicEvaluation, ...publicErrors } },
  }, async (req) => svc.publicView(app.unitScopes, links, req.params.token));

  app.post('/public/evaluations/:token/answers', {
    logLevel: 'warn',
    bodyLimit: PUBLIC_ANSWER_BODY_LIMIT,
    config: {
      action: 'public',
      rateLimit: {
        max: limit.max,
        timeWindow: limit.windowMs,
        // The plugin sets Retry-After; the body is the API's usual error, in Swedish.
        errorResponseBuilder: (_req, context) => {
          const wait = Math.max(1, Math.ceil(context.ttl / 1000));
          return new ApiError(429, `För många svar från samma nätverk just nu. Försök igen om ${wait} sekunder.`, undefined, { code: 'too_many_attempts', params: { seconds: wait }, retryAfterSeconds: wait });
        },
      },
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
