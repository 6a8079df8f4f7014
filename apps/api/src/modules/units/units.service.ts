/**
 * The install administrator's rules: units (created with the standard registers, no owners: the unit's own
 * admin or chief adds its municipalities), each unit's first admin, and the install's own accounts. Nothing here
 * reads a unit's activities or registers; a unit's audit trail gets the row that says it was created.
 */
import { randomBytes } from 'node:crypto';
import { StartupError } from '../../config.ts';
import type { Principal } from '../../lib/access.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { hashPassword, newPasswordProblem } from '../users/password.ts';
import type { InstallRepository, UnitRow, UserRow } from './units.repository.ts';
import type { InstallAccount, InstallAccountCreate, InstallAccountUpdate, Unit, UnitAdminCreate, UnitCreate, UnitUpdate } from './units.schemas.ts';

/** 16 characters from 12 random bytes: shown once, stored only as its hash, replaced at the first sign-in. */
export const oneTimePassword = (): string => randomBytes(12).toString('base64url');

/** "FoU Södertörn" / "Södertörn" → "sodertorn": a-z, digits and dashes, as the unit codes are written. */
export function codeFrom(text: string): string {
  const ascii = text.toLocaleLowerCase('sv').replace(/[åä]/g, 'a').replace(/ö/g, 'o').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const code = ascii.replace(/^fou\s+/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return code || 'enhet';
}

function toUnit(r: { unit: UnitRow; accounts: number; activities: number }): Unit {
  const u = r.unit;
  return {
    id: u.id, code: u.code, name: u.name, shortName: u.shortName, county: u.county, sharesComparison: u.sharesComparison,
    accounts: r.accounts, activities: r.activities, createdAt: u.createdAt,
  };
}

function toInstallAccount(r: UserRow): InstallAccount {
  return {
    id: r.id, username: r.username, displayName: r.displayName, role: r.role === 'region' ? 'region' : 'installation',
    county: r.county, active: r.active, mustChangePassword: r.mustChangePassword, lastLoginAt: r.lastLoginAt, createdAt: r.createdAt,
  };
}

// One message whoever holds the name: a unit's, another unit's or the install's, the answer does not say.
const usernameTaken = (username: string) => conflict(`Användarnamnet ${username} är upptaget.`, 'already_exists', { params: { name: username } });

export function listUnits(repo: InstallRepository): Unit[] {
  return repo.listUnits().map(toUnit);
}

function unitOrNotFound(repo: InstallRepository, id: number): UnitRow {
  const row = repo.getUnit(id);
  if (!row) throw notFound(`Enhet ${id}`);
  return row;
}

function withCounts(repo: InstallRepository, id: number): Unit {
  return toUnit(repo.listUnits().find((r) => r.unit.id === id)!);
}

function clashError(clash: 'code' | 'name', v: { code?: string; name?: string }) {
  return clash === 'code'
    ? conflict(`Det finns redan en enhet med koden ${v.code}.`, 'already_exists', { params: { name: v.code ?? '' } })
    : conflict(`Det finns redan en enhet som heter ${v.name}.`, 'already_exists', { params: { name: v.name ?? '' } });
}

export async function createUnit(repo: InstallRepository, actor: Principal, input: UnitCreate): Promise<Unit> {
  const id = await repo.write(() => {
    // A derived code steps aside for an existing one ("andra", "andra-2"); a given code must be free.
    let code = input.code ?? codeFrom(input.shortName);
    if (input.code === undefined) for (let n = 2; repo.unitClash(code, null) === 'code'; n++) code = `${codeFrom(input.shortName).slice(0, 36)}-${n}`;
    const clash = repo.unitClash(code, input.name);
    if (clash) throw clashError(clash, { code, name: input.name });
    const row = repo.insertUnit({ code, name: input.name, shortName: input.shortName, county: input.county });
    // The new unit's own trail starts with its creation (and who made it).
    repo.scopeFor(row.id).repo(auditRepository).record({
      actor, action: 'create', entity: 'unit', entityId: row.id,
      after: { code: row.code, name: row.name, shortName: row.shortName, county: row.county },
    });
    return row.id;
  });
  return withCounts(repo, id);
}

export async function updateUnit(repo: InstallRepository, actor: Principal, id: number, input: UnitUpdate): Promise<Unit> {
  await repo.write(() => {
    const before = unitOrNotFound(repo, id);
    if (input.name !== undefined) {
      const clash = repo.unitClash(null, input.name, id);
      if (clash) throw clashError(clash, { name: input.name });
    }
    const after = repo.updateUnit(id, input);
    const shown = (u: UnitRow) => ({ code: u.code, name: u.name, shortName: u.shortName, county: u.county });
    repo.scopeFor(id).repo(auditRepository).record({ actor, action: 'update', entity: 'unit', entityId: id, before: shown(before), after: shown(after) });
  });
  return withCounts(repo, id);
}

/**
 * A unit's first admin, with a one-time password shown once. Only while the unit has no active admin: after
 * that its own admin (or chief) manages its accounts, and the install stays out of them.
 */
export async function createUnitAdmin(repo: InstallRepository, actor: Principal, unitId: number, input: UnitAdminCreate) {
  const username = input.username.toLowerCase();
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const row = await repo.write(() => {
    unitOrNotFound(repo, unitId);
    if (repo.activeAdmins(unitId) > 0) {
      throw conflict('Enheten har redan en administratör; den lägger upp enhetens övriga konton.', 'unit_has_admin');
    }
    if (repo.usernameTaken(username)) throw usernameTaken(username);
    const user = repo.insertUnitAdmin(unitId, { username, displayName: input.displayName, passwordHash });
    repo.scopeFor(unitId).repo(auditRepository).record({
      actor, action: 'create', entity: 'user', entityId: user.id,
      after: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, mustChangePassword: true },
    });
    return user;
  });
  return { user: { id: row.id, username: row.username, displayName: row.displayName, role: 'admin' as const, unitId }, oneTimePassword: password };
}

export function listInstallAccounts(repo: InstallRepository): InstallAccount[] {
  return repo.listInstallAccounts().map(toInstallAccount);
}

function checkCounty(role: 'installation' | 'region', county: string | null | undefined): void {
  if (role === 'region' && !county) {
    throw badRequest([{ field: 'county', in: 'body', code: 'required', message: 'Ett regionkonto behöver ett län: det ser jämförelsen för enheterna där.' }]);
  }
  if (role === 'installation' && county) {
    throw badRequest([{ field: 'county', in: 'body', code: 'not_allowed', message: 'Bara regionkonton har ett län.' }]);
  }
}

export async function createInstallAccount(repo: InstallRepository, input: InstallAccountCreate, password = oneTimePassword()) {
  checkCounty(input.role, input.county);
  const username = input.username.toLowerCase();
  const passwordHash = await hashPassword(password);
  const row = await repo.write(() => {
    if (repo.usernameTaken(username)) throw usernameTaken(username);
    return repo.insertInstallAccount({ username, displayName: input.displayName, role: input.role, county: input.county ?? null, passwordHash });
  });
  return { account: toInstallAccount(row), oneTimePassword: password };
}

export async function updateInstallAccount(repo: InstallRepository, id: number, input: InstallAccountUpdate): Promise<InstallAccount> {
  const row = await repo.write(() => {
    const current = repo.getInstallAccount(id);
    if (!current) throw notFound(`Konto ${id}`);
    const role = current.role === 'region' ? 'region' : 'installation';
    if (input.county !== undefined) checkCounty(role, input.county);
    if (input.active === false && current.active && role === 'installation' && repo.countActiveInstallAdmins() <= 1) {
      throw conflict('Det här är installationens sista aktiva administratörskonto: skapa ett annat först.', 'last_install_admin');
    }
    const next = repo.updateInstallAccount(id, input);
    // A deactivated account is signed out at once; the one deactivating itself too.
    if (input.active === false) repo.endSessions(id);
    return next;
  });
  return toInstallAccount(row);
}

/**
 * An install with no install administrator (a new one, or one upgraded from a single-unit release) gets the
 * account `installation` with a one-time password: from FOU_INSTALL_ADMIN_PASSWORD, else random and returned for
 * the caller to log once. The first sign-in must change it.
 */
export async function ensureInstallAdmin(repo: InstallRepository, configured?: string): Promise<{ username: string; password: string | null } | null> {
  if (repo.listInstallAccounts().some((a) => a.role === 'installation')) return null;
  // A unit account may already be called "installation" in an upgraded install: the install's account steps aside.
  let username = 'installation';
  for (let i = 2; repo.usernameTaken(username); i++) username = `installation${i}`;
  const displayName = 'Installationsadministratör';
  if (configured) {
    const problem = await newPasswordProblem(configured, { username, displayName });
    if (problem) throw new StartupError(`FOU_INSTALL_ADMIN_PASSWORD duger inte som lösenord: ${problem.message} Ange ett annat, eller inget alls så skapas ett slumpat engångslösenord.`);
  }
  const password = configured ?? oneTimePassword();
  await createInstallAccount(repo, { username, displayName, role: 'installation' }, password);
  return { username, password: configured ? null : password };
}
