/** The install administrator's API: the install's units, their first admins, and the install's own accounts. */
import { z } from 'zod';
import { freeText, guardedCode } from '../../lib/text.ts';

const unitName = freeText({ min: 1, max: 120 });
const shortName = freeText({ min: 1, max: 40 });
/** As the install administrator writes it ("Stockholms län"): the regional comparison groups units by it. */
const county = freeText({ min: 1, max: 60 });
const unitCode = guardedCode(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Kod: små bokstäver a–z, siffror och bindestreck, högst 40 tecken.');
const username = guardedCode(/^[a-zA-Z0-9._-]{2,60}$/, 'Användarnamnet: 2–60 tecken, bara bokstäver a–z, siffror, punkt, bindestreck och understreck.');
const displayName = freeText({ min: 1, max: 120 });

export const unit = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    county: z.string().nullable(),
    sharesComparison: z.boolean().meta({ description: 'Enhetens eget val: visa årets sammanställningar i den regionala jämförelsen.' }),
    accounts: z.number().int().meta({ description: 'Enhetens aktiva konton' }),
    activities: z.number().int().meta({ description: 'Enhetens registrerade aktiviteter, alla år (ett antal, inga aktiviteter läses)' }),
    createdAt: z.string(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof unit>;

export const unitCreate = z.strictObject({
  name: unitName,
  shortName,
  county,
  code: unitCode.optional().meta({ description: 'Utelämnad: härleds ur kortnamnet ("Södertörn" → "sodertorn").' }),
});
export type UnitCreate = z.infer<typeof unitCreate>;

export const unitUpdate = z.strictObject({ name: unitName.optional(), shortName: shortName.optional(), county: county.optional() });
export type UnitUpdate = z.infer<typeof unitUpdate>;

export const installAccountRole = z.enum(['installation', 'region']).meta({ description: 'installation (installationsadministratör) eller region (läser den regionala jämförelsen för sitt län)' });

export const installAccount = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: installAccountRole,
    county: z.string().nullable().meta({ description: 'Regionkontots län; null: alla län' }),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'InstallAccount' });
export type InstallAccount = z.infer<typeof installAccount>;

export const installAccountCreate = z.strictObject({
  username,
  displayName,
  role: installAccountRole,
  county: county.nullable().optional().meta({ description: 'Bara för region: länet kontot ser (utelämnat eller null: alla län).' }),
});
export type InstallAccountCreate = z.infer<typeof installAccountCreate>;

export const installAccountUpdate = z.strictObject({
  displayName: displayName.optional(),
  county: county.nullable().optional(),
  active: z.boolean().optional(),
});
export type InstallAccountUpdate = z.infer<typeof installAccountUpdate>;

export const unitAdminCreate = z.strictObject({ username, displayName });
export type UnitAdminCreate = z.infer<typeof unitAdminCreate>;

const oneTimePassword = z.string().meta({ description: 'Engångslösenord: visas bara här, en gång; kontot måste byta det vid första inloggningen.' });

export const unitAdminCreated = z.object({
  user: z.object({ id: z.number().int(), username: z.string(), displayName: z.string(), role: z.literal('admin'), unitId: z.number().int() }),
  oneTimePassword,
});
export const installAccountCreated = z.object({ account: installAccount, oneTimePassword });

/** The signed-in account's unit, for the header (null for the install's own accounts). */
export const meMunicipality = z.object({ code: z.string(), name: z.string() }).nullable();
export const meUnit = z.object({ id: z.number().int(), name: z.string(), shortName: z.string().nullable() }).nullable();
