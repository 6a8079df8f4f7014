import { z } from 'zod';
import { password, role } from '../users/user.schemas.ts';
import { meMunicipality, meUnit } from '../units/units.schemas.ts';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(60),
  password: z.string().min(1).max(200),
});

export const me = z.object({
  user: z.object({ id: z.number().int(), username: z.string(), displayName: z.string() }),
  role,
  staffId: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string().meta({ description: 'Skicka i huvudet x-csrf-token på varje skrivande anrop.' }),
  unit: meUnit.meta({ description: 'Enheten kontot hör till (null för installationens egna konton)' }),
  municipality: meMunicipality.meta({ description: 'Ägarkommunen kontot är knutet till (t.ex. rådsrepresentantens); startsidan är då kommunens sida' }),
});
export type Me = z.infer<typeof me>;

export const sessionState = z
  .discriminatedUnion('signedIn', [
    z.object({ signedIn: z.literal(false) }),
    z.object({ signedIn: z.literal(true), me }),
  ])
  .meta({ id: 'SessionState' });

export const passwordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});

export const demoAccounts = z.array(z.object({
  username: z.string(), password: z.string(), role, displayName: z.string(),
  unit: z.string().nullable().meta({ description: 'Enhetens namn; null för installationens egna konton' }),
}));
