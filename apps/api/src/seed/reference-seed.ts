/**
 * Seeds the reference data (unit, municipalities, areas, goal frameworks, activity types) on first start.
 * It only inserts what is missing, so it is safe on every start and never overwrites what the chief edited.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import reference from './data/reference-data.json' with { type: 'json' };

export type ReferenceData = typeof reference;
export const referenceData: ReferenceData = reference;

/**
 * The first unit (FoU Nordväst, from reference-data.json) with its municipalities and the standard registers.
 * Later units are made by the install administrator (modules/units), which seeds them with seedStandardReference.
 */
export function seedReferenceData(db: Db): number {
  return db.transaction(() => {
    const existing = db.select().from(t.units).where(eq(t.units.code, reference.unit.code)).get();
    if (existing) return existing.id;

    const unit = db.insert(t.units).values(reference.unit).returning().get();
    const unitId = unit.id;

    for (const m of reference.municipalities) {
      const row = db
        .insert(t.municipalities)
        .values({ unitId, code: m.code, name: m.name, sortOrder: m.sortOrder })
        .returning()
        .get();
      for (const y of m.years) {
        db.insert(t.municipalityYears).values({ municipalityId: row.id, ...y }).run();
      }
    }
    // The same connection: inside this transaction.
    seedStandardReference(db, unitId);
    return unitId;
  }, { behavior: 'immediate' });
}

/**
 * The registers every unit starts with (areas, the goal frameworks VP 2018 and VP 2024, activity types), for the
 * unit `unitId`. Runs on the caller's connection and transaction (the first start's, or the one creating a unit),
 * so a unit is never left half seeded. Municipalities are not here: they are the unit's own owners.
 */
export function seedStandardReference(db: Db, unitId: number): void {
  for (const a of reference.areas) {
    const group = db
      .insert(t.areas)
      .values({ unitId, code: a.code, name: a.name, reportLabel: a.reportLabel, sortOrder: a.sortOrder })
      .returning()
      .get();
    for (const c of a.children) {
      db.insert(t.areas).values({ unitId, code: c.code, name: c.name, parentId: group.id, sortOrder: c.sortOrder }).run();
    }
  }

  for (const f of reference.goalFrameworks) {
    const fw = db
      .insert(t.goalFrameworks)
      .values({ unitId, code: f.code, name: f.name, validFrom: f.validFrom, validTo: f.validTo })
      .returning()
      .get();
    for (const g of f.goals) db.insert(t.goals).values({ frameworkId: fw.id, ...g }).run();
  }

  reference.activityTypes.forEach((name, i) => {
    db.insert(t.activityTypes).values({ unitId, name, sortOrder: i + 1 }).run();
  });
}

/** Looks up a seeded row's id by code, for the demo loader and tests. */
export function areaIdByCode(db: Db, unitId: number, code: string): number {
  const row = db.select({ id: t.areas.id }).from(t.areas).where(and(eq(t.areas.unitId, unitId), eq(t.areas.code, code))).get();
  if (!row) throw new Error(`area ${code} is not seeded`);
  return row.id;
}
