import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/errors.ts';
import * as s from './unit-settings.schemas.ts';
import * as svc from './unit-settings.service.ts';

const tags = ['unit'];
const config = { action: 'unit:settings' } as const;

export const unitSettingsRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/unit/settings', {
    config,
    schema: { tags, summary: 'Den inloggades enhet: namn, län och om den delar sina siffror i den regionala jämförelsen', response: { 200: s.unitSettings, ...errorResponses } },
  }, async (req) => svc.getUnitSettings(req.scope));

  app.put('/unit/settings', {
    config,
    schema: {
      tags,
      summary: 'Ändra om enheten delar sina siffror i den regionala jämförelsen',
      description: 'Delade siffror är antal och fördelningar per år (aktiviteter, mål, verksamhetsområden, nådda kommuner, deltagare); aldrig en aktivitet, en titel eller ett namn. Ändringen skrivs i enhetens ändringslogg (entity unit).',
      body: s.unitSettingsUpdate,
      response: { 200: s.unitSettings, ...errorResponses },
    },
  }, async (req) => svc.updateUnitSettings(req.scope, req.principal, req.body));
};
