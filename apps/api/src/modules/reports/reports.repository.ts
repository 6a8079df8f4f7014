/**
 * The reports' storage: the unit's reference tables as labels, the GROUP BYs that count its activities, and the
 * years it has data in. Every statement is bound to the scope's unit: activities, the count tables and plan items
 * by their unit_id, goals through their framework's unit.
 *
 * A GROUP BY reads activity_counts or activity_municipality_counts (kept by triggers, a few hundred rows a year)
 * when they can answer it, i.e. the period is whole years, the only filters are goal and area and the grouped
 * columns are goal, area or municipality; otherwise the activities over the covering report index. Each shape of
 * query (grouped columns, the filters present, which table) is prepared once per unit with its values as
 * placeholders, so a report that is asked again costs only its reading.
 */
import { and, asc, eq, gte, inArray, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { UnitScope } from '../../db/unit-scope.ts';
import * as t from '../../db/schema.ts';

/** What a report counts: the unit's activities in a period, narrowed by ids the service has checked are the unit's. */
export interface ActivityFilter {
  /** One calendar year; else `from`/`to` (dates, either may be left open); neither: all time. */
  year?: number;
  from?: string;
  to?: string;
  goalIds?: readonly number[];
  areaIds?: readonly number[];
  municipalityId?: number;
  staffId?: number;
  typeId?: number;
  assignmentId?: number;
  line?: 'forsta' | 'andra';
  format?: 'fysiskt' | 'digitalt' | 'hybrid';
}

/** An activity column a report groups by; municipality and staff are multi-valued (one row per link). */
export type CountColumn = 'goal' | 'area' | 'type' | 'format' | 'line' | 'assignment' | 'municipality' | 'staff';

/** One group: the grouped values in the order asked (null where the activity has none), and how many. */
export interface CountRow { year: number | null; values: (number | string | null)[]; n: number }

const CUBE_COLUMNS: ReadonlySet<CountColumn> = new Set(['goal', 'area', 'municipality']);
const FILTER_KEYS = ['year', 'from', 'to', 'goalIds', 'areaIds', 'municipalityId', 'staffId', 'typeId', 'assignmentId', 'line', 'format'] as const;

/** Past this many shapes the kept statements are dropped and prepared again: a bound on memory, never reached in use. */
const MAX_SHAPES = 500;

const yearOf = (date: string) => Number(date.slice(0, 4));
const wholeYears = (f: ActivityFilter) => (f.from === undefined || f.from.endsWith('-01-01')) && (f.to === undefined || f.to.endsWith('-12-31'));

/** The count tables can answer when the period is whole years and only goal and area narrow it. */
function cubeCanAnswer(f: ActivityFilter, columns: readonly CountColumn[]): boolean {
  return wholeYears(f) && columns.every((c) => CUBE_COLUMNS.has(c))
    && [f.municipalityId, f.staffId, f.typeId, f.assignmentId, f.line, f.format].every((v) => v === undefined);
}

/** The placeholders' values: id lists go in as JSON, read back by json_each, so one statement serves any list. */
function params(f: ActivityFilter): Record<string, unknown> {
  return {
    year: f.year,
    from: f.from,
    to: f.to,
    fromYear: f.from === undefined ? undefined : yearOf(f.from),
    toYear: f.to === undefined ? undefined : yearOf(f.to),
    goalIds: f.goalIds === undefined ? undefined : JSON.stringify(f.goalIds),
    areaIds: f.areaIds === undefined ? undefined : JSON.stringify(f.areaIds),
    municipalityId: f.municipalityId,
    staffId: f.staffId,
    typeId: f.typeId,
    assignmentId: f.assignmentId,
    line: f.line,
    format: f.format,
  };
}

const p = (name: string) => sql.placeholder(name);
const inJson = (column: SQLWrapper, name: string) => sql`${column} in (select value from json_each(${p(name)}))`;

export function reportsRepository({ db, unitId }: UnitScope) {
  const a = t.activities;

  // The reference tables every report labels its rows with: read again only when they change (scope.cached).
  const frameworks = db.select({ id: t.goalFrameworks.id, code: t.goalFrameworks.code, name: t.goalFrameworks.name, nameEn: t.goalFrameworks.nameEn, validFrom: t.goalFrameworks.validFrom, validTo: t.goalFrameworks.validTo })
    .from(t.goalFrameworks).where(eq(t.goalFrameworks.unitId, unitId)).orderBy(asc(t.goalFrameworks.validFrom)).prepare();
  const goals = db.select({ id: t.goals.id, key: t.goals.key, name: t.goals.name, nameEn: t.goals.nameEn, frameworkId: t.goals.frameworkId, sortOrder: t.goals.sortOrder })
    .from(t.goals).innerJoin(t.goalFrameworks, eq(t.goalFrameworks.id, t.goals.frameworkId))
    .where(eq(t.goalFrameworks.unitId, unitId)).orderBy(asc(t.goals.sortOrder), asc(t.goals.id)).prepare();
  const goalHistory = db.select({ goalId: t.goalNameHistory.goalId, name: t.goalNameHistory.name, replacedOn: t.goalNameHistory.replacedOn })
    .from(t.goalNameHistory).innerJoin(t.goals, eq(t.goals.id, t.goalNameHistory.goalId)).innerJoin(t.goalFrameworks, eq(t.goalFrameworks.id, t.goals.frameworkId))
    .where(eq(t.goalFrameworks.unitId, unitId)).orderBy(asc(t.goalNameHistory.replacedOn), asc(t.goalNameHistory.id)).prepare();
  const areas = db.select({ id: t.areas.id, code: t.areas.code, name: t.areas.name, nameEn: t.areas.nameEn, reportLabel: t.areas.reportLabel, parentId: t.areas.parentId, sortOrder: t.areas.sortOrder })
    .from(t.areas).where(eq(t.areas.unitId, unitId)).orderBy(asc(t.areas.sortOrder), asc(t.areas.id)).prepare();
  const municipalities = db.select({ id: t.municipalities.id, code: t.municipalities.code, name: t.municipalities.name, active: t.municipalities.active })
    .from(t.municipalities).where(eq(t.municipalities.unitId, unitId)).orderBy(asc(t.municipalities.sortOrder), asc(t.municipalities.id)).prepare();
  const staff = db.select({ id: t.staff.id, name: t.staff.name, active: t.staff.active }).from(t.staff).where(eq(t.staff.unitId, unitId)).prepare();
  const types = db.select({ id: t.activityTypes.id, name: t.activityTypes.name, nameEn: t.activityTypes.nameEn, active: t.activityTypes.active })
    .from(t.activityTypes).where(eq(t.activityTypes.unitId, unitId)).orderBy(asc(t.activityTypes.sortOrder), asc(t.activityTypes.id)).prepare();
  const assignments = db.select({ id: t.assignments.id, title: t.assignments.title, active: t.assignments.active })
    .from(t.assignments).where(eq(t.assignments.unitId, unitId)).prepare();

  const activityYears = db.select({ year: t.activityCounts.year, n: sql<number>`sum(${t.activityCounts.n})`.mapWith(Number) })
    .from(t.activityCounts).where(eq(t.activityCounts.unitId, unitId)).groupBy(t.activityCounts.year).prepare();
  const planYears = db.select({ year: t.planItems.year, n: sql<number>`count(*)`.mapWith(Number) })
    .from(t.planItems).where(eq(t.planItems.unitId, unitId)).groupBy(t.planItems.year).prepare();

  /** The WHERE over activities: the unit, then each filter present as a placeholder. */
  function activityWhere(f: ActivityFilter): SQL {
    const where: (SQL | undefined)[] = [eq(a.unitId, unitId)];
    if (f.year !== undefined) where.push(eq(a.year, p('year')));
    // The year bounds add nothing logically; they let SQLite range-scan the (unit_id, year, …) indexes.
    if (f.from !== undefined) where.push(gte(a.year, p('fromYear')), gte(a.date, p('from')));
    if (f.to !== undefined) where.push(lte(a.year, p('toYear')), lte(a.date, p('to')));
    if (f.goalIds !== undefined) where.push(inJson(a.goalId, 'goalIds'));
    if (f.areaIds !== undefined) where.push(inJson(a.areaId, 'areaIds'));
    // The link tables hang off the activity, which is already the unit's.
    if (f.municipalityId !== undefined) {
      where.push(sql`exists (select 1 from ${t.activityMunicipalities} where ${t.activityMunicipalities.activityId} = ${a.id} and ${t.activityMunicipalities.municipalityId} = ${p('municipalityId')})`);
    }
    if (f.staffId !== undefined) {
      where.push(sql`exists (select 1 from ${t.activityStaff} where ${t.activityStaff.activityId} = ${a.id} and ${t.activityStaff.staffId} = ${p('staffId')})`);
    }
    if (f.typeId !== undefined) where.push(eq(a.typeId, p('typeId')));
    if (f.assignmentId !== undefined) where.push(eq(a.assignmentId, p('assignmentId')));
    if (f.line !== undefined) where.push(eq(a.line, p('line')));
    if (f.format !== undefined) where.push(eq(a.format, p('format')));
    return and(...where)!;
  }

  type CountTable = typeof t.activityCounts | typeof t.activityMunicipalityCounts;
  function cubeWhere(c: CountTable, f: ActivityFilter): SQL {
    const where: SQL[] = [eq(c.unitId, unitId)];
    if (f.year !== undefined) where.push(eq(c.year, p('year')));
    if (f.from !== undefined) where.push(gte(c.year, p('fromYear')));
    if (f.to !== undefined) where.push(lte(c.year, p('toYear')));
    if (f.goalIds !== undefined) where.push(inJson(c.goalId, 'goalIds'));
    if (f.areaIds !== undefined) where.push(inJson(c.areaId, 'areaIds'));
    return and(...where)!;
  }

  /** A prepared GROUP BY: n, and g0, g1 … for the grouped columns in order. */
  interface Statement { all(values: Record<string, unknown>): Record<string, number | string | null>[] }
  type Fields = Record<string, SQL<number | string | null>>;

  function prepareCount(f: ActivityFilter, columns: readonly CountColumn[], byYear: boolean): Statement {
    if (cubeCanAnswer(f, columns)) {
      const c: CountTable = columns.includes('municipality') ? t.activityMunicipalityCounts : t.activityCounts;
      const column = (k: CountColumn) => (k === 'goal' ? c.goalId : k === 'area' ? c.areaId : t.activityMunicipalityCounts.municipalityId);
      const groups = [...(byYear ? [c.year] : []), ...columns.map(column)];
      const fields: Fields = { n: sql<number>`coalesce(sum(${c.n}), 0)` };
      groups.forEach((g, i) => { fields[`g${i}`] = sql<number>`${g}`; });
      const q = db.select(fields).from(c).where(cubeWhere(c, f)).$dynamic();
      return (groups.length ? q.groupBy(...groups) : q).prepare();
    }
    const column = (k: CountColumn) => ({
      goal: a.goalId, area: a.areaId, type: a.typeId, format: a.format, line: a.line, assignment: a.assignmentId,
      municipality: t.activityMunicipalities.municipalityId, staff: t.activityStaff.staffId,
    })[k];
    const groups = [...(byYear ? [a.year] : []), ...columns.map(column)];
    const fields: Fields = { n: sql<number>`count(*)` };
    groups.forEach((g, i) => { fields[`g${i}`] = sql<number | string | null>`${g}`; });
    let q = db.select(fields).from(a).$dynamic();
    if (columns.includes('municipality')) q = q.innerJoin(t.activityMunicipalities, eq(t.activityMunicipalities.activityId, a.id));
    if (columns.includes('staff')) q = q.innerJoin(t.activityStaff, eq(t.activityStaff.activityId, a.id));
    q = q.where(activityWhere(f));
    return (groups.length ? q.groupBy(...groups) : q).prepare();
  }

  const statements = new Map<string, Statement>();
  function statementFor(f: ActivityFilter, columns: readonly CountColumn[], byYear: boolean): Statement {
    const shape = `${byYear ? 'y' : ''}|${columns.join(',')}|${FILTER_KEYS.filter((k) => f[k] !== undefined).join(',')}`;
    let st = statements.get(shape);
    if (!st) {
      if (statements.size >= MAX_SHAPES) statements.clear();
      st = prepareCount(f, columns, byYear);
      statements.set(shape, st);
    }
    return st;
  }

  return {
    /** The unit's reference tables, in the order the reports show them. */
    referenceTables() {
      return {
        frameworks: frameworks.all(),
        goals: goals.all(),
        goalHistory: goalHistory.all(),
        areas: areas.all(),
        municipalities: municipalities.all(),
        staff: staff.all(),
        types: types.all(),
        assignments: assignments.all(),
      };
    },

    /** The filtered activities counted per value of `columns` (per year first with `byYear`). */
    countBy(f: ActivityFilter, columns: readonly CountColumn[], byYear = false): CountRow[] {
      const offset = byYear ? 1 : 0;
      return statementFor(f, columns, byYear).all(params(f)).map((r) => ({
        year: byYear ? Number(r.g0) : null,
        values: columns.map((_, i) => r[`g${offset + i}`] ?? null),
        n: Number(r.n),
      }));
    },

    /** How many activities the filter leaves (each once, whatever it links to). */
    countActivities(f: ActivityFilter): number {
      return Number(statementFor(f, [], false).all(params(f))[0]?.n ?? 0);
    },

    /**
     * The municipality report's and the owners' table's material: every activity of the period (a year is about
     * 300) with what it links to. Read whole rather than grouped: each activity's place (own, shared with some
     * owners, open to all) depends on its whole set of municipalities, and a split's numbers on the activity's.
     * Links are read joined to the period's activities, so they are the unit's through their activity.
     */
    periodActivities(f: { from?: string; to?: string }) {
      const where = and(eq(a.unitId, unitId), f.from === undefined ? undefined : gte(a.date, f.from), f.to === undefined ? undefined : lte(a.date, f.to));
      const rows = db.select({
        id: a.id, date: a.date, year: a.year, title: a.title, goalId: a.goalId, areaId: a.areaId, typeId: a.typeId, format: a.format,
        line: a.line, assignmentId: a.assignmentId, planItemId: a.planItemId, participants: a.participants, noOwnerMunicipality: a.noOwnerMunicipality,
      }).from(a).where(where).orderBy(asc(a.date), asc(a.id)).all();
      const am = t.activityMunicipalities;
      const municipalityLinks = db.select({ activityId: am.activityId, municipalityId: am.municipalityId, participants: am.participants })
        .from(am).innerJoin(a, eq(a.id, am.activityId)).where(where).all();
      const staffLinks = db.select({ activityId: t.activityStaff.activityId, staffId: t.activityStaff.staffId })
        .from(t.activityStaff).innerJoin(a, eq(a.id, t.activityStaff.activityId)).where(where).all();
      const targetGroupLinks = db.select({ activityId: t.activityTargetGroups.activityId, targetGroupId: t.activityTargetGroups.targetGroupId })
        .from(t.activityTargetGroups).innerJoin(a, eq(a.id, t.activityTargetGroups.activityId)).where(where).all();
      return { rows, municipalityLinks, staffLinks, targetGroupLinks };
    },

    /** Population and fee per municipality and year (municipality_years, reached through the unit's municipalities). */
    municipalityYears() {
      const my = t.municipalityYears;
      return db.select({ municipalityId: my.municipalityId, year: my.year, population: my.population, feeSek: my.feeSek })
        .from(my).innerJoin(t.municipalities, eq(t.municipalities.id, my.municipalityId)).where(eq(t.municipalities.unitId, unitId)).all();
    },

    /** The unit's target-group register, in its order. */
    targetGroups() {
      const g = t.targetGroups;
      return db.select({ id: g.id, key: g.key, name: g.name, nameEn: g.nameEn, active: g.active }).from(g).where(eq(g.unitId, unitId)).orderBy(asc(g.sortOrder), asc(g.id)).all();
    },

    /** Plan items of the unit by id, with their status. */
    planItems(ids: readonly number[]) {
      if (!ids.length) return [];
      const pi = t.planItems;
      return db.select({ id: pi.id, year: pi.year, title: pi.title, status: pi.status }).from(pi)
        .where(and(eq(pi.unitId, unitId), inArray(pi.id, [...ids]))).orderBy(asc(pi.year), asc(pi.sortOrder), asc(pi.id)).all();
    },

    /** Assignments of the unit by id, with their line. */
    assignmentsById(ids: readonly number[]) {
      if (!ids.length) return [];
      const as = t.assignments;
      return db.select({ id: as.id, title: as.title, line: as.line }).from(as).where(and(eq(as.unitId, unitId), inArray(as.id, [...ids]))).all();
    },

    /** The unit's name: the exports' author and title. */
    unitName(): string {
      return db.select({ name: t.units.name }).from(t.units).where(eq(t.units.id, unitId)).get()?.name ?? '';
    },

    /** Activities and plan items per year. */
    yearsWithData() {
      return { activities: activityYears.all(), planItems: planYears.all() };
    },
  };
}

export type ReportsRepository = ReturnType<typeof reportsRepository>;
export type ReportReference = ReturnType<ReportsRepository['referenceTables']>;
