/** Locked years: once a year's verksamhetsberättelse (annual report on the plan) is adopted, its activities and plan items no longer change. */
import type { UnitScope } from '../../db/unit-scope.ts';
import type { Principal } from '../../lib/access.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { periodLockRepository, type PeriodLock } from './period-lock.repository.ts';

export function listLocks(scope: UnitScope): PeriodLock[] {
  return scope.repo(periodLockRepository).list();
}

export function isLocked(scope: UnitScope, year: number): boolean {
  return scope.repo(periodLockRepository).isLocked(year);
}

/** Call inside the write's `scope.write`, so a lock taken meanwhile by another request is seen. */
export function assertYearOpen(scope: UnitScope, year: number): void {
  if (isLocked(scope, year)) {
    throw conflict(`År ${year} är låst eftersom verksamhetsberättelsen för ${year} är fastställd. Aktiviteter och planpunkter det året kan inte läggas till, ändras eller tas bort. FoU-chefen kan låsa upp året på sidan Register.`, 'year_locked', { params: { year } });
  }
}

/** Locking a locked year again is no change: the existing lock is the answer and nothing is audited. */
export function lockYear(scope: UnitScope, actor: Principal, year: number): Promise<PeriodLock> {
  const locks = scope.repo(periodLockRepository);
  return scope.write(() => {
    const existing = locks.get(year);
    if (existing) return existing;
    const lock = locks.insert(year, actor.kind === 'user' ? actor.userId : null);
    scope.repo(auditRepository).record({ actor, action: 'lock', entity: 'period_lock', entityId: year, after: lock });
    return lock;
  });
}

export async function unlockYear(scope: UnitScope, actor: Principal, year: number): Promise<void> {
  const locks = scope.repo(periodLockRepository);
  await scope.write(() => {
    const existing = locks.get(year);
    if (!existing) throw notFound(`Låsningen av år ${year}`);
    locks.delete(year);
    scope.repo(auditRepository).record({ actor, action: 'unlock', entity: 'period_lock', entityId: year, before: existing });
  });
}
