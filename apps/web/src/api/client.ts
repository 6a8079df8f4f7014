import createClient from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

/** The API lives on the same origin as the SPA (the API process serves both; Vite proxies /api in dev). */
export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin });

export type ReferenceData = components['schemas']['ReferenceData'];
export type Activity = components['schemas']['Activity'];
export type ActivityPage = components['schemas']['ActivityPage'];
export type ActivityListQuery = NonNullable<paths['/api/v1/activities']['get']['parameters']['query']>;
export type ActivityInput = paths['/api/v1/activities']['post']['requestBody']['content']['application/json'];
export type ActivityUpdate = paths['/api/v1/activities/{id}']['put']['requestBody']['content']['application/json'];
export type ApiErrorBody = components['schemas']['Error'];
export type FieldError = NonNullable<ApiErrorBody['fields']>[number];

/** A failed call with the API's error body; 400s carry `fields`, 409s a `currentVersion`. */
export class ApiCallError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | undefined;
  constructor(status: number, body: ApiErrorBody | undefined) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** openapi-fetch returns `{ data, error, response }`; react-query wants a value or a throw. */
export function unwrap<T>(r: { data?: T; error?: unknown; response: Response }): T {
  if (r.error !== undefined || !r.response.ok) throw new ApiCallError(r.response.status, r.error as ApiErrorBody | undefined);
  return r.data as T;
}
