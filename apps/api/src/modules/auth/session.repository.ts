/**
 * Sessions and sign-in belong to the install, not to a unit: a cookie's token and a typed username are looked
 * up before anyone knows which unit is asking, and the account found decides it (its unit becomes the
 * principal's). So this repository is built once per connection from the database alone (app.ts keeps it as
 * app.sessions), and every statement in it is keyed by a token's hash, a username or an account id it found.
 * Besides that, only the signed-in account's own row is written here (its sign-in, its own password): an
 * account of the install itself has no unit to reach it through. Work on other accounts (an admin changing
 * them, ending their sessions) is a unit's and goes through users/user.repository.ts.
 */
import { and, eq, lt, ne, sql } from 'drizzle-orm';
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
    /** The signed-in account's own row, by the id its session carries. */
    ownAccount(userId: number) {
      return db.select().from(u).where(eq(u.id, userId)).get();
    },
    /** A password the account chose itself: no longer one it must change. */
    setOwnPassword(userId: number, passwordHash: string) {
      return db.update(u).set({ passwordHash, mustChangePassword: false, updatedAt: new Date().toISOString() }).where(eq(u.id, userId)).returning().get();
    },
    /** Ends the account's other sessions: all but `keep`, the one that asked. */
    endOtherSessions(userId: number, keep: string): void {
      db.delete(s).where(and(eq(s.userId, userId), ne(s.id, keep))).run();
    },
    /** `fn` as one immediate write transaction (db/write.ts), as UnitScope.write is for a unit's writes. */
    write<T>(fn: () => T): Promise<T> {
      return writeTransaction(db, () => fn());
    },
  };
}

export type SessionRepository = ReturnType<typeof sessionRepository>;
