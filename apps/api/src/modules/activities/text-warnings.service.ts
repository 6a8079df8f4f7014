/**
 * Counts how often someone saved past the activity form's soft warnings about client data (a mistyped
 * personnummer, a client word followed by a name), so the chief can see whether people need guidance. Only a
 * count per unit, year and kind is kept: never the text, the activity or who saved it.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { textWarnings, type TextWarningKind } from '@fou/domain';
import type { Db } from '../../db/client.ts';
import * as t from '../../db/schema.ts';

/**
 * The kinds the client says it overrode, kept only where the server finds the same warning in the saved text:
 * a client cannot inflate the counts, and a warning the text no longer gives is not counted.
 */
export function overriddenKinds(claimed: readonly TextWarningKind[] | undefined, texts: (string | null | undefined)[]): TextWarningKind[] {
  if (!claimed?.length) return [];
  const found = new Set(texts.flatMap((x) => (x ? textWarnings(x) : [])));
  return [...new Set(claimed)].filter((k) => found.has(k));
}

export function countOverrides(db: Db, unitId: number, year: number, kinds: readonly TextWarningKind[]): void {
  const o = t.textWarningOverrides;
  for (const kind of kinds) {
    db.insert(o).values({ unitId, year, kind, count: 1 })
      .onConflictDoUpdate({ target: [o.unitId, o.year, o.kind], set: { count: sql`${o.count} + 1` } }).run();
  }
}

export function listOverrides(db: Db, unitId: number): { year: number; kind: TextWarningKind; count: number }[] {
  return db.select({ year: t.textWarningOverrides.year, kind: t.textWarningOverrides.kind, count: t.textWarningOverrides.count })
    .from(t.textWarningOverrides).where(eq(t.textWarningOverrides.unitId, unitId))
    .orderBy(asc(t.textWarningOverrides.year), asc(t.textWarningOverrides.kind)).all();
}
