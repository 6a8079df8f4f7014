/**
 * The demo's two units and the install's demo accounts (issue 14): FoU Nordväst (the first start's unit, with
 * the demo years of demo-data.ts) and FoU Södertörn (demo-sodertorn.ts), both sharing their aggregates so the
 * regional comparison has something to show, plus one account per role in Södertörn and the install's own two
 * (installation, and region for Stockholms län). Passwords are published on the login page: demo mode only.
 */
import { and, eq } from 'drizzle-orm';
import type { RoleName } from '@fou/domain';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import type { Principal } from '../lib/access.ts';
import { hashPassword } from '../modules/users/password.ts';
import { installRepository } from '../modules/units/units.repository.ts';
import { createUnit } from '../modules/units/units.service.ts';
import { firstStaff, loadSodertornDemo, SODERTORN } from './demo-sodertorn.ts';

export interface DemoAccountOfUnit { username: string; password: string; role: RoleName; displayName: string; unit: string | null }

const system: Principal = { kind: 'anonymous' };

type Account = Omit<DemoAccountOfUnit, 'unit'> & { staffId?: number | null; county?: string | null };

/** The missing ones, their hashes made side by side (argon2 runs off the main thread): demo start stays quick. */
async function ensureAccounts(db: Db, accounts: { unitId: number | null; a: Account }[]): Promise<void> {
  const missing = accounts.filter(({ a }) => !db.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, a.username)).get());
  const hashes = await Promise.all(missing.map(({ a }) => hashPassword(a.password)));
  missing.forEach(({ unitId, a }, i) => {
    db.insert(t.users).values({
      unitId, username: a.username, displayName: a.displayName, role: a.role, staffId: a.staffId ?? null, county: a.county ?? null,
      passwordHash: hashes[i]!, mustChangePassword: false,
    }).run();
  });
}

/** Creates (once) Södertörn with its demo year, and the accounts; returns the accounts beyond Nordväst's. */
export async function loadDemoUnits(db: Db, firstUnitId: number): Promise<DemoAccountOfUnit[]> {
  const install = installRepository(db);
  let sodertorn = db.select().from(t.units).where(eq(t.units.code, SODERTORN.code)).get();
  if (!sodertorn) {
    await createUnit(install, system, SODERTORN);
    sodertorn = db.select().from(t.units).where(eq(t.units.code, SODERTORN.code)).get()!;
  }
  loadSodertornDemo(db, sodertorn.id);
  // Both demo units agree to share their aggregates; a real unit's chief decides that for the unit.
  db.update(t.units).set({ sharesComparison: true }).where(and(eq(t.units.id, firstUnitId), eq(t.units.sharesComparison, false))).run();
  db.update(t.units).set({ sharesComparison: true }).where(and(eq(t.units.id, sodertorn.id), eq(t.units.sharesComparison, false))).run();

  const staff = firstStaff(db, sodertorn.id);
  const ofSodertorn = [
    { username: 'chef.sodertorn', password: 'demo-chef-2019', role: 'chef', displayName: 'FoU-chef Södertörn (demo)' },
    { username: 'medarbetare.sodertorn', password: 'demo-medarbetare-2019', role: 'medarbetare', displayName: staff ? `${staff.name} (demo)` : 'Medarbetare Södertörn (demo)', staffId: staff?.id ?? null },
    { username: 'rad.sodertorn', password: 'demo-rad-2019', role: 'rad', displayName: 'Rådsrepresentant Södertörn (demo)' },
    { username: 'admin.sodertorn', password: 'demo-admin-2019', role: 'admin', displayName: 'Administratör Södertörn (demo)' },
  ] as const;
  const ofInstall = [
    { username: 'installation', password: 'demo-installation', role: 'installation', displayName: 'Installationsadministratör (demo)' },
    { username: 'region', password: 'demo-region-stockholm', role: 'region', displayName: 'Region Stockholms län (demo)', county: 'Stockholms län' },
  ] as const;
  await ensureAccounts(db, [...ofSodertorn.map((a) => ({ unitId: sodertorn.id, a })), ...ofInstall.map((a) => ({ unitId: null, a }))]);
  const shown = ({ username, password, role, displayName }: Omit<DemoAccountOfUnit, 'unit'>, unit: string | null) => ({ username, password, role, displayName, unit });
  return [...ofSodertorn.map((a) => shown(a, sodertorn.name)), ...ofInstall.map((a) => shown(a, null))];
}
