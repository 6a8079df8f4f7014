/** Calendar dates as the product stores them: 'YYYY-MM-DD', no time zone, compared as text. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in ISO form (rejects 2018-02-30, 2018-13-01, 18-1-1). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** The last Sunday of a month (1–12) of a year, as a UTC day number of the month. */
function lastSunday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  return last - new Date(Date.UTC(year, month - 1, last)).getUTCDay();
}

// Built on first need only: the first Intl.DateTimeFormat with a time zone loads the zone data, tens of ms in a
// browser tab's first render (four times that on a phone), and the rule below covers every date the app asks.
let swedishDate: Intl.DateTimeFormat | undefined;

/**
 * Today's date where the user is (Sweden), not in UTC: an activity at 00:30 belongs to today. Sweden keeps the
 * EU's summer time (UTC+2 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October,
 * else UTC+1), the same rule since 1996; outside 1996–2099 Intl's time zone data answers instead.
 */
export function todayInSweden(now: Date = new Date()): string {
  const y = now.getUTCFullYear();
  if (y < 1996 || y > 2099 || Number.isNaN(y)) {
    swedishDate ??= new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
    return swedishDate.format(now);
  }
  const summerFrom = Date.UTC(y, 2, lastSunday(y, 3), 1);
  const summerTo = Date.UTC(y, 9, lastSunday(y, 10), 1);
  const t = now.getTime();
  const offsetHours = t >= summerFrom && t < summerTo ? 2 : 1;
  return new Date(t + offsetHours * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The years activities may be dated in and years may be locked in: one range for both, so every year that can
 * hold an activity can also be locked. From 2000 (older than any follow-up the unit keeps) to five years after
 * this one (a planned conference; further ahead is a typing error such as 2202 for 2022).
 */
export const FIRST_ACTIVITY_YEAR = 2000;
export const YEARS_AHEAD = 5;

export function lastActivityYear(today: string = todayInSweden()): number {
  return yearOf(today) + YEARS_AHEAD;
}

export function isActivityYear(year: number, today: string = todayInSweden()): boolean {
  return Number.isInteger(year) && year >= FIRST_ACTIVITY_YEAR && year <= lastActivityYear(today);
}

/** A real date in the activity range. */
export function isActivityDate(value: string, today: string = todayInSweden()): boolean {
  return isIsoDate(value) && isActivityYear(yearOf(value), today);
}

/**
 * Why a typed activity date cannot be saved, by a stable code the API and the form share:
 * - `date_format`: not written as ÅÅÅÅ-MM-DD;
 * - `date_nonexistent`: written so, but no such day (30 February, month 13);
 * - `date_before_start`: before 1 January of FIRST_ACTIVITY_YEAR;
 * - `date_before_follow_up`: before the unit's follow-up began (its first goal framework's start), when given;
 * - `date_after_end`: after the last year activities may be dated in.
 * Null when the date is fine.
 */
export type ActivityDateProblem = 'date_format' | 'date_nonexistent' | 'date_before_start' | 'date_before_follow_up' | 'date_after_end';

export function activityDateProblem(value: string, opts: { today?: string; followUpStart?: string | null } = {}): ActivityDateProblem | null {
  const m = ISO_DATE.exec(value);
  if (!m) return 'date_format';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Year 0 does not exist either; month and day are checked in the proleptic Gregorian calendar.
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return 'date_nonexistent';
  if (y < FIRST_ACTIVITY_YEAR) return 'date_before_start';
  if (y > lastActivityYear(opts.today)) return 'date_after_end';
  if (opts.followUpStart && value < opts.followUpStart) return 'date_before_follow_up';
  return null;
}

/** The first day any unit's follow-up can have begun: where the earliest goal framework may start. */
export const FIRST_ACTIVITY_DATE = `${FIRST_ACTIVITY_YEAR}-01-01`;

/** More than a year after today: allowed, but the form asks whether it is meant (a soft warning). */
export function isFarAhead(isoDate: string, today: string = todayInSweden()): boolean {
  const oneYearOn = `${yearOf(today) + 1}${today.slice(4)}`;
  return isoDate > oneYearOn;
}
