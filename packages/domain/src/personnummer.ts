/**
 * Finds Swedish personal identity numbers (personnummer, and samordningsnummer whose day is +60) in free text,
 * so no record can carry client data. The text is first normalised the way a typist's variants collapse: NFKC
 * (full-width and other compatibility digits become 0–9), every Unicode dash and minus becomes '-', invisible
 * format characters (zero-width space/joiner, word joiner, BOM, soft hyphen, bidi marks) are removed, and the
 * digits of other scripts read as 0–9.
 *
 * A candidate is a date part, YYMMDD or YYYYMMDD, then the four-digit serial, optionally separated by one or more
 * of whitespace (newline too), '_', '/', '.', '-', '+'. The date parts may carry their own separators too
 * (1912-12-12-1212), one and the same character between year, month and day. It counts only when its date exists
 * (day − 60 for a samordningsnummer) and its Luhn check digit holds: that keeps ISO dates, phone numbers written as
 * people write them (08-123 456 78, 070-123 45 67), diarienummer (SN 2018/123-4), years and counts out.
 *
 * The only boundary rule is "no digit directly before or after": a letter, colon or dash next to the number does
 * not hide it (Pnr:-121212-1212, klient-19121212-1212, 121212-1212-A).
 */

/** Dash punctuation (U+2010–2015, U+FE58, U+FE63, U+FF0D, …) and the minus signs that are mathematical symbols. */
const DASHES = /[\p{Pd}\u2212\u2796\u02D7\u2043\u2E3A\u2E3B]/gu;
/** Invisible format characters: zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen, bidi marks… */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]/gu;

const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;

/**
 * Decimal digits of other scripts (Arabic-Indic ٣, Devanagari ३…), which NFKC leaves alone, as 0–9. Unicode
 * encodes every script's digits as contiguous runs of ten starting at zero, so a digit's value is its distance
 * from the start of its run, modulo ten.
 */
function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0)!;
  let start = cp;
  while (start > cp - 60 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((cp - start) % 10);
}

/** The text as the detectors read it. Exported so a caller can show what was matched. */
export function normaliseForDetection(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').replace(OTHER_DIGIT, asciiDigit);
}

const SERIAL_SEPARATOR = String.raw`[\s_./+-]{0,8}`;
const DATE_SEPARATOR = String.raw`[-./_ ]?`;
// The same separator (or none) between year and month and between month and day: 2019/0312 is a diarienummer's
// year and number, not a date.
const DATE = String.raw`(?<y>\d\d)(?<ds>${DATE_SEPARATOR})(?<m>\d\d)\k<ds>(?<d>\d\d)`;
const WITH_CENTURY = new RegExp(String.raw`(?<!\d)(?<c>1[89]|20)${DATE}(?<ss>${SERIAL_SEPARATOR})(?<n>\d{4})(?!\d)`, 'g');
const WITHOUT_CENTURY = new RegExp(String.raw`(?<!\d)${DATE}(?<ss>${SERIAL_SEPARATOR})(?<n>\d{4})(?!\d)`, 'g');

function luhnOk(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function dateExists(year: number | null, mm: number, dd: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  // Without a century any leap year may be meant; 2000 stands for them all.
  const days = new Date(Date.UTC(year ?? 2000, mm, 0)).getUTCDate();
  return dd <= days;
}

interface Candidate {
  /** The candidate as it reads after normalisation. */
  text: string;
  /** Ten digits: YYMMDD and the serial, the digits the Luhn check covers. */
  digits: string;
  /** A real date (samordningsnummer day − 60 included). */
  validDate: boolean;
  withCentury: boolean;
  /** True when nothing separates date and serial and the date parts are not separated either. */
  unbroken: boolean;
}

function* candidates(normalised: string): Generator<Candidate> {
  for (const re of [WITH_CENTURY, WITHOUT_CENTURY]) {
    re.lastIndex = 0;
    for (let m = re.exec(normalised); m; m = re.exec(normalised)) {
      // Overlapping candidates must all be seen: a rejected one must not swallow a real one after it.
      re.lastIndex = m.index + 1;
      const g = m.groups as Record<'y' | 'ds' | 'm' | 'd' | 'ss' | 'n', string> & { c?: string };
      // With separated date parts (2018-03-14) whitespace before the "serial" makes it a time, a count or the
      // second date of a range (2018-01-01 – 2018-12-31); so does another date continuing after it.
      if (g.ds && (/\s/.test(g.ss) || /^[-./]\d\d/.test(normalised.slice(m.index + m[0].length)))) continue;
      const dd = Number(g.d);
      const realDay = dd > 60 ? dd - 60 : dd;
      const year = g.c ? Number(`${g.c}${g.y}`) : null;
      yield {
        text: m[0],
        digits: `${g.y}${g.m}${g.d}${g.n}`,
        validDate: dateExists(year, Number(g.m), realDay),
        withCentury: Boolean(g.c),
        unbroken: !g.ds && !g.ss,
      };
    }
  }
}

/** The personal identity numbers found in the text, as they read after normalisation. */
export function findPersonalIdentityNumbers(text: string): string[] {
  const found: string[] = [];
  for (const c of candidates(normaliseForDetection(text))) {
    if (c.validDate && luhnOk(c.digits)) found.push(c.text);
  }
  return found;
}

export function containsPersonalIdentityNumber(text: string): boolean {
  return findPersonalIdentityNumbers(text).length > 0;
}

/**
 * Numbers that look like a personnummer with one digit wrong: a real date and a serial, but a failing check digit
 * (19850312-1234). Not refused (most are something else), only worth a question to the person typing. Ten digits
 * written together starting with 0 are read as a phone number (0701234568) and left alone.
 */
export function findMistypedPersonalIdentityNumbers(text: string): string[] {
  const found: string[] = [];
  for (const c of candidates(normaliseForDetection(text))) {
    if (!c.validDate || luhnOk(c.digits)) continue;
    if (!c.withCentury && c.unbroken && c.digits.startsWith('0')) continue;
    found.push(c.text);
  }
  return found;
}

/** Words for the person a social worker writes about, in the forms that precede a name. */
const CLIENT_WORDS = [
  'klienten', 'klient', 'brukaren', 'brukare', 'patienten', 'patient', 'barnet', 'eleven', 'elev', 'mamman', 'pappan',
  'mamma', 'pappa', 'modern', 'fadern', 'föräldern', 'vårdnadshavaren', 'flickan', 'pojken', 'tjejen', 'killen',
  'kvinnan', 'mannen', 'ungdomen', 'sonen', 'dottern', 'den unge', 'den sökande', 'sökanden', 'individen', 'personen',
];
// "klienten Anna", "Barnet Kalle": the client word in either case, then a capitalised word of at least two letters.
const CLIENT_NAME = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${CLIENT_WORDS.map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|')}):?\s+(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])`,
  'gu',
);

/** "klienten Anna"-like phrases: a word for a client followed by a capitalised word, which is likely a name. */
export function findClientNamePhrases(text: string): string[] {
  return [...normaliseForDetection(text).matchAll(CLIENT_NAME)].map((m) => m[0]);
}

/** The kinds of soft warning the activity form can show; the server counts how often they were overridden. */
export const TEXT_WARNING_KINDS = ['mistyped_personal_identity_number', 'client_name'] as const;
export type TextWarningKind = (typeof TEXT_WARNING_KINDS)[number];

/** Which soft warnings a text gives: none for ordinary text. */
export function textWarnings(text: string): TextWarningKind[] {
  const kinds: TextWarningKind[] = [];
  if (findMistypedPersonalIdentityNumbers(text).length) kinds.push('mistyped_personal_identity_number');
  if (findClientNamePhrases(text).length) kinds.push('client_name');
  return kinds;
}
