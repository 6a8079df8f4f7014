/**
 * The API's errors in the chosen language: each carries a stable code (packages/domain/src/api-error-codes.ts) and
 * the values its text names (params); the server's own message is Swedish, and shown only for a code this web
 * app does not know yet (a newer server).
 */
import type { ApiErrorParams } from '@fou/domain';
import { ApiCallError, type FieldError } from '../api/client.ts';
import type { ApiErrorText, Messages } from './messages.ts';

type Coded = { code?: string; message: string; params?: ApiErrorParams };

function textFor(code: string | undefined, t: Messages): ApiErrorText | undefined {
  if (!code) return undefined;
  if (Object.hasOwn(t.apiErrors, code)) return t.apiErrors[code as keyof Messages['apiErrors']];
  if (Object.hasOwn(t.textErrors, code)) return t.textErrors[code as keyof Messages['textErrors']];
  return undefined;
}

/**
 * One error's words: the UI's text for its code (worded around its params), else the server's message. The
 * codes' texts are the same in meaning in both languages, so Swedish reads like English does; the server's
 * field-specific wording ("Titeln får vara högst 200 tecken") gives way to "Högst 200 tecken." beside the field.
 */
export function codedMessage(e: Coded, t: Messages): string {
  const text = textFor(e.code, t);
  if (text === undefined) return e.message;
  if (typeof text === 'string') return text;
  // A text worded around values needs them: an answer without params (an older server) keeps its own words.
  return e.params ? text(e.params) : e.message;
}

/** A field error (a 400's fields[]) in the chosen language. */
export const fieldErrorText = (f: Pick<FieldError, 'code' | 'message' | 'params'>, t: Messages): string => codedMessage(f, t);

/**
 * A failed call's words for the whole form, in the chosen language: the top-level code's text (a 409, a locked
 * year, a 429…), else the fields' texts, else the server's message; undefined for a server failure (5xx) or a
 * network error, where the page says in its own words that it did not work.
 */
export function apiErrorText(err: unknown, t: Messages): string | undefined {
  if (!(err instanceof ApiCallError) || err.status >= 500 || !err.body) return undefined;
  const { body } = err;
  if (body.code && textFor(body.code, t) !== undefined) return codedMessage({ code: body.code, message: body.message, params: body.params }, t);
  if (body.fields?.length) return body.fields.map((f) => fieldErrorText(f, t)).join(' ');
  return body.message || undefined;
}
