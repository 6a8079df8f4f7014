/**
 * The signed-in unit's own row in `units`: what its chief may see and change about the unit (today: whether it
 * shares its yearly aggregates in the regional comparison). Every statement carries the scope's unit as the id.
 */
import { eq, sql } from 'drizzle-orm';
import type { UnitScope } from '../../db/unit-scope.ts';
import * as t from '../../db/schema.ts';

export function unitSettingsRepository({ db, unitId }: UnitScope) {
  const u = t.units;
  return {
    get() {
      return db
        .select({ id: u.id, name: u.name, shortName: u.shortName, county: u.county, sharesComparison: u.sharesComparison, updatedAt: u.updatedAt })
        .from(u)
        .where(eq(u.id, unitId))
        .get();
    },

    setSharesComparison(shares: boolean): void {
      db.update(u)
        .set({ sharesComparison: shares, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
        .where(eq(u.id, unitId))
        .run();
    },
  };
}
export type UnitSettingsRepository = ReturnType<typeof unitSettingsRepository>;
