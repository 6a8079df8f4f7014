/** Which name a goal carried in a given year, after renames recorded in goal_name_history. */

export interface GoalNameChange {
  name: string;
  /** The first day the name was no longer in use (YYYY-MM-DD). */
  replacedOn: string;
}

/**
 * A year is labelled with the name in force at its end: the earliest former name replaced after 31 December
 * of that year, else the current name.
 */
export function goalNameForYear(currentName: string, history: readonly GoalNameChange[], year: number): string {
  const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
  let best: GoalNameChange | undefined;
  for (const h of history) {
    if (h.replacedOn > yearEnd && (!best || h.replacedOn < best.replacedOn)) best = h;
  }
  return best?.name ?? currentName;
}
