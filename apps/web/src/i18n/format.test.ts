import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent } from './format.ts';
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

  it.each(LANGS)('calendar dates in %s', (lang, locale) => {
    const intl = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
    for (let day = Date.UTC(1999, 11, 25); day < Date.UTC(2031, 0, 10); day += 86_400_000 * 3) {
      const iso = new Date(day).toISOString().slice(0, 10);
      expect(formatDate(iso, lang), iso).toBe(intl.format(new Date(day)));
    }
  });
});
