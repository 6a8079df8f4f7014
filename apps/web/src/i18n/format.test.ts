import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent } from './format.ts';
import type { Lang } from './messages.ts';

// The pages' formatting is written out by hand (no Intl on the first render); Intl is the reference it must match.
const LANGS: [Lang, string][] = [
  ['sv', 'sv-SE'],
  ['en', 'en-GB'],
];

describe('formatting without Intl matches Intl', () => {
  it.each(LANGS)('whole numbers in %s', (lang, locale) => {
    const intl = new Intl.NumberFormat(locale);
    const values = [0, 1, -1, 7, 42, 999, 1000, -1000, 1234, 9999, 10000, 12345, 123456, 1234567, -7654321, 1e12, Number.MAX_SAFE_INTEGER];
    for (let i = 0; i < 2000; i++) values.push(Math.floor((Math.random() - 0.3) * 10 ** (1 + (i % 9))));
    for (const v of values) expect(formatNumber(v, lang), String(v)).toBe(intl.format(v));
  });

  it.each(LANGS)('numbers with decimals in %s still go to Intl', (lang, locale) => {
    for (const v of [1.5, -0.25, 1234.5678, -0]) expect(formatNumber(v, lang)).toBe(new Intl.NumberFormat(locale).format(v));
  });

  it.each(LANGS)('percentages in %s', (lang, locale) => {
    const intl = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const values = [0, 100, 42, 42.5, 0.1, 0.5, 99.9, 33.3, 66.7, -0.4, -12.5, 1234.5, 12.25, 1 / 3, 2 / 3 * 100];
    for (let t = -1000; t <= 20000; t += 7) values.push(t / 10);
    for (const v of values) expect(formatPercent(v, lang), String(v)).toBe(intl.format(v / 100));
  });

});

describe('one date format per language', () => {
  it('Swedish writes a calendar date as ISO, every day of three decades', () => {
    for (let day = Date.UTC(1999, 11, 25); day < Date.UTC(2031, 0, 10); day += 86_400_000 * 3) {
      const iso = new Date(day).toISOString().slice(0, 10);
      expect(formatDate(iso, 'sv'), iso).toBe(new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(new Date(day)));
    }
  });

  it('English writes day, short month and year', () => {
    expect(formatDate('2018-03-14', 'en')).toBe('14 Mar 2018');
    expect(formatDate('2024-01-01', 'en')).toBe('1 Jan 2024');
    expect(formatDate('2021-09-30', 'en')).toBe('30 Sep 2021');
    expect(formatDate('2023-12-31', 'en')).toBe('31 Dec 2023');
    // The day and year are the calendar's (no time zone can move them), the month by its number.
    for (let day = Date.UTC(2016, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000 * 5) {
      const d = new Date(day);
      const [dd, mon, yyyy] = formatDate(d.toISOString().slice(0, 10), 'en').split(' ');
      expect(Number(dd)).toBe(d.getUTCDate());
      expect(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(mon!)).toBe(d.getUTCMonth());
      expect(Number(yyyy)).toBe(d.getUTCFullYear());
    }
  });

  it('a moment is shown in Swedish time, its date as the calendar dates are', () => {
    // 22:30 UTC on 31 March 2024 is 00:30 on 1 April in Stockholm (summer time).
    expect(formatDateTime('2024-03-31T22:30:00.000Z', 'sv')).toBe('2024-04-01 00:30');
    expect(formatDateTime('2024-03-31T22:30:00.000Z', 'en')).toBe('1 Apr 2024, 00:30');
    expect(formatDateTime('2018-01-15T09:05:00.000Z', 'en')).toBe('15 Jan 2018, 10:05');
  });
});
