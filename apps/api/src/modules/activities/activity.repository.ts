/**
 * The storage of activities and their links to municipalities and staff, and the reads of the unit's reference
 * tables that validating an activity needs.
 *
 * How each statement keeps to the scope's unit:
 * - activities, and the owned reference tables: `unit_id = <unit>` in the WHERE, or bound in the INSERT;
 * - goals (a child of goal_frameworks): joined to their framework, whose unit is the scope's;
 * - activity_municipalities, activity_staff and activity_target_groups (children of activities): read joined to their activity, whose
 *   unit is the scope's; deleted only under `activity_id in (select id from activities where … unit_id = <unit>)`;
 *   inserted only for an activity this repository has just inserted, or has just read by id and unit in the same
 *   transaction (the service's update), with municipality and staff ids the service checked against this unit's
 *   lookups. A link insert therefore never carries a condition of its own.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { UnitScope } from '../../db/unit-scope.ts';
import * as t from '../../db/schema.ts';

export type ActivityRow = typeof t.activities.$inferSelect;

/** The columns of an activity the service decides; id, unit, version and timestamps are the repository's. */
export type ActivityValues = Pick<ActivityRow,
  'date' | 'year' | 'title' | 'description' | 'goalId' | 'areaId' | 'typeId' | 'format' | 'participants' | 'assignmentId' | 'line' | 'planItemId' | 'noOwnerMunicipality'>;

/** What an activity links to besides its row: municipalities (each with its share of the participants, if split), staff, target groups. */
export interface LinkValues { municipalityIds: readonly number[]; split: ReadonlyMap<number, number>; staffIds: readonly number[]; targetGroupIds: readonly number[] }

/** The list's and the reports' filters, already resolved to this unit's ids (the service checks codes and ids). */
export interface ActivityFilter {
  from?: string;
  to?: string;
  goalIds?: number[];
  areaIds?: number[];
  municipalityId?: number;
  staffId?: number;
  typeId?: number;
  assignmentId?: number;
  planItemId?: number;
  /** A LIKE pattern on the case-folded title, its wildcards escaped with a backslash. */
  titlePattern?: string;
}

export interface ActivityPageQuery {
  order: 'asc' | 'desc';
  limit: number;
  /** Keyset: the last (date, id) of the previous page. */
  after?: { date: string; id: number };
}

/** Each activity's linked municipality, staff and target-group ids, and its participants split per municipality (where given). */
export interface ActivityLinks { municipalities: Map<number, number[]>; staff: Map<number, number[]>; splits: Map<number, Map<number, number>>; targetGroups: Map<number, number[]> }

/** `make()`'s value, made on the first call and kept. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function activityRepository({ db, unitId }: UnitScope) {
  const a = t.activities;
  const am = t.activityMunicipalities;
  const ast = t.activityStaff;
  const atg = t.activityTargetGroups;
  const p = sql.placeholder;

  const ofUnit = eq(a.unitId, unitId);
  // The unit check on a link's activity, written so SQLite never drives the join from it: on a database without
  // ANALYZE statistics it would otherwise walk the unit's whole (unit_id, …) index and probe each activity's links
  // (tens of milliseconds at 50,000 activities) instead of looking up the few ids asked for. The unary + keeps the
  // column out of every index.
  const linkOfUnit = sql`+${a.unitId} = ${unitId}`;

  // Registering an activity is the hot write (a unit's staff all report after the same seminar), and every change
  // reads its activity by id first: these are prepared once per unit, the unit bound in them. Each on first use:
  // preparing an insert compiles the count triggers on activities (milliseconds on a busy machine), which a scope
  // that only filters (the reports) should not pay.
  const insert = once(() => db.insert(a).values({
    unitId, date: p('date'), year: p('year'), title: p('title'), description: p('description'), goalId: p('goalId'),
    areaId: p('areaId'), typeId: p('typeId'), format: p('format'), participants: p('participants'),
    assignmentId: p('assignmentId'), line: p('line'), planItemId: p('planItemId'), noOwnerMunicipality: p('noOwnerMunicipality'),
  }).returning().prepare());
  const insertMunicipality = once(() => db.insert(am).values({ activityId: p('activityId'), municipalityId: p('municipalityId'), participants: p('participants') }).prepare());
  const insertTargetGroup = once(() => db.insert(atg).values({ activityId: p('activityId'), targetGroupId: p('targetGroupId') }).prepare());
  const insertStaff = once(() => db.insert(ast).values({ activityId: p('activityId'), staffId: p('staffId') }).prepare());
  const byId = once(() => db.select().from(a).where(and(eq(a.id, p('id')), eq(a.unitId, unitId))).prepare());
  const municipalitiesOfOne = once(() => db.select({ other: am.municipalityId, participants: am.participants }).from(am).innerJoin(a, eq(a.id, am.activityId))
    .where(and(eq(am.activityId, p('id')), linkOfUnit)).prepare());
  const staffOfOne = once(() => db.select({ other: ast.staffId }).from(ast).innerJoin(a, eq(a.id, ast.activityId))
    .where(and(eq(ast.activityId, p('id')), linkOfUnit)).prepare());
  const targetGroupsOfOne = once(() => db.select({ other: atg.targetGroupId }).from(atg).innerJoin(a, eq(a.id, atg.activityId))
    .where(and(eq(atg.activityId, p('id')), linkOfUnit)).prepare());

  const thisActivity = (id: number) => db.select({ id: a.id }).from(a).where(and(eq(a.id, id), ofUnit));

  const insertLinks = (activityId: number, l: LinkValues) => {
    for (const municipalityId of l.municipalityIds) insertMunicipality().run({ activityId, municipalityId, participants: l.split.get(municipalityId) ?? null });
    for (const staffId of l.staffIds) insertStaff().run({ activityId, staffId });
    for (const targetGroupId of l.targetGroupIds) insertTargetGroup().run({ activityId, targetGroupId });
  };

  function filterSql(f: ActivityFilter): SQL[] {
    const where: SQL[] = [ofUnit];
    if (f.from !== undefined) where.push(sql`${a.date} >= ${f.from}`);
    if (f.to !== undefined) where.push(sql`${a.date} <= ${f.to}`);
    if (f.goalIds) where.push(inArray(a.goalId, f.goalIds));
    if (f.areaIds) where.push(inArray(a.areaId, f.areaIds));
    if (f.municipalityId !== undefined) {
      where.push(sql`exists (select 1 from activity_municipalities am where am.activity_id = ${a.id} and am.municipality_id = ${f.municipalityId})`);
    }
    if (f.staffId !== undefined) {
      where.push(sql`exists (select 1 from activity_staff s where s.activity_id = ${a.id} and s.staff_id = ${f.staffId})`);
    }
    if (f.typeId !== undefined) where.push(eq(a.typeId, f.typeId));
    if (f.assignmentId !== undefined) where.push(eq(a.assignmentId, f.assignmentId));
    if (f.planItemId !== undefined) where.push(eq(a.planItemId, f.planItemId));
    if (f.titlePattern !== undefined) where.push(sql`casefold(${a.title}) like ${f.titlePattern} escape '\\'`);
    return where;
  }

  return {
    /** The WHERE of the filter on activities, starting with the unit; the reports add to it. */
    filterSql,

    get(id: number): ActivityRow | undefined {
      return byId().get({ id });
    },

    page(f: ActivityFilter, q: ActivityPageQuery): ActivityRow[] {
      const where = filterSql(f);
      if (q.after) {
        const { date, id } = q.after;
        where.push(q.order === 'asc' ? sql`(${a.date}, ${a.id}) > (${date}, ${id})` : sql`(${a.date}, ${a.id}) < (${date}, ${id})`);
      }
      const dir = q.order === 'asc' ? asc : desc;
      return db.select().from(a).where(and(...where)).orderBy(dir(a.date), dir(a.id)).limit(q.limit).all();
    },

    count(f: ActivityFilter): number {
      return db.select({ n: sql<number>`count(*)` }).from(a).where(and(...filterSql(f))).get()!.n;
    },

    links(ids: readonly number[]): ActivityLinks {
      const municipalities = new Map<number, number[]>();
      const staff = new Map<number, number[]>();
      const splits = new Map<number, Map<number, number>>();
      const targetGroups = new Map<number, number[]>();
      const split = (activityId: number, m: number, n: number | null) => {
        if (n !== null) (splits.get(activityId) ?? splits.set(activityId, new Map()).get(activityId)!).set(m, n);
      };
      if (ids.length === 1) {
        const id = ids[0]!;
        const ms = municipalitiesOfOne().all({ id });
        municipalities.set(id, ms.map((r) => r.other));
        for (const r of ms) split(id, r.other, r.participants);
        staff.set(id, staffOfOne().all({ id }).map((r) => r.other));
        targetGroups.set(id, targetGroupsOfOne().all({ id }).map((r) => r.other));
        return { municipalities, staff, splits, targetGroups };
      }
      if (ids.length === 0) return { municipalities, staff, splits, targetGroups };
      const group = (into: Map<number, number[]>, pairs: { activityId: number; other: number }[]) => {
        for (const { activityId, other } of pairs) (into.get(activityId) ?? into.set(activityId, []).get(activityId)!).push(other);
      };
      const ms = db.select({ activityId: am.activityId, other: am.municipalityId, participants: am.participants }).from(am).innerJoin(a, eq(a.id, am.activityId))
        .where(and(inArray(am.activityId, [...ids]), linkOfUnit)).all();
      group(municipalities, ms);
      for (const r of ms) split(r.activityId, r.other, r.participants);
      group(staff, db.select({ activityId: ast.activityId, other: ast.staffId }).from(ast).innerJoin(a, eq(a.id, ast.activityId))
        .where(and(inArray(ast.activityId, [...ids]), linkOfUnit)).all());
      group(targetGroups, db.select({ activityId: atg.activityId, other: atg.targetGroupId }).from(atg).innerJoin(a, eq(a.id, atg.activityId))
        .where(and(inArray(atg.activityId, [...ids]), linkOfUnit)).all());
      return { municipalities, staff, splits, targetGroups };
    },

    /** The row as written (id, version and timestamps from the database), with its links. */
    insert(values: ActivityValues, links: LinkValues): ActivityRow {
      const row = insert().get(values)!;
      insertLinks(row.id, links);
      return row;
    },

    /** The new row, or undefined when the activity is not this unit's or its version is no longer `version`. */
    update(id: number, version: number, values: ActivityValues): ActivityRow | undefined {
      return db.update(a)
        .set({ ...values, version: version + 1, updatedAt: new Date().toISOString() })
        .where(and(eq(a.id, id), ofUnit, eq(a.version, version)))
        .returning().get();
    },

    /** Replaces the activity's links; call after `get(id)` in the same transaction (see the head of the file). */
    replaceLinks(id: number, links: LinkValues): void {
      db.delete(am).where(inArray(am.activityId, thisActivity(id))).run();
      db.delete(ast).where(inArray(ast.activityId, thisActivity(id))).run();
      db.delete(atg).where(inArray(atg.activityId, thisActivity(id))).run();
      insertLinks(id, links);
    },

    /** Its links go with it (ON DELETE CASCADE). */
    delete(id: number): void {
      db.delete(a).where(and(eq(a.id, id), ofUnit)).run();
    },

    /** The unit's activities of one day, for the double-registration check (a day holds a handful). */
    onDate(date: string): { id: number; date: string; title: string; typeId: number }[] {
      return db.select({ id: a.id, date: a.date, title: a.title, typeId: a.typeId }).from(a).where(and(ofUnit, eq(a.date, date)))
        .orderBy(asc(a.id)).all();
    },

    /** Type and goal of the unit's latest activities, newest first (date, then id). */
    recentTypeGoals(limit: number): { typeId: number; goalId: number }[] {
      return db.select({ typeId: a.typeId, goalId: a.goalId }).from(a).where(ofUnit)
        .orderBy(desc(a.date), desc(a.id)).limit(limit).all();
    },

    /** The unit's reference tables an activity points into, every row (deactivated ones too). */
    referenceRows() {
      const f = t.goalFrameworks;
      const g = t.goals;
      const ar = t.areas;
      return {
        frameworks: db.select({ id: f.id, code: f.code, name: f.name, validFrom: f.validFrom, validTo: f.validTo }).from(f).where(eq(f.unitId, unitId)).all(),
        goals: db.select({ id: g.id, key: g.key, name: g.name, shortName: g.shortName, frameworkId: g.frameworkId, frameworkCode: f.code })
          .from(g).innerJoin(f, eq(f.id, g.frameworkId)).where(eq(f.unitId, unitId)).orderBy(asc(g.id)).all(),
        areas: db.select({ id: ar.id, code: ar.code, name: ar.name, parentId: ar.parentId, active: ar.active }).from(ar).where(eq(ar.unitId, unitId)).all(),
        types: db.select({ id: t.activityTypes.id, name: t.activityTypes.name, active: t.activityTypes.active })
          .from(t.activityTypes).where(eq(t.activityTypes.unitId, unitId)).all(),
        assignments: db.select({ id: t.assignments.id, title: t.assignments.title, active: t.assignments.active })
          .from(t.assignments).where(eq(t.assignments.unitId, unitId)).all(),
        /** In the unit's order. */
        municipalities: db.select({ id: t.municipalities.id, code: t.municipalities.code, name: t.municipalities.name, active: t.municipalities.active })
          .from(t.municipalities).where(eq(t.municipalities.unitId, unitId)).orderBy(asc(t.municipalities.sortOrder)).all(),
        staff: db.select({ id: t.staff.id, name: t.staff.name, active: t.staff.active }).from(t.staff).where(eq(t.staff.unitId, unitId)).all(),
        planItems: db.select({ id: t.planItems.id, title: t.planItems.title, year: t.planItems.year })
          .from(t.planItems).where(eq(t.planItems.unitId, unitId)).all(),
        /** In the register's order. */
        targetGroups: db.select({ id: t.targetGroups.id, key: t.targetGroups.key, name: t.targetGroups.name, active: t.targetGroups.active })
          .from(t.targetGroups).where(eq(t.targetGroups.unitId, unitId)).orderBy(asc(t.targetGroups.sortOrder), asc(t.targetGroups.id)).all(),
      };
    },
  };
}

export type ActivityRepository = ReturnType<typeof activityRepository>;
export type ReferenceRows = ReturnType<ActivityRepository['referenceRows']>;
