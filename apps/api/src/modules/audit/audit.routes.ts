import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/errors.ts';
import { idParam } from '../reference/reference.schemas.ts';
import { getActivity } from '../activities/activity.service.ts';
import * as s from './audit.schemas.ts';
import { listAudit } from './audit.service.ts';

const tags = ['audit'];
const config = { action: 'audit:read' } as const;

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/audit', {
    config,
    schema: { tags, summary: 'Ändringsloggen för hela enheten, nyast först (sidor med cursor)', querystring: s.auditQuery, response: { 200: s.auditPage, ...errorResponses } },
  }, async (req) => listAudit(req.scope, req.query));

  app.get('/activities/:id/audit', {
    config,
    schema: { tags, summary: 'Ändringsloggen för en aktivitet, nyast först', params: idParam, querystring: s.auditQuery.omit({ entity: true, entityId: true }), response: { 200: s.auditPage, ...errorResponses } },
  }, async (req) => {
    // A deleted activity still has its trail; only an id that never was is unknown.
    const trail = listAudit(req.scope, { ...req.query, entity: 'activity', entityId: req.params.id });
    if (trail.items.length === 0 && !req.query.cursor) getActivity(req.scope, req.params.id);
    return trail;
  });
};
