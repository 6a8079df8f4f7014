/**
 * Sessions and sign-in belong to the install, not to a unit: a cookie's token and a typed username are looked
 * up before anyone knows which unit is asking, and the account found decides it (its unit becomes the
 * principal's). So this repository is built once per connection from the database alone (app.ts keeps it as
 * app.sessions), and every statement in it is keyed by a token's hash, a username or an account id it found.
 * Unit-bound work on accounts (changing them, ending their sessions) goes through users/user.repository.ts.
 */
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { writeTransaction } from '../../db/write.ts';

export type NewSession = typeof t.sessions.$inferInsert;

export function sessionRepository(db: Db) {
  const { sessions: s, users: u } = t;
  // Every request resolves its session: prepared once, for just the columns used.
  const lookup = db.select({
    createdAt: s.createdAt, expiresAt: s.expiresAt, csrfToken: s.csrfToken,
    userId: u.id, unitId: u.unitId, username: u.username, displayName: u.displayName, role: u.role, staffId: u.staffId,
    active: u.active, mustChangePassword: u.mustChangePassword,
  }).from(s).innerJoin(u, eq(u.id, s.userId)).where(eq(s.id, sql.placeholder('id'))).prepare();
  const byUsername = db.select().from(u).where(eq(u.username, sql.placeholder('username'))).prepare();

  return {
    /** The session with the token hash and its account. */
    find(id: string) {
      return lookup.get({ id });
    },
    /** The account signing in with the username, in whichever unit it is. */
    accountByUsername(username: string) {
      return byUsername.get({ username });
    },
    insert(session: NewSession): void {
      db.insert(s).values(session).run();
    },
    purgeExpired(before: string): void {
      db.delete(s).where(lt(s.expiresAt, before)).run();
    },
    remove(id: string): void {
      db.delete(s).where(eq(s.id, id)).run();
    },
    slide(id: string, expiresAt: string): void {
      db.update(s).set({ expiresAt }).where(eq(s.id, id)).run();
    },
    /** Marks the sign-in on the account the password was just proven for, with a redone hash if given. */
    recordSignIn(userId: number, passwordHash?: string): void {
      db.update(u).set({ lastLoginAt: new Date().toISOString(), ...(passwordHash ? { passwordHash } : {}) }).where(eq(u.id, userId)).run();
    },
    /** `fn` as one immediate write transaction (db/write.ts), as UnitScope.write is for a unit's writes. */
    write<T>(fn: () => T): Promise<T> {
      return writeTransaction(db, () => fn());
    },
  };
}

export type SessionRepository = ReturnType<typeof sessionRepository>;
