/**
 * The audit trail: who changed what, when, and the values before and after. Call recordAudit inside the same
 * transaction as the change, so a change without its trail (or a trail without its change) cannot happen.
 * The table is append-only (triggers in migration 0001 refuse UPDATE and DELETE).
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';

import { actorName, type AuditEntry as ScopedEntry } from '../modules/audit/audit.repository.ts';

export { actorName };
export type { AuditAction, AuditEntity } from '../modules/audit/audit.repository.ts';
/** Transitional: services still on (db, unitId) pass the unit here; repositories use auditRepository(scope).record. */
export type AuditEntry = ScopedEntry & { unitId: number };

const inserts = new WeakMap<Database.Database, Database.Statement>();

/**
 * `db` is the database or a drizzle transaction on it. Given the database itself (its `$client`), the row goes
 * in through a statement prepared once per connection: every registered activity writes one, so it is hot.
 */
export function recordAudit(db: Db, e: AuditEntry): void {
  const client = (db as Partial<Db>).$client;
  if (client) {
    let insert = inserts.get(client);
    if (!insert) {
      insert = client.prepare('insert into audit_log (unit_id, user_id, actor, action, entity, entity_id, before, after) values (?, ?, ?, ?, ?, ?, ?, ?)');
      inserts.set(client, insert);
    }
    const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
    insert.run(e.unitId, e.actor.kind === 'user' ? e.actor.userId : null, actorName(e.actor), e.action, e.entity, e.entityId, json(e.before), json(e.after));
    return;
  }
  db.insert(t.auditLog).values({
    unitId: e.unitId,
    userId: e.actor.kind === 'user' ? e.actor.userId : null,
    actor: actorName(e.actor),
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  }).run();
}
