import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/errors.ts';
import { idParam } from '../reference/reference.schemas.ts';
import { XLSX_TYPE, sendTables } from '../reports/report-export.ts';
import * as s from './evaluation.schemas.ts';
import * as svc from './evaluation.service.ts';
import { evaluationReportTables } from './evaluation-report-tables.ts';

const tags = ['evaluations'];

/** Event evaluations, for the unit's signed-in accounts. The public answer page is evaluation-public.routes.ts. */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/activities/:id/evaluation', {
    config: { action: 'activity:read' },
    schema: { tags, summary: 'Aktivitetens utvärdering, eller null om den inte har någon', params: s.activityIdParam, response: { 200: s.evaluation.nullable(), ...errorResponses } },
  }, async (req) => svc.getForActivity(req.scope, req.principal, req.params.id));

  app.post('/activities/:id/evaluation', {
    // Staff on the activity and the chief: decided per activity in the service (packages/domain canEditEvaluation).
    config: { action: 'activity:write' },
    schema: { tags, summary: 'Skapa aktivitetens utvärdering (med en ny publik länk)', params: s.activityIdParam, body: s.evaluationCreate, response: { 201: s.evaluation, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await svc.createEvaluation(req.scope, req.principal, req.params.id, req.body)));

  app.get('/evaluations/:id', {
    config: { action: 'activity:read' },
    schema: { tags, summary: 'En utvärdering med dess siffror', params: idParam, response: { 200: s.evaluation, ...errorResponses } },
  }, async (req) => svc.getEvaluation(req.scope, req.principal, req.params.id));

  app.put('/evaluations/:id', {
    config: { action: 'activity:write' },
    schema: { tags, summary: 'Ändra en utvärdering (med versionen du läste)', params: idParam, body: s.evaluationUpdate, response: { 200: s.evaluation, ...errorResponses } },
  }, async (req) => svc.updateEvaluation(req.scope, req.principal, req.params.id, req.body));

  app.get('/evaluations/:id/count', {
    config: { action: 'activity:read' },
    schema: { tags, summary: 'Antal svar just nu (sidan frågar med några sekunders mellanrum)', params: idParam, response: { 200: s.answerCount, ...errorResponses } },
  }, async (req) => svc.answerCount(req.scope, req.params.id));

  app.get('/evaluations/:id/qr', {
    config: { action: 'activity:write' },
    schema: {
      tags, summary: 'QR-kod för den publika länken, som SVG eller PNG', params: idParam, querystring: s.qrQuery,
      response: {
        200: {
          description: 'QR-koden',
          content: {
            'image/svg+xml': { schema: z.string() },
            'image/png': { schema: z.string().meta({ format: 'binary' }) },
          },
        },
        ...errorResponses,
      },
    },
  }, async (req, reply) => {
    const origin = `${req.protocol}://${req.host}`;
    const qr = await svc.qrCode(req.scope, req.principal, req.params.id, req.query.format, origin);
    reply.header('content-disposition', `inline; filename="utvardering-${req.params.id}.${req.query.format}"`);
    // A file, not JSON: the type provider types send() by the JSON schemas only.
    return reply.type(qr.type).send(qr.body as string);
  });

  app.get('/evaluations/:id/comments', {
    // The chief and the activity's staff only (checked per activity): never the council.
    config: { action: 'activity:write' },
    schema: { tags, summary: 'Fritextkommentarerna (bara FoU-chefen och medarbetarna på aktiviteten)', params: idParam, response: { 200: s.comments, ...errorResponses } },
  }, async (req) => svc.comments(req.scope, req.principal, req.params.id));

  app.delete('/evaluations/:id/answers/:answerId', {
    config: { action: 'evaluation:moderate' },
    schema: { tags, summary: 'Ta bort ett svar (t.ex. skräp); bara FoU-chefen, skrivs i ändringsloggen', params: s.answerParams, response: { 204: z.null().meta({ description: 'Borttaget' }), ...errorResponses } },
  }, async (req, reply) => {
    await svc.removeAnswer(req.scope, req.principal, req.params.id, req.params.answerId);
    return reply.code(204).send(null);
  });

  app.get('/evaluation-wording', {
    config: { action: 'activity:read' },
    schema: { tags, summary: 'Enhetens formulering av standardfrågorna', response: { 200: s.wording, ...errorResponses } },
  }, async (req) => svc.getWording(req.scope));

  app.put('/evaluation-wording', {
    config: { action: 'evaluation:moderate' },
    schema: { tags, summary: 'Ändra enhetens formulering av standardfrågorna (FoU-chefen)', body: s.wordingUpdate, response: { 200: s.wording, ...errorResponses } },
  }, async (req) => svc.putWording(req.scope, req.principal, req.body));

  app.get('/reports/evaluations', {
    config: { action: 'report:read' },
    schema: {
      tags: ['reports', ...tags],
      summary: 'Utvärderingarna: per evenemang, serie (aktivitetstyp och år), resultatmål och år, eller svarandes kommun',
      description: 'Svar via länken och sammanställningar från andra verktyg räknas lika; source säger vilket. Aldrig kommentarerna. Med output=csv eller output=xlsx kommer samma tabeller som fil.',
      querystring: s.evaluationReportQuery,
      response: {
        200: {
          description: 'Rapporten som JSON, eller som fil (CSV eller XLSX) med output= eller Accept',
          content: {
            'application/json': { schema: s.evaluationReport },
            'text/csv': { schema: z.string() },
            [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary' }) },
          },
        },
        ...errorResponses,
      },
    },
  }, async (req, reply) => {
    const r = svc.evaluationReport(req.scope, req.query);
    return sendTables(reply, req, `utvarderingar-${req.query.groupBy}${req.query.year ? `-${req.query.year}` : ''}`, evaluationReportTables(r), r);
  });
};
