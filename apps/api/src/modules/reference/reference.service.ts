/** Reference data: read as one bundle for the SPA, and created or edited one resource at a time. */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { nameKey, periodsOverlap, todayInSweden } from '@fou/domain';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write.ts';
import * as t from '../../db/schema.ts';
import type { Principal } from '../../lib/access.ts';
import { recordAudit, type AuditEntity } from '../../lib/audit.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { referenceData } from '../../seed/reference-seed.ts';
import type * as s from './reference.schemas.ts';

type Out<T extends z.ZodType> = z.infer<T>;

export const FORMATS = [
  { code: 'fysiskt', name: 'Fysiskt' },
  { code: 'digitalt', name: 'Digitalt' },
  { code: 'hybrid', name: 'Hybrid' },
] as const;

export function listMunicipalities(db: Db, unitId: number): Out<typeof s.municipality>[] {
  const rows = db.select().from(t.municipalities).where(eq(t.municipalities.unitId, unitId))
    .orderBy(asc(t.municipalities.sortOrder), asc(t.municipalities.id)).all();
  const years = db.select().from(t.municipalityYears).orderBy(asc(t.municipalityYears.year)).all();
  return rows.map((m) => ({
    id: m.id, code: m.code, name: m.name, sortOrder: m.sortOrder, active: m.active,
    years: years.filter((y) => y.municipalityId === m.id).map(({ year, population, feeSek }) => ({ year, population, feeSek })),
  }));
}

export function listAreas(db: Db, unitId: number): Out<typeof s.area>[] {
  const rows = db.select().from(t.areas).where(eq(t.areas.unitId, unitId)).all();
  const parents = new Set(rows.map((r) => r.parentId).filter((p) => p !== null));
  // Groups in their order, each followed by its children: the order the tables and the form show.
  const byOrder = (a: typeof rows[number], b: typeof rows[number]) => a.sortOrder - b.sortOrder || a.id - b.id;
  const ordered = rows.filter((r) => r.parentId === null).sort(byOrder)
    .flatMap((g) => [g, ...rows.filter((r) => r.parentId === g.id).sort(byOrder)]);
  return ordered.map((r) => ({
    id: r.id, code: r.code, name: r.name, reportLabel: r.reportLabel, parentId: r.parentId,
    sortOrder: r.sortOrder, active: r.active, isLeaf: !parents.has(r.id),
  }));
}

export function listGoalFrameworks(db: Db, unitId: number): Out<typeof s.goalFramework>[] {
  const frameworks = db.select().from(t.goalFrameworks).where(eq(t.goalFrameworks.unitId, unitId))
    .orderBy(asc(t.goalFrameworks.validFrom)).all();
  const goals = db.select().from(t.goals).orderBy(asc(t.goals.sortOrder), asc(t.goals.id)).all();
  return frameworks.map((f) => ({
    id: f.id, code: f.code, name: f.name, validFrom: f.validFrom, validTo: f.validTo,
    goals: goals.filter((g) => g.frameworkId === f.id).map((g) => ({
      id: g.id, frameworkId: g.frameworkId, key: g.key, name: g.name, shortName: g.shortName,
      description: g.description, sortOrder: g.sortOrder,
    })),
  }));
}

export function listActivityTypes(db: Db, unitId: number): Out<typeof s.activityType>[] {
  return db.select({ id: t.activityTypes.id, name: t.activityTypes.name, sortOrder: t.activityTypes.sortOrder, active: t.activityTypes.active })
    .from(t.activityTypes).where(eq(t.activityTypes.unitId, unitId))
    .orderBy(asc(t.activityTypes.sortOrder), asc(t.activityTypes.id)).all();
}

export function listAssignments(db: Db, unitId: number): Out<typeof s.assignment>[] {
  return db.select({
    id: t.assignments.id, title: t.assignments.title, description: t.assignments.description, line: t.assignments.line,
    startYear: t.assignments.startYear, endYear: t.assignments.endYear, active: t.assignments.active,
  }).from(t.assignments).where(eq(t.assignments.unitId, unitId)).orderBy(asc(t.assignments.title)).all();
}

export function listStaff(db: Db, unitId: number): Out<typeof s.staffMember>[] {
  return db.select({ id: t.staff.id, name: t.staff.name, title: t.staff.title, active: t.staff.active })
    .from(t.staff).where(eq(t.staff.unitId, unitId)).orderBy(asc(t.staff.name)).all();
}

export function referenceBundle(db: Db, unitId: number): Out<typeof s.referenceBundle> {
  const unit = db.select({ id: t.units.id, code: t.units.code, name: t.units.name }).from(t.units).where(eq(t.units.id, unitId)).get();
  if (!unit) throw notFound('Enheten');
  return {
    unit,
    municipalities: listMunicipalities(db, unitId),
    areas: listAreas(db, unitId),
    goalFrameworks: listGoalFrameworks(db, unitId),
    activityTypes: listActivityTypes(db, unitId),
    assignments: listAssignments(db, unitId),
    staff: listStaff(db, unitId),
    formats: [...FORMATS],
    lines: referenceData.lines as { code: 'forsta' | 'andra'; name: string }[],
  };
}

/**
 * SQLite's UNIQUE violation becomes a 409 that says what already exists. The stable code lets a client tell it
 * from the other 409s here (a third area level, a period overlap) and suggest reactivating the existing one.
 */
function uniqueOr409<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE') throw conflict(`${what} finns redan.`, { code: 'already_exists' });
    throw e;
  }
}

/**
 * Register names are unique per unit regardless of case and Unicode form ("maria" and "Maria", NFC "Å" and
 * NFD "A" + ring): two rows that read alike would split the reports. Checked inside the writing transaction.
 */
function assertNameFree(rows: { id: number; name: string }[], name: string | undefined, what: string, exceptId?: number) {
  if (name === undefined) return;
  const key = nameKey(name);
  const clash = rows.find((r) => r.id !== exceptId && nameKey(r.name) === key);
  if (clash) throw conflict(`${what} ${clash.name} finns redan.`, { code: 'already_exists' });
}
const namesOf = (db: Db, table: typeof t.municipalities | typeof t.areas | typeof t.activityTypes, unitId: number) =>
  db.select({ id: table.id, name: table.name }).from(table).where(eq(table.unitId, unitId)).all();
const assignmentTitles = (db: Db, unitId: number) =>
  db.select({ id: t.assignments.id, name: t.assignments.title }).from(t.assignments).where(eq(t.assignments.unitId, unitId)).all();

const now = () => new Date().toISOString();
const pick = <T extends { id: number }>(list: T[], id: number, what: string): T => {
  const found = list.find((x) => x.id === id);
  if (!found) throw notFound(what);
  return found;
};

// Municipalities
function applyCreateMunicipality(db: Db, unitId: number, input: z.infer<typeof s.municipalityCreate>) {
  assertNameFree(namesOf(db, t.municipalities, unitId), input.name, 'Kommunen');
  const row = uniqueOr409(`Kommunen ${input.name} (koden ${input.code})`, () =>
    db.insert(t.municipalities).values({ unitId, ...input }).returning().get());
  return pick(listMunicipalities(db, unitId), row.id, 'Kommunen');
}
function applyUpdateMunicipality(db: Db, unitId: number, id: number, input: z.infer<typeof s.municipalityUpdate>) {
  assertNameFree(namesOf(db, t.municipalities, unitId), input.name, 'Kommunen', id);
  const res = db.update(t.municipalities).set({ ...input, updatedAt: now() })
    .where(and(eq(t.municipalities.id, id), eq(t.municipalities.unitId, unitId))).run();
  if (res.changes === 0) throw notFound('Kommunen');
  return pick(listMunicipalities(db, unitId), id, 'Kommunen');
}
function applyPutMunicipalityYear(db: Db, unitId: number, id: number, year: number, input: z.infer<typeof s.municipalityYearPut>) {
  pick(listMunicipalities(db, unitId), id, 'Kommunen');
  db.insert(t.municipalityYears).values({ municipalityId: id, year, ...input })
    .onConflictDoUpdate({ target: [t.municipalityYears.municipalityId, t.municipalityYears.year], set: input }).run();
  return pick(listMunicipalities(db, unitId), id, 'Kommunen');
}

// Areas
function applyCreateArea(db: Db, unitId: number, input: z.infer<typeof s.areaCreate>) {
  const id = db.transaction((tx) => {
    assertNameFree(namesOf(tx as unknown as Db, t.areas, unitId), input.name, 'Området');
    if (input.parentId != null) {
      const parent = tx.select().from(t.areas).where(and(eq(t.areas.id, input.parentId), eq(t.areas.unitId, unitId))).get();
      // A reference inside the body is the client's input error (400 on the field), as for activities.
      if (!parent) throw badRequest([{ field: 'parentId', in: 'body', code: 'unknown_area', message: `Det finns inget område med id ${input.parentId}.` }]);
      if (parent.parentId !== null) throw conflict('Områden har två nivåer: ett underområde kan inte ha egna underområden.');
      const used = tx.select({ n: sql<number>`count(*)` }).from(t.activities).where(eq(t.activities.areaId, parent.id)).get();
      if (used && used.n > 0) {
        throw conflict(`${parent.name} har ${used.n} aktiviteter och kan inte få underområden: flytta dem först.`);
      }
      // Plan items must point at an area without children too: adding one would strand them (their next save
      // would be refused). Name them, so the chief knows which to move.
      const items = tx.select({ title: t.planItems.title, year: t.planItems.year }).from(t.planItems)
        .where(eq(t.planItems.areaId, parent.id)).orderBy(asc(t.planItems.year), asc(t.planItems.sortOrder), asc(t.planItems.id)).all();
      if (items.length) {
        const named = items.slice(0, 10).map((i) => `”${i.title}” (${i.year})`).join(', ');
        const more = items.length > 10 ? ` och ${items.length - 10} till` : '';
        throw conflict(`${parent.name} kan inte få underområden: ${items.length === 1 ? 'planpunkten' : `${items.length} planpunkter`} ${named}${more} ${items.length === 1 ? 'hör' : 'hör'} till området. Flytta ${items.length === 1 ? 'den' : 'dem'} till ett annat område först.`, { code: 'area_has_plan_items' });
      }
    }
    const row = uniqueOr409(`Området ${input.name} (koden ${input.code})`, () =>
      tx.insert(t.areas).values({ unitId, ...input, parentId: input.parentId ?? null }).returning().get());
    return row.id;
  });
  return pick(listAreas(db, unitId), id, 'Området');
}
function applyUpdateArea(db: Db, unitId: number, id: number, input: z.infer<typeof s.areaUpdate>) {
  assertNameFree(namesOf(db, t.areas, unitId), input.name, 'Området', id);
  const res = db.update(t.areas).set({ ...input, updatedAt: now() }).where(and(eq(t.areas.id, id), eq(t.areas.unitId, unitId))).run();
  if (res.changes === 0) throw notFound('Området');
  return pick(listAreas(db, unitId), id, 'Området');
}

// Goal frameworks
function assertNoOverlap(db: Db, unitId: number, period: { validFrom: string; validTo: string | null }, exceptId?: number) {
  const others = db.select().from(t.goalFrameworks)
    .where(exceptId === undefined ? eq(t.goalFrameworks.unitId, unitId) : and(eq(t.goalFrameworks.unitId, unitId), ne(t.goalFrameworks.id, exceptId)))
    .all();
  const clash = others.find((o) => periodsOverlap(o, period));
  if (clash) {
    throw conflict(`Perioden överlappar ${clash.name} (${clash.validFrom} – ${clash.validTo ?? 'tills vidare'}): bara ett målramverk kan gälla per dag. Avsluta det först.`);
  }
}
function applyCreateGoalFramework(db: Db, unitId: number, input: z.infer<typeof s.frameworkCreate>) {
  const id = db.transaction((tx) => {
    assertNoOverlap(tx as unknown as Db, unitId, input);
    const fw = uniqueOr409(`Ett målramverk med koden ${input.code}`, () =>
      tx.insert(t.goalFrameworks).values({ unitId, code: input.code, name: input.name, validFrom: input.validFrom, validTo: input.validTo }).returning().get());
    input.goals.forEach((g, i) => tx.insert(t.goals).values({ frameworkId: fw.id, sortOrder: i + 1, ...g }).run());
    return fw.id;
  });
  return pick(listGoalFrameworks(db, unitId), id, 'Målramverket');
}
function applyUpdateGoalFramework(db: Db, unitId: number, id: number, input: z.infer<typeof s.frameworkUpdate>) {
  db.transaction((tx) => {
    const fw = tx.select().from(t.goalFrameworks).where(and(eq(t.goalFrameworks.id, id), eq(t.goalFrameworks.unitId, unitId))).get();
    if (!fw) throw notFound('Målramverket');
    const period = { validFrom: input.validFrom ?? fw.validFrom, validTo: input.validTo === undefined ? fw.validTo : input.validTo };
    if (period.validTo !== null && period.validTo < period.validFrom) {
      throw badRequest([{ field: input.validTo !== undefined ? 'validTo' : 'validFrom', in: 'body', code: 'end_before_start', message: 'Slutdatum får inte vara före startdatum.' }]);
    }
    assertNoOverlap(tx as unknown as Db, unitId, period, id);
    // Activities already recorded under this framework must stay inside its period.
    const outside = tx.select({ n: sql<number>`count(*)` }).from(t.activities)
      .innerJoin(t.goals, eq(t.goals.id, t.activities.goalId))
      .where(and(eq(t.goals.frameworkId, id), sql`(${t.activities.date} < ${period.validFrom} OR ${t.activities.date} > ${period.validTo ?? '9999-12-31'})`))
      .get();
    if (outside && outside.n > 0) {
      throw conflict(`${outside.n} aktiviteter med mål ur ${fw.name} ligger utanför den nya perioden.`);
    }
    // So must plan items: a plan year works under the framework valid on its 1 January.
    const planOutside = tx.select({ n: sql<number>`count(*)` }).from(t.planItems)
      .innerJoin(t.goals, eq(t.goals.id, t.planItems.goalId))
      .where(and(eq(t.goals.frameworkId, id), sql`(printf('%04d-01-01', ${t.planItems.year}) < ${period.validFrom} OR printf('%04d-01-01', ${t.planItems.year}) > ${period.validTo ?? '9999-12-31'})`))
      .get();
    if (planOutside && planOutside.n > 0) {
      throw conflict(`${planOutside.n} planpunkter med mål ur ${fw.name} hör till år utanför den nya perioden.`);
    }
    tx.update(t.goalFrameworks).set({ ...input, updatedAt: now() }).where(eq(t.goalFrameworks.id, id)).run();
  });
  return pick(listGoalFrameworks(db, unitId), id, 'Målramverket');
}
function applyAddGoal(db: Db, unitId: number, frameworkId: number, input: z.infer<typeof s.goalCreate>) {
  pick(listGoalFrameworks(db, unitId), frameworkId, 'Målramverket');
  uniqueOr409(`Ett mål med nyckeln ${input.key} i detta ramverk`, () =>
    db.insert(t.goals).values({ frameworkId, ...input }).run());
  return pick(listGoalFrameworks(db, unitId), frameworkId, 'Målramverket');
}
/**
 * A rename keeps the old name in goal_name_history with today's (Swedish) date as the day it was replaced,
 * so the years before keep their labels in the reports.
 */
export async function updateGoal(db: Db, unitId: number, actor: Principal, goalId: number, input: z.infer<typeof s.goalUpdate>) {
  const goal = db.select({ goal: t.goals }).from(t.goals)
    .innerJoin(t.goalFrameworks, eq(t.goalFrameworks.id, t.goals.frameworkId))
    .where(and(eq(t.goals.id, goalId), eq(t.goalFrameworks.unitId, unitId))).get()?.goal;
  if (!goal) throw notFound('Målet');
  await writeTransaction(db, (tx) => {
    const renamed = (input.name !== undefined && input.name !== goal.name) || (input.shortName !== undefined && input.shortName !== goal.shortName);
    if (renamed) {
      tx.insert(t.goalNameHistory).values({ goalId, name: goal.name, shortName: goal.shortName, replacedOn: todayInSweden() }).run();
    }
    const after = tx.update(t.goals).set({ ...input, updatedAt: now() }).where(eq(t.goals.id, goalId)).returning().get();
    recordAudit(tx as unknown as Db, { unitId, actor, action: 'update', entity: 'goal', entityId: goalId, before: goal, after });
  });
  const fw = pick(listGoalFrameworks(db, unitId), goal.frameworkId, 'Målramverket');
  return pick(fw.goals, goalId, 'Målet');
}

export function goalNames(db: Db, unitId: number, goalId: number): Out<typeof s.goalNames> {
  const goal = db.select({ goal: t.goals }).from(t.goals)
    .innerJoin(t.goalFrameworks, eq(t.goalFrameworks.id, t.goals.frameworkId))
    .where(and(eq(t.goals.id, goalId), eq(t.goalFrameworks.unitId, unitId))).get()?.goal;
  if (!goal) throw notFound('Målet');
  const history = db.select({ name: t.goalNameHistory.name, shortName: t.goalNameHistory.shortName, replacedOn: t.goalNameHistory.replacedOn })
    .from(t.goalNameHistory).where(eq(t.goalNameHistory.goalId, goalId))
    .orderBy(asc(t.goalNameHistory.replacedOn), asc(t.goalNameHistory.id)).all();
  return { goalId, name: goal.name, shortName: goal.shortName, history };
}

// Activity types, assignments, staff: plain named lists.
function applyCreateActivityType(db: Db, unitId: number, input: z.infer<typeof s.activityTypeCreate>) {
  assertNameFree(namesOf(db, t.activityTypes, unitId), input.name, 'Aktivitetstypen');
  const row = uniqueOr409(`Aktivitetstypen ${input.name}`, () => db.insert(t.activityTypes).values({ unitId, ...input }).returning().get());
  return pick(listActivityTypes(db, unitId), row.id, 'Aktivitetstypen');
}
function applyUpdateActivityType(db: Db, unitId: number, id: number, input: z.infer<typeof s.activityTypeUpdate>) {
  assertNameFree(namesOf(db, t.activityTypes, unitId), input.name, 'Aktivitetstypen', id);
  const res = uniqueOr409(`Aktivitetstypen ${input.name}`, () =>
    db.update(t.activityTypes).set({ ...input, updatedAt: now() }).where(and(eq(t.activityTypes.id, id), eq(t.activityTypes.unitId, unitId))).run());
  if (res.changes === 0) throw notFound('Aktivitetstypen');
  return pick(listActivityTypes(db, unitId), id, 'Aktivitetstypen');
}
function assertYearOrder(startYear: number | null | undefined, endYear: number | null | undefined) {
  if (startYear != null && endYear != null && endYear < startYear) {
    throw badRequest([{ field: 'endYear', in: 'body', code: 'end_before_start', message: 'Slutåret får inte vara före startåret.' }]);
  }
}
function applyCreateAssignment(db: Db, unitId: number, input: z.infer<typeof s.assignmentCreate>) {
  assertYearOrder(input.startYear, input.endYear);
  assertNameFree(assignmentTitles(db, unitId), input.title, 'Uppdraget');
  const row = uniqueOr409(`Uppdraget ${input.title}`, () => db.insert(t.assignments).values({ unitId, ...input }).returning().get());
  return pick(listAssignments(db, unitId), row.id, 'Uppdraget');
}
function applyUpdateAssignment(db: Db, unitId: number, id: number, input: z.infer<typeof s.assignmentUpdate>) {
  const current = db.select().from(t.assignments).where(and(eq(t.assignments.id, id), eq(t.assignments.unitId, unitId))).get();
  if (!current) throw notFound('Uppdraget');
  assertYearOrder(input.startYear === undefined ? current.startYear : input.startYear, input.endYear === undefined ? current.endYear : input.endYear);
  assertNameFree(assignmentTitles(db, unitId), input.title, 'Uppdraget', id);
  const res = uniqueOr409(`Uppdraget ${input.title}`, () =>
    db.update(t.assignments).set({ ...input, updatedAt: now() }).where(and(eq(t.assignments.id, id), eq(t.assignments.unitId, unitId))).run());
  if (res.changes === 0) throw notFound('Uppdraget');
  return pick(listAssignments(db, unitId), id, 'Uppdraget');
}
function applyCreateStaff(db: Db, unitId: number, input: z.infer<typeof s.staffCreate>) {
  const row = db.insert(t.staff).values({ unitId, ...input }).returning().get();
  return pick(listStaff(db, unitId), row.id, 'Medarbetaren');
}
function applyUpdateStaff(db: Db, unitId: number, id: number, input: z.infer<typeof s.staffUpdate>) {
  const res = db.update(t.staff).set({ ...input, updatedAt: now() }).where(and(eq(t.staff.id, id), eq(t.staff.unitId, unitId))).run();
  if (res.changes === 0) throw notFound('Medarbetaren');
  return pick(listStaff(db, unitId), id, 'Medarbetaren');
}

// Every change above is written with its audit entry in one transaction; the snapshots are the API's shapes.
type In<K extends keyof typeof s> = (typeof s)[K] extends z.ZodType ? z.infer<(typeof s)[K]> : never;

function audited<T>(
  db: Db, unitId: number, actor: Principal, entity: AuditEntity, entityId: number | null,
  before: () => unknown, change: () => T, after: (result: T) => { id: number; value: unknown },
): Promise<T> {
  return writeTransaction(db, () => {
    const was = entityId === null ? undefined : before();
    const result = change();
    const now = after(result);
    recordAudit(db, { unitId, actor, action: entityId === null ? 'create' : 'update', entity, entityId: now.id, before: was, after: now.value });
    return result;
  });
}
const self = <T extends { id: number }>(r: T) => ({ id: r.id, value: r });
const find = <T extends { id: number }>(list: T[], id: number) => list.find((x) => x.id === id);

export const createMunicipality = (db: Db, unitId: number, actor: Principal, input: In<'municipalityCreate'>) =>
  audited(db, unitId, actor, 'municipality', null, () => undefined, () => applyCreateMunicipality(db, unitId, input), self);
export const updateMunicipality = (db: Db, unitId: number, actor: Principal, id: number, input: In<'municipalityUpdate'>) =>
  audited(db, unitId, actor, 'municipality', id, () => find(listMunicipalities(db, unitId), id), () => applyUpdateMunicipality(db, unitId, id, input), self);
export const putMunicipalityYear = (db: Db, unitId: number, actor: Principal, id: number, year: number, input: In<'municipalityYearPut'>) =>
  audited(db, unitId, actor, 'municipality', id, () => find(listMunicipalities(db, unitId), id), () => applyPutMunicipalityYear(db, unitId, id, year, input), self);
export const createArea = (db: Db, unitId: number, actor: Principal, input: In<'areaCreate'>) =>
  audited(db, unitId, actor, 'area', null, () => undefined, () => applyCreateArea(db, unitId, input), self);
export const updateArea = (db: Db, unitId: number, actor: Principal, id: number, input: In<'areaUpdate'>) =>
  audited(db, unitId, actor, 'area', id, () => find(listAreas(db, unitId), id), () => applyUpdateArea(db, unitId, id, input), self);
export const createGoalFramework = (db: Db, unitId: number, actor: Principal, input: In<'frameworkCreate'>) =>
  audited(db, unitId, actor, 'goal_framework', null, () => undefined, () => applyCreateGoalFramework(db, unitId, input), self);
export const updateGoalFramework = (db: Db, unitId: number, actor: Principal, id: number, input: In<'frameworkUpdate'>) =>
  audited(db, unitId, actor, 'goal_framework', id, () => find(listGoalFrameworks(db, unitId), id), () => applyUpdateGoalFramework(db, unitId, id, input), self);
export const addGoal = (db: Db, unitId: number, actor: Principal, frameworkId: number, input: In<'goalCreate'>) =>
  audited(db, unitId, actor, 'goal', null, () => undefined, () => applyAddGoal(db, unitId, frameworkId, input), (fw) => {
    const goal = fw.goals.find((g) => g.key === input.key)!;
    return { id: goal.id, value: goal };
  });
export const createActivityType = (db: Db, unitId: number, actor: Principal, input: In<'activityTypeCreate'>) =>
  audited(db, unitId, actor, 'activity_type', null, () => undefined, () => applyCreateActivityType(db, unitId, input), self);
export const updateActivityType = (db: Db, unitId: number, actor: Principal, id: number, input: In<'activityTypeUpdate'>) =>
  audited(db, unitId, actor, 'activity_type', id, () => find(listActivityTypes(db, unitId), id), () => applyUpdateActivityType(db, unitId, id, input), self);
export const createAssignment = (db: Db, unitId: number, actor: Principal, input: In<'assignmentCreate'>) =>
  audited(db, unitId, actor, 'assignment', null, () => undefined, () => applyCreateAssignment(db, unitId, input), self);
export const updateAssignment = (db: Db, unitId: number, actor: Principal, id: number, input: In<'assignmentUpdate'>) =>
  audited(db, unitId, actor, 'assignment', id, () => find(listAssignments(db, unitId), id), () => applyUpdateAssignment(db, unitId, id, input), self);
export const createStaff = (db: Db, unitId: number, actor: Principal, input: In<'staffCreate'>) =>
  audited(db, unitId, actor, 'staff', null, () => undefined, () => applyCreateStaff(db, unitId, input), self);
export const updateStaff = (db: Db, unitId: number, actor: Principal, id: number, input: In<'staffUpdate'>) =>
  audited(db, unitId, actor, 'staff', id, () => find(listStaff(db, unitId), id), () => applyUpdateStaff(db, unitId, id, input), self);

// Lookups the list filters share (activities, plan items): a goal key spans every framework, an area group
// spans its children. Both give undefined for a key or code the unit does not have.
export function goalIdsForKey(db: Db, unitId: number, key: string): number[] | undefined {
  const ids = db.select({ id: t.goals.id }).from(t.goals).innerJoin(t.goalFrameworks, eq(t.goalFrameworks.id, t.goals.frameworkId))
    .where(and(eq(t.goals.key, key), eq(t.goalFrameworks.unitId, unitId))).all().map((g) => g.id);
  return ids.length ? ids : undefined;
}
export function areaIdsWithChildren(db: Db, unitId: number, code: string): number[] | undefined {
  const area = db.select({ id: t.areas.id }).from(t.areas).where(and(eq(t.areas.code, code), eq(t.areas.unitId, unitId))).get();
  if (!area) return undefined;
  return [area.id, ...db.select({ id: t.areas.id }).from(t.areas).where(eq(t.areas.parentId, area.id)).all().map((c) => c.id)];
}
