/**
 * Errors a client can cause, and the one JSON shape they are all answered with:
 *   { statusCode, error, message, fields?: [{ field, in, code, message }] }
 * `code` is stable (the SPA translates it); `message` is for people reading the raw response.
 */
import { z } from 'zod';

export interface FieldError {
  /** Dotted path of the field, e.g. "title" or "staffIds.1". */
  field: string;
  /** Where it was: body, querystring or params. */
  in: 'body' | 'querystring' | 'params' | 'headers';
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly fields?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (fields: FieldError[], message = 'Ogiltig indata: se fields.') =>
  new ApiError(400, message, fields);
export const notFound = (what: string) => new ApiError(404, `${what} finns inte.`);
export const conflict = (message: string, extra?: Record<string, unknown>) =>
  new ApiError(409, message, undefined, extra);

/** Collects field errors while a request is checked, so the client learns of every failing field at once. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(field: string, code: string, message: string, where: FieldError['in'] = 'body'): void {
    this.list.push({ field, in: where, code, message });
  }
  throwIfAny(): void {
    if (this.list.length) throw badRequest(this.list);
  }
}

export const fieldErrorSchema = z.object({
  field: z.string(),
  in: z.enum(['body', 'querystring', 'params', 'headers']),
  code: z.string(),
  message: z.string(),
});

export const errorBodySchema = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
    // A 409 on a stale version says which version is current, so the client can reload and retry.
    currentVersion: z.number().int().optional(),
    // A stable code where the status alone is ambiguous: a 403 because the account must change its password
    // first (must_change_password), a 409 because the name or code is taken (already_exists).
    code: z.string().optional(),
    // A 429 says in how many seconds to try again (also in the Retry-After header).
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: 'Error' });

/** The error responses every route may give; routes add their own success shapes. */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
} as const;
