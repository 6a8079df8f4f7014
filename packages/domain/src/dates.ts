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

/** More than a year after today: allowed, but the form asks whether it is meant (a soft warning). */
export function isFarAhead(isoDate: string, today: string = todayInSweden()): boolean {
  const oneYearOn = `${yearOf(today) + 1}${today.slice(4)}`;
  return isoDate > oneYearOn;
}
