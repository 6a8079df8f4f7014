/**
 * The install's own storage: its units and the accounts of no unit. NOT unit-scoped, deliberately: the install
 * administrator manages the units themselves, so this repository is built on the connection (`installRepository(db)`),
 * not on a UnitScope, and no unit route may use it. It never reads a unit's activities: the activity count per
 * unit comes from activity_counts (the triggers' tally), and a new unit's audit row is written through that unit's
 * own scope (`scopeFor`).
 */
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { UnitScope } from '../../db/unit-scope.ts';
import { writeTransaction } from '../../db/write.ts';
import * as t from '../../db/schema.ts';
import { seedStandardReference } from '../../seed/reference-seed.ts';

export type InstallRole = 'installation' | 'region';
export type UnitRow = typeof t.units.$inferSelect;
export type UserRow = typeof t.users.$inferSelect;

export function installRepository(db: Db) {
  const u = t.units;
  const accounts = db.select({ unitId: t.users.unitId, n: sql<number>`count(*)` }).from(t.users)
    .where(eq(t.users.active, true)).groupBy(t.users.unitId).prepare();
  const activities = db.select({ unitId: t.activityCounts.unitId, n: sql<number>`sum(${t.activityCounts.n})` })
    .from(t.activityCounts).groupBy(t.activityCounts.unitId).prepare();

  return {
    /** One immediate write transaction (db/write.ts): everything called inside writes on this connection. */
    write<T>(fn: () => T): Promise<T> {
      return writeTransaction(db, () => fn());
    },

    /** The unit's own scope, for what is written into the unit (its audit trail, its first admin's row). */
    scopeFor(unitId: number): UnitScope {
      return new UnitScope(db, unitId);
    },

    listUnits(): { unit: UnitRow; accounts: number; activities: number }[] {
      const a = new Map(accounts.all().map((r) => [r.unitId, r.n]));
      const n = new Map(activities.all().map((r) => [r.unitId, r.n]));
      return db.select().from(u).orderBy(asc(u.name)).all().map((unit) => ({ unit, accounts: a.get(unit.id) ?? 0, activities: n.get(unit.id) ?? 0 }));
    },

    getUnit(id: number): UnitRow | undefined {
      return db.select().from(u).where(eq(u.id, id)).get();
    },

    /** The unit an account belongs to (null: one of the install's own accounts). */
    unitOfAccount(userId: number): { id: number; name: string; shortName: string | null } | null {
      return db.select({ id: u.id, name: u.name, shortName: u.shortName }).from(t.users).innerJoin(u, eq(u.id, t.users.unitId))
        .where(eq(t.users.id, userId)).get() ?? null;
    },

    /** The owner municipality the account is linked to, in the account's own unit (a council representative's). */
    municipalityOfAccount(userId: number): { code: string; name: string } | null {
      const m = t.municipalities;
      return db.select({ code: m.code, name: m.name }).from(t.users).innerJoin(m, and(eq(m.id, t.users.municipalityId), eq(m.unitId, t.users.unitId)))
        .where(eq(t.users.id, userId)).get() ?? null;
    },

    /** Another unit with this code, or this name in any case ("fou södertörn" is "FoU Södertörn"). */
    unitClash(code: string | null, name: string | null, except?: number): 'code' | 'name' | null {
      const others = except === undefined ? undefined : ne(u.id, except);
      if (code !== null && db.select({ id: u.id }).from(u).where(and(eq(u.code, code), others)).get()) return 'code';
      if (name !== null && db.select({ id: u.id }).from(u).where(and(sql`casefold(${u.name}) = ${name.toLocaleLowerCase('sv')}`, others)).get()) return 'name';
      return null;
    },

    /** A new unit with the standard registers (areas, goal frameworks, activity types) and its version counter. */
    insertUnit(v: { code: string; name: string; shortName: string; county: string }): UnitRow {
      const row = db.insert(u).values(v).returning().get();
      seedStandardReference(db, row.id);
      return row;
    },

    updateUnit(id: number, v: { name?: string; shortName?: string; county?: string }): UnitRow {
      return db.update(u).set({ ...v, updatedAt: new Date().toISOString() }).where(eq(u.id, id)).returning().get()!;
    },

    activeAdmins(unitId: number): number {
      return db.select({ n: sql<number>`count(*)` }).from(t.users)
        .where(and(eq(t.users.unitId, unitId), eq(t.users.role, 'admin'), eq(t.users.active, true))).get()!.n;
    },

    /** Usernames are unique across the install, whichever unit (or none) holds one. */
    usernameTaken(username: string): boolean {
      return db.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, username)).get() !== undefined;
    },

    insertUnitAdmin(unitId: number, v: { username: string; displayName: string; passwordHash: string }): UserRow {
      return db.insert(t.users).values({ unitId, role: 'admin', mustChangePassword: true, ...v }).returning().get();
    },

    listInstallAccounts(): UserRow[] {
      return db.select().from(t.users).where(isNull(t.users.unitId)).orderBy(asc(t.users.username)).all();
    },

    getInstallAccount(id: number): UserRow | undefined {
      return db.select().from(t.users).where(and(eq(t.users.id, id), isNull(t.users.unitId))).get();
    },

    countActiveInstallAdmins(): number {
      return db.select({ n: sql<number>`count(*)` }).from(t.users)
        .where(and(isNull(t.users.unitId), eq(t.users.role, 'installation'), eq(t.users.active, true))).get()!.n;
    },

    insertInstallAccount(v: { username: string; displayName: string; role: InstallRole; county: string | null; passwordHash: string }): UserRow {
      return db.insert(t.users).values({ unitId: null, mustChangePassword: true, ...v }).returning().get();
    },

    updateInstallAccount(id: number, v: { displayName?: string; county?: string | null; active?: boolean }): UserRow {
      return db.update(t.users).set({ ...v, updatedAt: new Date().toISOString() })
        .where(and(eq(t.users.id, id), isNull(t.users.unitId))).returning().get()!;
    },

    /** A deactivated account is signed out everywhere at once. */
    endSessions(userId: number): void {
      db.delete(t.sessions).where(eq(t.sessions.userId, userId)).run();
    },
  };
}

export type InstallRepository = ReturnType<typeof installRepository>;
