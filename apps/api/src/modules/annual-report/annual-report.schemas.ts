import { z } from 'zod';
import { planFollowup } from '../plan/plan.schemas.ts';
import { reach, vb } from '../reports/reports.schemas.ts';

export const annualReportParams = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).meta({ description: 'Verksamhetsåret, t.ex. 2018' }),
});
export const annualReportQuery = z.strictObject({
  output: z.enum(['json', 'docx']).default('json').meta({ description: 'json (för utskriftsvyn) eller docx (Word-dokument)' }),
});

export const annualReport = z.object({
  year: z.number().int(),
  unitName: z.string(),
  /** The tables as published: half-up percents, each row on its own. */
  vb,
  reach,
  plan: planFollowup,
}).meta({ id: 'AnnualReport' });
export type AnnualReport = z.infer<typeof annualReport>;
