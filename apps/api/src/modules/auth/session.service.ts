/**
 * Sessions: the cookie carries a random 32-byte token, the database only its SHA-256. A session lives 8 hours
 * past its last use and never longer than 7 days after sign-in; expired ones are refused and purged.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import type { Principal } from '../../lib/access.ts';

export const SESSION_COOKIE = 'fou_session';
export const IDLE_MS = 8 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
// Sliding the expiry writes to the database; once a minute per session is plenty.
const SLIDE_EVERY_MS = 60 * 1000;

export interface SessionInfo {
  id: string;
  csrfToken: string;
  mustChangePassword: boolean;
  principal: Extract<Principal, { kind: 'user' }>;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSession(db: Db, userId: number, now = new Date()): { token: string; csrfToken: string } {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  db.delete(t.sessions).where(lt(t.sessions.expiresAt, now.toISOString())).run();
  db.insert(t.sessions).values({
    id: hashToken(token), userId, csrfToken, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + IDLE_MS).toISOString(),
  }).run();
  return { token, csrfToken };
}

/** Every request resolves its session: the lookup is prepared once per connection, for just the columns used. */
function prepareSessionLookup(db: Db) {
  return db.select({
    createdAt: t.sessions.createdAt, expiresAt: t.sessions.expiresAt, csrfToken: t.sessions.csrfToken,
    userId: t.users.id, unitId: t.users.unitId, username: t.users.username, displayName: t.users.displayName,
    role: t.users.role, staffId: t.users.staffId, active: t.users.active, mustChangePassword: t.users.mustChangePassword,
  }).from(t.sessions).innerJoin(t.users, eq(t.users.id, t.sessions.userId)).where(eq(t.sessions.id, sql.placeholder('id'))).prepare();
}
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

export function resolveSession(db: Db, token: string, now = new Date()): SessionInfo | null {
  const id = hashToken(token);
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  const row = lookup.get({ id });
  if (!row) return null;
  const absoluteEnd = Date.parse(row.createdAt) + ABSOLUTE_MS;
  if (!row.active || Date.parse(row.expiresAt) <= now.getTime() || absoluteEnd <= now.getTime()) {
    db.delete(t.sessions).where(eq(t.sessions.id, id)).run();
    return null;
  }
  const slid = Math.min(now.getTime() + IDLE_MS, absoluteEnd);
  if (slid - Date.parse(row.expiresAt) > SLIDE_EVERY_MS) {
    db.update(t.sessions).set({ expiresAt: new Date(slid).toISOString() }).where(eq(t.sessions.id, id)).run();
  }
  const u = row;
  return {
    id,
    csrfToken: row.csrfToken,
    mustChangePassword: u.mustChangePassword,
    principal: { kind: 'user', userId: u.userId, unitId: u.unitId, username: u.username, displayName: u.displayName, role: u.role, staffId: u.staffId },
  };
}

export function endSession(db: Db, sessionId: string): void {
  db.delete(t.sessions).where(eq(t.sessions.id, sessionId)).run();
}

/** Ends the user's sessions, all but `keep` when given (a password change keeps the session that made it). */
export function endOtherSessions(db: Db, userId: number, keep?: string): void {
  const rows = db.select({ id: t.sessions.id }).from(t.sessions).where(eq(t.sessions.userId, userId)).all();
  for (const r of rows) if (r.id !== keep) db.delete(t.sessions).where(and(eq(t.sessions.id, r.id), eq(t.sessions.userId, userId))).run();
}
