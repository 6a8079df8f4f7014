/**
 * Who may do what. Every route names the action it performs in its config (`config: { action }`), and one
 * onRequest hook resolves the session cookie to a Principal, checks CSRF on writes, and asks the domain's
 * permission table before the handler runs.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can as roleCan, type PermissionAction } from '@fou/domain';
import type { Role } from '../db/schema.ts';
import { ApiError } from './errors.ts';
import { SESSION_COOKIE, SIGNED_IN_COOKIE, resolveSession, type SessionInfo } from '../modules/auth/session.service.ts';
import { UnitScopes, type UnitScope } from '../db/unit-scope.ts';

/**
 * `public`: anyone (login, demo accounts, the evaluation answer page, whose link's token is the way in: no session
 * is read and no CSRF token asked, as there is no session to ride on). `session`: any signed-in account, even one that must change its
 * password first (me, password, logout). Everything else is a row of the permission table.
 */
export type Action = PermissionAction | 'public' | 'session';

/** Who is asking: nobody signed in, or an account of the unit with its role. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: number; unitId: number | null; username: string; displayName: string; role: Role; staffId: number | null };

declare module 'fastify' {
  interface FastifyContextConfig {
    action?: Action;
  }
  interface FastifyInstance {
    /** Every route's method, URL and action, as registered: the permission matrix the tests walk. */
    accessRules: AccessRule[];
    /**
     * The connection's unit scopes. Only the public answer link uses it directly: its token names an evaluation,
     * whose unit becomes the scope (modules/evaluations), as a session names an account.
     */
    unitScopes: UnitScopes;
  }
  interface FastifyRequest {
    principal: Principal;
    session: SessionInfo | null;
    /**
     * The signed-in principal's unit (db/unit-scope.ts): the only way a handler reaches a unit's data. Reading
     * it on a request without a signed-in unit account is a programming error (the route's action let it in).
     */
    readonly scope: UnitScope;
  }
}

export interface AccessRule { method: string; url: string; action: Action | undefined }

export function can(principal: Principal, action: Action): boolean {
  if (action === 'public') return true;
  if (principal.kind !== 'user') return false;
  return action === 'session' || roleCan(principal.role, action);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAccessHook(app: FastifyInstance): void {
  const rules: AccessRule[] = [];
  app.decorate('accessRules', rules);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) rules.push({ method, url: route.url, action: route.config?.action });
  });
  app.decorateRequest<Principal | null>('principal', null);
  app.decorateRequest<SessionInfo | null>('session', null);
  const scopes = new UnitScopes(app.db);
  app.decorate('unitScopes', scopes);
  app.decorateRequest('scope', {
    getter(this: FastifyRequest): UnitScope {
      if (this.principal?.kind !== 'user') throw new ApiError(500, `Route ${this.routeOptions.url} reads a unit without a signed-in account.`);
      // The install's own accounts belong to no unit; the permission table keeps them off unit routes already.
      if (this.principal.unitId === null) throw new ApiError(403, 'Kontot hör inte till någon FoU-enhet.');
      return scopes.for(this.principal.unitId);
    },
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.principal = { kind: 'anonymous' };
    request.session = null;
    if (request.is404 || !request.url.startsWith('/api/')) return;
    const action = request.routeOptions.config?.action;
    if (!action) throw new ApiError(500, `Route ${request.routeOptions.url} has no access rule.`);
    if (action === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? resolveSession(app.sessions, token) : null;
    if (!session) {
      // The boot script asked on the strength of this marker; clear it so the next visit waits for the session.
      if (request.cookies[SIGNED_IN_COOKIE]) reply.clearCookie(SIGNED_IN_COOKIE, { path: '/' });
      throw new ApiError(401, 'Du är inte inloggad, eller så har sessionen gått ut. Logga in igen.');
    }
    request.session = session;
    request.principal = session.principal;
    // Cookies ride along on cross-site requests; a header only our own SPA can read the token for cannot.
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
        throw new ApiError(403, 'CSRF-token saknas eller är fel (huvudet x-csrf-token). Ladda om sidan och försök igen.');
      }
    }
    if (session.mustChangePassword && action !== 'session') {
      throw new ApiError(403, 'Du måste byta lösenord innan du kan fortsätta.', undefined, { code: 'must_change_password' });
    }
    if (!can(request.principal, action)) throw new ApiError(403, 'Du har inte behörighet till detta.');
  });
}
