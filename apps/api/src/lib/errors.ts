/**
 * Errors a client can cause, and the one JSON shape they are all answered with:
 *   { statusCode, error, message, fields?: [{ field, in, code, message }] }
 * `code` is stable (the SPA translates it); `message` is for people reading the raw response.
 */
import { z } from 'zod';
import type { ApiErrorCode, ApiErrorParams } from '@fou/domain';

export { API_ERROR_CODES, type ApiErrorCode } from '@fou/domain';

export interface FieldError {
  /** Dotted path of the field, e.g. "title" or "staffIds.1". */
  field: string;
  /** Where it was: body, querystring or params. */
  in: 'body' | 'querystring' | 'params' | 'headers';
  code: ApiErrorCode;
  message: string;
  /** The values the message names (max length, year…), so the client can word it in the user's language. */
  params?: ApiErrorParams;
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly fields?: FieldError[],
    readonly extra?: { code?: ApiErrorCode; params?: ApiErrorParams; currentVersion?: number; retryAfterSeconds?: number },
  ) {
    super(message);
  }
}

export const badRequest = (fields: FieldError[], message = 'Ogiltig indata: se fields.') =>
  new ApiError(400, message, fields);
export const notFound = (what: string) => new ApiError(404, `${what} finns inte.`);
/** A 409 with its stable code, and the values its message names for the client to word it itself. */
export const conflict = (message: string, code: ApiErrorCode, extra?: { params?: ApiErrorParams; currentVersion?: number }) =>
  new ApiError(409, message, undefined, { code, ...extra });

/** Collects field errors while a request is checked, so the client learns of every failing field at once. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(field: string, code: ApiErrorCode, message: string, where: FieldError['in'] = 'body', params?: ApiErrorParams): void {
    this.list.push({ field, in: where, code, message, ...(params ? { params } : {}) });
  }
  throwIfAny(): void {
    if (this.list.length) throw badRequest(this.list);
  }
}

export const fieldErrorSchema = z.object({
  field: z.string(),
  in: z.enum(['body', 'querystring', 'params', 'headers']),
  code: z.string().meta({ description: 'Stable code (the web translates it); listed in packages/domain/src/api-error-codes.ts.' }),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional()
    .meta({ description: 'Values the message names (max, min, year…), for a client wording it in its own language.' }),
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
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
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
