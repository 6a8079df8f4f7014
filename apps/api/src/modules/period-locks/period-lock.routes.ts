import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/errors.ts';
import * as svc from './period-lock.service.ts';

const tags = ['period-locks'];
const lock = z.object({ year: z.number().int(), lockedAt: z.string(), lockedBy: z.number().int().nullable() });
const yearParam = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const periodLockRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, unitId } = app;

  app.get('/period-locks', {
    config: { action: 'period:read' },
    schema: { tags, summary: 'Låsta år (årsredovisningen fastställd)', response: { 200: z.array(lock), ...errorResponses } },
  }, async () => svc.listLocks(db, unitId));

  app.put('/period-locks/:year', {
    config: { action: 'period:lock' },
    schema: { tags, summary: 'Lås ett år', params: yearParam, response: { 200: lock, ...errorResponses } },
  }, async (req) => svc.lockYear(db, unitId, req.principal, req.params.year));

  app.delete('/period-locks/:year', {
    config: { action: 'period:lock' },
    schema: { tags, summary: 'Lås upp ett år', params: yearParam, response: { 204: z.null().meta({ description: 'Upplåst' }), ...errorResponses } },
  }, async (req, reply) => {
    await svc.unlockYear(db, unitId, req.principal, req.params.year);
    return reply.code(204).send(null);
  });
};
