import { z } from 'zod';
import { ROLES } from '../../db/schema.ts';
import { MIN_PASSWORD_LENGTH } from './password.ts';

export const role = z.enum(ROLES).meta({ description: 'medarbetare, chef (FoU-chef), rad (rådsrepresentant) eller admin' });
export const password = z.string().min(MIN_PASSWORD_LENGTH, `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.`).max(200);

export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  staffId: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof user>;

export const userCreate = z.strictObject({
  username: z.string().trim().min(2).max(60).regex(/^[a-zA-Z0-9._-]+$/, 'Endast bokstäver a–z, siffror, punkt, bindestreck och understreck.'),
  displayName: z.string().trim().min(1).max(120),
  role,
  staffId: z.number().int().positive().nullable().optional(),
  password,
});
export type UserCreate = z.infer<typeof userCreate>;

export const userUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  role: role.optional(),
  staffId: z.number().int().positive().nullable().optional(),
  active: z.boolean().optional(),
  /** Resets the password; the user must choose a new one at next sign-in. */
  password: password.optional(),
});
export type UserUpdate = z.infer<typeof userUpdate>;
