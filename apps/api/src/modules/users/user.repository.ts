/**
 * The unit's accounts, and the sessions of those accounts. Usernames are unique across the install (the login
 * form asks for no unit), which the unique index keeps: an insert that clashes with any unit's account fails
 * there, so no query here has to look outside the unit to find out.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { UnitScope } from '../../db/unit-scope.ts';
import * as t from '../../db/schema.ts';

export type UserRow = typeof t.users.$inferSelect;
export type UserValues = Pick<UserRow, 'username' | 'displayName' | 'role' | 'staffId' | 'passwordHash' | 'mustChangePassword'> & Partial<Pick<UserRow, 'municipalityId'>>;
export type UserPatch = Partial<Pick<UserRow, 'displayName' | 'role' | 'staffId' | 'municipalityId' | 'active' | 'passwordHash' | 'mustChangePassword'>>;

export function userRepository({ db, unitId }: UnitScope) {
  const u = t.users;
  const unitUsers = () => db.select({ id: u.id }).from(u).where(eq(u.unitId, unitId));

  return {
    list(): UserRow[] {
      return db.select().from(u).where(eq(u.unitId, unitId)).orderBy(asc(u.username)).all();
    },
    byId(id: number): UserRow | undefined {
      return db.select().from(u).where(and(eq(u.id, id), eq(u.unitId, unitId))).get();
    },
    byUsername(username: string): UserRow | undefined {
      return db.select().from(u).where(and(eq(u.username, username), eq(u.unitId, unitId))).get();
    },
    any(): boolean {
      return db.select({ id: u.id }).from(u).where(eq(u.unitId, unitId)).limit(1).get() !== undefined;
    },
    /** Throws SQLite's UNIQUE error when the username is taken anywhere in the install. */
    insert(values: UserValues): UserRow {
      return db.insert(u).values({ ...values, unitId }).returning().get();
    },
    update(id: number, values: UserPatch): UserRow | undefined {
      return db.update(u).set({ ...values, updatedAt: new Date().toISOString() })
        .where(and(eq(u.id, id), eq(u.unitId, unitId))).returning().get();
    },
    /** Active admins of the unit other than `except`: the last one may not be demoted or deactivated. */
    activeAdminsExcept(except: number): number {
      return db.select({ n: sql<number>`count(*)` }).from(u)
        .where(and(eq(u.unitId, unitId), eq(u.role, 'admin'), eq(u.active, true), ne(u.id, except))).get()?.n ?? 0;
    },
    /** Ends the account's sessions, all but `keep` when given; nothing when the account is not the unit's. */
    endSessions(userId: number, keep?: string): void {
      const s = t.sessions;
      const mine = and(eq(s.userId, userId), inArray(s.userId, unitUsers()));
      db.delete(s).where(keep === undefined ? mine : and(mine, ne(s.id, keep))).run();
    },
  };
}

export type UserRepository = ReturnType<typeof userRepository>;
