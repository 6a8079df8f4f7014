/**
 * Dates and numbers the Swedish way (2018-03-14, "42 %", "1 234"); English gets its own conventions.
 *
 * Calendar dates and whole numbers and percentages (what the pages show by the hundred) are written out here
 * rather than by Intl: the first Intl.NumberFormat or DateTimeFormat a browser tab builds loads its locale data,
 * some 30–40 ms on a fast machine and four times that on a mid-range phone, inside the first render. The output
 * is Intl's to the character (format.test.ts compares them); anything else (decimals in numbers, times of day)
 * goes to Intl, through formatters built once per language.
 */
import type { Lang } from './messages.ts';

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
// Swedish groups thousands with a no-break space and writes minus as U+2212; British English as in ASCII.
const GROUP: Record<Lang, string> = { sv: '\u00a0', en: ',' };
const DECIMAL: Record<Lang, string> = { sv: ',', en: '.' };
const MINUS: Record<Lang, string> = { sv: '\u2212', en: '-' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatDate(isoDate: string, lang: Lang): string {
  const m = ISO_DATE.exec(isoDate);
  // sv-SE writes a date as ISO does; en-GB as day/month/year.
  if (m) return lang === 'sv' ? isoDate : `${m[3]}/${m[2]}/${m[1]}`;
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  // Calendar dates carry no time zone: format them in UTC so no offset can move the day.
  return new Intl.DateTimeFormat(locales[lang], { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, mo - 1, d)),
  );
}

/** Digits of a whole number below 2^53 in groups of three. */
function grouped(n: number, lang: Lang): string {
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += GROUP[lang];
    out += digits[i];
  }
  return n < 0 ? `${MINUS[lang]}${out}` : out;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();
const percentFormats = new Map<Lang, Intl.NumberFormat>();

/** `percent` is a whole-number percentage (42 for 42 %), as the report API gives it. */
export function formatPercent(percent: number, lang: Lang): string {
  const tenths = Math.round(percent * 10);
  // The API's percentages have at most one decimal; anything finer goes to Intl's rounding.
  if (Number.isSafeInteger(tenths) && Math.abs(tenths - percent * 10) < 1e-9 && !Object.is(tenths, -0)) {
    const whole = Math.trunc(tenths / 10);
    const tenth = Math.abs(tenths % 10);
    const sign = tenths < 0 && whole === 0 ? MINUS[lang] : '';
    const text = `${sign}${grouped(whole, lang)}${tenth ? `${DECIMAL[lang]}${tenth}` : ''}`;
    return lang === 'sv' ? `${text}\u00a0%` : `${text}%`;
  }
  let f = percentFormats.get(lang);
  if (!f) percentFormats.set(lang, (f = new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 1 })));
  return f.format(percent / 100);
}

export function formatNumber(n: number, lang: Lang): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return grouped(n, lang);
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(locales[lang])));
  return f.format(n);
}

/** A moment the API stamped (ISO, UTC) as the date and time in Sweden, where the unit works. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}
