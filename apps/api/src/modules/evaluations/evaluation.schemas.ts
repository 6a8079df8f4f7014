import { z } from 'zod';
import { AFFECTS_OPTIONS, EVALUATION_QUESTION_KEYS, RATING_MAX, RATING_MIN, USEFUL_OPTIONS, WORKPLACE_OTHER } from '@fou/domain';
import { freeText } from '../../lib/text.ts';
import { isoDate } from '../reference/reference.schemas.ts';
import { outputParam } from '../reports/reports.schemas.ts';

const count = z.number().int().min(0, 'Kan inte vara negativt.').max(100_000, 'Högst 100 000.');
const percent = z.number().min(0, 'Minst 0 procent.').max(100, 'Högst 100 procent.').nullable();
export const questionKey = z.enum(EVALUATION_QUESTION_KEYS);
const usefulOption = z.enum(USEFUL_OPTIONS).meta({ description: 'instämmer helt / i hög grad / delvis / inte alls' });
const affectsOption = z.enum(AFFECTS_OPTIONS).meta({ description: 'ja / delvis / nej' });

export const aggregateInput = z.strictObject({
  answers: count.meta({ description: 'Antal svar i det andra verktyget' }),
  ratingMean: z.number().min(RATING_MIN).max(RATING_MAX).nullable(),
  useful: z.strictObject({ helt: percent, hog: percent, delvis: percent, inte: percent }),
  usefulFullyOrHigh: percent.meta({ description: 'Instämmer helt eller i hög grad, när verktyget bara gav dem tillsammans' }),
  affects: z.strictObject({ ja: percent, delvis: percent, nej: percent }),
  affectsYesOrPartly: percent.meta({ description: 'Ja eller delvis, när verktyget bara gav dem tillsammans' }),
}).meta({ description: 'Sammanställning från ett annat enkätverktyg: antal svar, medelbetyg och procent per svarsalternativ' });

const evaluationFields = {
  registered: count.nullable().optional().meta({ description: 'Antal anmälda' }),
  attending: count.nullable().optional().meta({ description: 'Antal som deltog' }),
  opensOn: isoDate.meta({ description: 'Första dag då länken tar emot svar', example: '2023-09-14' }),
  closesOn: isoDate.meta({ description: 'Sista dag då länken tar emot svar', example: '2023-09-28' }),
  questions: z.array(questionKey).min(1, 'Minst en fråga.').max(EVALUATION_QUESTION_KEYS.length).meta({ description: 'Frågorna som ställs (standarduppsättningen från VB 2023, var och en kan stängas av)' }),
  source: z.enum(['answers', 'aggregate']).default('answers').meta({ description: 'answers: svar via länken; aggregate: siffror från ett annat verktyg' }),
  aggregate: aggregateInput.nullable().optional(),
};
export const evaluationCreate = z.strictObject(evaluationFields);
export type EvaluationCreate = z.infer<typeof evaluationCreate>;
export const evaluationUpdate = z.strictObject({ ...evaluationFields, version: z.number().int().positive() });
export type EvaluationUpdate = z.infer<typeof evaluationUpdate>;

const nullablePercent = z.number().nullable();
export const figures = z.object({
  source: z.enum(['answers', 'aggregate']),
  answers: z.number().int(),
  ratingMean: z.number().nullable(),
  ratingCounts: z.array(z.number().int()).nullable(),
  useful: z.object({ helt: nullablePercent, hog: nullablePercent, delvis: nullablePercent, inte: nullablePercent }),
  usefulFullyOrHigh: nullablePercent,
  affects: z.object({ ja: nullablePercent, delvis: nullablePercent, nej: nullablePercent }),
  affectsYesOrPartly: nullablePercent,
}).meta({ id: 'EvaluationFigures' });

export const evaluation = z.object({
  id: z.number().int(),
  activity: z.object({ id: z.number().int(), title: z.string(), date: z.string(), year: z.number().int(), type: z.string() }),
  registered: z.number().int().nullable(),
  attending: z.number().int().nullable(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(['not_open', 'open', 'closed']),
  questions: z.array(questionKey),
  source: z.enum(['answers', 'aggregate']),
  aggregate: aggregateInput.nullable(),
  figures,
  responseRate: z.number().nullable().meta({ description: 'Andel av deltagarna som svarat, procent' }),
  /** Only for those who may change the evaluation: the link is the way in for anyone who has it. */
  publicToken: z.string().nullable().meta({ description: 'Den publika länkens token; bara för dem som får ändra utvärderingen' }),
  canEdit: z.boolean(),
  canReadComments: z.boolean(),
  version: z.number().int(),
}).meta({ id: 'Evaluation' });
export type Evaluation = z.infer<typeof evaluation>;

export const activityIdParam = z.strictObject({ id: z.coerce.number().int().positive() });
export const answerParams = z.strictObject({ id: z.coerce.number().int().positive(), answerId: z.coerce.number().int().positive() });
export const answerCount = z.object({ answers: z.number().int(), state: z.enum(['not_open', 'open', 'closed']) }).meta({ id: 'EvaluationAnswerCount' });
export const qrQuery = z.strictObject({ format: z.enum(['png', 'svg']).default('svg') });

export const comments = z.object({
  items: z.array(z.object({ answerId: z.number().int(), answeredOn: z.string(), comment: z.string() })),
}).meta({ id: 'EvaluationComments' });

export const wording = z.object({
  items: z.array(z.object({ key: questionKey, text: z.string(), standard: z.string(), isStandard: z.boolean() })),
}).meta({ id: 'EvaluationWording' });
export const wordingUpdate = z.strictObject({
  items: z.array(z.strictObject({ key: questionKey, text: freeText({ min: 1, max: 300 }) })).max(EVALUATION_QUESTION_KEYS.length),
});
export type WordingUpdate = z.infer<typeof wordingUpdate>;

// ---- the public answer page

/** 160 random bits as base64url: 27 characters. The pattern keeps anything else off the database. */
export const tokenParam = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'Länken är ogiltig.') });

export const publicEvaluation = z.object({
  title: z.string(),
  date: z.string(),
  unitName: z.string(),
  state: z.enum(['not_open', 'open', 'closed']),
  opensOn: z.string(),
  closesOn: z.string(),
  questions: z.array(z.object({
    key: questionKey,
    text: z.string(),
    options: z.array(z.object({ value: z.string(), label: z.string() })),
  })),
}).meta({ id: 'PublicEvaluation' });
export type PublicEvaluation = z.infer<typeof publicEvaluation>;

export const publicAnswer = z.strictObject({
  rating: z.number().int().min(RATING_MIN).max(RATING_MAX).nullable().optional(),
  useful: usefulOption.nullable().optional(),
  affects: affectsOption.nullable().optional(),
  municipality: z.string().max(40).regex(/^[a-z0-9-]+$/, 'Okänd kommun.').nullable().optional()
    .meta({ description: `En ägarkommuns kod, eller ${WORKPLACE_OTHER.join(' / ')}` }),
  targetGroup: z.string().max(40).regex(/^[a-z0-9-]+$/, 'Okänd målgrupp.').nullable().optional(),
  comment: freeText({ max: 1000, multiline: true, tooLong: 'Kommentaren får vara högst 1000 tecken.' }).nullable().optional(),
  deviceToken: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional().meta({ description: 'Slumpad token ur webbläsarens local storage: ett svar per enhet' }),
});
export type PublicAnswer = z.infer<typeof publicAnswer>;
export const publicAnswerReceipt = z.object({ received: z.literal(true) }).meta({ id: 'PublicAnswerReceipt' });

// ---- reports

export const REPORT_GROUPS = ['event', 'series', 'goal', 'municipality'] as const;
export const evaluationReportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  groupBy: z.enum(REPORT_GROUPS).default('event').meta({ description: 'event: per evenemang; series: per aktivitetstyp och år; goal: per resultatmål och år; municipality: per svarandes kommun' }),
  activity: z.coerce.number().int().positive().optional().meta({ description: 'Bara denna aktivitets utvärdering' }),
  output: outputParam,
});
export type EvaluationReportQuery = z.infer<typeof evaluationReportQuery>;

const combined = z.object({
  evaluations: z.number().int(),
  answers: z.number().int(),
  ratingMean: z.number().nullable(),
  useful: z.object({ helt: nullablePercent, hog: nullablePercent, delvis: nullablePercent, inte: nullablePercent }),
  usefulFullyOrHigh: nullablePercent,
  affects: z.object({ ja: nullablePercent, delvis: nullablePercent, nej: nullablePercent }),
  affectsYesOrPartly: nullablePercent,
});
export const evaluationReport = z.object({
  groupBy: z.enum(REPORT_GROUPS),
  year: z.number().int().nullable(),
  events: z.array(z.object({
    evaluationId: z.number().int(),
    activityId: z.number().int(),
    title: z.string(),
    date: z.string(),
    year: z.number().int(),
    type: z.string(),
    goal: z.string(),
    registered: z.number().int().nullable(),
    attending: z.number().int().nullable(),
    responseRate: z.number().nullable(),
    figures,
  })),
  groups: z.array(z.object({ key: z.string(), label: z.string(), year: z.number().int().nullable(), figures: combined })),
  note: z.string().nullable(),
}).meta({ id: 'EvaluationReport' });
export type EvaluationReport = z.infer<typeof evaluationReport>;
