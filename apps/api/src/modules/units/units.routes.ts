import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/errors.ts';
import { idParam } from '../reference/reference.schemas.ts';
import { installRepository } from './units.repository.ts';
import * as s from './units.schemas.ts';
import * as svc from './units.service.ts';

const tags = ['install'];
const config = { action: 'install:manage' } as const;

/**
 * The install administrator's routes. They work on the install, not on one unit, so they use the install's
 * repository (not `req.scope`, which an account of no unit does not have).
 */
export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const install = installRepository(app.db);

  app.get('/units', { config, schema: { tags, summary: 'Installationens FoU-enheter, med antal konton och aktiviteter', response: { 200: z.array(s.unit), ...errorResponses } } },
    async () => svc.listUnits(install));

  app.post('/units', {
    config,
    schema: { tags, summary: 'Skapa en FoU-enhet (med standardregistren: områden, målramverk, aktivitetstyper; enhetens kommuner lägger den själv in)', body: s.unitCreate, response: { 201: s.unit, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await svc.createUnit(install, req.principal, req.body)));

  app.patch('/units/:id', {
    config,
    schema: { tags, summary: 'Ändra en enhets namn, kortnamn eller län', params: idParam, body: s.unitUpdate, response: { 200: s.unit, ...errorResponses } },
  }, async (req) => svc.updateUnit(install, req.principal, req.params.id, req.body));

  app.post('/units/:id/admins', {
    config,
    schema: {
      tags, summary: 'Skapa enhetens första administratör; svaret har ett engångslösenord som visas en gång (409 om enheten redan har en aktiv administratör)',
      params: idParam, body: s.unitAdminCreate, response: { 201: s.unitAdminCreated, ...errorResponses },
    },
  }, async (req, reply) => reply.code(201).send(await svc.createUnitAdmin(install, req.principal, req.params.id, req.body)));

  app.get('/install/accounts', { config, schema: { tags, summary: 'Installationens egna konton (installationsadministratörer och regionkonton)', response: { 200: z.array(s.installAccount), ...errorResponses } } },
    async () => svc.listInstallAccounts(install));

  app.post('/install/accounts', {
    config,
    schema: { tags, summary: 'Skapa ett konto för installationen (installation eller region med län); svaret har ett engångslösenord', body: s.installAccountCreate, response: { 201: s.installAccountCreated, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await svc.createInstallAccount(install, req.body)));

  app.patch('/install/accounts/:id', {
    config,
    schema: { tags, summary: 'Ändra eller avaktivera ett av installationens konton', params: idParam, body: s.installAccountUpdate, response: { 200: s.installAccount, ...errorResponses } },
  }, async (req) => svc.updateInstallAccount(install, req.params.id, req.body));
};
