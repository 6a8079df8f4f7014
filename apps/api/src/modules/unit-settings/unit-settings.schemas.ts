import { z } from 'zod';

export const unitSettings = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  county: z.string().nullable().meta({ description: 'Länet enheten hör till; den regionala jämförelsen visar enheter i samma län' }),
  sharesComparison: z.boolean().meta({ description: 'Enheten delar sina sammanräknade siffror per år i den regionala jämförelsen' }),
  updatedAt: z.string(),
}).meta({ id: 'UnitSettings' });
export type UnitSettings = z.infer<typeof unitSettings>;

export const unitSettingsUpdate = z.strictObject({
  sharesComparison: z.boolean().meta({ description: 'true: dela enhetens antal och fördelningar per år i den regionala jämförelsen; false: sluta dela' }),
});
export type UnitSettingsUpdate = z.infer<typeof unitSettingsUpdate>;
