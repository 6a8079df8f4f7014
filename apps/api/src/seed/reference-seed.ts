/**
 * Seeds the reference data (unit, municipalities, areas, goal frameworks, activity types) on first start.
 * It only inserts what is missing, so it is safe on every start and never overwrites what the chief edited.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { UnitScope } from '../db/unit-scope.ts';
import { writeTransaction } from '../db/write.ts';
import { referenceRepository } from '../modules/reference/reference.repository.ts';
import { STANDARD_TARGET_GROUPS } from '@fou/domain';
import reference from './data/reference-data.json' with { type: 'json' };

export type ReferenceData = typeof reference;
export const referenceData: ReferenceData = reference;

/**
 * The first unit (FoU Nordväst, from reference-data.json) with its municipalities and the standard registers, in
 * one transaction; its id. Later units are made by the install administrator (modules/units), which seeds them
 * with seedStandardReference.
 */
export function seedReferenceData(db: Db): Promise<number> {
  return writeTransaction(db, () => {
    // The unit row itself is the install's, not a unit's: found or made here, before there is a scope.
    const existing = db.select({ id: t.units.id }).from(t.units).where(eq(t.units.code, reference.unit.code)).get();
    if (existing) return existing.id;
    const unitId = db.insert(t.units).values(reference.unit).returning({ id: t.units.id }).get().id;
    const r = new UnitScope(db, unitId).repo(referenceRepository);
    for (const m of reference.municipalities) {
      const row = r.insertMunicipality({ code: m.code, name: m.name, sortOrder: m.sortOrder });
      for (const y of m.years) r.putMunicipalityYear(row.id, y.year, { population: y.population, feeSek: y.feeSek });
    }
    seedStandardReference(db, unitId);
    return unitId;
  });
}

/**
 * The registers every unit starts with (areas, the goal frameworks VP 2018 and VP 2024, activity types), for the
 * unit `unitId`, through its own repository. Runs on the caller's connection and transaction (the first start's,
 * or the one creating a unit), so a unit is never left half seeded. Municipalities are not here: they are the
 * unit's own owners.
 */
export function seedStandardReference(db: Db, unitId: number): void {
  const r = new UnitScope(db, unitId).repo(referenceRepository);
  for (const a of reference.areas) {
    const group = r.insertArea({ code: a.code, name: a.name, nameEn: a.nameEn, reportLabel: a.reportLabel, sortOrder: a.sortOrder });
    for (const c of a.children) r.insertArea({ code: c.code, name: c.name, nameEn: c.nameEn, parentId: group.id, sortOrder: c.sortOrder });
  }
  for (const f of reference.goalFrameworks) {
    const fw = r.insertFramework({ code: f.code, name: f.name, nameEn: f.nameEn, validFrom: f.validFrom, validTo: f.validTo });
    for (const g of f.goals) r.insertGoal(fw.id, g);
  }
  const typesEn: Record<string, string> = reference.activityTypeNamesEn;
  reference.activityTypes.forEach((name, i) => r.insertActivityType({ name, nameEn: typesEn[name] ?? null, sortOrder: i + 1 }));
  // The key stays on the row, so event evaluations match a unit's groups to the standard list whatever they are called.
  STANDARD_TARGET_GROUPS.forEach((g, i) => r.insertTargetGroup({ key: g.key, name: g.sv, nameEn: g.en, sortOrder: i + 1 }));
}

/** Looks up a seeded row's id by code, for the demo loader and tests. */
export function areaIdByCode(db: Db, unitId: number, code: string): number {
  const id = new UnitScope(db, unitId).repo(referenceRepository).areas().find((a) => a.code === code)?.id;
  if (id === undefined) throw new Error(`area ${code} is not seeded`);
  return id;
}
