/** Accounts of the unit: creation, changes, deactivation, and the first admin at start. */
import { randomBytes } from 'node:crypto';
import type { UnitRoleName } from '@fou/domain';
import type { UnitScope } from '../../db/unit-scope.ts';
import type { Principal } from '../../lib/access.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { referenceRepository } from '../reference/reference.repository.ts';
import { assertNewPassword, hashPassword, newPasswordProblem } from './password.ts';
import { StartupError } from '../../config.ts';
import { userRepository, type UserRow } from './user.repository.ts';
import type { User, UserCreate, UserUpdate } from './user.schemas.ts';

export function toUser(r: UserRow): User {
  return {
    id: r.id, username: r.username, displayName: r.displayName, role: r.role, staffId: r.staffId, municipalityId: r.municipalityId,
    mustChangePassword: r.mustChangePassword, active: r.active, lastLoginAt: r.lastLoginAt, createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

export function listUsers(scope: UnitScope): User[] {
  return scope.repo(userRepository).list().map(toUser);
}

/** A staff member of another unit reads as unknown: the account may only record work as one of its own. */
function checkStaff(scope: UnitScope, staffId: number | null | undefined) {
  if (staffId == null) return;
  if (!scope.repo(referenceRepository).staffMember(staffId)) {
    throw badRequest([{ field: 'staffId', in: 'body', code: 'unknown_staff', message: `Det finns ingen medarbetare med id ${staffId}.` }]);
  }
}

/** Likewise a municipality: an account speaks only for one of its own unit's owners. */
function checkMunicipality(scope: UnitScope, municipalityId: number | null | undefined) {
  if (municipalityId == null) return;
  if (!scope.repo(referenceRepository).municipalities().some((m) => m.id === municipalityId)) {
    throw badRequest([{ field: 'municipalityId', in: 'body', code: 'unknown_municipality', message: `Det finns ingen kommun med id ${municipalityId}.` }]);
  }
}

/**
 * A taken username is a 409 whichever unit has it: usernames are unique in the install (the login form asks for
 * no unit). The answer is the same either way, so it does not tell whether another unit has the account.
 */
function usernameFree<T>(username: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw conflict(`Användarnamnet ${username} är upptaget.`, 'already_exists', { params: { name: username } });
    }
    throw e;
  }
}

/** `demo`: the demo accounts' published passwords skip the password rules (demo mode only). */
export async function createUser(scope: UnitScope, actor: Principal, input: UserCreate, mustChangePassword = true, demo = false): Promise<User> {
  const username = input.username.toLowerCase();
  checkStaff(scope, input.staffId);
  checkMunicipality(scope, input.municipalityId);
  if (!demo) await assertNewPassword(input.password, { username, displayName: input.displayName }, 'password');
  const passwordHash = await hashPassword(input.password);
  return scope.write(() => {
    checkStaff(scope, input.staffId);
    const row = usernameFree(username, () => scope.repo(userRepository).insert({
      username, displayName: input.displayName, role: input.role, staffId: input.staffId ?? null, municipalityId: input.municipalityId ?? null, passwordHash, mustChangePassword,
    }));
    const user = toUser(row);
    scope.repo(auditRepository).record({ actor, action: 'create', entity: 'user', entityId: row.id, after: user });
    return user;
  });
}

export async function updateUser(scope: UnitScope, actor: Principal, id: number, input: UserUpdate): Promise<User> {
  const users = scope.repo(userRepository);
  checkStaff(scope, input.staffId);
  checkMunicipality(scope, input.municipalityId);
  if (input.password !== undefined) {
    const row = users.byId(id);
    if (!row) throw notFound(`Konto ${id}`);
    await assertNewPassword(input.password, { username: row.username, displayName: input.displayName ?? row.displayName }, 'password');
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return scope.write(() => {
    const current = users.byId(id);
    if (!current) throw notFound(`Konto ${id}`);
    const staysAdmin = (input.role ?? current.role) === 'admin' && (input.active ?? current.active);
    if (current.role === 'admin' && current.active && !staysAdmin && users.activeAdminsExcept(id) === 0) {
      throw conflict('Det här är det sista aktiva administratörskontot: skapa eller aktivera ett annat administratörskonto först.', 'last_admin');
    }
    const next = users.update(id, {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.staffId !== undefined ? { staffId: input.staffId } : {}),
      ...(input.municipalityId !== undefined ? { municipalityId: input.municipalityId } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(passwordHash !== undefined ? { passwordHash, mustChangePassword: true } : {}),
    })!;
    // A reset password or a deactivated account must not leave old sessions alive.
    if (passwordHash !== undefined || input.active === false) users.endSessions(id);
    const before = toUser(current);
    const after = toUser(next);
    scope.repo(auditRepository).record({
      actor, action: 'update', entity: 'user', entityId: id, before, after: { ...after, ...(passwordHash ? { passwordReset: true } : {}) },
    });
    return after;
  });
}

const system: Principal = { kind: 'anonymous' };

/**
 * With no accounts in the unit (the first start), creates `admin` with a one-time password (from config, else
 * random and returned so the caller logs it once). The first sign-in must change it.
 */
export async function ensureFirstAdmin(scope: UnitScope, configured?: string): Promise<string | null> {
  if (scope.repo(userRepository).any()) return null;
  const password = configured ?? randomBytes(12).toString('base64url');
  const admin = { username: 'admin', displayName: 'Administratör', role: 'admin', password } as const;
  const problem = configured ? await newPasswordProblem(configured, admin) : null;
  if (problem) throw new StartupError(`FOU_ADMIN_PASSWORD duger inte som lösenord: ${problem.message} Ange ett annat i FOU_ADMIN_PASSWORD, eller inget alls så skapas ett slumpat engångslösenord.`);
  await createUser(scope, system, admin);
  return configured ? null : password;
}

export interface DemoAccount { username: string; password: string; role: UnitRoleName; displayName: string }

/** One account per role with known passwords, for demos only; the medarbetare records work as a demo staff member. */
export async function ensureDemoAccounts(scope: UnitScope): Promise<DemoAccount[]> {
  const firstStaff = scope.repo(referenceRepository).staff().sort((a, b) => a.id - b.id)[0];
  const accounts: (DemoAccount & { staffId: number | null })[] = [
    { username: 'chef', password: 'demo-chef-2018', role: 'chef', displayName: 'FoU-chef (demo)', staffId: null },
    { username: 'medarbetare', password: 'demo-medarbetare-2018', role: 'medarbetare', displayName: firstStaff ? `${firstStaff.name} (demo)` : 'Medarbetare (demo)', staffId: firstStaff?.id ?? null },
    { username: 'rad', password: 'demo-rad-2018', role: 'rad', displayName: 'Rådsrepresentant (demo)', staffId: null },
    { username: 'admin', password: 'demo-admin-2018', role: 'admin', displayName: 'Administratör (demo)', staffId: null },
  ];
  // A council representative linked to an owner municipality starts on its municipality page.
  const sigtuna = scope.repo(referenceRepository).municipalities().find((m) => m.code === 'sigtuna');
  const linked = sigtuna ? [{ username: 'rad.sigtuna', password: 'demo-rad-sigtuna-2018', role: 'rad' as const, displayName: 'Rådsrepresentant Sigtuna (demo)', staffId: null, municipalityId: sigtuna.id }] : [];
  for (const a of [...accounts, ...linked]) {
    if (!scope.repo(userRepository).byUsername(a.username)) await createUser(scope, system, { ...a }, false, true);
  }
  accounts.push(...linked);
  return accounts.map(({ username, password, role, displayName }) => ({ username, password, role, displayName }));
}
