/**
 * The regional comparison's reads: the one repository that reads across units, and so the one not built from a
 * UnitScope. Why it may: the comparison's whole point is to set units side by side, and who sees which units is
 * decided by the service (region.service.ts) before a query runs — only units that chose to share, of the
 * viewer's county. What keeps it from leaking a unit's records: it reads only the count tables the triggers keep
 * (activity_counts, activity_municipality_counts), the reference rows needed to name a goal key or an area group,
 * count/sum aggregates over activities and municipalities grouped by unit (and year), the units' names and
 * counties, and the signed-in region account's own county. It never selects an activity row, a title,
 * a description or a staff member; add nothing here that does.
 */
import { and, asc, between, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.ts';
import * as t from '../../db/schema.ts';

export interface YearRange { from: number; to: number }

export function regionAggregatesRepository(db: Db) {
  const u = t.units;
  const ac = t.activityCounts;
  const amc = t.activityMunicipalityCounts;
  const group = alias(t.areas, 'area_group');

  return {
    /** A region account's county (null: every county); undefined when the account is not a region account. */
    regionCounty(userId: number): string | null | undefined {
      const row = db.select({ county: t.users.county }).from(t.users).where(and(eq(t.users.id, userId), eq(t.users.role, 'region'))).get();
      return row ? row.county : undefined;
    },

    unit(unitId: number) {
      return db.select({ id: u.id, county: u.county, sharesComparison: u.sharesComparison }).from(u).where(eq(u.id, unitId)).get();
    },

    /** The units that share, of one county, or of every county when `county` is null. */
    sharingUnits(county: string | null) {
      return db
        .select({ id: u.id, name: u.name, shortName: u.shortName, county: u.county })
        .from(u)
        .where(and(eq(u.sharesComparison, true), county === null ? undefined : eq(u.county, county)))
        .orderBy(asc(u.name), asc(u.id))
        .all();
    },

    /** The years any of the units has activities in, from the count table. */
    yearsWithActivities(unitIds: number[]): number[] {
      if (!unitIds.length) return [];
      return db
        .select({ year: ac.year })
        .from(ac)
        .where(and(inArray(ac.unitId, unitIds), sql`${ac.n} > 0`))
        .groupBy(ac.year)
        .orderBy(asc(ac.year))
        .all()
        .map((r) => r.year);
    },

    /**
     * Activities per unit, year, goal and area group, from activity_counts: a goal is named by its stable key
     * (and its name and place in its framework), an area by its group (a top-level area is its own group).
     */
    goalAreaCounts(unitIds: number[], years: YearRange) {
      if (!unitIds.length) return [];
      const g = t.goals;
      const a = t.areas;
      return db
        .select({
          unitId: ac.unitId,
          year: ac.year,
          goalId: g.id,
          goalKey: g.key,
          goalName: g.name,
          goalNameEn: g.nameEn,
          goalSort: g.sortOrder,
          groupCode: sql<string>`coalesce(${group.code}, ${a.code})`,
          groupName: sql<string>`coalesce(${group.reportLabel}, ${group.name}, ${a.reportLabel}, ${a.name})`,
          groupNameEn: sql<string | null>`case when ${group.id} is null then ${a.nameEn} else ${group.nameEn} end`,
          groupSort: sql<number>`coalesce(${group.sortOrder}, ${a.sortOrder})`,
          n: sql<number>`sum(${ac.n})`,
        })
        .from(ac)
        .innerJoin(g, eq(g.id, ac.goalId))
        .innerJoin(a, eq(a.id, ac.areaId))
        .leftJoin(group, eq(group.id, a.parentId))
        .where(and(inArray(ac.unitId, unitIds), between(ac.year, years.from, years.to)))
        .groupBy(ac.unitId, ac.year, g.id, sql`coalesce(${group.code}, ${a.code})`)
        .having(sql`sum(${ac.n}) > 0`)
        .all();
    },

    /** Former names of goals (renames), so a year's goal reads as it did at the year's end. */
    goalNameHistory(goalIds: number[]) {
      if (!goalIds.length) return [];
      const h = t.goalNameHistory;
      return db.select({ goalId: h.goalId, name: h.name, replacedOn: h.replacedOn }).from(h).where(inArray(h.goalId, goalIds)).all();
    },

    /**
     * Per unit and year: how many of the unit's municipalities took part at least once, and how many of those
     * are no longer active (they still count as owners that year).
     */
    reachedMunicipalities(unitIds: number[], years: YearRange) {
      if (!unitIds.length) return [];
      const m = t.municipalities;
      return db
        .select({
          unitId: amc.unitId,
          year: amc.year,
          reached: sql<number>`count(distinct ${amc.municipalityId})`,
          inactiveReached: sql<number>`count(distinct case when ${m.active} = 0 then ${m.id} end)`,
        })
        .from(amc)
        .innerJoin(m, eq(m.id, amc.municipalityId))
        .where(and(inArray(amc.unitId, unitIds), between(amc.year, years.from, years.to), sql`${amc.n} > 0`))
        .groupBy(amc.unitId, amc.year)
        .all();
    },

    /** Each unit's active municipalities: the owners it works for. */
    activeMunicipalities(unitIds: number[]) {
      if (!unitIds.length) return [];
      const m = t.municipalities;
      return db
        .select({ unitId: m.unitId, n: count() })
        .from(m)
        .where(and(inArray(m.unitId, unitIds), eq(m.active, true)))
        .groupBy(m.unitId)
        .all();
    },

    /** Participants per unit and year: their sum, and how many activities have a count at all. Aggregates only. */
    participants(unitIds: number[], years: YearRange) {
      if (!unitIds.length) return [];
      const a = t.activities;
      return db
        .select({
          unitId: a.unitId,
          year: a.year,
          sum: sql<number>`coalesce(sum(${a.participants}), 0)`,
          withCount: count(a.participants),
        })
        .from(a)
        .where(and(inArray(a.unitId, unitIds), between(a.year, years.from, years.to)))
        .groupBy(a.unitId, a.year)
        .all();
    },
  };
}
export type RegionAggregatesRepository = ReturnType<typeof regionAggregatesRepository>;
