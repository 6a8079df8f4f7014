/**
 * Sessions: the cookie carries a random 32-byte token, the database only its SHA-256. A session lives 8 hours
 * past its last use and never longer than 7 days after sign-in; expired ones are refused and purged.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isBusy } from '../../db/write.ts';
import type { Principal } from '../../lib/access.ts';
import type { SessionRepository } from './session.repository.ts';

export const SESSION_COOKIE = 'fou_session';
/**
 * A cookie the page's boot script can read (the session cookie is httpOnly): "someone was signed in here". It
 * carries nothing secret and grants nothing; it only lets the boot script ask for a page's data at once instead
 * of waiting for /auth/session to say someone is signed in, one round trip less on a phone. Set with the session
 * cookie, cleared with it, and cleared by any answer that finds no valid session (so a stale one costs one 401).
 */
export const SIGNED_IN_COOKIE = 'fou_signed_in';
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

/** A new session for the account; call inside the sign-in's write (or alone: each statement is atomic). */
export function createSession(sessions: SessionRepository, userId: number, now = new Date()): { token: string; csrfToken: string } {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  sessions.purgeExpired(now.toISOString());
  sessions.insert({
    id: hashToken(token), userId, csrfToken, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + IDLE_MS).toISOString(),
  });
  return { token, csrfToken };
}

/** The live session of the token, with its account as the principal (the account's unit is the principal's). */
export function resolveSession(sessions: SessionRepository, token: string, now = new Date()): SessionInfo | null {
  const id = hashToken(token);
  const row = sessions.find(id);
  if (!row) return null;
  const absoluteEnd = Date.parse(row.createdAt) + ABSOLUTE_MS;
  // Both writes below are housekeeping a read must never wait for: while another process holds the write lock
  // they are skipped (a stale row is purged next time; the expiry slides at the next request past the lock).
  if (!row.active || Date.parse(row.expiresAt) <= now.getTime() || absoluteEnd <= now.getTime()) {
    unlessBusy(() => sessions.remove(id));
    return null;
  }
  const slid = Math.min(now.getTime() + IDLE_MS, absoluteEnd);
  if (slid - Date.parse(row.expiresAt) > SLIDE_EVERY_MS) unlessBusy(() => sessions.slide(id, new Date(slid).toISOString()));
  return {
    id,
    csrfToken: row.csrfToken,
    mustChangePassword: row.mustChangePassword,
    principal: { kind: 'user', userId: row.userId, unitId: row.unitId, username: row.username, displayName: row.displayName, role: row.role, staffId: row.staffId },
  };
}

function unlessBusy(write: () => unknown): void {
  try {
    write();
  } catch (err) {
    if (!isBusy(err)) throw err;
  }
}

export async function endSession(sessions: SessionRepository, sessionId: string): Promise<void> {
  await sessions.write(() => sessions.remove(sessionId));
}
