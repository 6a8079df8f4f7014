/**
 * Counts how often someone saved past the activity form's soft warnings about client data (a mistyped
 * personnummer, a client word followed by a name), so the chief can see whether people need guidance. Only a
 * count per unit, year and kind is kept: never the text, the activity or who saved it.
 */
import { textWarnings, type TextWarningKind } from '@fou/domain';
import type { UnitScope } from '../../db/unit-scope.ts';
import { textWarningsRepository, type TextWarningCount } from './text-warnings.repository.ts';

/**
 * The kinds the client says it overrode, kept only where the server finds the same warning in the saved text:
 * a client cannot inflate the counts, and a warning the text no longer gives is not counted.
 */
export function overriddenKinds(claimed: readonly TextWarningKind[] | undefined, texts: (string | null | undefined)[]): TextWarningKind[] {
  if (!claimed?.length) return [];
  const found = new Set(texts.flatMap((x) => (x ? textWarnings(x) : [])));
  return [...new Set(claimed)].filter((k) => found.has(k));
}

/** Inside the activity's `scope.write`: the count goes in with the activity or not at all. */
export function countOverrides(scope: UnitScope, year: number, kinds: readonly TextWarningKind[]): void {
  if (kinds.length) scope.repo(textWarningsRepository).add(year, kinds);
}

export function listOverrides(scope: UnitScope): TextWarningCount[] {
  return scope.repo(textWarningsRepository).list();
}
