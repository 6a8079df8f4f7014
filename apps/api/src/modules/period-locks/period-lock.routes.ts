import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FIRST_ACTIVITY_YEAR, isActivityYear, YEARS_AHEAD } from '@fou/domain';
import { errorResponses } from '../../lib/errors.ts';
import * as svc from './period-lock.service.ts';

const tags = ['period-locks'];
const lock = z.object({ year: z.number().int(), lockedAt: z.string(), lockedBy: z.number().int().nullable() });
// The years activities may have (packages/domain, dates.ts): every year that can hold one can be locked.
const yearParam = z.strictObject({
  year: z.coerce.number().int()
    .refine((y) => isActivityYear(y), { message: `Året måste ligga mellan ${FIRST_ACTIVITY_YEAR} och ${YEARS_AHEAD} år efter i år.`, params: { code: 'year_out_of_range' } })
    .meta({ description: `År ${FIRST_ACTIVITY_YEAR} till ${YEARS_AHEAD} år efter i år` }),
});

export const periodLockRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/period-locks', {
    config: { action: 'period:read' },
    schema: { tags, summary: 'Låsta år (verksamhetsberättelsen fastställd)', response: { 200: z.array(lock), ...errorResponses } },
  }, async (req) => svc.listLocks(req.scope));

  app.put('/period-locks/:year', {
    config: { action: 'period:lock' },
    schema: { tags, summary: 'Lås ett år', params: yearParam, response: { 200: lock, ...errorResponses } },
  }, async (req) => svc.lockYear(req.scope, req.principal, req.params.year));

  app.delete('/period-locks/:year', {
    config: { action: 'period:lock' },
    schema: { tags, summary: 'Lås upp ett år', params: yearParam, response: { 204: z.null().meta({ description: 'Upplåst' }), ...errorResponses } },
  }, async (req, reply) => {
    await svc.unlockYear(req.scope, req.principal, req.params.year);
    return reply.code(204).send(null);
  });
};
