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

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one, and every registered
// activity asks for today (its date's range).
const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/** Today's date where the user is (Sweden), not in UTC: an activity at 00:30 belongs to today. */
export function todayInSweden(now: Date = new Date()): string {
  return swedishDate.format(now);
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

/** More than a year after today: allowed, but the form asks whether it is meant (a soft warning). */
export function isFarAhead(isoDate: string, today: string = todayInSweden()): boolean {
  const oneYearOn = `${yearOf(today) + 1}${today.slice(4)}`;
  return isoDate > oneYearOn;
}
