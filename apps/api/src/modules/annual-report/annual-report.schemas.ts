import { z } from 'zod';
import { LANGS, langParam } from '../../lib/lang.ts';
import { planFollowup } from '../plan/plan.schemas.ts';
import { reach, vb } from '../reports/reports.schemas.ts';

export const annualReportParams = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).meta({ description: 'Verksamhetsåret, t.ex. 2018' }),
});
export const annualReportQuery = z.strictObject({
  output: z.enum(['json', 'docx']).default('json').meta({ description: 'json (för utskriftsvyn) eller docx (Word-dokument)' }),
  lang: langParam,
});
export type AnnualReportQuery = z.infer<typeof annualReportQuery>;

export const annualReport = z.object({
  year: z.number().int(),
  unitName: z.string(),
  lang: z.enum(LANGS).meta({ description: 'Språket underlaget är skrivet på (lang i frågan)' }),
  /** The tables as published: half-up percents, each row on its own. */
  vb,
  reach,
  plan: planFollowup,
}).meta({ id: 'AnnualReport' });
export type AnnualReport = z.infer<typeof annualReport>;
