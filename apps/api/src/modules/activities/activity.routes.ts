import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/errors.ts';
import { idParam } from '../reference/reference.schemas.ts';
import * as s from './activity.schemas.ts';
import * as svc from './activity.service.ts';
import { listOverrides } from './text-warnings.service.ts';
import { activityTable, filterWords } from './activity-export.ts';
import { sendTables, XLSX_TYPE } from '../reports/report-export.ts';
import { exportMeta } from '../reports/reports.service.ts';
import { REPORT_WORDS } from '../reports/report-words.ts';
import { listActivityTypes, listAreas, listGoalFrameworks } from '../reference/reference.service.ts';
import type { UnitScope } from '../../db/unit-scope.ts';

/** The registers' English names by id (areas also by code, for an activity's area group). */
function englishNames(scope: UnitScope) {
  const byId = (rows: { id: number; nameEn: string | null }[]) => new Map(rows.flatMap((r) => (r.nameEn ? [[r.id, r.nameEn] as const] : [])));
  const areas = listAreas(scope);
  return {
    goals: byId(listGoalFrameworks(scope).flatMap((f) => f.goals)),
    areas: byId(areas),
    areaGroups: new Map(areas.flatMap((a) => (a.nameEn ? [[a.code, a.nameEn] as const] : []))),
    types: byId(listActivityTypes(scope)),
  };
}

const tags = ['activities'];

export const activityRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/activities', {
    config: { action: 'activity:read' },
    schema: { tags, summary: 'Lista aktiviteter (filter, sorterat på datum och id, sidor med cursor)', querystring: s.activityListQuery, response: { 200: s.activityPage, ...errorResponses } },
  }, async (req) => svc.listActivities(req.scope, req.query));

  app.get('/activities/export', {
    config: { action: 'activity:read' },
    schema: {
      tags,
      summary: 'Listan som fil (CSV eller XLSX) med samma filter som listan: alla aktiviteter urvalet ger, alla kolumner',
      description: `Högst ${s.EXPORT_MAX_ROWS} aktiviteter per fil; ett större urval ger 400.`,
      querystring: s.activityExportQuery,
      response: {
        200: {
          description: 'Aktiviteterna som bifogad fil (Content-Disposition: attachment)',
          content: {
            'text/csv': { schema: z.string().meta({ description: 'CSV: UTF-8 med BOM, semikolon, decimalkomma, CRLF' }) },
            [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary', description: 'Excel-arbetsbok med bladet Aktiviteter' }) },
          },
        },
        ...errorResponses,
      },
    },
  }, async (req, reply) => {
    const items = svc.exportActivities(req.scope, req.query);
    const names = svc.filterNames(req.scope, req.query);
    const { lang } = req.query;
    const words = filterWords(req.query, names, lang);
    const f = REPORT_WORDS[lang].fileNames;
    const span = req.query.from || req.query.to ? `-${req.query.from ?? f.start}--${req.query.to ?? f.end}` : '';
    const english = lang === 'en' ? englishNames(req.scope) : undefined;
    await sendTables(reply, req, `${f.activities}${span}`, [activityTable(items, words, lang, english)], null, exportMeta(req.scope, words));
    return reply;
  });

  // Before /activities/:id in reading order; the router matches the static segment first either way.
  app.get('/activities/goal-suggestions', {
    config: { action: 'activity:write' },
    schema: {
      tags,
      summary: 'Förslag till mål per aktivitetstyp: det mål som oftast registrerats med typen bland enhetens senaste aktiviteter',
      description: `Bygger på de senaste ${s.SUGGESTION_WINDOW} aktiviteterna (datum, sedan id, nyast först). Lika många: det mål som användes senast. Typer utan aktiviteter saknas i listan.`,
      response: { 200: s.goalSuggestions, ...errorResponses },
    },
  }, async (req) => svc.goalSuggestions(req.scope));

  app.get('/activities/similar', {
    // A help for the form, like the goal suggestions: for those who record activities.
    config: { action: 'activity:write' },
    schema: {
      tags,
      summary: 'Möjliga dubbletter: enhetens aktiviteter med samma datum och samma titel (skiftläge, mellanslag och skiljetecken spelar ingen roll)',
      description: 'Formuläret varnar med dem; att spara ändå är tillåtet.',
      querystring: s.similarQuery,
      response: { 200: s.similarActivities, ...errorResponses },
    },
  }, async (req) => svc.similarActivities(req.scope, req.query));

  app.get('/activities/text-warning-overrides', {
    // The chief's oversight, like the audit log: how often the form's warnings about client data were saved past.
    config: { action: 'audit:read' },
    schema: {
      tags, summary: 'Hur ofta formulärets varningar om klientuppgifter sparades förbi: antal per år och slag, aldrig texterna',
      response: { 200: s.textWarningOverrides, ...errorResponses },
    },
  }, async (req) => ({ items: listOverrides(req.scope) }));

  app.get('/activities/:id', {
    config: { action: 'activity:read' },
    schema: { tags, summary: 'En aktivitet', params: idParam, response: { 200: s.activity, ...errorResponses } },
  }, async (req) => svc.getActivity(req.scope, req.params.id));

  app.post('/activities', {
    config: { action: 'activity:write' },
    schema: { tags, summary: 'Registrera en aktivitet', body: s.activityInput, response: { 201: s.activity, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await svc.createActivity(req.scope, req.principal, req.body)));

  app.put('/activities/:id', {
    config: { action: 'activity:write' },
    schema: { tags, summary: 'Ändra en aktivitet (med versionen du läste)', params: idParam, body: s.activityUpdate, response: { 200: s.activity, ...errorResponses } },
  }, async (req) => svc.updateActivity(req.scope, req.principal, req.params.id, req.body));

  app.delete('/activities/:id', {
    config: { action: 'activity:write' },
    schema: { tags, summary: 'Ta bort en aktivitet', params: idParam, querystring: s.deleteQuery, response: { 204: z.null().meta({ description: 'Borttagen' }), ...errorResponses } },
  }, async (req, reply) => {
    await svc.deleteActivity(req.scope, req.principal, req.params.id, req.query.version);
    return reply.code(204).send(null);
  });
};
