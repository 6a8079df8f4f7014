import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/errors.ts';
import * as s from './reference.schemas.ts';
import * as svc from './reference.service.ts';

const read = { action: 'reference:read' } as const;
const write = { action: 'reference:write' } as const;
const tags = ['reference'];

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/reference', {
    config: read,
    schema: { tags, summary: 'All referensdata i ett svar (för formulär och rapporter)', response: { 200: s.referenceBundle } },
  }, async (req) => svc.referenceBundle(req.scope));

  app.get('/municipalities', { config: read, schema: { tags, summary: 'Ägarkommuner', response: { 200: z.array(s.municipality) } } },
    async (req) => svc.listMunicipalities(req.scope));
  app.post('/municipalities', { config: write, schema: { tags, summary: 'Lägg till en kommun', body: s.municipalityCreate, response: { 201: s.municipality, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await svc.createMunicipality(req.scope, req.principal, req.body)));
  app.patch('/municipalities/:id', { config: write, schema: { tags, summary: 'Ändra en kommun', params: s.idParam, body: s.municipalityUpdate, response: { 200: s.municipality, ...errorResponses } } },
    async (req) => svc.updateMunicipality(req.scope, req.principal, req.params.id, req.body));
  app.put('/municipalities/:id/years/:year', { config: write, schema: { tags, summary: 'Befolkning och avgift ett år', params: s.yearParams, body: s.municipalityYearPut, response: { 200: s.municipality, ...errorResponses } } },
    async (req) => svc.putMunicipalityYear(req.scope, req.principal, req.params.id, req.params.year, req.body));

  app.get('/areas', { config: read, schema: { tags, summary: 'Verksamhetsområden (grupper följda av sina underområden)', response: { 200: z.array(s.area) } } },
    async (req) => svc.listAreas(req.scope));
  app.post('/areas', { config: write, schema: { tags, summary: 'Lägg till ett område', body: s.areaCreate, response: { 201: s.area, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await svc.createArea(req.scope, req.principal, req.body)));
  app.patch('/areas/:id', { config: write, schema: { tags, summary: 'Ändra ett område', params: s.idParam, body: s.areaUpdate, response: { 200: s.area, ...errorResponses } } },
    async (req) => svc.updateArea(req.scope, req.principal, req.params.id, req.body));

  app.get('/goal-frameworks', { config: read, schema: { tags, summary: 'Målramverk med giltighetsperioder och mål', response: { 200: z.array(s.goalFramework) } } },
    async (req) => svc.listGoalFrameworks(req.scope));
  app.post('/goal-frameworks', { config: write, schema: { tags, summary: 'Lägg till ett målramverk', body: s.frameworkCreate, response: { 201: s.goalFramework, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await svc.createGoalFramework(req.scope, req.principal, req.body)));
  app.patch('/goal-frameworks/:id', { config: write, schema: { tags, summary: 'Ändra ett målramverk', params: s.idParam, body: s.frameworkUpdate, response: { 200: s.goalFramework, ...errorResponses } } },
    async (req) => svc.updateGoalFramework(req.scope, req.principal, req.params.id, req.body));
  app.post('/goal-frameworks/:id/goals', { config: write, schema: { tags, summary: 'Lägg till ett mål i ett ramverk', params: s.idParam, body: s.goalCreate, response: { 201: s.goalFramework, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await svc.addGoal(req.scope, req.principal, req.params.id, req.body)));
  app.patch('/goals/:id', { config: write, schema: { tags, summary: 'Ändra ett måls namn eller beskrivning (nyckeln är fast; det gamla namnet sparas i historiken)', params: s.idParam, body: s.goalUpdate, response: { 200: s.goal, ...errorResponses } } },
    async (req) => svc.updateGoal(req.scope, req.principal, req.params.id, req.body));
  app.get('/goals/:id/names', { config: read, schema: { tags, summary: 'Målets namn nu och tidigare namn med dagen de ersattes', params: s.idParam, response: { 200: s.goalNames, ...errorResponses } } },
    async (req) => svc.goalNames(req.scope, req.params.id));

  app.get('/activity-types', { config: read, schema: { tags, summary: 'Aktivitetstyper', response: { 200: z.array(s.activityType) } } },
    async (req) => svc.listActivityTypes(req.scope));
  app.post('/activity-types', { config: write, schema: { tags, summary: 'Lägg till en aktivitetstyp', body: s.activityTypeCreate, response: { 201: s.activityType, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await svc.createActivityType(req.scope, req.principal, req.body)));
  app.patch('/activity-types/:id', { config: write, schema: { tags, summary: 'Ändra en aktivitetstyp', params: s.idParam, body: s.activityTypeUpdate, response: { 200: s.activityType, ...errorResponses } } },
    async (req) => svc.updateActivityType(req.scope, req.principal, req.params.id, req.body));

  app.get('/target-groups', { config: read, schema: { tags, summary: 'Målgrupper (vilka aktiviteterna nådde); registret FoU-chefen redigerar', response: { 200: z.array(s.targetGroup) } } },
    async (req) => svc.listTargetGroups(req.scope));
  app.post('/target-groups', { config: write, schema: { tags, summary: 'Lägg till en målgrupp', body: s.targetGroupCreate, response: { 201: s.targetGroup, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await svc.createTargetGroup(req.scope, req.principal, req.body)));
  app.patch('/target-groups/:id', { config: write, schema: { tags, summary: 'Ändra eller inaktivera en målgrupp (nyckeln är fast)', params: s.idParam, body: s.targetGroupUpdate, response: { 200: s.targetGroup, ...errorResponses } } },
    async (req) => svc.updateTargetGroup(req.scope, req.principal, req.params.id, req.body));

  app.get('/assignments', { config: read, schema: { tags, summary: 'Uppdrag och projekt', response: { 200: z.array(s.assignment) } } },
    async (req) => svc.listAssignments(req.scope));
  app.post('/assignments', { config: write, schema: { tags, summary: 'Lägg till ett uppdrag', body: s.assignmentCreate, response: { 201: s.assignment, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await svc.createAssignment(req.scope, req.principal, req.body)));
  app.patch('/assignments/:id', { config: write, schema: { tags, summary: 'Ändra ett uppdrag', params: s.idParam, body: s.assignmentUpdate, response: { 200: s.assignment, ...errorResponses } } },
    async (req) => svc.updateAssignment(req.scope, req.principal, req.params.id, req.body));

  app.get('/staff', { config: read, schema: { tags, summary: 'Medarbetare', response: { 200: z.array(s.staffMember) } } },
    async (req) => svc.listStaff(req.scope));
  app.post('/staff', { config: write, schema: { tags, summary: 'Lägg till en medarbetare', body: s.staffCreate, response: { 201: s.staffMember, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await svc.createStaff(req.scope, req.principal, req.body)));
  app.patch('/staff/:id', { config: write, schema: { tags, summary: 'Ändra en medarbetare', params: s.idParam, body: s.staffUpdate, response: { 200: s.staffMember, ...errorResponses } } },
    async (req) => svc.updateStaff(req.scope, req.principal, req.params.id, req.body));
};
