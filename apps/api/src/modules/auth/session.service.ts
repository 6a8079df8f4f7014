/**
 * Sessions: the cookie carries a random 32-byte token, the database only its SHA-256. A session lives 8 hours
 * past its last use and never longer than 7 days after sign-in; expired ones are refused and purged.
 */
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { isBusy, writeTransaction } from '../../db/write.ts';
import type { Role } from '../../db/schema.ts';
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
interface SessionRow {
  createdAt: string; expiresAt: string; csrfToken: string; userId: number; unitId: number; username: string; displayName: string;
  role: Role; staffId: number | null; active: number; mustChangePassword: number;
}
const sessionLookups = new WeakMap<Db['$client'], Database.Statement<[string], SessionRow>>();

export function resolveSession(db: Db, token: string, now = new Date()): SessionInfo | null {
  const id = hashToken(token);
  let lookup = sessionLookups.get(db.$client);
  if (!lookup) {
    lookup = db.$client.prepare<[string], SessionRow>(`select s.created_at as createdAt, s.expires_at as expiresAt, s.csrf_token as csrfToken,
        u.id as userId, u.unit_id as unitId, u.username, u.display_name as displayName, u.role, u.staff_id as staffId,
        u.active, u.must_change_password as mustChangePassword
      from sessions s join users u on u.id = s.user_id where s.id = ?`);
    sessionLookups.set(db.$client, lookup);
  }
  const row = lookup.get(id);
  if (!row) return null;
  const absoluteEnd = Date.parse(row.createdAt) + ABSOLUTE_MS;
  // Both writes below are housekeeping a read must never wait for: while another process holds the write lock
  // they are skipped (a stale row is purged next time; the expiry slides at the next request past the lock).
  if (!row.active || Date.parse(row.expiresAt) <= now.getTime() || absoluteEnd <= now.getTime()) {
    unlessBusy(() => db.delete(t.sessions).where(eq(t.sessions.id, id)).run());
    return null;
  }
  const slid = Math.min(now.getTime() + IDLE_MS, absoluteEnd);
  if (slid - Date.parse(row.expiresAt) > SLIDE_EVERY_MS) {
    unlessBusy(() => db.update(t.sessions).set({ expiresAt: new Date(slid).toISOString() }).where(eq(t.sessions.id, id)).run());
  }
  const u = row;
  return {
    id,
    csrfToken: row.csrfToken,
    mustChangePassword: u.mustChangePassword === 1,
    principal: { kind: 'user', userId: u.userId, unitId: u.unitId, username: u.username, displayName: u.displayName, role: u.role, staffId: u.staffId },
  };
}

function unlessBusy(write: () => unknown): void {
  try {
    write();
  } catch (err) {
    if (!isBusy(err)) throw err;
  }
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await writeTransaction(db, (tx) => tx.delete(t.sessions).where(eq(t.sessions.id, sessionId)).run());
}

/** Ends the user's sessions, all but `keep` when given (a password change keeps the session that made it). */
export function endOtherSessions(db: Db, userId: number, keep?: string): void {
  const rows = db.select({ id: t.sessions.id }).from(t.sessions).where(eq(t.sessions.userId, userId)).all();
  for (const r of rows) if (r.id !== keep) db.delete(t.sessions).where(and(eq(t.sessions.id, r.id), eq(t.sessions.userId, userId))).run();
}
