/** The register forms' state and checks: every field a string while typed, turned into the API's body on save. */
import { ApiCallError } from '../api/client.ts';
import type { Messages } from '../i18n/messages.ts';
import { fieldMessage } from './activity-form-model.ts';
import { apiErrorText } from '../i18n/api-errors.ts';

export type Values = Record<string, string>;
/** Messages by field key; `form` is for what belongs to no single field (a 409, the network). */
export type RegisterErrors = Partial<Record<string, string>>;

export interface FieldSpec {
  /** The API's name of the field, so a 400's `fields` land beside it. */
  key: string;
  label: string;
  kind: 'text' | 'textarea' | 'whole' | 'year' | 'select';
  required: boolean;
  hint?: string;
  maxLength?: number;
  /** Bounds of a whole number, as the API's schema sets them. */
  min?: number;
  max?: number;
  options?: readonly { value: string; label: string }[];
  /** Only when adding: the API cannot change it afterwards (an area's place in the hierarchy). */
  onlyOnAdd?: boolean;
}

export interface CheckMessages {
  required: string;
  tooLong: (max: number) => string;
  wholeNumber: (min: number, max: number) => string;
  year: string;
}

const YEAR = { min: 1900, max: 2999 };

/** "27 211" is how a Swede writes a population; the spaces (also the no-break kind) are only grouping. */
const digits = (s: string) => s.replace(/[\s\u00a0\u202f]/g, '');

export function validateValues(fields: readonly FieldSpec[], values: Values, m: CheckMessages): RegisterErrors {
  const errors: RegisterErrors = {};
  for (const f of fields) {
    const v = (values[f.key] ?? '').trim();
    if (!v) {
      if (f.required) errors[f.key] = m.required;
      continue;
    }
    if (f.maxLength !== undefined && v.length > f.maxLength) errors[f.key] = m.tooLong(f.maxLength);
    if (f.kind === 'whole' || f.kind === 'year') {
      const { min, max } = f.kind === 'year' ? YEAR : { min: f.min ?? 0, max: f.max ?? Number.MAX_SAFE_INTEGER };
      const n = /^\d+$/.test(digits(v)) ? Number(digits(v)) : NaN;
      if (!(n >= min && n <= max)) errors[f.key] = f.kind === 'year' ? m.year : m.wholeNumber(min, max);
    }
  }
  return errors;
}

export const textOrNull = (v: string | undefined): string | null => (v?.trim() ? v.trim() : null);
export const wholeOrNull = (v: string | undefined): number | null => (v?.trim() ? Number(digits(v)) : null);
export const fromNumber = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));

/**
 * The API's answer as form errors: a 400's fields beside the form's own fields (by the first part of the path),
 * anything else, a 409's "already exists" included, in words for the whole form.
 */
export function errorsFromApi(err: unknown, keys: readonly string[], fallback: string, t?: Messages): RegisterErrors {
  if (err instanceof ApiCallError) {
    const fields = err.body?.fields ?? [];
    const message = (f: (typeof fields)[number]) => fieldMessage(f, t);
    const known = fields.filter((f) => keys.includes(f.field.split('.')[0]!));
    if (known.length) {
      const errors: RegisterErrors = Object.fromEntries(known.map((f) => [f.field.split('.')[0]!, message(f)]));
      const other = fields.filter((f) => !known.includes(f));
      if (other.length) errors.form = other.map(message).join(' ');
      return errors;
    }
    if (fields.length) return { form: fields.map(message).join(' ') };
    const whole = t ? apiErrorText(err, t) : err.status < 500 ? err.body?.message : undefined;
    if (whole) return { form: whole };
  }
  return { form: fallback };
}

/** The stable code the API wants for a new municipality, made from its name: "Upplands Väsby" → "upplands-vasby". */
export function codeFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
