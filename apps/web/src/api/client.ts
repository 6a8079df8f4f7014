import createClient from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

/** The API lives on the same origin as the SPA (the API process serves both; Vite proxies /api in dev). */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  credentials: 'same-origin',
});

/** The session's CSRF token, set from /auth/me or the login answer; every write sends it back. */
let csrfToken: string | null = null;
let onUnauthorized: () => void = () => undefined;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called on any 401 except the login itself (a wrong password is not an expired session). */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

api.use({
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/login')) onUnauthorized();
    return response;
  },
});

export type Me = paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];
export type SessionState = paths['/api/v1/auth/session']['get']['responses'][200]['content']['application/json'];
export type YearsWithData = paths['/api/v1/reports/years']['get']['responses'][200]['content']['application/json'];
export type Role = Me['role'];
export type User = paths['/api/v1/users']['get']['responses'][200]['content']['application/json'][number];
export type UserCreate = paths['/api/v1/users']['post']['requestBody']['content']['application/json'];
export type UserUpdate = paths['/api/v1/users/{id}']['patch']['requestBody']['content']['application/json'];
export type DemoAccount = paths['/api/v1/auth/demo-accounts']['get']['responses'][200]['content']['application/json'][number];

export type ReferenceData = components['schemas']['ReferenceData'];
export type Activity = components['schemas']['Activity'];
export type ActivityPage = components['schemas']['ActivityPage'];
export type GoalSuggestion = components['schemas']['GoalSuggestions']['items'][number];
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
export type GoalFramework = components['schemas']['GoalFramework'];
export type Goal = components['schemas']['Goal'];
export type FrameworkCreate = paths['/api/v1/goal-frameworks']['post']['requestBody']['content']['application/json'];
export type FrameworkUpdate = paths['/api/v1/goal-frameworks/{id}']['patch']['requestBody']['content']['application/json'];
export type GoalUpdate = paths['/api/v1/goals/{id}']['patch']['requestBody']['content']['application/json'];
export type PlanItem = components['schemas']['PlanItem'];
export type PlanItemInput = paths['/api/v1/plan-items']['post']['requestBody']['content']['application/json'];
export type PlanItemUpdate = paths['/api/v1/plan-items/{id}']['put']['requestBody']['content']['application/json'];
export type PlanStatus = PlanItem['status'];
export type PlanFollowup = components['schemas']['PlanFollowup'];
export type PlanFollowupItem = PlanFollowup['items'][number];
