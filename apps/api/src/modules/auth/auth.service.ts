/** Signing in and out, and changing one's own password. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write.ts';
import * as t from '../../db/schema.ts';
import { recordAudit } from '../../lib/audit.ts';
import { ApiError, badRequest } from '../../lib/errors.ts';
import { assertNewPassword, hashPassword, needsRehash, verifyPassword } from '../users/password.ts';
import { toUser } from '../users/user.service.ts';
import { createSession, endOtherSessions, type SessionInfo } from './session.service.ts';
import type { Me } from './auth.schemas.ts';

// Verified when the username is unknown, so a wrong name takes as long as a wrong password.
let decoyHash: Promise<string> | null = null;

export async function login(db: Db, username: string, password: string): Promise<{ token: string; me: Omit<Me, 'unit'> }> {
  const row = db.select().from(t.users).where(eq(t.users.username, username.trim().toLowerCase())).get();
  decoyHash ??= hashPassword('decoy-password-never-used');
  const ok = await verifyPassword(row?.passwordHash ?? (await decoyHash), password);
  if (!row || !ok || !row.active) throw new ApiError(401, 'Fel användarnamn eller lösenord.');
  // The password was just proven, so a hash from older settings can be redone now (nothing else changes).
  const passwordHash = needsRehash(row.passwordHash) ? await hashPassword(password) : undefined;
  const { token, csrfToken } = await writeTransaction(db, (tx) => {
    tx.update(t.users).set({ lastLoginAt: new Date().toISOString(), ...(passwordHash ? { passwordHash } : {}) }).where(eq(t.users.id, row.id)).run();
    return createSession(tx as unknown as Db, row.id);
  });
  return {
    token,
    me: { user: { id: row.id, username: row.username, displayName: row.displayName }, role: row.role, staffId: row.staffId, mustChangePassword: row.mustChangePassword, csrfToken },
  };
}

export function meOf(s: SessionInfo): Omit<Me, 'unit'> {
  const p = s.principal;
  return { user: { id: p.userId, username: p.username, displayName: p.displayName }, role: p.role, staffId: p.staffId, mustChangePassword: s.mustChangePassword, csrfToken: s.csrfToken };
}

export async function changePassword(db: Db, s: SessionInfo, currentPassword: string, newPassword: string): Promise<void> {
  const row = db.select().from(t.users).where(eq(t.users.id, s.principal.userId)).get()!;
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    throw badRequest([{ field: 'currentPassword', in: 'body', code: 'wrong_password', message: 'Nuvarande lösenord stämmer inte.' }]);
  }
  if (currentPassword === newPassword) {
    throw badRequest([{ field: 'newPassword', in: 'body', code: 'same_password', message: 'Välj ett annat lösenord än det nuvarande.' }]);
  }
  await assertNewPassword(newPassword, { username: row.username, displayName: row.displayName }, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await writeTransaction(db, (tx) => {
    const next = tx.update(t.users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date().toISOString() })
      .where(eq(t.users.id, row.id)).returning().get()!;
    endOtherSessions(tx as unknown as Db, row.id, s.id);
    // The trail is a unit's; the install's own accounts (no unit) change their password untracked, like a login.
    if (row.unitId !== null) recordAudit(tx as unknown as Db, {
      unitId: row.unitId, actor: s.principal, action: 'update', entity: 'user', entityId: row.id,
      before: toUser(row), after: { ...toUser(next), passwordChanged: true },
    });
  });
}
