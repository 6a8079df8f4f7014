import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/errors.ts';
import { idParam } from '../reference/reference.schemas.ts';
import * as s from './user.schemas.ts';
import * as svc from './user.service.ts';

const tags = ['users'];
const config = { action: 'account:manage' } as const;

export const userRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/users', { config, schema: { tags, summary: 'Enhetens konton', response: { 200: z.array(s.user), ...errorResponses } } },
    async (req) => svc.listUsers(req.scope));

  app.post('/users', {
    config,
    schema: { tags, summary: 'Skapa ett konto (med startlösenord som måste bytas vid första inloggningen)', body: s.userCreate, response: { 201: s.user, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await svc.createUser(req.scope, req.principal, req.body)));

  app.patch('/users/:id', {
    config,
    schema: { tags, summary: 'Ändra ett konto: namn, roll, medarbetare, avaktivera, återställ lösenord', params: idParam, body: s.userUpdate, response: { 200: s.user, ...errorResponses } },
  }, async (req) => svc.updateUser(req.scope, req.principal, req.params.id, req.body));
};
