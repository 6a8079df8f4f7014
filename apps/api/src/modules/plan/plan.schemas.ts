import { z } from 'zod';
import { langParam } from '../../lib/lang.ts';
import { PLAN_STATUSES } from '../../db/schema.ts';
import { freeText } from '../../lib/text.ts';
import { isoDate } from '../reference/reference.schemas.ts';
import { outputParam } from '../reports/reports.schemas.ts';

const id = z.number().int().positive();
const year = z.number().int().min(2000, 'Året måste vara 2000 eller senare.').max(2100, 'Året måste vara 2100 eller tidigare.');
const queryYear = z.coerce.number().int().min(2000).max(2100);

export const planStatusSchema = z.enum(PLAN_STATUSES).meta({
  description: 'planerad, pågår, genomförd, delvis genomförd, inte genomförd eller framflyttad',
});

export const planItemInput = z.strictObject({
  year: year.meta({ description: 'Verksamhetsplanens år', example: 2018 }),
  title: freeText({ min: 1, max: 200, tooShort: 'Titeln får inte vara tom.', tooLong: 'Titeln får vara högst 200 tecken.' }),
  goalId: id.meta({ description: 'Ett mål ur det målramverk som gäller den 1 januari året' }),
  areaId: id.meta({ description: 'Ett verksamhetsområde utan underområden' }),
  planned: z.array(freeText({ min: 1, max: 500, tooShort: 'En planerad rad får inte vara tom.', tooLong: 'En planerad rad får vara högst 500 tecken.' }))
    .max(50).default([]).meta({ description: 'Planerade aktiviteter, en rad var, som planen formulerar dem' }),
  targetCount: z.number().int().min(0, 'Målet kan inte vara negativt.').max(10_000).nullable().optional()
    .meta({ description: 'Antal aktiviteter planen utlovar under året; utelämnas när planen inte anger något antal' }),
  status: planStatusSchema.default('planerad'),
  outcome: freeText({ max: 4000, multiline: true, tooLong: 'Utfallet får vara högst 4000 tecken.' }).nullable().optional()
    .meta({ description: 'Vad det blev av punkten, i ord för verksamhetsberättelsen' }),
  staffIds: z.array(id).max(20).default([]).meta({ description: 'Ansvariga medarbetare' }),
  assignmentId: id.nullable().optional().meta({ description: 'Uppdraget punkten hör till, om den hör till ett (ur enhetens uppdragsregister)' }),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type PlanItemInput = z.infer<typeof planItemInput>;

export const planItemUpdate = planItemInput.extend({
  version: z.number().int().positive().meta({ description: 'Versionen du läste; en äldre version ger 409' }),
});
export type PlanItemUpdate = z.infer<typeof planItemUpdate>;

export const planItem = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    title: z.string(),
    goal: z.object({
      id: z.number().int(),
      key: z.string(),
      name: z.string().meta({ description: 'Målets namn som det löd vid slutet av punktens år: ett senare namnbyte ändrar inte tidigare års planer' }),
      shortName: z.string().nullable(),
      frameworkCode: z.string(),
    }),
    area: z.object({ id: z.number().int(), code: z.string(), name: z.string(), groupCode: z.string(), groupName: z.string() }),
    planned: z.array(z.string()),
    targetCount: z.number().int().nullable(),
    status: planStatusSchema,
    outcome: z.string().nullable(),
    staff: z.array(z.object({ id: z.number().int(), name: z.string() })),
    carriedFrom: z.object({ id: z.number().int(), year: z.number().int(), title: z.string() }).nullable(),
    assignment: z.object({ id: z.number().int(), title: z.string() }).nullable().meta({ description: 'Uppdraget punkten hör till' }),
    sortOrder: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'PlanItem' });
export type PlanItem = z.infer<typeof planItem>;

export const planItemListQuery = z.strictObject({
  year: queryYear.meta({ description: 'Verksamhetsplanens år' }),
  goal: z.string().max(40).optional().meta({ description: 'Målets nyckel, t.ex. spridning' }),
  area: z.string().max(40).optional().meta({ description: 'Områdets kod; en grupp (vuxen) omfattar sina underområden' }),
});
export type PlanItemListQuery = z.infer<typeof planItemListQuery>;

export const planItemDeleteQuery = z.strictObject({
  version: z.coerce.number().int().positive().optional().meta({ description: 'Om angiven: 409 om punkten ändrats sedan dess' }),
});

export const planCopyInput = z
  .strictObject({ fromYear: year, toYear: year })
  .refine((c) => c.toYear > c.fromYear, { message: 'toYear måste vara efter fromYear.', path: ['toYear'], params: { code: 'end_before_start' } });

export const planCopyResult = z
  .object({
    fromYear: z.number().int(),
    toYear: z.number().int(),
    /** Items written into the new year. */
    copied: z.number().int(),
    /** Of those, the unfinished ones that carry their origin. */
    carried: z.number().int(),
    items: z.array(planItem),
  })
  .meta({ id: 'PlanCopyResult' });

export const followupQuery = z.strictObject({
  year: queryYear.meta({ description: 'Verksamhetsplanens år' }),
  asOf: isoDate.optional().meta({ description: 'Räkna aktiviteter till och med detta datum (inom året); standard: i dag, högst årets sista dag' }),
  output: outputParam,
  lang: langParam,
});
export type FollowupQuery = z.infer<typeof followupQuery>;

const coverage = { planned: z.number().int(), withActivity: z.number().int() };

export const planFollowup = z
  .object({
    year: z.number().int(),
    asOf: z.string(),
    items: z.array(z.object({
      id: z.number().int(),
      title: z.string(),
      goal: z.object({ key: z.string(), name: z.string() }),
      area: z.object({ code: z.string(), name: z.string(), groupCode: z.string(), groupName: z.string() }),
      status: planStatusSchema.meta({ description: 'Punktens status i dag' }),
      statusAsOf: planStatusSchema.nullable().meta({ description: 'Statusen vid slutet av asOf enligt ändringshistoriken; null när historiken inte visar den (se statusAsOfBasis)' }),
      statusAsOfBasis: z.enum(['history', 'not_created', 'no_history']).meta({
        description: 'history: statusAsOf kommer ur ändringshistoriken; not_created: punkten lades till efter asOf; no_history: historiken saknar punkten, så bara dagens status är känd',
      }),
      targetCount: z.number().int().nullable(),
      activityCount: z.number().int().meta({ description: 'Kopplade aktiviteter till och med asOf' }),
      activityCountAll: z.number().int().meta({ description: 'Alla kopplade aktiviteter, oavsett datum (det dagens status ska jämföras med)' }),
      progress: z.number().nullable().meta({ description: 'activityCount / targetCount; null utan mål' }),
      lastActivityDate: z.string().nullable(),
      flagged: z.boolean().meta({ description: 'Ingen kopplad aktivitet till och med asOf' }),
      planned: z.array(z.string()).meta({ description: 'Vad planen sade, en rad per planerad aktivitet' }),
      outcome: z.string().nullable().meta({ description: 'Utfallet i ord' }),
      staff: z.array(z.string()).meta({ description: 'Ansvariga medarbetare (namn)' }),
      summary: z.object({
        types: z.array(z.object({ name: z.string(), count: z.number().int() })).meta({ description: 'Kopplade aktiviteter per typ, vanligast först' }),
        municipalities: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() }))
          .meta({ description: 'Nådda kommuner i enhetens ordning; en aktivitet räknas för varje kommun som deltog' }),
        participants: z.number().int().meta({ description: 'Summan av deltagare på de kopplade aktiviteterna' }),
        activitiesWithParticipants: z.number().int().meta({ description: 'Hur många av aktiviteterna som har ett deltagarantal' }),
      }).meta({ description: 'Sammanfattning av de kopplade aktiviteterna till och med asOf' }),
    })),
    goals: z.array(z.object({ key: z.string(), name: z.string(), ...coverage })),
    areaGroups: z.array(z.object({ code: z.string(), name: z.string(), ...coverage })),
    totals: z.object({ ...coverage, flagged: z.number().int() }),
  })
  .meta({ id: 'PlanFollowup' });
export type PlanFollowup = z.infer<typeof planFollowup>;
