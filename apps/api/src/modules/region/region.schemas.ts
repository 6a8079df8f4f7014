import { z } from 'zod';
import { langParam } from '../../lib/lang.ts';
import { outputParam } from '../reports/reports.schemas.ts';

/** The longest range one answer covers: the table would not fit a page anyway, and the work stays bounded. */
export const MAX_YEARS = 20;
const yearParam = z.coerce.number().int().min(1900).max(2999);

export const comparisonQuery = z.strictObject({
  from: yearParam.optional().meta({ description: 'Första året, t.ex. 2019. Utan from och to: de senaste fem åren med aktiviteter' }),
  to: yearParam.optional().meta({ description: `Sista året, t.ex. 2023 (högst ${MAX_YEARS} år efter from)` }),
  output: outputParam,
  lang: langParam,
}).superRefine((q, ctx) => {
  if (q.from !== undefined && q.to !== undefined) {
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from får inte vara efter to.' });
    else if (q.to - q.from >= MAX_YEARS) ctx.addIssue({ code: 'custom', path: ['to'], message: `Jämförelsen kan omfatta högst ${MAX_YEARS} år.` });
  }
});
export type ComparisonQuery = z.infer<typeof comparisonQuery>;

const share = z.object({ count: z.number().int(), percent: z.number().int().meta({ description: 'Procent av årets aktiviteter, avrundat som i verksamhetsberättelsen (halvt uppåt, rad för rad)' }) });

export const comparison = z.object({
  from: z.number().int(),
  to: z.number().int(),
  years: z.array(z.number().int()),
  viewer: z.object({
    role: z.enum(['region', 'chef']),
    county: z.string().nullable().meta({ description: 'Länet som visas; null för alla län (ett regionkonto utan län)' }),
    unitShares: z.boolean().nullable().meta({ description: 'För en chef: om den egna enheten delar (bara då visas andra enheter); null för regionkonton' }),
  }),
  units: z.array(z.object({ id: z.number().int(), name: z.string(), shortName: z.string().nullable(), county: z.string().nullable() })),
  goals: z.array(z.object({ key: z.string(), name: z.string() })).meta({ description: 'Målen i jämförelsen, efter sin stabila nyckel' }),
  areaGroups: z.array(z.object({ code: z.string(), name: z.string() })),
  rows: z.array(z.object({
    unitId: z.number().int(),
    year: z.number().int(),
    activities: z.number().int(),
    goals: z.array(share.extend({ key: z.string(), name: z.string() })),
    areaGroups: z.array(share.extend({ code: z.string(), name: z.string() })),
    municipalities: z.object({
      reached: z.number().int().meta({ description: 'Ägarkommuner som deltog i minst en aktivitet' }),
      of: z.number().int().meta({ description: 'Enhetens ägarkommuner (aktiva, och de inaktiva som deltog)' }),
    }),
    participants: z.object({
      sum: z.number().int(),
      activitiesWithCount: z.number().int().meta({ description: 'Aktiviteter där antal deltagare är angivet' }),
    }),
  })).meta({ description: 'En rad per enhet och år, även år utan aktiviteter' }),
}).meta({ id: 'RegionComparison' });
export type Comparison = z.infer<typeof comparison>;
