/** Accounts of the unit: creation, changes, deactivation, and the first admin at start. */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { UnitRoleName } from '@fou/domain';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write.ts';
import * as t from '../../db/schema.ts';
import type { Principal } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { ApiError, badRequest, conflict, notFound } from '../../lib/errors.ts';
import { endOtherSessions } from '../auth/session.service.ts';
import { assertNewPassword, hashPassword, newPasswordProblem } from './password.ts';
import { StartupError } from '../../config.ts';
import type { User, UserCreate, UserUpdate } from './user.schemas.ts';

type UserRow = typeof t.users.$inferSelect;

export function toUser(r: UserRow): User {
  return {
    id: r.id, username: r.username, displayName: r.displayName, role: r.role, staffId: r.staffId,
    mustChangePassword: r.mustChangePassword, active: r.active, lastLoginAt: r.lastLoginAt, createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

export function listUsers(db: Db, unitId: number): User[] {
  return db.select().from(t.users).where(eq(t.users.unitId, unitId)).orderBy(asc(t.users.username)).all().map(toUser);
}

function checkStaff(db: Db, unitId: number, staffId: number | null | undefined) {
  if (staffId == null) return;
  const row = db.select({ id: t.staff.id }).from(t.staff).where(and(eq(t.staff.id, staffId), eq(t.staff.unitId, unitId))).get();
  if (!row) throw badRequest([{ field: 'staffId', in: 'body', code: 'unknown_staff', message: `Det finns ingen medarbetare med id ${staffId}.` }]);
}

/** `demo`: the demo accounts' published passwords skip the password rules (demo mode only). */
export async function createUser(db: Db, unitId: number, actor: Principal, input: UserCreate, mustChangePassword = true, demo = false): Promise<User> {
  const username = input.username.toLowerCase();
  checkStaff(db, unitId, input.staffId);
  if (!demo) await assertNewPassword(input.password, { username, displayName: input.displayName }, 'password');
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, (tx) => {
    const taken = tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, username)).get();
    if (taken) throw conflict(`Användarnamnet ${username} är upptaget.`);
    const row = tx.insert(t.users).values({
      unitId, username, displayName: input.displayName, role: input.role, staffId: input.staffId ?? null, passwordHash, mustChangePassword,
    }).returning().get();
    const user = toUser(row);
    recordAudit(tx as unknown as Db, { unitId, actor, action: 'create', entity: 'user', entityId: row.id, after: user });
    return user;
  });
}

function activeAdmins(db: Db, unitId: number, except: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(t.users)
    .where(and(eq(t.users.unitId, unitId), eq(t.users.role, 'admin'), eq(t.users.active, true), ne(t.users.id, except))).get()!.n;
}

export async function updateUser(db: Db, unitId: number, actor: Principal, id: number, input: UserUpdate): Promise<User> {
  checkStaff(db, unitId, input.staffId);
  if (input.password !== undefined) {
    const row = db.select().from(t.users).where(and(eq(t.users.id, id), eq(t.users.unitId, unitId))).get();
    if (!row) throw notFound(`Konto ${id}`);
    await assertNewPassword(input.password, { username: row.username, displayName: input.displayName ?? row.displayName }, 'password');
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return writeTransaction(db, (tx) => {
    const current = tx.select().from(t.users).where(and(eq(t.users.id, id), eq(t.users.unitId, unitId))).get();
    if (!current) throw notFound(`Konto ${id}`);
    const staysAdmin = (input.role ?? current.role) === 'admin' && (input.active ?? current.active);
    if (current.role === 'admin' && current.active && !staysAdmin && activeAdmins(tx as unknown as Db, unitId, id) === 0) {
      throw conflict('Det här är det sista aktiva admin-kontot: skapa eller aktivera ett annat admin-konto först.');
    }
    const next = tx.update(t.users).set({
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.staffId !== undefined ? { staffId: input.staffId } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(passwordHash !== undefined ? { passwordHash, mustChangePassword: true } : {}),
      updatedAt: new Date().toISOString(),
    }).where(eq(t.users.id, id)).returning().get()!;
    // A reset password or a deactivated account must not leave old sessions alive.
    if (passwordHash !== undefined || input.active === false) endOtherSessions(tx as unknown as Db, id);
    const before = toUser(current);
    const after = toUser(next);
    recordAudit(tx as unknown as Db, {
      unitId, actor, action: 'update', entity: 'user', entityId: id, before, after: { ...after, ...(passwordHash ? { passwordReset: true } : {}) },
    });
    return after;
  });
}

export function getUserRow(db: Db, id: number): UserRow {
  const row = db.select().from(t.users).where(eq(t.users.id, id)).get();
  if (!row) throw new ApiError(401, 'Kontot finns inte längre.');
  return row;
}

const system: Principal = { kind: 'anonymous' };

/**
 * With no accounts at all, creates `admin` with a one-time password (from config, else random and returned so
 * the caller logs it once). The first sign-in must change it.
 */
export async function ensureFirstAdmin(db: Db, unitId: number, configured?: string): Promise<string | null> {
  const any = db.select({ id: t.users.id }).from(t.users).limit(1).get();
  if (any) return null;
  const password = configured ?? randomBytes(12).toString('base64url');
  const admin = { username: 'admin', displayName: 'Administratör', role: 'admin', password } as const;
  const problem = configured ? await newPasswordProblem(configured, admin) : null;
  if (problem) throw new StartupError(`FOU_ADMIN_PASSWORD duger inte som lösenord: ${problem.message} Ange ett annat i FOU_ADMIN_PASSWORD, eller inget alls så skapas ett slumpat engångslösenord.`);
  await createUser(db, unitId, system, admin);
  return configured ? null : password;
}

export interface DemoAccount { username: string; password: string; role: UnitRoleName; displayName: string }

/** One account per role with known passwords, for demos only; the medarbetare records work as a demo staff member. */
export async function ensureDemoAccounts(db: Db, unitId: number): Promise<DemoAccount[]> {
  const firstStaff = db.select({ id: t.staff.id, name: t.staff.name }).from(t.staff).where(eq(t.staff.unitId, unitId)).orderBy(asc(t.staff.id)).get();
  const accounts: (DemoAccount & { staffId: number | null })[] = [
    { username: 'chef', password: 'demo-chef-2018', role: 'chef', displayName: 'FoU-chef (demo)', staffId: null },
    { username: 'medarbetare', password: 'demo-medarbetare-2018', role: 'medarbetare', displayName: firstStaff ? `${firstStaff.name} (demo)` : 'Medarbetare (demo)', staffId: firstStaff?.id ?? null },
    { username: 'rad', password: 'demo-rad-2018', role: 'rad', displayName: 'Rådsrepresentant (demo)', staffId: null },
    { username: 'admin', password: 'demo-admin-2018', role: 'admin', displayName: 'Administratör (demo)', staffId: null },
  ];
  for (const a of accounts) {
    const exists = db.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, a.username)).get();
    if (!exists) await createUser(db, unitId, system, { ...a }, false, true);
  }
  return accounts.map(({ username, password, role, displayName }) => ({ username, password, role, displayName }));
}
