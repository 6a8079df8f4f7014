/**
 * The registers' storage: municipalities and their years, areas, goal frameworks, goals and their earlier
 * names, activity types, assignments, staff. Every statement is bound to the scope's unit: the owned tables
 * by their unit_id, the child tables (municipality_years, goals, goal_name_history) through the owning row's
 * unit, both when read and when written. So an id of another unit reads as absent and writes nothing, and the
 * service's "not found" covers it without knowing units exist.
 */
import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { UnitScope } from '../../db/unit-scope.ts';
import * as t from '../../db/schema.ts';

export type MunicipalityRow = typeof t.municipalities.$inferSelect;
export type MunicipalityYearRow = typeof t.municipalityYears.$inferSelect;
export type AreaRow = typeof t.areas.$inferSelect;
export type FrameworkRow = typeof t.goalFrameworks.$inferSelect;
export type GoalRow = typeof t.goals.$inferSelect;
export type ActivityTypeRow = typeof t.activityTypes.$inferSelect;
export type TargetGroupRow = typeof t.targetGroups.$inferSelect;
export type TargetGroupValues = Pick<TargetGroupRow, 'name'> & Partial<Pick<TargetGroupRow, 'nameEn' | 'key' | 'sortOrder' | 'active'>>;
export type AssignmentRow = typeof t.assignments.$inferSelect;
export type StaffRow = typeof t.staff.$inferSelect;

type Writable<T> = Omit<T, 'id' | 'unitId' | 'createdAt' | 'updatedAt'>;
type Patch<T> = Partial<Writable<T>>;
export type MunicipalityValues = Pick<MunicipalityRow, 'code' | 'name'> & Partial<Pick<MunicipalityRow, 'sortOrder' | 'active'>>;
export type AreaValues = Pick<AreaRow, 'code' | 'name'> & Partial<Pick<AreaRow, 'nameEn' | 'reportLabel' | 'parentId' | 'sortOrder' | 'active'>>;
export type FrameworkValues = Pick<FrameworkRow, 'code' | 'name' | 'validFrom' | 'validTo'> & Partial<Pick<FrameworkRow, 'nameEn'>>;
export type GoalValues = Pick<GoalRow, 'key' | 'name'> & Partial<Pick<GoalRow, 'shortName' | 'nameEn' | 'description' | 'sortOrder'>>;
export type ActivityTypeValues = Pick<ActivityTypeRow, 'name'> & Partial<Pick<ActivityTypeRow, 'nameEn' | 'sortOrder' | 'active'>>;
export type AssignmentValues = Pick<AssignmentRow, 'title'> & Partial<Writable<AssignmentRow>>;
export type StaffValues = Pick<StaffRow, 'name'> & Partial<Pick<StaffRow, 'title' | 'active'>>;

const now = () => new Date().toISOString();
/** A date range as SQL: outside [from, to], an open end reading as the far future. */
const outside = (date: SQL, from: string, to: string | null) =>
  sql`(${date} < ${from} OR ${date} > ${to ?? '9999-12-31'})`;

export function referenceRepository({ db, unitId }: UnitScope) {
  const { municipalities: m, municipalityYears: my, areas: a, goalFrameworks: f, goals: g, goalNameHistory: h } = t;
  // Child rows are reached through their owner's unit: these subqueries are the unit's owners' ids.
  const unitMunicipalities = () => db.select({ id: m.id }).from(m).where(eq(m.unitId, unitId));
  const unitFrameworks = () => db.select({ id: f.id }).from(f).where(eq(f.unitId, unitId));
  const unitGoals = () => db.select({ id: g.id }).from(g).where(inArray(g.frameworkId, unitFrameworks()));

  return {
    unit() {
      return db.select({ id: t.units.id, code: t.units.code, name: t.units.name }).from(t.units).where(eq(t.units.id, unitId)).get();
    },

    // Municipalities and their years
    municipalities(): MunicipalityRow[] {
      return db.select().from(m).where(eq(m.unitId, unitId)).orderBy(asc(m.sortOrder), asc(m.id)).all();
    },
    municipalityYears(): MunicipalityYearRow[] {
      return db.select().from(my).where(inArray(my.municipalityId, unitMunicipalities())).orderBy(asc(my.year)).all();
    },
    insertMunicipality(values: MunicipalityValues): MunicipalityRow {
      return db.insert(m).values({ ...values, unitId }).returning().get();
    },
    /** False when the unit has no municipality with the id. */
    updateMunicipality(id: number, values: Patch<MunicipalityRow>): boolean {
      return db.update(m).set({ ...values, updatedAt: now() }).where(and(eq(m.id, id), eq(m.unitId, unitId))).run().changes > 0;
    },
    /** Sets a year's figures; false (nothing written) when the unit has no municipality with the id. */
    putMunicipalityYear(municipalityId: number, year: number, values: Pick<MunicipalityYearRow, 'population' | 'feeSek'>): boolean {
      const res = db.insert(my).select(
        db.select({
          municipalityId: m.id,
          year: sql<number>`${year}`.as('year'),
          population: sql<number | null>`${values.population}`.as('population'),
          feeSek: sql<number | null>`${values.feeSek}`.as('fee_sek'),
        }).from(m).where(and(eq(m.id, municipalityId), eq(m.unitId, unitId))),
      ).onConflictDoUpdate({ target: [my.municipalityId, my.year], set: values }).run();
      return res.changes > 0;
    },

    // Areas
    areas(): AreaRow[] {
      return db.select().from(a).where(eq(a.unitId, unitId)).all();
    },
    area(id: number): AreaRow | undefined {
      return db.select().from(a).where(and(eq(a.id, id), eq(a.unitId, unitId))).get();
    },
    insertArea(values: AreaValues): AreaRow {
      return db.insert(a).values({ ...values, unitId }).returning().get();
    },
    updateArea(id: number, values: Patch<AreaRow>): boolean {
      return db.update(a).set({ ...values, updatedAt: now() }).where(and(eq(a.id, id), eq(a.unitId, unitId))).run().changes > 0;
    },
    /** The unit's activities recorded on the area. */
    activityCountInArea(areaId: number): number {
      return db.select({ n: sql<number>`count(*)` }).from(t.activities)
        .where(and(eq(t.activities.unitId, unitId), eq(t.activities.areaId, areaId))).get()?.n ?? 0;
    },
    planItemsInArea(areaId: number): { title: string; year: number }[] {
      const p = t.planItems;
      return db.select({ title: p.title, year: p.year }).from(p).where(and(eq(p.unitId, unitId), eq(p.areaId, areaId)))
        .orderBy(asc(p.year), asc(p.sortOrder), asc(p.id)).all();
    },
    /** Per area code, the area's id followed by its children's ids, across the unit's areas. */
    areaIdsByCode(): Map<string, number[]> {
      const rows = db.select({ id: a.id, code: a.code, parentId: a.parentId }).from(a).where(eq(a.unitId, unitId)).orderBy(asc(a.id)).all();
      return new Map(rows.map((r) => [r.code, [r.id, ...rows.filter((c) => c.parentId === r.id).map((c) => c.id)]]));
    },

    // Goal frameworks and goals
    frameworks(): FrameworkRow[] {
      return db.select().from(f).where(eq(f.unitId, unitId)).orderBy(asc(f.validFrom)).all();
    },
    framework(id: number): FrameworkRow | undefined {
      return db.select().from(f).where(and(eq(f.id, id), eq(f.unitId, unitId))).get();
    },
    frameworksExcept(id?: number): FrameworkRow[] {
      return db.select().from(f).where(id === undefined ? eq(f.unitId, unitId) : and(eq(f.unitId, unitId), ne(f.id, id))).all();
    },
    insertFramework(values: FrameworkValues): FrameworkRow {
      return db.insert(f).values({ ...values, unitId }).returning().get();
    },
    updateFramework(id: number, values: Patch<FrameworkRow>): boolean {
      return db.update(f).set({ ...values, updatedAt: now() }).where(and(eq(f.id, id), eq(f.unitId, unitId))).run().changes > 0;
    },
    goals(): GoalRow[] {
      return db.select().from(g).where(inArray(g.frameworkId, unitFrameworks())).orderBy(asc(g.sortOrder), asc(g.id)).all();
    },
    goal(id: number): GoalRow | undefined {
      return db.select().from(g).where(and(eq(g.id, id), inArray(g.frameworkId, unitFrameworks()))).get();
    },
    /** Adds a goal to the unit's framework; undefined (nothing written) when the framework is not the unit's. */
    insertGoal(frameworkId: number, values: GoalValues): GoalRow | undefined {
      return db.insert(g).select(
        // insert … select names every column, in the table's order; a NULL id is SQLite's next rowid.
        db.select({
          id: sql<number>`null`.as('id'),
          frameworkId: f.id,
          key: sql<string>`${values.key}`.as('key'),
          name: sql<string>`${values.name}`.as('name'),
          shortName: sql<string | null>`${values.shortName ?? null}`.as('short_name'),
          nameEn: sql<string | null>`${values.nameEn ?? null}`.as('name_en'),
          description: sql<string | null>`${values.description ?? null}`.as('description'),
          sortOrder: sql<number>`${values.sortOrder ?? 0}`.as('sort_order'),
          createdAt: sql<string>`${now()}`.as('created_at'),
          updatedAt: sql<string>`${now()}`.as('updated_at'),
        }).from(f).where(and(eq(f.id, frameworkId), eq(f.unitId, unitId))),
      ).returning().get();
    },
    updateGoal(id: number, values: Patch<GoalRow>): GoalRow | undefined {
      return db.update(g).set({ ...values, updatedAt: now() })
        .where(and(eq(g.id, id), inArray(g.frameworkId, unitFrameworks()))).returning().get();
    },
    goalNameHistory(goalId: number) {
      return db.select({ name: h.name, shortName: h.shortName, replacedOn: h.replacedOn }).from(h)
        .where(and(eq(h.goalId, goalId), inArray(h.goalId, unitGoals())))
        .orderBy(asc(h.replacedOn), asc(h.id)).all();
    },
    /** Keeps the goal's current names as replaced on `replacedOn`; nothing when the goal is not the unit's. */
    keepGoalName(goalId: number, replacedOn: string): void {
      db.insert(h).select(
        db.select({ id: sql<number>`null`.as('id'), goalId: g.id, name: g.name, shortName: g.shortName, replacedOn: sql<string>`${replacedOn}`.as('replaced_on') })
          .from(g).where(and(eq(g.id, goalId), inArray(g.frameworkId, unitFrameworks()))),
      ).run();
    },
    /** The unit's activities with a goal of the framework dated outside the period. */
    activitiesOutside(frameworkId: number, period: { validFrom: string; validTo: string | null }): number {
      return db.select({ n: sql<number>`count(*)` }).from(t.activities)
        .innerJoin(g, eq(g.id, t.activities.goalId))
        .where(and(eq(t.activities.unitId, unitId), eq(g.frameworkId, frameworkId), outside(sql`${t.activities.date}`, period.validFrom, period.validTo)))
        .get()?.n ?? 0;
    },
    /** The unit's plan items with a goal of the framework whose year (its 1 January) is outside the period. */
    planItemsOutside(frameworkId: number, period: { validFrom: string; validTo: string | null }): number {
      const p = t.planItems;
      return db.select({ n: sql<number>`count(*)` }).from(p)
        .innerJoin(g, eq(g.id, p.goalId))
        .where(and(eq(p.unitId, unitId), eq(g.frameworkId, frameworkId), outside(sql`printf('%04d-01-01', ${p.year})`, period.validFrom, period.validTo)))
        .get()?.n ?? 0;
    },
    /** Goal ids per key, across the unit's frameworks. */
    goalIdsByKey(): Map<string, number[]> {
      const byKey = new Map<string, number[]>();
      for (const r of db.select({ id: g.id, key: g.key }).from(g).where(inArray(g.frameworkId, unitFrameworks())).orderBy(asc(g.id)).all()) {
        byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.id]);
      }
      return byKey;
    },

    // Activity types, assignments, staff
    targetGroups(): TargetGroupRow[] {
      return db.select().from(t.targetGroups).where(eq(t.targetGroups.unitId, unitId))
        .orderBy(asc(t.targetGroups.sortOrder), asc(t.targetGroups.id)).all();
    },
    insertTargetGroup(values: TargetGroupValues): TargetGroupRow {
      return db.insert(t.targetGroups).values({ ...values, unitId }).returning().get();
    },
    updateTargetGroup(id: number, values: Patch<TargetGroupRow>): boolean {
      return db.update(t.targetGroups).set({ ...values, updatedAt: now() })
        .where(and(eq(t.targetGroups.id, id), eq(t.targetGroups.unitId, unitId))).run().changes > 0;
    },
    activityTypes(): ActivityTypeRow[] {
      return db.select().from(t.activityTypes).where(eq(t.activityTypes.unitId, unitId))
        .orderBy(asc(t.activityTypes.sortOrder), asc(t.activityTypes.id)).all();
    },
    insertActivityType(values: ActivityTypeValues): ActivityTypeRow {
      return db.insert(t.activityTypes).values({ ...values, unitId }).returning().get();
    },
    updateActivityType(id: number, values: Patch<ActivityTypeRow>): boolean {
      return db.update(t.activityTypes).set({ ...values, updatedAt: now() })
        .where(and(eq(t.activityTypes.id, id), eq(t.activityTypes.unitId, unitId))).run().changes > 0;
    },
    assignments(): AssignmentRow[] {
      return db.select().from(t.assignments).where(eq(t.assignments.unitId, unitId)).orderBy(asc(t.assignments.title)).all();
    },
    assignment(id: number): AssignmentRow | undefined {
      return db.select().from(t.assignments).where(and(eq(t.assignments.id, id), eq(t.assignments.unitId, unitId))).get();
    },
    insertAssignment(values: AssignmentValues): AssignmentRow {
      return db.insert(t.assignments).values({ ...values, unitId }).returning().get();
    },
    updateAssignment(id: number, values: Patch<AssignmentRow>): boolean {
      return db.update(t.assignments).set({ ...values, updatedAt: now() })
        .where(and(eq(t.assignments.id, id), eq(t.assignments.unitId, unitId))).run().changes > 0;
    },
    staff(): StaffRow[] {
      return db.select().from(t.staff).where(eq(t.staff.unitId, unitId)).orderBy(asc(t.staff.name)).all();
    },
    staffMember(id: number): StaffRow | undefined {
      return db.select().from(t.staff).where(and(eq(t.staff.id, id), eq(t.staff.unitId, unitId))).get();
    },
    insertStaff(values: StaffValues): StaffRow {
      return db.insert(t.staff).values({ ...values, unitId }).returning().get();
    },
    updateStaff(id: number, values: Patch<StaffRow>): boolean {
      return db.update(t.staff).set({ ...values, updatedAt: now() }).where(and(eq(t.staff.id, id), eq(t.staff.unitId, unitId))).run().changes > 0;
    },
  };
}

export type ReferenceRepository = ReturnType<typeof referenceRepository>;
