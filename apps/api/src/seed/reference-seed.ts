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

export function seedReferenceData(db: Db): number {
  return db.transaction((tx) => {
    const existing = tx.select().from(t.units).where(eq(t.units.code, reference.unit.code)).get();
    if (existing) return existing.id;

    const unit = tx.insert(t.units).values(reference.unit).returning().get();
    const unitId = unit.id;

    for (const m of reference.municipalities) {
      const row = tx
        .insert(t.municipalities)
        .values({ unitId, code: m.code, name: m.name, sortOrder: m.sortOrder })
        .returning()
        .get();
      for (const y of m.years) {
        tx.insert(t.municipalityYears).values({ municipalityId: row.id, ...y }).run();
      }
    }

    for (const a of reference.areas) {
      const group = tx
        .insert(t.areas)
        .values({ unitId, code: a.code, name: a.name, reportLabel: a.reportLabel, sortOrder: a.sortOrder })
        .returning()
        .get();
      for (const c of a.children) {
        tx.insert(t.areas).values({ unitId, code: c.code, name: c.name, parentId: group.id, sortOrder: c.sortOrder }).run();
      }
    }

    for (const f of reference.goalFrameworks) {
      const fw = tx
        .insert(t.goalFrameworks)
        .values({ unitId, code: f.code, name: f.name, validFrom: f.validFrom, validTo: f.validTo })
        .returning()
        .get();
      for (const g of f.goals) tx.insert(t.goals).values({ frameworkId: fw.id, ...g }).run();
    }

    reference.activityTypes.forEach((name, i) => {
      tx.insert(t.activityTypes).values({ unitId, name, sortOrder: i + 1 }).run();
    });
    return unitId;
  }, { behavior: 'immediate' });
}

/** Looks up a seeded row's id by code, for the demo loader and tests. */
export function areaIdByCode(db: Db, unitId: number, code: string): number {
  const row = db.select({ id: t.areas.id }).from(t.areas).where(and(eq(t.areas.unitId, unitId), eq(t.areas.code, code))).get();
  if (!row) throw new Error(`area ${code} is not seeded`);
  return row.id;
}
