/**
 * Who may do what. Every route names the action it performs in its config (`config: { action }`), and one
 * onRequest hook asks `can()` before the handler runs, so logins (a later issue) plug in here and nowhere else.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../db/schema.ts';
import { ApiError } from './errors.ts';

export type Action =
  | 'reference:read'
  | 'reference:write'
  | 'activity:read'
  | 'activity:write'
  | 'report:read'
  | 'plan:read'
  | 'plan:write'
  | 'public';

/** Who is asking: nobody signed in, or an account of the unit with its role. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: number; unitId: number; username: string; displayName: string; role: Role; staffId: number | null };

declare module 'fastify' {
  interface FastifyContextConfig {
    action?: Action;
  }
  interface FastifyRequest {
    principal: Principal;
  }
}

/** Until accounts exist every caller may do everything; the seam is here so that change is one function. */
export function can(_principal: Principal, _action: Action): boolean {
  return true;
}

export function registerAccessHook(app: FastifyInstance): void {
  app.decorateRequest<Principal | null>('principal', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.principal = { kind: 'anonymous' };
    const action = request.routeOptions.config?.action;
    if (request.is404 || !request.url.startsWith('/api/')) return;
    if (!action) throw new ApiError(500, `Route ${request.routeOptions.url} has no access rule.`);
    if (!can(request.principal, action)) throw new ApiError(403, 'Du har inte behörighet till detta.');
  });
}
