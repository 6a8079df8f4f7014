/** Activities: the rules of a valid record, and their storage. */
import type Database from 'better-sqlite3';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { canEditActivity, frameworkForDate, yearOf } from '@fou/domain';
import type { Db } from '../../db/client.ts';
import { UnitScope } from '../../db/unit-scope.ts';
import { retryWhileBusy, writeTransaction } from '../../db/write.ts';
import { cachedByReferenceVersion } from '../../db/reference-cache.ts';
import * as t from '../../db/schema.ts';
import { areaIdsWithChildren, goalIdsForKey } from '../reference/reference.service.ts';
import type { Principal } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { ApiError, badRequest, conflict, FieldErrors, notFound } from '../../lib/errors.ts';
import { assertYearOpen } from '../period-locks/period-lock.service.ts';
import { countOverrides, overriddenKinds } from './text-warnings.service.ts';
import { SUGGESTION_WINDOW, type Activity, type ActivityInput, type ActivityListQuery, type ActivityUpdate, type GoalSuggestions } from './activity.schemas.ts';

/**
 * The small reference tables an activity points into. Read once and kept until a reference table changes
 * (db/reference-cache.ts): a write would otherwise spend most of its time re-reading them. Treat as read-only.
 */
export interface Lookups {
  goals: Map<number, { id: number; key: string; name: string; shortName: string | null; frameworkId: number; frameworkCode: string }>;
  frameworks: { id: number; code: string; name: string; validFrom: string; validTo: string | null }[];
  areas: Map<number, { id: number; code: string; name: string; parentId: number | null; isLeaf: boolean }>;
  types: Map<number, { id: number; name: string }>;
  assignments: Map<number, { id: number; title: string }>;
  municipalities: Map<number, { id: number; code: string; name: string; active: boolean }>;
  staff: Map<number, { id: number; name: string }>;
  planItems: Map<number, { id: number; title: string; year: number }>;
  /** Each municipality's place in the unit's order, for sorting an activity's municipalities. */
  municipalityRank: Map<number, number>;
  /** Deactivated rows: kept on the activities that have them, not offered for new ones. */
  inactive: Record<'areas' | 'types' | 'assignments' | 'municipalities' | 'staff', Set<number>>;
}

export function loadLookups(db: Db, unitId: number): Lookups {
  return cachedByReferenceVersion(db, `activity-lookups:${unitId}`, () => readLookups(db, unitId));
}

function readLookups(db: Db, unitId: number): Lookups {
  const frameworks = db.select().from(t.goalFrameworks).where(eq(t.goalFrameworks.unitId, unitId)).all();
  const fwCode = new Map(frameworks.map((f) => [f.id, f.code]));
  const goals = db.select().from(t.goals).where(inArray(t.goals.frameworkId, frameworks.map((f) => f.id))).all();
  const areas = db.select().from(t.areas).where(eq(t.areas.unitId, unitId)).all();
  const parents = new Set(areas.map((a) => a.parentId));
  const types = db.select({ id: t.activityTypes.id, name: t.activityTypes.name, active: t.activityTypes.active }).from(t.activityTypes).where(eq(t.activityTypes.unitId, unitId)).all();
  const assignments = db.select({ id: t.assignments.id, title: t.assignments.title, active: t.assignments.active }).from(t.assignments).where(eq(t.assignments.unitId, unitId)).all();
  const staff = db.select({ id: t.staff.id, name: t.staff.name, active: t.staff.active }).from(t.staff).where(eq(t.staff.unitId, unitId)).all();
  const municipalityRows = db.select({ id: t.municipalities.id, code: t.municipalities.code, name: t.municipalities.name, active: t.municipalities.active }).from(t.municipalities).where(eq(t.municipalities.unitId, unitId)).orderBy(asc(t.municipalities.sortOrder)).all();
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const inactive = (rows: { id: number; active: boolean }[]) => new Set(rows.filter((r) => !r.active).map((r) => r.id));
  const municipalities = byId(municipalityRows);
  return {
    frameworks,
    goals: byId(goals.map((g) => ({ id: g.id, key: g.key, name: g.name, shortName: g.shortName, frameworkId: g.frameworkId, frameworkCode: fwCode.get(g.frameworkId)! }))),
    areas: byId(areas.map((a) => ({ id: a.id, code: a.code, name: a.name, parentId: a.parentId, isLeaf: !parents.has(a.id) }))),
    types: byId(types.map(({ id, name }) => ({ id, name }))),
    assignments: byId(assignments.map(({ id, title }) => ({ id, title }))),
    municipalities,
    municipalityRank: new Map([...municipalities.keys()].map((id, i) => [id, i])),
    staff: byId(staff.map(({ id, name }) => ({ id, name }))),
    planItems: byId(db.select({ id: t.planItems.id, title: t.planItems.title, year: t.planItems.year }).from(t.planItems).where(eq(t.planItems.unitId, unitId)).all()),
    inactive: { areas: inactive(areas), types: inactive(types), assignments: inactive(assignments), municipalities: inactive(municipalityRows), staff: inactive(staff) },
  };
}

/** What an activity already points to: a deactivated row it has may stay on it through a change. */
interface Current { areaId: number; typeId: number; assignmentId: number | null; municipalityIds: number[]; staffIds: number[] }

/**
 * Checks every reference in the input against the unit's data; reports all failing fields at once. A deactivated
 * staff member, type, assignment, municipality or area is refused unless the activity already had it (`current`).
 */
function resolveInput(lk: Lookups, input: ActivityInput, current?: Current) {
  const errors = new FieldErrors();
  const deactivated = (kind: keyof Lookups['inactive'], id: number, had: readonly (number | null)[] = []) => lk.inactive[kind].has(id) && !had.includes(id);
  const goal = lk.goals.get(input.goalId);
  const framework = frameworkForDate(lk.frameworks, input.date);
  if (!goal) errors.add('goalId', 'unknown_goal', `Det finns inget mål med id ${input.goalId}.`);
  else if (!framework) errors.add('goalId', 'no_framework_for_date', `Inget målramverk gäller ${input.date}.`);
  else if (goal.frameworkId !== framework.id) {
    errors.add('goalId', 'goal_not_valid_for_date', `Målet hör till ${goal.frameworkCode}, men på ${input.date} gäller ${framework.name}: välj ett av dess mål.`);
  }
  const area = lk.areas.get(input.areaId);
  if (!area) errors.add('areaId', 'unknown_area', `Det finns inget område med id ${input.areaId}.`);
  else if (!area.isLeaf) errors.add('areaId', 'area_has_children', `${area.name} har underområden: välj ett av dem.`);
  else if (deactivated('areas', area.id, [current?.areaId ?? null])) errors.add('areaId', 'inactive', `Området ${area.name} används inte längre: välj ett annat.`);
  const type = lk.types.get(input.typeId);
  if (!type) errors.add('typeId', 'unknown_type', `Det finns ingen aktivitetstyp med id ${input.typeId}.`);
  else if (deactivated('types', type.id, [current?.typeId ?? null])) errors.add('typeId', 'inactive', `Aktivitetstypen ${type.name} används inte längre: välj en annan.`);
  if (input.assignmentId != null) {
    const assignment = lk.assignments.get(input.assignmentId);
    if (!assignment) errors.add('assignmentId', 'unknown_assignment', `Det finns inget uppdrag med id ${input.assignmentId}.`);
    else if (deactivated('assignments', assignment.id, [current?.assignmentId ?? null])) {
      errors.add('assignmentId', 'inactive', `Uppdraget ${assignment.title} är avslutat: nya aktiviteter kan inte kopplas till det.`);
    }
  }
  if (input.planItemId != null) {
    const item = lk.planItems.get(input.planItemId);
    if (!item) errors.add('planItemId', 'unknown_plan_item', `Det finns ingen planpunkt med id ${input.planItemId}.`);
    else if (item.year !== yearOf(input.date)) {
      errors.add('planItemId', 'plan_item_other_year', `Planpunkten hör till planen för ${item.year}, men aktiviteten är från ${yearOf(input.date)}: välj en punkt ur årets plan.`);
    }
  }
  input.municipalityIds.forEach((m, i) => {
    const municipality = lk.municipalities.get(m);
    if (!municipality) errors.add(`municipalityIds.${i}`, 'unknown_municipality', `Det finns ingen kommun med id ${m}.`);
    else if (deactivated('municipalities', m, current?.municipalityIds)) errors.add(`municipalityIds.${i}`, 'inactive', `${municipality.name} är inte längre ägarkommun.`);
  });
  input.staffIds.forEach((s, i) => {
    const member = lk.staff.get(s);
    if (!member) errors.add(`staffIds.${i}`, 'unknown_staff', `Det finns ingen medarbetare med id ${s}.`);
    else if (deactivated('staff', s, current?.staffIds)) errors.add(`staffIds.${i}`, 'inactive', `${member.name} är inaktiverad och kan inte stå på nya aktiviteter.`);
  });
  errors.throwIfAny();
  const municipalityIds = input.allMunicipalities
    ? [...lk.municipalities.values()].filter((m) => m.active).map((m) => m.id)
    : [...new Set(input.municipalityIds)];
  return {
    row: {
      date: input.date,
      year: yearOf(input.date),
      title: input.title,
      description: input.description || null,
      goalId: input.goalId,
      areaId: input.areaId,
      typeId: input.typeId,
      format: input.format,
      participants: input.participants ?? null,
      assignmentId: input.assignmentId ?? null,
      line: input.line ?? null,
      planItemId: input.planItemId ?? null,
    },
    municipalityIds,
    staffIds: [...new Set(input.staffIds)],
    overridden: overriddenKinds(input.textWarningsOverridden, [input.title, input.description]),
  };
}

type ActivityRow = typeof t.activities.$inferSelect;

const swedish = new Intl.Collator('sv');

/** One activity in the API's shape, from its row and the ids of its municipalities and staff. */
function toApi(lk: Lookups, r: ActivityRow, municipalityIds: readonly number[], staffIds: readonly number[]): Activity {
  const goal = lk.goals.get(r.goalId)!;
  const area = lk.areas.get(r.areaId)!;
  const group = area.parentId === null ? area : lk.areas.get(area.parentId)!;
  const rank = (id: number) => lk.municipalityRank.get(id) ?? Number.MAX_SAFE_INTEGER;
  return {
    id: r.id,
    date: r.date,
    year: r.year,
    title: r.title,
    description: r.description,
    goal: { id: goal.id, key: goal.key, name: goal.name, shortName: goal.shortName, frameworkCode: goal.frameworkCode },
    area: { id: area.id, code: area.code, name: area.name, groupCode: group.code, groupName: group.name },
    type: lk.types.get(r.typeId)!,
    format: r.format,
    participants: r.participants,
    assignment: r.assignmentId === null ? null : lk.assignments.get(r.assignmentId)!,
    line: r.line,
    planItem: r.planItemId === null ? null : (({ id, title }) => ({ id, title }))(lk.planItems.get(r.planItemId)!),
    municipalities: [...municipalityIds]
      .sort((a, b) => rank(a) - rank(b))
      .map((id) => lk.municipalities.get(id)!)
      .map(({ id, code, name }) => ({ id, code, name })),
    staff: staffIds.map((id) => lk.staff.get(id)!).sort((a, b) => swedish.compare(a.name, b.name)),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

/** Turns rows into the API's shape, fetching their municipalities and staff in one query each. */
function hydrate(db: Db, lk: Lookups, rows: ActivityRow[]): Activity[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const linked = (pairs: { activityId: number; other: number }[]) => {
    const by = new Map<number, number[]>();
    for (const p of pairs) (by.get(p.activityId) ?? by.set(p.activityId, []).get(p.activityId)!).push(p.other);
    return by;
  };
  const munis = linked(db.select({ activityId: t.activityMunicipalities.activityId, other: t.activityMunicipalities.municipalityId }).from(t.activityMunicipalities).where(inArray(t.activityMunicipalities.activityId, ids)).all());
  const staffOfRow = linked(db.select({ activityId: t.activityStaff.activityId, other: t.activityStaff.staffId }).from(t.activityStaff).where(inArray(t.activityStaff.activityId, ids)).all());
  return rows.map((r) => toApi(lk, r, munis.get(r.id) ?? [], staffOfRow.get(r.id) ?? []));
}

/**
 * Registering an activity is the hot write (a unit's staff all report after the same seminar): its statements
 * are prepared once per connection instead of built and prepared again on every request.
 */
interface WriteStatements {
  insert: Database.Statement<unknown[], ActivityRow>;
  insertMunicipality: Database.Statement<[number, number]>;
  insertStaff: Database.Statement<[number, number]>;
}
const writeStatements = new WeakMap<Database.Database, WriteStatements>();

function statementsFor(db: Db): WriteStatements {
  let st = writeStatements.get(db.$client);
  if (!st) {
    const c = db.$client;
    st = {
      insert: c.prepare<unknown[], ActivityRow>(`insert into activities
          (unit_id, date, year, title, description, goal_id, area_id, type_id, format, participants, assignment_id, line, plan_item_id)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        returning id, unit_id as unitId, date, year, title, description, goal_id as goalId, area_id as areaId, type_id as typeId,
          format, participants, assignment_id as assignmentId, line, plan_item_id as planItemId, version,
          created_at as createdAt, updated_at as updatedAt`),
      insertMunicipality: c.prepare('insert into activity_municipalities (activity_id, municipality_id) values (?, ?)'),
      insertStaff: c.prepare('insert into activity_staff (activity_id, staff_id) values (?, ?)'),
    };
    writeStatements.set(c, st);
  }
  return st;
}

function writeLinks(db: Db, activityId: number, municipalityIds: number[], staffIds: number[]) {
  db.delete(t.activityMunicipalities).where(eq(t.activityMunicipalities.activityId, activityId)).run();
  db.delete(t.activityStaff).where(eq(t.activityStaff.activityId, activityId)).run();
  if (municipalityIds.length) db.insert(t.activityMunicipalities).values(municipalityIds.map((municipalityId) => ({ activityId, municipalityId }))).run();
  db.insert(t.activityStaff).values(staffIds.map((staffId) => ({ activityId, staffId }))).run();
}

export function getActivity(db: Db, unitId: number, id: number): Activity {
  const row = db.select().from(t.activities).where(and(eq(t.activities.id, id), eq(t.activities.unitId, unitId))).get();
  if (!row) throw notFound(`Aktivitet ${id}`);
  return hydrate(db, loadLookups(db, unitId), [row])[0]!;
}

/** A medarbetare writes only activities they are on, before and after the change; the system writes all. */
function assertMayEdit(actor: Principal, staffIds: readonly number[]): void {
  if (actor.kind !== 'user' || canEditActivity(actor, staffIds)) return;
  throw new ApiError(403, 'Du kan bara registrera och ändra aktiviteter där du själv står som medarbetare.');
}

function staffOf(db: Db, activityId: number): number[] {
  return db.select({ id: t.activityStaff.staffId }).from(t.activityStaff).where(eq(t.activityStaff.activityId, activityId)).all().map((r) => r.id);
}

interface CreateArgs { db: Db; unitId: number; actor: Principal; lk: Lookups; resolved: ReturnType<typeof resolveInput> }
const creators = new WeakMap<Database.Database, (args: CreateArgs) => Activity>();

/** The insert and its trail as one immediate transaction, its function made once per connection. */
function creatorFor(db: Db): (args: CreateArgs) => Activity {
  let create = creators.get(db.$client);
  if (!create) {
    const st = statementsFor(db);
    create = db.$client.transaction(({ db: d, unitId, actor, lk, resolved: { row, municipalityIds, staffIds, overridden } }: CreateArgs) => {
      assertYearOpen(d, unitId, row.year);
      const inserted = st.insert.get(unitId, row.date, row.year, row.title, row.description, row.goalId, row.areaId, row.typeId,
        row.format, row.participants, row.assignmentId, row.line, row.planItemId)!;
      for (const m of municipalityIds) st.insertMunicipality.run(inserted.id, m);
      for (const s of staffIds) st.insertStaff.run(inserted.id, s);
      // Everything the answer shows was just written or is in the lookups: no need to read it back.
      const after = toApi(lk, inserted, municipalityIds, staffIds);
      recordAudit(d, { unitId, actor, action: 'create', entity: 'activity', entityId: inserted.id, after });
      countOverrides(d, unitId, row.year, overridden);
      return after;
    }).immediate;
    creators.set(db.$client, create);
  }
  return create;
}

export function createActivity(db: Db, unitId: number, actor: Principal, input: ActivityInput): Promise<Activity> {
  const lk = loadLookups(db, unitId);
  const resolved = resolveInput(lk, input);
  assertMayEdit(actor, resolved.staffIds);
  const create = creatorFor(db);
  return retryWhileBusy(() => create({ db, unitId, actor, lk, resolved }));
}

export function updateActivity(db: Db, unitId: number, actor: Principal, id: number, input: ActivityUpdate): Promise<Activity> {
  const lk = loadLookups(db, unitId);
  return writeTransaction(db, (tx) => {
    const txDb = tx as unknown as Db;
    const current = tx.select().from(t.activities).where(and(eq(t.activities.id, id), eq(t.activities.unitId, unitId))).get();
    if (!current) throw notFound(`Aktivitet ${id}`);
    assertMayEdit(actor, staffOf(txDb, id));
    if (current.version !== input.version) throw staleVersion(current.version, input.version);
    const before = hydrate(txDb, lk, [current])[0]!;
    const { row, municipalityIds, staffIds, overridden } = resolveInput(lk, input, {
      areaId: current.areaId, typeId: current.typeId, assignmentId: current.assignmentId,
      municipalityIds: before.municipalities.map((m) => m.id), staffIds: before.staff.map((s) => s.id),
    });
    assertMayEdit(actor, staffIds);
    assertYearOpen(txDb, unitId, current.year);
    assertYearOpen(txDb, unitId, row.year);
    const next = tx.update(t.activities)
      .set({ ...row, version: current.version + 1, updatedAt: new Date().toISOString() })
      .where(and(eq(t.activities.id, id), eq(t.activities.version, input.version)))
      .returning().get();
    writeLinks(txDb, id, municipalityIds, staffIds);
    const after = hydrate(txDb, lk, [next!])[0]!;
    recordAudit(txDb, { unitId, actor, action: 'update', entity: 'activity', entityId: id, before, after });
    countOverrides(txDb, unitId, row.year, overridden);
    return after;
  });
}

export async function deleteActivity(db: Db, unitId: number, actor: Principal, id: number, version?: number): Promise<void> {
  const lk = loadLookups(db, unitId);
  await writeTransaction(db, (tx) => {
    const txDb = tx as unknown as Db;
    const current = tx.select().from(t.activities).where(and(eq(t.activities.id, id), eq(t.activities.unitId, unitId))).get();
    if (!current) throw notFound(`Aktivitet ${id}`);
    assertMayEdit(actor, staffOf(txDb, id));
    if (version !== undefined && current.version !== version) throw staleVersion(current.version, version);
    assertYearOpen(txDb, unitId, current.year);
    const before = hydrate(txDb, lk, [current])[0]!;
    tx.delete(t.activities).where(eq(t.activities.id, id)).run();
    recordAudit(txDb, { unitId, actor, action: 'delete', entity: 'activity', entityId: id, before });
  });
}

function staleVersion(current: number, sent: number) {
  return conflict(
    `Aktiviteten har ändrats av någon annan sedan du öppnade den (din version ${sent}, nu ${current}). Ladda om och gör ändringen igen.`,
    { currentVersion: current },
  );
}

// The list
interface Cursor { date: string; id: number }
function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.date, c.id])).toString('base64url');
}
function decodeCursor(s: string): Cursor {
  try {
    const [date, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown[];
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && Number.isSafeInteger(id)) return { date, id: id as number };
  } catch { /* reported below */ }
  throw badRequest([{ field: 'cursor', in: 'querystring', code: 'invalid_cursor', message: 'Ogiltig cursor: använd nextCursor från föregående svar.' }]);
}

/** Translates the list's filters to SQL; unknown codes are the client's error, not an empty list. */
export function activityFilters(db: Db, unitId: number, q: Omit<ActivityListQuery, 'order' | 'limit' | 'cursor' | 'withTotal'>): SQL[] {
  const a = t.activities;
  const where: SQL[] = [eq(a.unitId, unitId)];
  const errors = new FieldErrors();
  if (q.from) where.push(sql`${a.date} >= ${q.from}`);
  if (q.to) where.push(sql`${a.date} <= ${q.to}`);
  if (q.goal !== undefined) {
    const ids = goalIdsForKey(new UnitScope(db, unitId), q.goal);
    if (!ids) errors.add('goal', 'unknown_goal', `Inget mål har nyckeln ${q.goal}.`, 'querystring');
    else where.push(inArray(a.goalId, ids));
  }
  if (q.area !== undefined) {
    const ids = areaIdsWithChildren(new UnitScope(db, unitId), q.area);
    if (!ids) errors.add('area', 'unknown_area', `Inget område har koden ${q.area}.`, 'querystring');
    else where.push(inArray(a.areaId, ids));
  }
  if (q.municipality !== undefined) {
    const m = db.select().from(t.municipalities).where(and(eq(t.municipalities.code, q.municipality), eq(t.municipalities.unitId, unitId))).get();
    if (!m) errors.add('municipality', 'unknown_municipality', `Ingen kommun har koden ${q.municipality}.`, 'querystring');
    else where.push(sql`exists (select 1 from activity_municipalities am where am.activity_id = ${a.id} and am.municipality_id = ${m.id})`);
  }
  const byId = (field: 'staff' | 'type' | 'assignment' | 'planItem', table: typeof t.staff | typeof t.activityTypes | typeof t.assignments | typeof t.planItems, value: number | undefined, what: string) => {
    if (value === undefined) return false;
    const row = db.select({ id: table.id }).from(table).where(and(eq(table.id, value), eq(table.unitId, unitId))).get();
    if (!row) errors.add(field, `unknown_${field === 'planItem' ? 'plan_item' : field}`, `${what} med id ${value} finns inte.`, 'querystring');
    return !!row;
  };
  if (byId('staff', t.staff, q.staff, 'Medarbetare')) {
    where.push(sql`exists (select 1 from activity_staff s where s.activity_id = ${a.id} and s.staff_id = ${q.staff})`);
  }
  if (byId('type', t.activityTypes, q.type, 'Aktivitetstyp')) where.push(eq(a.typeId, q.type!));
  if (byId('assignment', t.assignments, q.assignment, 'Uppdrag')) where.push(eq(a.assignmentId, q.assignment!));
  if (byId('planItem', t.planItems, q.planItem, 'Planpunkt')) where.push(eq(a.planItemId, q.planItem!));
  if (q.q?.trim()) {
    const pattern = `%${q.q.trim().toLocaleLowerCase('sv').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`casefold(${a.title}) like ${pattern} escape '\\'`);
  }
  errors.throwIfAny();
  return where;
}

export function listActivities(db: Db, unitId: number, q: ActivityListQuery) {
  const where = activityFilters(db, unitId, q);
  const a = t.activities;
  const filtered = and(...where);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(q.order === 'asc' ? sql`(${a.date}, ${a.id}) > (${c.date}, ${c.id})` : sql`(${a.date}, ${a.id}) < (${c.date}, ${c.id})`);
  }
  const dir = q.order === 'asc' ? asc : desc;
  const rows = db.select().from(a).where(and(...where)).orderBy(dir(a.date), dir(a.id)).limit(q.limit + 1).all();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor({ date: last.date, id: last.id }) : null;
  const total = q.withTotal === 'true' ? db.select({ n: sql<number>`count(*)` }).from(a).where(filtered).get()!.n : undefined;
  return { items: hydrate(db, loadLookups(db, unitId), page), nextCursor, ...(total === undefined ? {} : { total }) };
}

/**
 * The form's goal suggestion, counted here so the form need not download hundreds of activities for it: per type,
 * the goal key most often recorded with it among the latest activities (by key, so it survives a framework change);
 * a tie goes to the goal used most recently.
 */
export function goalSuggestions(db: Db, unitId: number): GoalSuggestions {
  const a = t.activities;
  const rows = db
    .select({ typeId: a.typeId, goalId: a.goalId })
    .from(a)
    .where(eq(a.unitId, unitId))
    .orderBy(desc(a.date), desc(a.id))
    .limit(SUGGESTION_WINDOW)
    .all();
  const goals = loadLookups(db, unitId).goals;
  // Per type: each goal key's count and the position of its most recent use (rows are newest first).
  const byType = new Map<number, Map<string, { count: number; first: number }>>();
  rows.forEach((row, i) => {
    const key = goals.get(row.goalId)?.key;
    if (key === undefined) return;
    let counts = byType.get(row.typeId);
    if (!counts) byType.set(row.typeId, (counts = new Map()));
    const c = counts.get(key);
    if (c) c.count += 1;
    else counts.set(key, { count: 1, first: i });
  });
  const items: GoalSuggestions['items'] = [];
  for (const [typeId, counts] of byType) {
    let best: { key: string; count: number; first: number } | undefined;
    for (const [key, c] of counts) if (!best || c.count > best.count || (c.count === best.count && c.first < best.first)) best = { key, ...c };
    if (best) items.push({ typeId, goalKey: best.key, count: best.count });
  }
  items.sort((x, y) => x.typeId - y.typeId);
  return { basedOn: rows.length, items };
}
