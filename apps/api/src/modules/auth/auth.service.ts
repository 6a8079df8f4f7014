/** Signing in and out, and changing one's own password. */
import type { UnitScope } from '../../db/unit-scope.ts';
import { ApiError, badRequest } from '../../lib/errors.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { assertNewPassword, hashPassword, needsRehash, verifyPassword } from '../users/password.ts';
import { toUser } from '../users/user.service.ts';
import type { SessionRepository } from './session.repository.ts';
import { createSession, type SessionInfo } from './session.service.ts';
import type { Me } from './auth.schemas.ts';

// Verified when the username is unknown, so a wrong name takes as long as a wrong password.
let decoyHash: Promise<string> | null = null;

/** Usernames are unique in the install, so signing in needs no unit: the account found brings its own. */
export async function login(sessions: SessionRepository, username: string, password: string): Promise<{ token: string; me: Omit<Me, 'unit' | 'municipality'> }> {
  const row = sessions.accountByUsername(username.trim().toLowerCase());
  decoyHash ??= hashPassword('decoy-password-never-used');
  const ok = await verifyPassword(row?.passwordHash ?? (await decoyHash), password);
  if (!row || !ok || !row.active) throw new ApiError(401, 'Fel användarnamn eller lösenord.');
  // The password was just proven, so a hash from older settings can be redone now (nothing else changes).
  const passwordHash = needsRehash(row.passwordHash) ? await hashPassword(password) : undefined;
  const { token, csrfToken } = await sessions.write(() => {
    sessions.recordSignIn(row.id, passwordHash);
    return createSession(sessions, row.id);
  });
  return {
    token,
    me: { user: { id: row.id, username: row.username, displayName: row.displayName }, role: row.role, staffId: row.staffId, mustChangePassword: row.mustChangePassword, csrfToken },
  };
}

export function meOf(s: SessionInfo): Omit<Me, 'unit' | 'municipality'> {
  const p = s.principal;
  return { user: { id: p.userId, username: p.username, displayName: p.displayName }, role: p.role, staffId: p.staffId, mustChangePassword: s.mustChangePassword, csrfToken: s.csrfToken };
}

/**
 * The signed-in account's own password. `unit` is the account's unit (req.scope), whose audit trail records the
 * change; an account of the install itself has none, and changes its password untracked, like a sign-in.
 */
export async function changePassword(sessions: SessionRepository, unit: UnitScope | null, s: SessionInfo, currentPassword: string, newPassword: string): Promise<void> {
  const row = sessions.ownAccount(s.principal.userId);
  if (!row) throw new ApiError(401, 'Kontot finns inte längre.');
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    throw badRequest([{ field: 'currentPassword', in: 'body', code: 'wrong_password', message: 'Nuvarande lösenord stämmer inte.' }]);
  }
  if (currentPassword === newPassword) {
    throw badRequest([{ field: 'newPassword', in: 'body', code: 'same_password', message: 'Välj ett annat lösenord än det nuvarande.' }]);
  }
  await assertNewPassword(newPassword, { username: row.username, displayName: row.displayName }, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await sessions.write(() => {
    const next = sessions.setOwnPassword(row.id, passwordHash);
    if (!next) throw new ApiError(401, 'Kontot finns inte längre.');
    sessions.endOtherSessions(row.id, s.id);
    unit?.repo(auditRepository).record({
      actor: s.principal, action: 'update', entity: 'user', entityId: row.id,
      before: toUser(row), after: { ...toUser(next), passwordChanged: true },
    });
  });
}
