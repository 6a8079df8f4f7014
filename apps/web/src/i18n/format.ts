/**
 * Dates and numbers the Swedish way (2018-03-14, "42 %", "1 234"); English gets its own ("14 Mar 2018", "42%", "1,234").
 *
 * Calendar dates and whole numbers and percentages (what the pages show by the hundred) are written out here
 * rather than by Intl: the first Intl.NumberFormat or DateTimeFormat a browser tab builds loads its locale data,
 * some 30–40 ms on a fast machine and four times that on a mid-range phone, inside the first render. The output
 * is Intl's to the character for numbers (format.test.ts compares them); English dates spell their month from
 * a list of our own. Anything else (decimals in numbers, times of day) goes to Intl, through formatters built
 * once per language.
 */
import type { Lang } from './messages.ts';

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
// Swedish groups thousands with a no-break space and writes minus as U+2212; British English as in ASCII.
const GROUP: Record<Lang, string> = { sv: '\u00a0', en: ',' };
const DECIMAL: Record<Lang, string> = { sv: ',', en: '.' };
const MINUS: Record<Lang, string> = { sv: '\u2212', en: '-' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// English months written out, not Intl's: en-GB's short September is "Sept" in some engines and "Sep" in others.
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar date, one way per language on every page: Swedish as ISO ("2018-03-14"), English as day, short
 * month and year ("14 Mar 2018"), which no reader can take for 3 December. Anything not an ISO date is shown
 * as it came.
 */
export function formatDate(isoDate: string, lang: Lang): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  if (lang === 'sv') return isoDate;
  const month = EN_MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : isoDate;
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

const stockholm = new Map<string, Intl.DateTimeFormat>();

/** A moment the API stamped (ISO, UTC) as the date and time in Sweden, where the unit works: the date as formatDate. */
export function formatDateTime(iso: string, lang: Lang): string {
  let f = stockholm.get('parts');
  if (!f) stockholm.set('parts', (f = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Stockholm' })));
  const part = (type: Intl.DateTimeFormatPartTypes) => f.formatToParts(new Date(iso)).find((p) => p.type === type)?.value ?? '';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  const time = `${part('hour')}:${part('minute')}`;
  return lang === 'sv' ? `${date} ${time}` : `${formatDate(date, lang)}, ${time}`;
}
