import { z } from 'zod';
import { ROLE_NAMES, UNIT_ROLE_NAMES } from '@fou/domain';
import { freeText, guardedCode } from '../../lib/text.ts';
import { MIN_PASSWORD_LENGTH } from './password.ts';

export const role = z.enum(ROLE_NAMES).meta({ description: 'medarbetare, chef (FoU-chef), rad (rådsrepresentant), admin; installationens egna: installation (installationsadministratör), region (regional läsare)' });
// What a unit's admin may give: the install's own roles (installation, region) are given by the install administrator.
export const unitRole = z.enum(UNIT_ROLE_NAMES).meta({ description: 'medarbetare, chef (FoU-chef), rad (rådsrepresentant) eller admin' });
export const password = z.string().min(MIN_PASSWORD_LENGTH, `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.`).max(200);

export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  staffId: z.number().int().nullable(),
  municipalityId: z.number().int().nullable().meta({ description: 'Ägarkommunen kontot företräder (rådsrepresentant): startsidan blir kommunens sida' }),
  mustChangePassword: z.boolean(),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof user>;

export const userCreate = z.strictObject({
  // ASCII by its pattern, so NFC changes nothing; a personnummer as login name is refused like in any text.
  username: guardedCode(/^[a-zA-Z0-9._-]{2,60}$/, 'Användarnamnet: 2–60 tecken, bara bokstäver a–z, siffror, punkt, bindestreck och understreck.'),
  displayName: freeText({ min: 1, max: 120 }),
  role: unitRole,
  staffId: z.number().int().positive().nullable().optional(),
  municipalityId: z.number().int().positive().nullable().optional(),
  password,
});
export type UserCreate = z.infer<typeof userCreate>;

export const userUpdate = z.strictObject({
  displayName: freeText({ min: 1, max: 120 }).optional(),
  role: unitRole.optional(),
  staffId: z.number().int().positive().nullable().optional(),
  municipalityId: z.number().int().positive().nullable().optional(),
  active: z.boolean().optional(),
  /** Resets the password; the user must choose a new one at next sign-in. */
  password: password.optional(),
});
export type UserUpdate = z.infer<typeof userUpdate>;
