/** Dates and numbers the Swedish way (2018-03-14, "42 %", "1 234"); English gets its own conventions. */
import type { Lang } from './messages.ts';

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

export function formatDate(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // Calendar dates carry no time zone: format them in UTC so no offset can move the day.
  return new Intl.DateTimeFormat(locales[lang], { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** `percent` is a whole-number percentage (42 for 42 %), as the report API gives it. */
export function formatPercent(percent: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang]).format(n);
}

/** A moment the API stamped (ISO, UTC) as the date and time in Sweden, where the unit works. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}
