/** The storage of locked years: one row per unit and year (the table's primary key). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { UnitScope } from '../../db/unit-scope.ts';
import * as t from '../../db/schema.ts';

export interface PeriodLock { year: number; lockedAt: string; lockedBy: number | null }

export function periodLockRepository({ db, unitId }: UnitScope) {
  const l = t.periodLocks;
  const columns = { year: l.year, lockedAt: l.lockedAt, lockedBy: l.lockedBy };
  const ofUnit = eq(l.unitId, unitId);
  // Every activity and plan item write asks, so the check is prepared once per unit, its unit bound.
  const lockCheck = db.select({ year: l.year }).from(l).where(and(ofUnit, eq(l.year, sql.placeholder('year')))).prepare();

  return {
    list(): PeriodLock[] {
      return db.select(columns).from(l).where(ofUnit).orderBy(asc(l.year)).all();
    },

    isLocked(year: number): boolean {
      return lockCheck.get({ year }) !== undefined;
    },

    get(year: number): PeriodLock | undefined {
      return db.select(columns).from(l).where(and(ofUnit, eq(l.year, year))).get();
    },

    insert(year: number, lockedBy: number | null): PeriodLock {
      return db.insert(l).values({ unitId, year, lockedBy }).returning(columns).get();
    },

    delete(year: number): void {
      db.delete(l).where(and(ofUnit, eq(l.year, year))).run();
    },
  };
}

export type PeriodLockRepository = ReturnType<typeof periodLockRepository>;
