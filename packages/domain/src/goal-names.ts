/** Which name a goal carried in a given year, after renames recorded in goal_name_history. */

export interface GoalNameChange {
  name: string;
  /** The first day the name was no longer in use (YYYY-MM-DD). */
  replacedOn: string;
}

/** The former name in force at the end of the year, or undefined when the current name was. */
function changeForYear<H extends GoalNameChange>(history: readonly H[], year: number): H | undefined {
  const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
  let best: H | undefined;
  for (const h of history) {
    if (h.replacedOn > yearEnd && (!best || h.replacedOn < best.replacedOn)) best = h;
  }
  return best;
}

/**
 * A year is labelled with the name in force at its end: the earliest former name replaced after 31 December
 * of that year, else the current name.
 */
export function goalNameForYear(currentName: string, history: readonly GoalNameChange[], year: number): string {
  return changeForYear(history, year)?.name ?? currentName;
}

/** Name and short name together, as they read at the end of the year (a rename replaces both). */
export function goalLabelForYear(
  current: { name: string; shortName: string | null },
  history: readonly (GoalNameChange & { shortName: string | null })[],
  year: number,
): { name: string; shortName: string | null } {
  const h = changeForYear(history, year);
  return h ? { name: h.name, shortName: h.shortName } : { name: current.name, shortName: current.shortName };
}
