import { z } from 'zod';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditQuery = z.strictObject({
  entity: z.string().min(1).max(40).optional(),
  entityId: z.coerce.number().int().positive().optional(),
  cursor: z.string().regex(/^\d+$/, 'Ogiltig cursor: använd nextCursor från föregående svar.').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditPage = z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() });
