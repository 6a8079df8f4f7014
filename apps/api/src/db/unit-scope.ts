/**
 * The unit a request works for, and the one way code below the routes learns it.
 *
 * Why: the unit used to be one number for the whole process (app.unitId) that every service call had to pass on
 * and every query had to remember. Now the access hook (lib/access.ts) takes it from the signed-in principal and
 * hands the request a UnitScope; repositories are built from a scope (`scope.repo(makeRepository)`), keep its
 * unit in every WHERE and INSERT they write, and services see only repositories. A second unit in the same
 * install then cannot be reached by forgetting an argument: there is no argument to forget.
 *
 * A scope is made once per unit and connection (UnitScopes below) and keeps the repositories built on it, so a
 * repository may prepare its hot statements once, with its unit bound, and reuse them on every request.
 */
import type { Db } from './client.ts';
import { retryWhileBusy } from './write.ts';
import { cachedByReferenceVersion } from './reference-cache.ts';

export type RepositoryFactory<R> = (scope: UnitScope) => R;

export class UnitScope {
  private readonly repositories = new Map<RepositoryFactory<unknown>, unknown>();

  constructor(readonly db: Db, readonly unitId: number) {}

  /** The repository `make` builds for this unit: built on first use, then kept with the scope. */
  repo<R>(make: RepositoryFactory<R>): R {
    let r = this.repositories.get(make) as R | undefined;
    if (r === undefined) {
      r = make(this);
      this.repositories.set(make, r);
    }
    return r;
  }

  /**
   * `load()`'s value for this unit, reused until the unit's reference tables change (db/reference-cache.ts).
   * Inside a transaction it is read fresh. Treat the value as read-only.
   */
  cached<T>(key: string, load: () => T): T {
    return cachedByReferenceVersion(this.db, this.unitId, key, load);
  }

  /**
   * better-sqlite3's immediate transaction, its function made once per scope. drizzle's db.transaction makes a new
   * one and a transaction object on every call, which cost registering an activity about a tenth of its time; the
   * repositories need no transaction object, as they write through the scope's connection.
   */
  private immediate: ((fn: () => unknown) => unknown) | undefined;

  /**
   * `fn` as one immediate write transaction, retried while another process holds the lock (db/write.ts).
   * Repositories write through their scope's connection, so every call inside `fn` is part of the transaction.
   */
  write<T>(fn: () => T): Promise<T> {
    const run = (this.immediate ??= this.db.$client.transaction((f: () => unknown) => f()).immediate);
    return retryWhileBusy(() => run(fn) as T);
  }
}

/** The scopes of one connection, one per unit, made on first use. */
export class UnitScopes {
  private readonly byUnit = new Map<number, UnitScope>();

  constructor(readonly db: Db) {}

  for(unitId: number): UnitScope {
    let scope = this.byUnit.get(unitId);
    if (!scope) {
      scope = new UnitScope(this.db, unitId);
      this.byUnit.set(unitId, scope);
    }
    return scope;
  }
}
