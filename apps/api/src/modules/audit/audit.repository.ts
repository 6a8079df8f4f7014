/**
 * The audit trail's storage: written in the same transaction as the change it records (call `record` inside
 * `scope.write`), read newest first a page at a time. The table is append-only (triggers in migration 0001
 * refuse UPDATE and DELETE), so this repository has no update or delete.
 */
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { UnitScope } from '../../db/unit-scope.ts';
import * as t from '../../db/schema.ts';
import type { Principal } from '../../lib/access.ts';

export type AuditAction = 'create' | 'update' | 'delete' | 'lock' | 'unlock' | 'copy';
export type AuditEntity =
  | 'activity' | 'plan_item' | 'municipality' | 'area' | 'goal_framework' | 'goal' | 'activity_type'
  | 'assignment' | 'staff' | 'user' | 'period_lock' | 'unit' | 'target_group'
  | 'evaluation' | 'evaluation_answer' | 'evaluation_wording';

export interface AuditEntry {
  actor: Principal;
  action: AuditAction;
  entity: AuditEntity;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditPageQuery { entity?: string; entityId?: number; cursor?: string; limit: number }

/** The name written into the trail: the account's name, or "system" for the seeders and scripts. */
export function actorName(p: Principal): string {
  return p.kind === 'user' ? `${p.displayName} (${p.username})` : 'system';
}

export function auditRepository({ db, unitId }: UnitScope) {
  const a = t.auditLog;
  // Every registered activity writes a row: prepared once per unit, the unit bound in it. before and after go in
  // as JSON text made here: through the json column's encoder a placeholder's null would become the text 'null',
  // and "no value" must stay SQL NULL.
  const json = (name: string) => sql`${sql.placeholder(name)}`;
  const insert = db.insert(a).values({
    unitId,
    userId: sql.placeholder('userId'),
    actor: sql.placeholder('actor'),
    action: sql.placeholder('action'),
    entity: sql.placeholder('entity'),
    entityId: sql.placeholder('entityId'),
    before: json('before'),
    after: json('after'),
  }).prepare();

  return {
    record(e: AuditEntry): void {
      insert.run({
        userId: e.actor.kind === 'user' ? e.actor.userId : null,
        actor: actorName(e.actor),
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        before: e.before == null ? null : JSON.stringify(e.before),
        after: e.after == null ? null : JSON.stringify(e.after),
      });
    },

    /** Newest first; `cursor` is the last id of the previous page. */
    page(q: AuditPageQuery) {
      // Unit-wide, the newest rows come straight off the rowid (id) walked backwards; the unary + keeps SQLite from
      // choosing the (unit_id, entity, …) index instead, which would read and sort every row of the unit.
      const where: SQL[] = [q.entity ? eq(a.unitId, unitId) : sql`+${a.unitId} = ${unitId}`];
      if (q.entity) where.push(eq(a.entity, q.entity));
      if (q.entityId !== undefined) where.push(eq(a.entityId, q.entityId));
      if (q.cursor) where.push(lt(a.id, Number(q.cursor)));
      return db.select().from(a).where(and(...where)).orderBy(desc(a.id)).limit(q.limit + 1).all();
    },

    /**
     * The unit's plan items' recorded changes, oldest first: when, what kind, and the status before and after
     * (read out of the snapshots in SQL, so the rest of each snapshot stays on disk).
     */
    planItemStatusTrail(itemIds: readonly number[]) {
      if (itemIds.length === 0) return [];
      return db.select({
        itemId: sql<number>`${a.entityId}`,
        at: a.at,
        action: a.action,
        before: sql<string | null>`json_extract(${a.before}, '$.status')`,
        after: sql<string | null>`json_extract(${a.after}, '$.status')`,
      }).from(a)
        .where(and(eq(a.unitId, unitId), eq(a.entity, 'plan_item'), inArray(a.entityId, [...itemIds]), inArray(a.action, ['create', 'copy', 'update'])))
        .orderBy(asc(a.id)).all();
    },
  };
}
