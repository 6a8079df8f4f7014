import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/errors.ts';
import { idParam } from '../reference/reference.schemas.ts';
import * as s from './plan.schemas.ts';
import * as svc from './plan.service.ts';
import { sendTables } from '../reports/report-export.ts';
import { followupTables } from './plan-export.ts';
import { planEnglishNames } from './plan-english-names.ts';
import { exportMeta } from '../reports/reports.service.ts';
import { REPORT_WORDS } from '../reports/report-words.ts';

const read = { action: 'plan:read' } as const;
const write = { action: 'plan:write' } as const;
const tags = ['plan'];


export const planRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/plan-items', {
    config: read,
    schema: { tags, summary: 'Verksamhetsplanens punkter ett år (i målordning, sedan punktens plats)', querystring: s.planItemListQuery, response: { 200: z.array(s.planItem), ...errorResponses } },
  }, async (req) => svc.listPlanItems(req.scope, req.query));

  app.post('/plan-items/copy', {
    config: write,
    schema: { tags, summary: 'Kopiera ett års plan till ett senare år (ej avslutade punkter förs över med hänvisning)', body: s.planCopyInput, response: { 201: s.planCopyResult, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await svc.copyPlan(req.scope, req.principal, req.body.fromYear, req.body.toYear)));

  app.get('/plan-items/:id', {
    config: read,
    schema: { tags, summary: 'En planpunkt', params: idParam, response: { 200: s.planItem, ...errorResponses } },
  }, async (req) => svc.getPlanItem(req.scope, req.params.id));

  app.post('/plan-items', {
    config: write,
    schema: { tags, summary: 'Lägg till en planpunkt', body: s.planItemInput, response: { 201: s.planItem, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await svc.createPlanItem(req.scope, req.principal, req.body)));

  app.put('/plan-items/:id', {
    config: write,
    schema: { tags, summary: 'Ändra en planpunkt (med versionen du läste)', params: idParam, body: s.planItemUpdate, response: { 200: s.planItem, ...errorResponses } },
  }, async (req) => svc.updatePlanItem(req.scope, req.principal, req.params.id, req.body));

  app.delete('/plan-items/:id', {
    config: write,
    schema: { tags, summary: 'Ta bort en planpunkt (kopplade aktiviteter blir kvar utan koppling)', params: idParam, querystring: s.planItemDeleteQuery, response: { 204: z.null().meta({ description: 'Borttagen' }), ...errorResponses } },
  }, async (req, reply) => {
    await svc.deletePlanItem(req.scope, req.principal, req.params.id, req.query.version);
    return reply.code(204).send(null);
  });

  app.get('/plan-followup', {
    config: read,
    schema: {
      tags,
      summary: 'Uppföljning av planen: aktiviteter per punkt till och med ett datum, per mål och områdesgrupp',
      description: 'Som fil med output=csv|xlsx eller Accept: text/csv / application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.',
      querystring: s.followupQuery,
      response: { 200: s.planFollowup, ...errorResponses },
    },
  }, async (req, reply) => {
    const report = svc.planFollowup(req.scope, req.query);
    const { lang } = req.query;
    const english = lang === 'en' ? planEnglishNames(req.scope, report.year) : undefined;
    return sendTables(reply, req, `${REPORT_WORDS[lang].fileNames.planFollowup}-${report.year}`, followupTables(report, lang, english), report, exportMeta(req.scope, REPORT_WORDS[lang].period.upTo(report.year, report.asOf)));
  });
};
