/** The counts of saved-past text warnings: one row per unit, year and kind (the table's primary key). */
import { asc, eq, sql } from 'drizzle-orm';
import type { TextWarningKind } from '@fou/domain';
import type { UnitScope } from '../../db/unit-scope.ts';
import * as t from '../../db/schema.ts';

export interface TextWarningCount { year: number; kind: TextWarningKind; count: number }

export function textWarningsRepository({ db, unitId }: UnitScope) {
  const o = t.textWarningOverrides;
  return {
    /** One more of each kind in the year; call inside the activity's `scope.write`. */
    add(year: number, kinds: readonly TextWarningKind[]): void {
      for (const kind of kinds) {
        db.insert(o).values({ unitId, year, kind, count: 1 })
          .onConflictDoUpdate({ target: [o.unitId, o.year, o.kind], set: { count: sql`${o.count} + 1` } }).run();
      }
    },

    list(): TextWarningCount[] {
      return db.select({ year: o.year, kind: o.kind, count: o.count }).from(o)
        .where(eq(o.unitId, unitId)).orderBy(asc(o.year), asc(o.kind)).all();
    },
  };
}

export type TextWarningsRepository = ReturnType<typeof textWarningsRepository>;
