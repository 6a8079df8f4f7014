/** Locked years: once a year's annual report is adopted, its activities and plan items no longer change. */
import type Database from 'better-sqlite3';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write.ts';
import * as t from '../../db/schema.ts';
import type { Principal } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { conflict, notFound } from '../../lib/errors.ts';

export function listLocks(db: Db, unitId: number) {
  return db.select({ year: t.periodLocks.year, lockedAt: t.periodLocks.lockedAt, lockedBy: t.periodLocks.lockedBy })
    .from(t.periodLocks).where(eq(t.periodLocks.unitId, unitId)).orderBy(asc(t.periodLocks.year)).all();
}

const lockChecks = new WeakMap<Db['$client'], Database.Statement<[number, number], number>>();

/** `db` is the database or a drizzle transaction on it; the database's own check is prepared once (every write asks). */
export function isLocked(db: Db, unitId: number, year: number): boolean {
  const client = (db as Partial<Db>).$client;
  if (client) {
    let check = lockChecks.get(client);
    if (!check) {
      check = client.prepare<[number, number], number>('select 1 from period_locks where unit_id = ? and year = ?').pluck();
      lockChecks.set(client, check);
    }
    return check.get(unitId, year) !== undefined;
  }
  return !!db.select({ y: t.periodLocks.year }).from(t.periodLocks).where(and(eq(t.periodLocks.unitId, unitId), eq(t.periodLocks.year, year))).get();
}

export function assertYearOpen(db: Db, unitId: number, year: number): void {
  if (isLocked(db, unitId, year)) {
    throw conflict(`År ${year} är låst eftersom årsredovisningen för ${year} är fastställd. Aktiviteter och planpunkter det året kan inte läggas till, ändras eller tas bort.`);
  }
}

export function lockYear(db: Db, unitId: number, actor: Principal, year: number) {
  return writeTransaction(db, (tx) => {
    const existing = tx.select().from(t.periodLocks).where(and(eq(t.periodLocks.unitId, unitId), eq(t.periodLocks.year, year))).get();
    if (existing) return { year: existing.year, lockedAt: existing.lockedAt, lockedBy: existing.lockedBy };
    const row = tx.insert(t.periodLocks).values({ unitId, year, lockedBy: actor.kind === 'user' ? actor.userId : null }).returning().get();
    const lock = { year: row.year, lockedAt: row.lockedAt, lockedBy: row.lockedBy };
    recordAudit(tx as unknown as Db, { unitId, actor, action: 'lock', entity: 'period_lock', entityId: year, after: lock });
    return lock;
  });
}

export async function unlockYear(db: Db, unitId: number, actor: Principal, year: number): Promise<void> {
  await writeTransaction(db, (tx) => {
    const existing = tx.select().from(t.periodLocks).where(and(eq(t.periodLocks.unitId, unitId), eq(t.periodLocks.year, year))).get();
    if (!existing) throw notFound(`Låsningen av år ${year}`);
    tx.delete(t.periodLocks).where(and(eq(t.periodLocks.unitId, unitId), eq(t.periodLocks.year, year))).run();
    recordAudit(tx as unknown as Db, { unitId, actor, action: 'unlock', entity: 'period_lock', entityId: year, before: existing });
  });
}
