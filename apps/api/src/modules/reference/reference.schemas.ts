import { z } from 'zod';
import { isIsoDate } from '@fou/domain';
import { freeText, guardedCode } from '../../lib/text.ts';

export const idParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const isoDate = z.string().refine(isIsoDate, { message: 'Datumet måste vara ett giltigt datum på formen ÅÅÅÅ-MM-DD.', params: { code: 'invalid_date' } });
const name = freeText({ min: 1, max: 200 });
/** A register row's optional English name, shown when a user chooses English; null or absent: the Swedish name. */
// An emptied field means no English name: stored as null, never as ''.
const nameEnIn = freeText({ max: 200 }).nullable().optional().transform((v) => (v === '' ? null : v))
  .meta({ description: 'Namnet på engelska (valfritt); tomt eller null: inget' });
const nameEnOut = z.string().nullable().meta({ description: 'Namnet på engelska, om det finns; annars visas namnet' });
const code = guardedCode(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Kod: små bokstäver a–z, siffror och bindestreck, högst 40 tecken.');
const sortOrder = z.number().int().min(0).max(10_000);
export const lineSchema = z.enum(['forsta', 'andra']).meta({ description: 'Första eller andra linjens FoU' });

export const municipalityYear = z.object({
  year: z.number().int(),
  population: z.number().int().nullable(),
  feeSek: z.number().int().nullable(),
});
export const municipality = z
  .object({ id: z.number().int(), code: z.string(), name: z.string(), sortOrder: z.number().int(), active: z.boolean(), years: z.array(municipalityYear) })
  .meta({ id: 'Municipality' });
export const municipalityCreate = z.strictObject({ code, name, sortOrder: sortOrder.optional() });
export const municipalityUpdate = z.strictObject({ name: name.optional(), sortOrder: sortOrder.optional(), active: z.boolean().optional() });
export const municipalityYearPut = z.strictObject({
  population: z.number().int().min(0).max(50_000_000).nullable(),
  feeSek: z.number().int().min(0).max(1_000_000_000).nullable(),
});
export const yearParams = z.strictObject({ id: z.coerce.number().int().positive(), year: z.coerce.number().int().min(1900).max(2999) });

export const area = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    nameEn: nameEnOut,
    reportLabel: z.string().nullable(),
    parentId: z.number().int().nullable(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    isLeaf: z.boolean().meta({ description: 'Aktiviteter kan bara knytas till ett område utan underområden.' }),
  })
  .meta({ id: 'Area' });
export const areaCreate = z.strictObject({
  code,
  name,
  nameEn: nameEnIn,
  parentId: z.number().int().positive().nullable().optional(),
  reportLabel: name.nullable().optional(),
  sortOrder: sortOrder.optional(),
});
export const areaUpdate = z.strictObject({
  name: name.optional(),
  nameEn: nameEnIn,
  reportLabel: name.nullable().optional(),
  sortOrder: sortOrder.optional(),
  active: z.boolean().optional(),
});

export const goal = z
  .object({
    id: z.number().int(),
    frameworkId: z.number().int(),
    key: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    nameEn: nameEnOut,
    description: z.string().nullable(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'Goal' });
export const goalNames = z
  .object({
    goalId: z.number().int(),
    name: z.string(),
    shortName: z.string().nullable(),
    history: z.array(z.object({ name: z.string(), shortName: z.string().nullable(), replacedOn: z.string().meta({ description: 'Första dagen namnet inte längre gällde' }) })),
  })
  .meta({ id: 'GoalNames' });
export const goalFramework = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    nameEn: nameEnOut,
    validFrom: z.string(),
    validTo: z.string().nullable(),
    goals: z.array(goal),
  })
  .meta({ id: 'GoalFramework' });
const goalKey = guardedCode(/^[a-z][a-z0-9-]{0,39}$/, 'Nyckel: små bokstäver a–z, siffror och bindestreck.');
export const goalCreate = z.strictObject({
  key: goalKey,
  name,
  shortName: name.nullable().optional(),
  nameEn: nameEnIn,
  description: freeText({ max: 1000, multiline: true }).nullable().optional(),
  sortOrder: sortOrder.optional(),
});
export const goalUpdate = z.strictObject({
  name: name.optional(),
  shortName: name.nullable().optional(),
  nameEn: nameEnIn,
  description: freeText({ max: 1000, multiline: true }).nullable().optional(),
  sortOrder: sortOrder.optional(),
});
export const frameworkCreate = z
  .strictObject({ code, name, nameEn: nameEnIn, validFrom: isoDate, validTo: isoDate.nullable(), goals: z.array(goalCreate).min(1).max(20) })
  .refine((f) => f.validTo === null || f.validFrom <= f.validTo, { message: 'validTo får inte vara före validFrom.', path: ['validTo'], params: { code: 'end_before_start' } })
  .refine((f) => new Set(f.goals.map((g) => g.key)).size === f.goals.length, { message: 'Varje mål måste ha en egen nyckel.', path: ['goals'], params: { code: 'duplicate_key' } });
export const frameworkUpdate = z.strictObject({ name: name.optional(), nameEn: nameEnIn, validFrom: isoDate.optional(), validTo: isoDate.nullable().optional() });

export const activityType = z
  .object({ id: z.number().int(), name: z.string(), nameEn: nameEnOut, sortOrder: z.number().int(), active: z.boolean() })
  .meta({ id: 'ActivityType' });
export const activityTypeCreate = z.strictObject({ name, nameEn: nameEnIn, sortOrder: sortOrder.optional() });
export const activityTypeUpdate = z.strictObject({ name: name.optional(), nameEn: nameEnIn, sortOrder: sortOrder.optional(), active: z.boolean().optional() });

export const targetGroup = z
  .object({
    id: z.number().int(),
    key: z.string().nullable().meta({ description: 'Standardmålgruppens fasta nyckel (ledning, enhetschefer, medarbetare, politiker, brukare, forskare, fou); null för en egen målgrupp' }),
    name: z.string(),
    nameEn: nameEnOut,
    sortOrder: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'TargetGroup' });
export const targetGroupCreate = z.strictObject({ name, nameEn: nameEnIn, sortOrder: sortOrder.optional() });
export const targetGroupUpdate = z.strictObject({ name: name.optional(), nameEn: nameEnIn, sortOrder: sortOrder.optional(), active: z.boolean().optional() });

export const assignment = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    line: lineSchema.nullable(),
    startYear: z.number().int().nullable(),
    endYear: z.number().int().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Assignment' });
const year = z.number().int().min(1900).max(2999);
export const assignmentCreate = z.strictObject({
  title: name,
  description: freeText({ max: 4000, multiline: true }).nullable().optional(),
  line: lineSchema.nullable().optional(),
  startYear: year.nullable().optional(),
  endYear: year.nullable().optional(),
});
export const assignmentUpdate = assignmentCreate.partial().extend({ active: z.boolean().optional() });

export const staffMember = z
  .object({ id: z.number().int(), name: z.string(), title: z.string().nullable(), active: z.boolean() })
  .meta({ id: 'Staff' });
// Two people may share a name, so a namesake is a warning the chief confirms, not a refusal.
const confirmDuplicateName = z.boolean().optional().meta({
  description: 'true: spara även om en annan medarbetare har samma namn (skiftläge och blanksteg oräknade). Utan den svarar API:t 409 med code duplicate_name.',
});
export const staffCreate = z.strictObject({ name, title: freeText({ max: 100 }).nullable().optional(), confirmDuplicateName });
export const staffUpdate = staffCreate.partial().extend({ active: z.boolean().optional() });

export const referenceBundle = z
  .object({
    unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    municipalities: z.array(municipality),
    areas: z.array(area),
    goalFrameworks: z.array(goalFramework),
    activityTypes: z.array(activityType),
    targetGroups: z.array(targetGroup),
    assignments: z.array(assignment),
    staff: z.array(staffMember),
    formats: z.array(z.object({ code: z.enum(['fysiskt', 'digitalt', 'hybrid']), name: z.string(), nameEn: z.string() })),
    lines: z.array(z.object({ code: lineSchema, name: z.string(), nameEn: z.string() })),
  })
  .meta({ id: 'ReferenceData' });
