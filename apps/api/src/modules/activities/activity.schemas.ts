import { z } from 'zod';
import { langParam } from '../../lib/lang.ts';
import { activityDateProblem, FIRST_ACTIVITY_YEAR, lastActivityYear, TEXT_WARNING_KINDS, YEARS_AHEAD, type ActivityDateProblem } from '@fou/domain';
import { freeText, nfcQuery } from '../../lib/text.ts';
import { isoDate, lineSchema } from '../reference/reference.schemas.ts';

export const formatSchema = z.enum(['fysiskt', 'digitalt', 'hybrid']).meta({ description: 'Fysiskt, digitalt eller hybrid' });
const id = z.number().int().positive();

const longDate = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** 2017-09-01 → "1 september 2017". */
export const dateInWords = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));

/** What is wrong with an activity's date, in words; the stable code beside it says the same to a program. */
export function dateProblemMessage(problem: ActivityDateProblem, followUpStart?: string): string {
  switch (problem) {
    case 'date_format': return 'Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2018-03-14.';
    case 'date_nonexistent': return 'Det datumet finns inte i kalendern. Kontrollera dag och månad.';
    case 'date_before_start': return `Datumet ligger före ${dateInWords(`${FIRST_ACTIVITY_YEAR}-01-01`)}, det tidigaste som går att registrera.`;
    case 'date_before_follow_up': return `Uppföljningen började ${dateInWords(followUpStart!)}. Datumet ligger före det.`;
    case 'date_after_end': return `Datumet ligger efter ${dateInWords(`${lastActivityYear()}-12-31`)}, det senaste som går att registrera.`;
  }
}

export const activityInput = z.strictObject({
  // The code travels in params, as for the text guard (app.ts reports it as the field's code).
  date: z.string()
    .superRefine((v, ctx) => {
      const problem = activityDateProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: dateProblemMessage(problem), params: { code: problem }, input: v });
    })
    .meta({ description: `Datum då aktiviteten ägde rum (ÅÅÅÅ-MM-DD), år ${FIRST_ACTIVITY_YEAR} till ${YEARS_AHEAD} år efter i år`, example: '2018-03-14' }),
  title: freeText({ min: 1, max: 200, tooShort: 'Titeln får inte vara tom.', tooLong: 'Titeln får vara högst 200 tecken.' }),
  description: freeText({ max: 4000, multiline: true, tooLong: 'Beskrivningen får vara högst 4000 tecken.' }).nullable().optional(),
  goalId: id.meta({ description: 'Ett mål ur det målramverk som gäller på datumet' }),
  areaId: id.meta({ description: 'Ett verksamhetsområde utan underområden' }),
  typeId: id,
  format: formatSchema,
  participants: z.number().int().min(0, 'Antalet deltagare kan inte vara negativt.').max(100_000).nullable().optional(),
  assignmentId: id.nullable().optional(),
  line: lineSchema.nullable().optional(),
  planItemId: id.nullable().optional().meta({ description: 'Punkten i årets verksamhetsplan som aktiviteten genomför' }),
  municipalityIds: z.array(id).max(100).default([]).meta({ description: 'Deltagande kommuner (0..n)' }),
  allMunicipalities: z.boolean().optional().meta({ description: 'Genväg: alla enhetens aktiva kommuner deltog' }),
  noOwnerMunicipality: z.boolean().optional().meta({
    description: 'Uttryckligt val "ingen ägarkommun" (t.ex. ett nationellt nätverk). En aktivitet anger minst en kommun eller detta; annars 400 på municipalityIds.',
  }),
  municipalityParticipants: z.array(z.strictObject({
    municipalityId: id,
    participants: z.number().int().min(0, 'Antalet deltagare kan inte vara negativt.').max(100_000).nullable(),
  })).max(100).optional().meta({
    description: 'Frivillig uppdelning av deltagarna per deltagande kommun (tomt = okänt). Summan får inte överstiga participants.',
  }),
  targetGroupIds: z.array(id).max(50).optional().meta({ description: 'Målgrupper aktiviteten nådde (0..n, frivilligt), ur enhetens målgruppsregister' }),
  staffIds: z.array(id).min(1, 'Minst en medarbetare.').max(50).meta({ description: 'Medarbetare som genomförde aktiviteten (1..n)' }),
  textWarningsOverridden: z.array(z.enum(TEXT_WARNING_KINDS)).max(TEXT_WARNING_KINDS.length).optional().meta({
    description: 'Formulärets mjuka varningar om texten (ett felskrivet personnummer, klientord följt av ett namn) som användaren valde att spara förbi. Bara antalet per år och slag sparas, aldrig texten.',
  }),
});
export type ActivityInput = z.infer<typeof activityInput>;

export const activityUpdate = activityInput.extend({
  version: z.number().int().positive().meta({ description: 'Versionen du läste; en äldre version ger 409' }),
});
export type ActivityUpdate = z.infer<typeof activityUpdate>;

export const activity = z
  .object({
    id: z.number().int(),
    date: z.string(),
    year: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    goal: z.object({ id: z.number().int(), key: z.string(), name: z.string(), shortName: z.string().nullable(), frameworkCode: z.string() }),
    area: z.object({ id: z.number().int(), code: z.string(), name: z.string(), groupCode: z.string(), groupName: z.string() }),
    type: z.object({ id: z.number().int(), name: z.string() }),
    format: formatSchema,
    participants: z.number().int().nullable(),
    assignment: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    line: lineSchema.nullable(),
    planItem: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    municipalities: z.array(z.object({
      id: z.number().int(), code: z.string(), name: z.string(),
      participants: z.number().int().nullable().meta({ description: 'Deltagare från kommunen om de delats upp per kommun; annars null' }),
    })),
    noOwnerMunicipality: z.boolean().meta({ description: 'Valt "ingen ägarkommun"' }),
    targetGroups: z.array(z.object({ id: z.number().int(), key: z.string().nullable(), name: z.string() })),
    staff: z.array(z.object({ id: z.number().int(), name: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof activity>;

const positiveIntParam = z.coerce.number().int().positive();

export const activityListQuery = z
  .strictObject({
    from: isoDate.optional().meta({ description: 'Från och med datum' }),
    to: isoDate.optional().meta({ description: 'Till och med datum' }),
    goal: z.string().max(40).optional().meta({ description: 'Målets nyckel, t.ex. spridning (gäller alla ramverk)' }),
    area: z.string().max(40).optional().meta({ description: 'Områdets kod; en grupp (vuxen) omfattar sina underområden' }),
    municipality: z.string().max(40).optional().meta({ description: 'Kommunens kod' }),
    staff: positiveIntParam.optional(),
    type: positiveIntParam.optional(),
    assignment: positiveIntParam.optional(),
    planItem: positiveIntParam.optional().meta({ description: 'Planpunktens id' }),
    q: nfcQuery(200).optional().meta({ description: 'Text i titeln (skiftläge och Unicode-normalform spelar ingen roll)' }),
    order: z.enum(['asc', 'desc']).default('asc').meta({ description: 'Datumordning (id bryter lika datum)' }),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional().meta({ description: 'nextCursor från föregående sida' }),
    withTotal: z.enum(['true', 'false']).default('false').meta({ description: 'Räkna totalt antal träffar' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'to får inte vara före from.', path: ['to'] });
export type ActivityListQuery = z.infer<typeof activityListQuery>;

/** The list's filters without its paging: the export holds every activity the filters leave. */
const { limit: _limit, cursor: _cursor, withTotal: _withTotal, ...listFilters } = activityListQuery.shape;
export const activityExportQuery = z
  .strictObject({
    ...listFilters,
    output: z.enum(['csv', 'xlsx']).default('xlsx').meta({ description: 'csv (UTF-8 med BOM, semikolon) eller xlsx (standard)' }),
    lang: langParam,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'to får inte vara före from.', path: ['to'] });
export type ActivityExportQuery = z.infer<typeof activityExportQuery>;
/** More than this many activities in one export is refused (a whole million-row install would not fit a sheet). */
export const EXPORT_MAX_ROWS = 100_000;

export const activityPage = z
  .object({
    items: z.array(activity),
    nextCursor: z.string().nullable(),
    total: z.number().int().optional(),
  })
  .meta({ id: 'ActivityPage' });

export const similarQuery = z.strictObject({
  date: isoDate.meta({ description: 'Aktivitetens datum (ÅÅÅÅ-MM-DD)' }),
  title: nfcQuery(200).refine((v) => v.trim() !== '', { message: 'Fyll i en titel.' }).meta({ description: 'Titeln som den står i formuläret' }),
  excludeId: positiveIntParam.optional().meta({ description: 'Aktiviteten som ändras (räknas inte som sin egen dubblett)' }),
});
export type SimilarQuery = z.infer<typeof similarQuery>;

export const similarActivities = z
  .object({
    items: z.array(z.object({ id: z.number().int(), date: z.string(), title: z.string(), typeName: z.string() })),
  })
  .meta({ id: 'SimilarActivities' });
export type SimilarActivities = z.infer<typeof similarActivities>;

export const deleteQuery = z.strictObject({
  version: z.coerce.number().int().positive().optional().meta({ description: 'Om angiven: 409 om aktiviteten ändrats sedan dess' }),
});

/** How many of the latest activities the form's goal suggestion looks at: recent habits, not the whole history. */
export const SUGGESTION_WINDOW = 500;

export const goalSuggestions = z
  .object({
    basedOn: z.number().int().meta({ description: `Antal aktiviteter förslagen bygger på (enhetens senaste, högst ${SUGGESTION_WINDOW})` }),
    items: z.array(
      z.object({
        typeId: z.number().int(),
        goalKey: z.string().meta({ description: 'Målets nyckel (gäller alla ramverk), t.ex. spridning' }),
        count: z.number().int().meta({ description: 'Hur många av de senaste aktiviteterna med typen som hade målet' }),
      }),
    ),
  })
  .meta({ id: 'GoalSuggestions' });
export type GoalSuggestions = z.infer<typeof goalSuggestions>;

export const textWarningOverrides = z
  .object({
    items: z.array(z.object({
      year: z.number().int(),
      kind: z.enum(TEXT_WARNING_KINDS).meta({ description: 'mistyped_personal_identity_number: ett tal som liknar ett felskrivet personnummer; client_name: klientord följt av ett namn' }),
      count: z.number().int(),
    })),
  })
  .meta({ id: 'TextWarningOverrides' });
