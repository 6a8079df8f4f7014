/**
 * Which year the overview and the plan open on when the address names none. An empty current year (a new year's
 * first weeks, or a demo whose data ends earlier) would show empty tables, and in January to March the chief is
 * writing last year's annual report, so:
 * - January–March: last year, when it has data;
 * - otherwise the current year, when it has data;
 * - otherwise the latest earlier year that has data;
 * - with no data at all, the current year.
 * Years after the current one (next year's plan, drawn up in advance) are not a default.
 */
export type DefaultYearReason = 'lastYearReport' | 'current' | 'latest' | 'empty';

export interface DefaultYear {
  year: number;
  /** Why: the page says so unless it is simply the current year. */
  reason: DefaultYearReason;
}

/** The last month in which last year is offered first (March). */
const REPORT_SEASON_LAST_MONTH = 3;

/** `today` is an ISO date (the Swedish calendar day); `yearsWithData` in any order, duplicates allowed. */
export function defaultYear(today: string, yearsWithData: readonly number[]): DefaultYear {
  const current = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const has = new Set(yearsWithData);
  if (month <= REPORT_SEASON_LAST_MONTH && has.has(current - 1)) return { year: current - 1, reason: 'lastYearReport' };
  if (has.has(current)) return { year: current, reason: 'current' };
  const earlier = yearsWithData.filter((y) => y < current);
  if (earlier.length) return { year: Math.max(...earlier), reason: 'latest' };
  return { year: current, reason: 'empty' };
}
