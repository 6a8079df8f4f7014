/**
 * The plan's storage: the unit's plan items, their staff, the items they were carried from, and the activities
 * linked to them. Plan items are read and written by their unit_id; plan_item_staff only through an item of the
 * unit; goals (their order and old names) through their framework's unit; activities by their unit_id. An id of
 * another unit's item therefore finds nothing here, whatever the caller passes.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { UnitScope } from '../../db/unit-scope.ts';
import * as t from '../../db/schema.ts';

export type PlanItemRow = typeof t.planItems.$inferSelect;
/** The columns a service sets; the unit comes from the scope. */
export type PlanItemValues = Omit<typeof t.planItems.$inferInsert, 'id' | 'unitId'>;

export function planRepository({ db, unitId }: UnitScope) {
  const p = t.planItems;
  const ofUnit = eq(p.unitId, unitId);
  /** The ids among `ids` that are items of this unit: what every child-table read and write goes through. */
  const unitItemIds = (ids: readonly number[]) => db.select({ id: p.id }).from(p).where(and(ofUnit, inArray(p.id, [...ids])));

  // Every GET, PUT and DELETE of one item starts here.
  const byId = db.select().from(p).where(and(eq(p.id, sql.placeholder('id')), ofUnit)).prepare();

  return {
    find(id: number): PlanItemRow | undefined {
      return byId.get({ id });
    },

    /** A year's items, optionally of some goals and areas only (ids the service resolved in the unit). */
    ofYear(year: number, filter: { goalIds?: readonly number[]; areaIds?: readonly number[] } = {}): PlanItemRow[] {
      const where = [ofUnit, eq(p.year, year)];
      if (filter.goalIds) where.push(inArray(p.goalId, [...filter.goalIds]));
      if (filter.areaIds) where.push(inArray(p.areaId, [...filter.areaIds]));
      return db.select().from(p).where(and(...where)).all();
    },

    countOfYear(year: number): number {
      return db.select({ n: sql<number>`count(*)` }).from(p).where(and(ofUnit, eq(p.year, year))).get()?.n ?? 0;
    },

    /** The place after the year's last item. */
    nextSortOrder(year: number): number {
      return (db.select({ m: sql<number>`coalesce(max(${p.sortOrder}), 0)` }).from(p).where(and(ofUnit, eq(p.year, year))).get()?.m ?? 0) + 1;
    },

    staffOf(itemIds: readonly number[]): { planItemId: number; staffId: number }[] {
      if (itemIds.length === 0) return [];
      return db.select().from(t.planItemStaff).where(inArray(t.planItemStaff.planItemId, unitItemIds(itemIds))).all();
    },

    /** The items others were carried from: only this unit's, so a link can never show another unit's item. */
    origins(ids: readonly number[]): { id: number; year: number; title: string }[] {
      if (ids.length === 0) return [];
      return db.select({ id: p.id, year: p.year, title: p.title }).from(p).where(and(ofUnit, inArray(p.id, [...ids]))).all();
    },

    /** The earlier names of the unit's goals among `goalIds`, oldest first. */
    goalNameHistory(goalIds: readonly number[]) {
      if (goalIds.length === 0) return [];
      const h = t.goalNameHistory;
      return db.select({ id: h.id, goalId: h.goalId, name: h.name, shortName: h.shortName, replacedOn: h.replacedOn }).from(h)
        .innerJoin(t.goals, eq(t.goals.id, h.goalId)).innerJoin(t.goalFrameworks, eq(t.goalFrameworks.id, t.goals.frameworkId))
        .where(and(eq(t.goalFrameworks.unitId, unitId), inArray(h.goalId, [...goalIds])))
        .orderBy(asc(h.replacedOn), asc(h.id)).all();
    },

    /** The unit's goals' places in their frameworks. */
    goalSortOrders(): Map<number, number> {
      return new Map(db.select({ id: t.goals.id, sortOrder: t.goals.sortOrder }).from(t.goals)
        .innerJoin(t.goalFrameworks, eq(t.goalFrameworks.id, t.goals.frameworkId)).where(eq(t.goalFrameworks.unitId, unitId))
        .all().map((g) => [g.id, g.sortOrder]));
    },

    areaSortOrders(): Map<number, number> {
      return new Map(db.select({ id: t.areas.id, sortOrder: t.areas.sortOrder }).from(t.areas).where(eq(t.areas.unitId, unitId))
        .all().map((a) => [a.id, a.sortOrder]));
    },

    /** How many of the unit's activities link to the item. */
    linkedActivityCount(id: number): number {
      return db.select({ n: sql<number>`count(*)` }).from(t.activities)
        .where(and(eq(t.activities.unitId, unitId), eq(t.activities.planItemId, id))).get()?.n ?? 0;
    },

    /** Per item, the unit's activities linked to it up to and including `asOf`: how many, and the latest date. */
    activityStats(itemIds: readonly number[], asOf: string): Map<number, { n: number; last: string }> {
      if (itemIds.length === 0) return new Map();
      const a = t.activities;
      const rows = db.select({ id: a.planItemId, n: sql<number>`count(*)`, last: sql<string>`max(${a.date})` }).from(a)
        .where(and(eq(a.unitId, unitId), inArray(a.planItemId, [...itemIds]), lte(a.date, asOf)))
        .groupBy(a.planItemId).all();
      return new Map(rows.flatMap((r) => (r.id === null ? [] : [[r.id, { n: r.n, last: r.last }] as const])));
    },

    /**
     * Per item, what its linked activities up to `asOf` were and whom they reached: activities per type, per
     * municipality (an activity counts once for every municipality in it), and the participants they recorded.
     */
    activitySummaries(itemIds: readonly number[], asOf: string) {
      if (itemIds.length === 0) return { types: [], municipalities: [], participants: [] };
      const a = t.activities;
      const linked = and(eq(a.unitId, unitId), inArray(a.planItemId, [...itemIds]), lte(a.date, asOf));
      const types = db.select({ itemId: a.planItemId, typeId: a.typeId, n: sql<number>`count(*)` }).from(a)
        .where(linked).groupBy(a.planItemId, a.typeId).all();
      const am = t.activityMunicipalities;
      const municipalities = db.select({ itemId: a.planItemId, municipalityId: am.municipalityId, n: sql<number>`count(*)` }).from(a)
        .innerJoin(am, eq(am.activityId, a.id)).where(linked).groupBy(a.planItemId, am.municipalityId).all();
      const participants = db.select({ itemId: a.planItemId, sum: sql<number>`coalesce(sum(${a.participants}), 0)`, withCount: sql<number>`count(${a.participants})` }).from(a)
        .where(linked).groupBy(a.planItemId).all();
      return { types, municipalities, participants };
    },

    insert(values: PlanItemValues): PlanItemRow {
      return db.insert(p).values({ ...values, unitId }).returning().get();
    },

    /** The item at `version` changed, or undefined when it is not the unit's or has moved on. */
    update(id: number, version: number, values: Partial<PlanItemValues>): PlanItemRow | undefined {
      return db.update(p).set(values).where(and(eq(p.id, id), ofUnit, eq(p.version, version))).returning().get();
    },

    remove(id: number): void {
      db.delete(p).where(and(eq(p.id, id), ofUnit)).run();
    },

    /** The item's staff made `staffIds` (checked by the service to be the unit's staff). */
    replaceStaff(itemId: number, staffIds: readonly number[]): void {
      db.delete(t.planItemStaff).where(and(eq(t.planItemStaff.planItemId, itemId), inArray(t.planItemStaff.planItemId, unitItemIds([itemId])))).run();
      if (staffIds.length === 0) return;
      // Inserted from the item's own row, so nothing is written for an item that is not the unit's.
      db.insert(t.planItemStaff).select(sql`select ${p.id}, j.value from ${p}, json_each(${JSON.stringify(staffIds)}) j where ${p.id} = ${itemId} and ${p.unitId} = ${unitId}`).run();
    },
  };
}

export type PlanRepository = ReturnType<typeof planRepository>;
