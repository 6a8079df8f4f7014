/** Reference data: read as one bundle for the SPA, and created or edited one resource at a time. */
import type { z } from 'zod';
import { nameKey, periodsOverlap, todayInSweden } from '@fou/domain';
import type { UnitScope } from '../../db/unit-scope.ts';
import type { Principal } from '../../lib/access.ts';
import { auditRepository, type AuditEntity } from '../audit/audit.repository.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { referenceData } from '../../seed/reference-seed.ts';
import { referenceRepository, type AreaRow, type GoalRow } from './reference.repository.ts';
import type * as s from './reference.schemas.ts';

type Out<T extends z.ZodType> = z.infer<T>;
type In<K extends keyof typeof s> = (typeof s)[K] extends z.ZodType ? z.infer<(typeof s)[K]> : never;

export const FORMATS = [
  { code: 'fysiskt', name: 'Fysiskt', nameEn: 'In person' },
  { code: 'digitalt', name: 'Digitalt', nameEn: 'Online' },
  { code: 'hybrid', name: 'Hybrid', nameEn: 'Hybrid' },
] as const;

const repo = (scope: UnitScope) => scope.repo(referenceRepository);

export function listMunicipalities(scope: UnitScope): Out<typeof s.municipality>[] {
  const r = repo(scope);
  const years = r.municipalityYears();
  return r.municipalities().map((m) => ({
    id: m.id, code: m.code, name: m.name, sortOrder: m.sortOrder, active: m.active,
    years: years.filter((y) => y.municipalityId === m.id).map(({ year, population, feeSek }) => ({ year, population, feeSek })),
  }));
}

export function listAreas(scope: UnitScope): Out<typeof s.area>[] {
  const rows = repo(scope).areas();
  const parents = new Set(rows.map((r) => r.parentId).filter((p) => p !== null));
  // Groups in their order, each followed by its children: the order the tables and the form show.
  const byOrder = (a: AreaRow, b: AreaRow) => a.sortOrder - b.sortOrder || a.id - b.id;
  const ordered = rows.filter((r) => r.parentId === null).sort(byOrder)
    .flatMap((g) => [g, ...rows.filter((r) => r.parentId === g.id).sort(byOrder)]);
  return ordered.map((r) => ({
    id: r.id, code: r.code, name: r.name, nameEn: r.nameEn, reportLabel: r.reportLabel, parentId: r.parentId,
    sortOrder: r.sortOrder, active: r.active, isLeaf: !parents.has(r.id),
  }));
}

const toGoal = (g: GoalRow): Out<typeof s.goal> => ({
  id: g.id, frameworkId: g.frameworkId, key: g.key, name: g.name, shortName: g.shortName, nameEn: g.nameEn, description: g.description, sortOrder: g.sortOrder,
});

export function listGoalFrameworks(scope: UnitScope): Out<typeof s.goalFramework>[] {
  const r = repo(scope);
  const goals = r.goals();
  return r.frameworks().map((f) => ({
    id: f.id, code: f.code, name: f.name, nameEn: f.nameEn, validFrom: f.validFrom, validTo: f.validTo,
    goals: goals.filter((g) => g.frameworkId === f.id).map(toGoal),
  }));
}

export function listActivityTypes(scope: UnitScope): Out<typeof s.activityType>[] {
  return repo(scope).activityTypes().map(({ id, name, nameEn, sortOrder, active }) => ({ id, name, nameEn, sortOrder, active }));
}

export function listTargetGroups(scope: UnitScope): Out<typeof s.targetGroup>[] {
  return repo(scope).targetGroups().map(({ id, key, name, nameEn, sortOrder, active }) => ({ id, key, name, nameEn, sortOrder, active }));
}

export function listAssignments(scope: UnitScope): Out<typeof s.assignment>[] {
  return repo(scope).assignments().map(({ id, title, description, line, startYear, endYear, active }) => ({ id, title, description, line, startYear, endYear, active }));
}

export function listStaff(scope: UnitScope): Out<typeof s.staffMember>[] {
  return repo(scope).staff().map(({ id, name, title, active }) => ({ id, name, title, active }));
}

export function referenceBundle(scope: UnitScope): Out<typeof s.referenceBundle> {
  const unit = repo(scope).unit();
  if (!unit) throw notFound('Enheten');
  return {
    unit,
    municipalities: listMunicipalities(scope),
    areas: listAreas(scope),
    goalFrameworks: listGoalFrameworks(scope),
    activityTypes: listActivityTypes(scope),
    targetGroups: listTargetGroups(scope),
    assignments: listAssignments(scope),
    staff: listStaff(scope),
    formats: [...FORMATS],
    lines: referenceData.lines as { code: 'forsta' | 'andra'; name: string; nameEn: string }[],
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
    if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE') throw conflict(`${what} finns redan.`, 'already_exists');
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
  if (clash) throw conflict(`${what} ${clash.name} finns redan.`, 'already_exists', { params: { name: clash.name } });
}

const pick = <T extends { id: number }>(list: T[], id: number, what: string): T => {
  const found = list.find((x) => x.id === id);
  if (!found) throw notFound(what);
  return found;
};

// Municipalities
function applyCreateMunicipality(scope: UnitScope, input: In<'municipalityCreate'>) {
  const r = repo(scope);
  assertNameFree(r.municipalities(), input.name, 'Kommunen');
  const row = uniqueOr409(`Kommunen ${input.name} (koden ${input.code})`, () => r.insertMunicipality(input));
  return pick(listMunicipalities(scope), row.id, 'Kommunen');
}
function applyUpdateMunicipality(scope: UnitScope, id: number, input: In<'municipalityUpdate'>) {
  const r = repo(scope);
  assertNameFree(r.municipalities(), input.name, 'Kommunen', id);
  if (!r.updateMunicipality(id, input)) throw notFound('Kommunen');
  return pick(listMunicipalities(scope), id, 'Kommunen');
}
function applyPutMunicipalityYear(scope: UnitScope, id: number, year: number, input: In<'municipalityYearPut'>) {
  if (!repo(scope).putMunicipalityYear(id, year, input)) throw notFound('Kommunen');
  return pick(listMunicipalities(scope), id, 'Kommunen');
}

// Areas
function applyCreateArea(scope: UnitScope, input: In<'areaCreate'>) {
  const r = repo(scope);
  assertNameFree(r.areas(), input.name, 'Området');
  if (input.parentId != null) {
    // Another unit's area reads as absent here: a reference inside the body is the client's input error (400
    // on the field), as for activities.
    const parent = r.area(input.parentId);
    if (!parent) throw badRequest([{ field: 'parentId', in: 'body', code: 'unknown_area', message: `Det finns inget område med id ${input.parentId}.` }]);
    if (parent.parentId !== null) throw conflict('Områden har två nivåer: ett underområde kan inte ha egna underområden.', 'area_too_deep');
    const used = r.activityCountInArea(parent.id);
    if (used > 0) throw conflict(`${parent.name} har ${used} aktiviteter och kan inte få underområden: flytta dem först.`, 'area_has_activities', { params: { name: parent.name, count: used } });
    // Plan items must point at an area without children too: adding one would strand them (their next save
    // would be refused). Name them, so the chief knows which to move.
    const items = r.planItemsInArea(parent.id);
    if (items.length) {
      const named = items.slice(0, 10).map((i) => `”${i.title}” (${i.year})`).join(', ');
      const more = items.length > 10 ? ` och ${items.length - 10} till` : '';
      throw conflict(`${parent.name} kan inte få underområden: ${items.length === 1 ? 'planpunkten' : `${items.length} planpunkter`} ${named}${more} hör till området. Flytta ${items.length === 1 ? 'den' : 'dem'} till ett annat område först.`, 'area_has_plan_items', { params: { name: parent.name, count: items.length, items: items.slice(0, 10).map((i) => `”${i.title}” (${i.year})`).join(', ') } });
    }
  }
  const row = uniqueOr409(`Området ${input.name} (koden ${input.code})`, () => r.insertArea({ ...input, parentId: input.parentId ?? null }));
  return pick(listAreas(scope), row.id, 'Området');
}
function applyUpdateArea(scope: UnitScope, id: number, input: In<'areaUpdate'>) {
  const r = repo(scope);
  assertNameFree(r.areas(), input.name, 'Området', id);
  if (!r.updateArea(id, input)) throw notFound('Området');
  return pick(listAreas(scope), id, 'Området');
}

// Goal frameworks
function assertNoOverlap(scope: UnitScope, period: { validFrom: string; validTo: string | null }, exceptId?: number) {
  const clash = repo(scope).frameworksExcept(exceptId).find((o) => periodsOverlap(o, period));
  if (clash) {
    throw conflict(`Perioden överlappar ${clash.name} (${clash.validFrom} – ${clash.validTo ?? 'tills vidare'}): bara ett målramverk kan gälla per dag. Avsluta det först.`, 'framework_overlap', { params: { name: clash.name, from: clash.validFrom, ...(clash.validTo ? { to: clash.validTo } : {}) } });
  }
}
function applyCreateGoalFramework(scope: UnitScope, input: In<'frameworkCreate'>) {
  const r = repo(scope);
  assertNoOverlap(scope, input);
  const fw = uniqueOr409(`Ett målramverk med koden ${input.code}`, () =>
    r.insertFramework({ code: input.code, name: input.name, validFrom: input.validFrom, validTo: input.validTo }));
  input.goals.forEach((g, i) => r.insertGoal(fw.id, { sortOrder: i + 1, ...g }));
  return pick(listGoalFrameworks(scope), fw.id, 'Målramverket');
}
function applyUpdateGoalFramework(scope: UnitScope, id: number, input: In<'frameworkUpdate'>) {
  const r = repo(scope);
  const fw = r.framework(id);
  if (!fw) throw notFound('Målramverket');
  const period = { validFrom: input.validFrom ?? fw.validFrom, validTo: input.validTo === undefined ? fw.validTo : input.validTo };
  if (period.validTo !== null && period.validTo < period.validFrom) {
    throw badRequest([{ field: input.validTo !== undefined ? 'validTo' : 'validFrom', in: 'body', code: 'end_before_start', message: 'Slutdatum får inte vara före startdatum.' }]);
  }
  assertNoOverlap(scope, period, id);
  // Activities already recorded under this framework must stay inside its period.
  const outside = r.activitiesOutside(id, period);
  if (outside > 0) throw conflict(`${outside} aktiviteter med mål ur ${fw.name} ligger utanför den nya perioden.`, 'activities_outside_period', { params: { name: fw.name, count: outside } });
  // So must plan items: a plan year works under the framework valid on its 1 January.
  const planOutside = r.planItemsOutside(id, period);
  if (planOutside > 0) throw conflict(`${planOutside} planpunkter med mål ur ${fw.name} hör till år utanför den nya perioden.`, 'plan_items_outside_period', { params: { name: fw.name, count: planOutside } });
  r.updateFramework(id, input);
  return pick(listGoalFrameworks(scope), id, 'Målramverket');
}
function applyAddGoal(scope: UnitScope, frameworkId: number, input: In<'goalCreate'>) {
  const goal = uniqueOr409(`Ett mål med nyckeln ${input.key} i detta ramverk`, () => repo(scope).insertGoal(frameworkId, input));
  if (!goal) throw notFound('Målramverket');
  return pick(listGoalFrameworks(scope), frameworkId, 'Målramverket');
}

/**
 * A rename keeps the old name in goal_name_history with today's (Swedish) date as the day it was replaced,
 * so the years before keep their labels in the reports.
 */
export async function updateGoal(scope: UnitScope, actor: Principal, goalId: number, input: In<'goalUpdate'>): Promise<Out<typeof s.goal>> {
  const r = repo(scope);
  return scope.write(() => {
    const goal = r.goal(goalId);
    if (!goal) throw notFound('Målet');
    const renamed = (input.name !== undefined && input.name !== goal.name) || (input.shortName !== undefined && input.shortName !== goal.shortName);
    if (renamed) r.keepGoalName(goalId, todayInSweden());
    const after = r.updateGoal(goalId, input)!;
    scope.repo(auditRepository).record({ actor, action: 'update', entity: 'goal', entityId: goalId, before: goal, after });
    return toGoal(after);
  });
}

export function goalNames(scope: UnitScope, goalId: number): Out<typeof s.goalNames> {
  const r = repo(scope);
  const goal = r.goal(goalId);
  if (!goal) throw notFound('Målet');
  return { goalId, name: goal.name, shortName: goal.shortName, history: r.goalNameHistory(goalId) };
}

// Activity types, assignments, staff: plain named lists.
function applyCreateActivityType(scope: UnitScope, input: In<'activityTypeCreate'>) {
  const r = repo(scope);
  assertNameFree(r.activityTypes(), input.name, 'Aktivitetstypen');
  const row = uniqueOr409(`Aktivitetstypen ${input.name}`, () => r.insertActivityType(input));
  return pick(listActivityTypes(scope), row.id, 'Aktivitetstypen');
}
function applyUpdateActivityType(scope: UnitScope, id: number, input: In<'activityTypeUpdate'>) {
  const r = repo(scope);
  assertNameFree(r.activityTypes(), input.name, 'Aktivitetstypen', id);
  if (!uniqueOr409(`Aktivitetstypen ${input.name}`, () => r.updateActivityType(id, input))) throw notFound('Aktivitetstypen');
  return pick(listActivityTypes(scope), id, 'Aktivitetstypen');
}
function applyCreateTargetGroup(scope: UnitScope, input: In<'targetGroupCreate'>) {
  const r = repo(scope);
  assertNameFree(r.targetGroups(), input.name, 'Målgruppen');
  const sortOrder = input.sortOrder ?? Math.max(0, ...r.targetGroups().map((g) => g.sortOrder)) + 1;
  const row = uniqueOr409(`Målgruppen ${input.name}`, () => r.insertTargetGroup({ ...input, sortOrder }));
  return pick(listTargetGroups(scope), row.id, 'Målgruppen');
}
function applyUpdateTargetGroup(scope: UnitScope, id: number, input: In<'targetGroupUpdate'>) {
  const r = repo(scope);
  assertNameFree(r.targetGroups(), input.name, 'Målgruppen', id);
  // A rename keeps the key: the group stays the standard one it was seeded as.
  if (!uniqueOr409(`Målgruppen ${input.name}`, () => r.updateTargetGroup(id, input))) throw notFound('Målgruppen');
  return pick(listTargetGroups(scope), id, 'Målgruppen');
}
function assertYearOrder(startYear: number | null | undefined, endYear: number | null | undefined) {
  if (startYear != null && endYear != null && endYear < startYear) {
    throw badRequest([{ field: 'endYear', in: 'body', code: 'end_before_start', message: 'Slutåret får inte vara före startåret.' }]);
  }
}
const titles = (scope: UnitScope) => repo(scope).assignments().map((a) => ({ id: a.id, name: a.title }));
function applyCreateAssignment(scope: UnitScope, input: In<'assignmentCreate'>) {
  assertYearOrder(input.startYear, input.endYear);
  assertNameFree(titles(scope), input.title, 'Uppdraget');
  const row = uniqueOr409(`Uppdraget ${input.title}`, () => repo(scope).insertAssignment(input));
  return pick(listAssignments(scope), row.id, 'Uppdraget');
}
function applyUpdateAssignment(scope: UnitScope, id: number, input: In<'assignmentUpdate'>) {
  const r = repo(scope);
  const current = r.assignment(id);
  if (!current) throw notFound('Uppdraget');
  assertYearOrder(input.startYear === undefined ? current.startYear : input.startYear, input.endYear === undefined ? current.endYear : input.endYear);
  assertNameFree(titles(scope), input.title, 'Uppdraget', id);
  if (!uniqueOr409(`Uppdraget ${input.title}`, () => r.updateAssignment(id, input))) throw notFound('Uppdraget');
  return pick(listAssignments(scope), id, 'Uppdraget');
}
/**
 * Unlike the other registers, two people may really share a name, so a namesake is not refused outright: the
 * 409 (code duplicate_name) lets the client warn, and the same request with confirmDuplicateName: true saves.
 * Checked inside the writing transaction, against active and inactive staff alike.
 */
function assertNoNamesake(scope: UnitScope, input: { name?: string; confirmDuplicateName?: boolean }, exceptId?: number) {
  if (input.name === undefined || input.confirmDuplicateName) return;
  const key = nameKey(input.name);
  const clash = repo(scope).staff().find((s) => s.id !== exceptId && nameKey(s.name) === key);
  if (!clash) return;
  const who = `${clash.name}${clash.title ? ` (${clash.title})` : ''}${clash.active ? '' : ', inaktiv'}`;
  throw conflict(`Det finns redan en medarbetare som heter ${who}. Skicka confirmDuplicateName: true för att spara ändå.`, 'duplicate_name', { params: { name: who } });
}
function applyCreateStaff(scope: UnitScope, { confirmDuplicateName, ...values }: In<'staffCreate'>) {
  assertNoNamesake(scope, { name: values.name, confirmDuplicateName });
  const row = repo(scope).insertStaff(values);
  return pick(listStaff(scope), row.id, 'Medarbetaren');
}
function applyUpdateStaff(scope: UnitScope, id: number, { confirmDuplicateName, ...values }: In<'staffUpdate'>) {
  const current = repo(scope).staffMember(id);
  if (!current) throw notFound('Medarbetaren');
  // Keeping one's own name (a title change) is no new clash.
  if (values.name !== undefined && nameKey(values.name) !== nameKey(current.name)) assertNoNamesake(scope, { name: values.name, confirmDuplicateName }, id);
  if (!repo(scope).updateStaff(id, values)) throw notFound('Medarbetaren');
  return pick(listStaff(scope), id, 'Medarbetaren');
}

// Every change above is written with its audit entry in one transaction; the snapshots are the API's shapes.
function audited<T>(
  scope: UnitScope, actor: Principal, entity: AuditEntity, entityId: number | null,
  before: () => unknown, change: () => T, after: (result: T) => { id: number; value: unknown },
): Promise<T> {
  return scope.write(() => {
    const was = entityId === null ? undefined : before();
    const result = change();
    const now = after(result);
    scope.repo(auditRepository).record({ actor, action: entityId === null ? 'create' : 'update', entity, entityId: now.id, before: was, after: now.value });
    return result;
  });
}
const self = <T extends { id: number }>(r: T) => ({ id: r.id, value: r });
const find = <T extends { id: number }>(list: T[], id: number) => list.find((x) => x.id === id);

export const createMunicipality = (scope: UnitScope, actor: Principal, input: In<'municipalityCreate'>) =>
  audited(scope, actor, 'municipality', null, () => undefined, () => applyCreateMunicipality(scope, input), self);
export const updateMunicipality = (scope: UnitScope, actor: Principal, id: number, input: In<'municipalityUpdate'>) =>
  audited(scope, actor, 'municipality', id, () => find(listMunicipalities(scope), id), () => applyUpdateMunicipality(scope, id, input), self);
export const putMunicipalityYear = (scope: UnitScope, actor: Principal, id: number, year: number, input: In<'municipalityYearPut'>) =>
  audited(scope, actor, 'municipality', id, () => find(listMunicipalities(scope), id), () => applyPutMunicipalityYear(scope, id, year, input), self);
export const createArea = (scope: UnitScope, actor: Principal, input: In<'areaCreate'>) =>
  audited(scope, actor, 'area', null, () => undefined, () => applyCreateArea(scope, input), self);
export const updateArea = (scope: UnitScope, actor: Principal, id: number, input: In<'areaUpdate'>) =>
  audited(scope, actor, 'area', id, () => find(listAreas(scope), id), () => applyUpdateArea(scope, id, input), self);
export const createGoalFramework = (scope: UnitScope, actor: Principal, input: In<'frameworkCreate'>) =>
  audited(scope, actor, 'goal_framework', null, () => undefined, () => applyCreateGoalFramework(scope, input), self);
export const updateGoalFramework = (scope: UnitScope, actor: Principal, id: number, input: In<'frameworkUpdate'>) =>
  audited(scope, actor, 'goal_framework', id, () => find(listGoalFrameworks(scope), id), () => applyUpdateGoalFramework(scope, id, input), self);
export const addGoal = (scope: UnitScope, actor: Principal, frameworkId: number, input: In<'goalCreate'>) =>
  audited(scope, actor, 'goal', null, () => undefined, () => applyAddGoal(scope, frameworkId, input), (fw) => {
    const goal = fw.goals.find((g) => g.key === input.key)!;
    return { id: goal.id, value: goal };
  });
export const createActivityType = (scope: UnitScope, actor: Principal, input: In<'activityTypeCreate'>) =>
  audited(scope, actor, 'activity_type', null, () => undefined, () => applyCreateActivityType(scope, input), self);
export const updateActivityType = (scope: UnitScope, actor: Principal, id: number, input: In<'activityTypeUpdate'>) =>
  audited(scope, actor, 'activity_type', id, () => find(listActivityTypes(scope), id), () => applyUpdateActivityType(scope, id, input), self);
export const createTargetGroup = (scope: UnitScope, actor: Principal, input: In<'targetGroupCreate'>) =>
  audited(scope, actor, 'target_group', null, () => undefined, () => applyCreateTargetGroup(scope, input), self);
export const updateTargetGroup = (scope: UnitScope, actor: Principal, id: number, input: In<'targetGroupUpdate'>) =>
  audited(scope, actor, 'target_group', id, () => find(listTargetGroups(scope), id), () => applyUpdateTargetGroup(scope, id, input), self);
export const createAssignment = (scope: UnitScope, actor: Principal, input: In<'assignmentCreate'>) =>
  audited(scope, actor, 'assignment', null, () => undefined, () => applyCreateAssignment(scope, input), self);
export const updateAssignment = (scope: UnitScope, actor: Principal, id: number, input: In<'assignmentUpdate'>) =>
  audited(scope, actor, 'assignment', id, () => find(listAssignments(scope), id), () => applyUpdateAssignment(scope, id, input), self);
export const createStaff = (scope: UnitScope, actor: Principal, input: In<'staffCreate'>) =>
  audited(scope, actor, 'staff', null, () => undefined, () => applyCreateStaff(scope, input), self);
export const updateStaff = (scope: UnitScope, actor: Principal, id: number, input: In<'staffUpdate'>) =>
  audited(scope, actor, 'staff', id, () => find(listStaff(scope), id), () => applyUpdateStaff(scope, id, input), self);

// Lookups the list filters share (activities, plan items, reports): a goal key spans every framework, an area
// group spans its children. Both give undefined for a key or code the unit does not have.
export function goalIdsForKey(scope: UnitScope, key: string): number[] | undefined {
  return scope.cached('goal-ids-by-key', () => repo(scope).goalIdsByKey()).get(key);
}
export function areaIdsWithChildren(scope: UnitScope, code: string): number[] | undefined {
  return scope.cached('area-ids-by-code', () => repo(scope).areaIdsByCode()).get(code);
}
