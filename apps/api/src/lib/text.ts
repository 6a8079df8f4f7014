/**
 * The one way a write schema takes text from a client. Every free-text field (titles, descriptions, names, plan
 * rows) is built with freeText(); codes and keys use guardedCode(). Both normalise to NFC, so "Å" typed on one
 * keyboard and pasted from another is the same text, and refuse what must never be stored:
 *  - control characters (C0, DEL, C1: NUL, BEL, the ESC of ANSI escapes…), newline and tab allowed only in
 *    multi-line fields (CRLF arrives as LF);
 *  - bidirectional overrides, embeddings, isolates and marks, which can make a text read otherwise than it is;
 *  - a personnummer or samordningsnummer in any form people type it (packages/domain/src/personnummer.ts).
 * A refusal is a 400 naming the field, with a stable code: control_character, bidi_control or
 * personal_identity_number.
 */
import { z } from 'zod';
import { findPersonalIdentityNumbers } from '@fou/domain';

export const TEXT_ERROR_CODES = ['control_character', 'bidi_control', 'personal_identity_number'] as const;
export type TextErrorCode = (typeof TEXT_ERROR_CODES)[number];

export const PERSONAL_IDENTITY_NUMBER_MESSAGE = 'Texten innehåller ett personnummer eller samordningsnummer. Här beskrivs enhetens arbete: klientuppgifter får inte registreras. Är det ett telefonnummer, skriv det med mellanslag, t.ex. 070-123 45 02.';

// Every C0 control but tab and newline, DEL and the C1 controls; lone surrogates cannot be stored as UTF-8 either.
// Matching control characters is the point of these two patterns.
/* eslint-disable no-control-regex */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\p{Cs}/u;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]|\p{Cs}/u;
/* eslint-enable no-control-regex */
// LRM/RLM, the Arabic letter mark, embeddings and overrides (U+202A–202E) and isolates (U+2066–2069).
const BIDI = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u;

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first reason a text may not be stored, or null. Exported for the tests and for fields outside zod. */
export function textProblem(text: string, multiline: boolean): { code: TextErrorCode; message: string } | null {
  const control = text.match(multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE)?.[0];
  if (control !== undefined) {
    const message = control === '\n' || control === '\t'
      ? 'Fältet ska vara en enda rad: ta bort radbrytningar och tabbar.'
      : `Texten innehåller ett osynligt styrtecken (${hex(control)}), ofta från kopierad text. Ta bort det eller skriv texten på nytt.`;
    return { code: 'control_character', message };
  }
  const bidi = text.match(BIDI)?.[0];
  if (bidi !== undefined) {
    return { code: 'bidi_control', message: `Texten innehåller ett osynligt tecken som styr skrivriktningen (${hex(bidi)}). Det kan få texten att se ut att säga något annat och tillåts inte.` };
  }
  if (findPersonalIdentityNumbers(text).length) return { code: 'personal_identity_number', message: PERSONAL_IDENTITY_NUMBER_MESSAGE };
  return null;
}

function refuseProblems(multiline: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(value, multiline);
    // The code travels in params; the error handler reports it as the field's code.
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code }, input: value });
  };
}

export interface FreeTextOptions {
  max: number;
  /** At least this many characters after trimming (default 0; 1 for a required name or title). */
  min?: number;
  /** Newlines and tabs allowed (descriptions, outcomes); else one line. */
  multiline?: boolean;
  /** Messages for the length checks, when the field has its own words for them. */
  tooShort?: string;
  tooLong?: string;
}

/** A free-text field: NFC, trimmed, length-checked, and refused when it carries control characters or client data. */
export function freeText({ max, min = 0, multiline = false, tooShort, tooLong }: FreeTextOptions) {
  let s = z.string().overwrite((v) => {
    const nfc = v.normalize('NFC');
    return (multiline ? nfc.replace(/\r\n?/g, '\n') : nfc).trim();
  });
  if (min > 0) s = s.min(min, tooShort ?? (min === 1 ? 'Får inte vara tomt.' : `Minst ${min} tecken.`));
  return s.max(max, tooLong ?? `Högst ${max} tecken.`).superRefine(refuseProblems(multiline));
}

/** A code or key (a-z, digits, dash): its pattern keeps control characters out, but digits could still be a personnummer. */
export function guardedCode(pattern: RegExp, message: string) {
  return z.string().trim().regex(pattern, message).superRefine(refuseProblems(false));
}

/** A search text: NFC like the stored texts, so "Å" typed as A and a combining ring finds "Å". Not guarded: never stored. */
export function nfcQuery(max: number) {
  return z.string().max(max).overwrite((v) => v.normalize('NFC'));
}
