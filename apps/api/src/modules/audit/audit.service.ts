/** Reading the audit trail: newest first, a page at a time by id. It is never written here. */
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import type { AuditQuery } from './audit.schemas.ts';

export function listAudit(db: Db, unitId: number, q: AuditQuery) {
  const a = t.auditLog;
  // Unit-wide, the newest rows come straight off the rowid (id) walked backwards; the unary + keeps SQLite from
  // choosing the (unit_id, entity, …) index instead, which would read and sort every row of the unit.
  const where: SQL[] = [q.entity ? eq(a.unitId, unitId) : sql`+${a.unitId} = ${unitId}`];
  if (q.entity) where.push(eq(a.entity, q.entity));
  if (q.entityId !== undefined) where.push(eq(a.entityId, q.entityId));
  if (q.cursor) where.push(lt(a.id, Number(q.cursor)));
  const rows = db.select().from(a).where(and(...where)).orderBy(desc(a.id)).limit(q.limit + 1).all();
  const items = rows.slice(0, q.limit).map((r) => ({ ...r, before: r.before ?? null, after: r.after ?? null }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? String(last.id) : null };
}
