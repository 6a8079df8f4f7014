/** Activities: the rules of a valid record (its storage is activity.repository.ts). */
import type { SQL } from 'drizzle-orm';
import { activityDateProblem, canEditActivity, checkParticipantSplit, frameworkForDate, titleKey, yearOf } from '@fou/domain';
import type { UnitScope } from '../../db/unit-scope.ts';
import type { Principal } from '../../lib/access.ts';
import { ApiError, badRequest, conflict, FieldErrors, notFound } from '../../lib/errors.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { assertYearOpen } from '../period-locks/period-lock.service.ts';
import { activityRepository, type ActivityFilter, type ActivityRow, type LinkValues, type ReferenceRows } from './activity.repository.ts';
import { countOverrides, overriddenKinds } from './text-warnings.service.ts';
import { dateProblemMessage, EXPORT_MAX_ROWS, SUGGESTION_WINDOW, type Activity, type ActivityExportQuery, type ActivityInput, type ActivityListQuery, type ActivityUpdate, type GoalSuggestions, type SimilarActivities, type SimilarQuery } from './activity.schemas.ts';

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
  targetGroups: Map<number, { id: number; key: string | null; name: string }>;
  /** Each target group's place in the register's order. */
  targetGroupRank: Map<number, number>;
  /** Each municipality's place in the unit's order, for sorting an activity's municipalities. */
  municipalityRank: Map<number, number>;
  /** Deactivated rows: kept on the activities that have them, not offered for new ones. */
  inactive: Record<'areas' | 'types' | 'assignments' | 'municipalities' | 'staff' | 'targetGroups', Set<number>>;
}

export function loadLookups(scope: UnitScope): Lookups {
  return scope.cached('activity-lookups', () => toLookups(scope.repo(activityRepository).referenceRows()));
}

function toLookups(rows: ReferenceRows): Lookups {
  const parents = new Set(rows.areas.map((a) => a.parentId));
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((r) => [r.id, r]));
  const inactive = (list: { id: number; active: boolean }[]) => new Set(list.filter((r) => !r.active).map((r) => r.id));
  const municipalities = byId(rows.municipalities);
  return {
    frameworks: rows.frameworks,
    goals: byId(rows.goals),
    areas: byId(rows.areas.map((a) => ({ id: a.id, code: a.code, name: a.name, parentId: a.parentId, isLeaf: !parents.has(a.id) }))),
    types: byId(rows.types.map(({ id, name }) => ({ id, name }))),
    assignments: byId(rows.assignments.map(({ id, title }) => ({ id, title }))),
    municipalities,
    municipalityRank: new Map([...municipalities.keys()].map((id, i) => [id, i])),
    staff: byId(rows.staff.map(({ id, name }) => ({ id, name }))),
    planItems: byId(rows.planItems),
    targetGroups: byId(rows.targetGroups.map(({ id, key, name }) => ({ id, key, name }))),
    targetGroupRank: new Map(rows.targetGroups.map((g, i) => [g.id, i])),
    inactive: {
      areas: inactive(rows.areas), types: inactive(rows.types), assignments: inactive(rows.assignments),
      municipalities: inactive(rows.municipalities), staff: inactive(rows.staff), targetGroups: inactive(rows.targetGroups),
    },
  };
}

/** What an activity already points to: a deactivated row it has may stay on it through a change. */
interface Current { areaId: number; typeId: number; assignmentId: number | null; municipalityIds: number[]; staffIds: number[]; targetGroupIds: number[] }

/**
 * Checks every reference in the input against the unit's data; reports all failing fields at once. A deactivated
 * staff member, type, assignment, municipality or area is refused unless the activity already had it (`current`).
 */
function resolveInput(lk: Lookups, input: ActivityInput, current?: Current) {
  const errors = new FieldErrors();
  const deactivated = (kind: keyof Lookups['inactive'], id: number, had: readonly (number | null)[] = []) => lk.inactive[kind].has(id) && !had.includes(id);
  const goal = lk.goals.get(input.goalId);
  const framework = frameworkForDate(lk.frameworks, input.date);
  // Before the unit's first framework the date is what is wrong (the follow-up had not begun), not the goal.
  const followUpStart = lk.frameworks.reduce<string | undefined>((first, f) => (first === undefined || f.validFrom < first ? f.validFrom : first), undefined);
  const beforeFollowUp = followUpStart !== undefined && activityDateProblem(input.date, { followUpStart }) === 'date_before_follow_up';
  if (beforeFollowUp) errors.add('date', 'date_before_follow_up', dateProblemMessage('date_before_follow_up', followUpStart), 'body', { start: followUpStart! });
  if (!goal) errors.add('goalId', 'unknown_goal', `Det finns inget mål med id ${input.goalId}.`);
  else if (!framework) {
    if (!beforeFollowUp) errors.add('goalId', 'no_framework_for_date', `Inget målramverk gäller ${input.date}.`, 'body', { date: input.date });
  } else if (goal.frameworkId !== framework.id) {
    errors.add('goalId', 'goal_not_valid_for_date', `Målet hör till ${goal.frameworkCode}, men på ${input.date} gäller ${framework.name}: välj ett av dess mål.`, 'body', { framework: framework.name, date: input.date });
  }
  const area = lk.areas.get(input.areaId);
  if (!area) errors.add('areaId', 'unknown_area', `Det finns inget område med id ${input.areaId}.`);
  else if (!area.isLeaf) errors.add('areaId', 'area_has_children', `${area.name} har underområden: välj ett av dem.`, 'body', { name: area.name });
  else if (deactivated('areas', area.id, [current?.areaId ?? null])) errors.add('areaId', 'inactive', `Området ${area.name} används inte längre: välj ett annat.`, 'body', { name: area.name });
  const type = lk.types.get(input.typeId);
  if (!type) errors.add('typeId', 'unknown_type', `Det finns ingen aktivitetstyp med id ${input.typeId}.`);
  else if (deactivated('types', type.id, [current?.typeId ?? null])) errors.add('typeId', 'inactive', `Aktivitetstypen ${type.name} används inte längre: välj en annan.`, 'body', { name: type.name });
  if (input.assignmentId != null) {
    const assignment = lk.assignments.get(input.assignmentId);
    if (!assignment) errors.add('assignmentId', 'unknown_assignment', `Det finns inget uppdrag med id ${input.assignmentId}.`);
    else if (deactivated('assignments', assignment.id, [current?.assignmentId ?? null])) {
      errors.add('assignmentId', 'inactive', `Uppdraget ${assignment.title} är avslutat: nya aktiviteter kan inte kopplas till det.`, 'body', { name: assignment.title });
    }
  }
  if (input.planItemId != null) {
    const item = lk.planItems.get(input.planItemId);
    if (!item) errors.add('planItemId', 'unknown_plan_item', `Det finns ingen planpunkt med id ${input.planItemId}.`);
    else if (item.year !== yearOf(input.date)) {
      errors.add('planItemId', 'plan_item_other_year', `Planpunkten hör till planen för ${item.year}, men aktiviteten är från ${yearOf(input.date)}: välj en punkt ur årets plan.`, 'body', { planYear: item.year, year: yearOf(input.date) });
    }
  }
  input.municipalityIds.forEach((m, i) => {
    const municipality = lk.municipalities.get(m);
    if (!municipality) errors.add(`municipalityIds.${i}`, 'unknown_municipality', `Det finns ingen kommun med id ${m}.`);
    else if (deactivated('municipalities', m, current?.municipalityIds)) errors.add(`municipalityIds.${i}`, 'inactive', `${municipality.name} är inte längre ägarkommun.`, 'body', { name: municipality.name });
  });
  input.staffIds.forEach((s, i) => {
    const member = lk.staff.get(s);
    if (!member) errors.add(`staffIds.${i}`, 'unknown_staff', `Det finns ingen medarbetare med id ${s}.`);
    else if (deactivated('staff', s, current?.staffIds)) errors.add(`staffIds.${i}`, 'inactive', `${member.name} är inaktiverad och kan inte stå på nya aktiviteter.`, 'body', { name: member.name });
  });
  (input.targetGroupIds ?? []).forEach((g, i) => {
    const group = lk.targetGroups.get(g);
    if (!group) errors.add(`targetGroupIds.${i}`, 'unknown_target_group', `Det finns ingen målgrupp med id ${g}.`);
    else if (deactivated('targetGroups', g, current?.targetGroupIds)) errors.add(`targetGroupIds.${i}`, 'inactive', `Målgruppen ${group.name} används inte längre.`, 'body', { name: group.name });
  });
  // Every activity accounts for a municipality: at least one, or the explicit choice "ingen ägarkommun".
  const namesOne = input.municipalityIds.length > 0 || input.allMunicipalities === true;
  if (input.noOwnerMunicipality && namesOne) {
    errors.add('noOwnerMunicipality', 'conflicts_with_municipalities', 'Välj antingen kommuner eller Ingen ägarkommun, inte båda.');
  } else if (!input.noOwnerMunicipality && !namesOne) {
    errors.add('municipalityIds', 'municipality_required', 'Välj minst en kommun, eller Ingen ägarkommun (t.ex. ett nationellt nätverk).');
  }
  errors.throwIfAny();
  const municipalityIds = input.allMunicipalities
    ? [...lk.municipalities.values()].filter((m) => m.active).map((m) => m.id)
    : [...new Set(input.municipalityIds)];
  const shares = input.municipalityParticipants ?? [];
  for (const problem of checkParticipantSplit(input.participants ?? null, shares, municipalityIds)) {
    if (problem.code === 'split_unknown_municipality') {
      errors.add(`municipalityParticipants.${problem.index}.municipalityId`, problem.code, 'Deltagare kan bara delas upp på kommuner som deltog.');
    } else if (problem.code === 'split_without_total') {
      errors.add('participants', problem.code, 'Ange det totala antalet deltagare när du delar upp dem per kommun.');
    } else {
      errors.add('municipalityParticipants', problem.code, `Uppdelningen per kommun (${problem.sum}) är fler än deltagarna totalt (${problem.total}).`, 'body', { sum: problem.sum, total: problem.total });
    }
  }
  errors.throwIfAny();
  const split = new Map<number, number>();
  for (const s of shares) if (s.participants !== null) split.set(s.municipalityId, s.participants);
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
      noOwnerMunicipality: input.noOwnerMunicipality === true,
    },
    links: { municipalityIds, split, staffIds: [...new Set(input.staffIds)], targetGroupIds: [...new Set(input.targetGroupIds ?? [])] } satisfies LinkValues,
    overridden: overriddenKinds(input.textWarningsOverridden, [input.title, input.description]),
  };
}

const swedish = new Intl.Collator('sv');

/** One activity in the API's shape, from its row and its links. */
function toApi(lk: Lookups, r: ActivityRow, l: LinkValues): Activity {
  const { municipalityIds, staffIds } = l;
  const tgRank = (id: number) => lk.targetGroupRank.get(id) ?? Number.MAX_SAFE_INTEGER;
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
      .map(({ id, code, name }) => ({ id, code, name, participants: l.split.get(id) ?? null })),
    noOwnerMunicipality: r.noOwnerMunicipality,
    targetGroups: [...l.targetGroupIds].sort((a, b) => tgRank(a) - tgRank(b)).map((id) => lk.targetGroups.get(id)!),
    staff: staffIds.map((id) => lk.staff.get(id)!).sort((a, b) => swedish.compare(a.name, b.name)),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

/** Turns rows into the API's shape, fetching their municipalities and staff in one query each. */
function hydrate(scope: UnitScope, lk: Lookups, rows: ActivityRow[]): Activity[] {
  if (rows.length === 0) return [];
  const links = scope.repo(activityRepository).links(rows.map((r) => r.id));
  return rows.map((r) => toApi(lk, r, linksOf(links, r.id)));
}

const NO_SPLIT: ReadonlyMap<number, number> = new Map();
function linksOf(links: ReturnType<ReturnType<typeof activityRepository>['links']>, id: number): LinkValues {
  return {
    municipalityIds: links.municipalities.get(id) ?? [], split: links.splits.get(id) ?? NO_SPLIT,
    staffIds: links.staff.get(id) ?? [], targetGroupIds: links.targetGroups.get(id) ?? [],
  };
}

export function getActivity(scope: UnitScope, id: number): Activity {
  const row = scope.repo(activityRepository).get(id);
  if (!row) throw notFound(`Aktivitet ${id}`);
  return hydrate(scope, loadLookups(scope), [row])[0]!;
}

/** A medarbetare writes only activities they are on, before and after the change; the system writes all. */
function assertMayEdit(actor: Principal, staffIds: readonly number[]): void {
  if (actor.kind !== 'user' || canEditActivity(actor, staffIds)) return;
  throw new ApiError(403, 'Du kan bara registrera och ändra aktiviteter där du själv står som medarbetare.');
}

/** The activity as stored now, inside the write: 404 unless it is the unit's, 403 unless the actor may change it. */
function currentForChange(scope: UnitScope, lk: Lookups, actor: Principal, id: number) {
  const repo = scope.repo(activityRepository);
  const row = repo.get(id);
  if (!row) throw notFound(`Aktivitet ${id}`);
  const links = linksOf(repo.links([id]), id);
  assertMayEdit(actor, links.staffIds);
  return { row, api: toApi(lk, row, links) };
}

export function createActivity(scope: UnitScope, actor: Principal, input: ActivityInput): Promise<Activity> {
  const lk = loadLookups(scope);
  const { row, links, overridden } = resolveInput(lk, input);
  assertMayEdit(actor, links.staffIds);
  const activities = scope.repo(activityRepository);
  const audit = scope.repo(auditRepository);
  return scope.write(() => {
    assertYearOpen(scope, row.year);
    const inserted = activities.insert(row, links);
    // Everything the answer shows was just written or is in the lookups: no need to read it back.
    const after = toApi(lk, inserted, links);
    audit.record({ actor, action: 'create', entity: 'activity', entityId: inserted.id, after });
    countOverrides(scope, row.year, overridden);
    return after;
  });
}

export function updateActivity(scope: UnitScope, actor: Principal, id: number, input: ActivityUpdate): Promise<Activity> {
  const lk = loadLookups(scope);
  return scope.write(() => {
    const { row: current, api: before } = currentForChange(scope, lk, actor, id);
    if (current.version !== input.version) throw staleVersion(current.version, input.version);
    const { row, links, overridden } = resolveInput(lk, input, {
      areaId: current.areaId, typeId: current.typeId, assignmentId: current.assignmentId,
      municipalityIds: before.municipalities.map((m) => m.id), staffIds: before.staff.map((s) => s.id),
      targetGroupIds: before.targetGroups.map((g) => g.id),
    });
    assertMayEdit(actor, links.staffIds);
    assertYearOpen(scope, current.year);
    assertYearOpen(scope, row.year);
    const activities = scope.repo(activityRepository);
    // The immediate transaction holds the write lock since the read above: the version cannot have moved.
    const next = activities.update(id, input.version, row)!;
    activities.replaceLinks(id, links);
    const after = toApi(lk, next, links);
    scope.repo(auditRepository).record({ actor, action: 'update', entity: 'activity', entityId: id, before, after });
    countOverrides(scope, row.year, overridden);
    return after;
  });
}

export async function deleteActivity(scope: UnitScope, actor: Principal, id: number, version?: number): Promise<void> {
  const lk = loadLookups(scope);
  await scope.write(() => {
    const { row: current, api: before } = currentForChange(scope, lk, actor, id);
    if (version !== undefined && current.version !== version) throw staleVersion(current.version, version);
    assertYearOpen(scope, current.year);
    scope.repo(activityRepository).delete(id);
    scope.repo(auditRepository).record({ actor, action: 'delete', entity: 'activity', entityId: id, before });
  });
}

function staleVersion(current: number, sent: number) {
  return conflict(
    `Aktiviteten har ändrats av någon annan sedan du öppnade den (din version ${sent}, nu ${current}). Ladda om och gör ändringen igen.`,
    'stale_version',
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

export type ActivityFilterQuery = Omit<ActivityListQuery, 'order' | 'limit' | 'cursor' | 'withTotal'>;

/**
 * The list's filters as this unit's ids; an unknown code or id is the client's error, not an empty list. Codes
 * and ids are looked up in the unit's own reference tables, so another unit's id is unknown here too.
 */
function resolveFilter(lk: Lookups, q: ActivityFilterQuery): ActivityFilter {
  const f: ActivityFilter = {};
  const errors = new FieldErrors();
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.goal !== undefined) {
    // By key across the unit's frameworks, so a filter spans years under different plans.
    const ids = [...lk.goals.values()].filter((g) => g.key === q.goal).map((g) => g.id);
    if (!ids.length) errors.add('goal', 'unknown_goal', `Inget mål har nyckeln ${q.goal}.`, 'querystring');
    else f.goalIds = ids;
  }
  if (q.area !== undefined) {
    // A group stands for itself and the areas under it.
    const area = [...lk.areas.values()].find((x) => x.code === q.area);
    if (!area) errors.add('area', 'unknown_area', `Inget område har koden ${q.area}.`, 'querystring');
    else f.areaIds = [area.id, ...[...lk.areas.values()].filter((x) => x.parentId === area.id).map((x) => x.id)];
  }
  if (q.municipality !== undefined) {
    const m = [...lk.municipalities.values()].find((x) => x.code === q.municipality);
    if (!m) errors.add('municipality', 'unknown_municipality', `Ingen kommun har koden ${q.municipality}.`, 'querystring');
    else f.municipalityId = m.id;
  }
  const known = (field: 'staff' | 'type' | 'assignment' | 'planItem', rows: Map<number, unknown>, value: number | undefined, what: string) => {
    if (value === undefined) return undefined;
    if (rows.has(value)) return value;
    errors.add(field, `unknown_${field === 'planItem' ? 'plan_item' : field}`, `${what} med id ${value} finns inte.`, 'querystring');
    return undefined;
  };
  const staffId = known('staff', lk.staff, q.staff, 'Medarbetare');
  const typeId = known('type', lk.types, q.type, 'Aktivitetstyp');
  const assignmentId = known('assignment', lk.assignments, q.assignment, 'Uppdrag');
  const planItemId = known('planItem', lk.planItems, q.planItem, 'Planpunkt');
  if (staffId !== undefined) f.staffId = staffId;
  if (typeId !== undefined) f.typeId = typeId;
  if (assignmentId !== undefined) f.assignmentId = assignmentId;
  if (planItemId !== undefined) f.planItemId = planItemId;
  if (q.q?.trim()) f.titlePattern = `%${q.q.trim().toLocaleLowerCase('sv').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  errors.throwIfAny();
  return f;
}

/** The names of the filters' values (checked by exportActivities before this is called), for the export's title. */
export function filterNames(scope: UnitScope, q: ActivityFilterQuery) {
  const lk = loadLookups(scope);
  const names: Partial<Record<'goal' | 'area' | 'municipality' | 'staff' | 'type' | 'assignment' | 'planItem', string>> = {};
  // A goal key covers the goal in every framework: the title names it as each framework does.
  const goalNames = [...new Set([...lk.goals.values()].filter((g) => g.key === q.goal).map((g) => g.shortName ?? g.name))];
  if (goalNames.length) names.goal = goalNames.join(' / ');
  const area = q.area === undefined ? undefined : [...lk.areas.values()].find((x) => x.code === q.area);
  if (area) names.area = area.name;
  const m = q.municipality === undefined ? undefined : [...lk.municipalities.values()].find((x) => x.code === q.municipality);
  if (m) names.municipality = m.name;
  if (q.staff !== undefined && lk.staff.has(q.staff)) names.staff = lk.staff.get(q.staff)!.name;
  if (q.type !== undefined && lk.types.has(q.type)) names.type = lk.types.get(q.type)!.name;
  if (q.assignment !== undefined && lk.assignments.has(q.assignment)) names.assignment = lk.assignments.get(q.assignment)!.title;
  if (q.planItem !== undefined && lk.planItems.has(q.planItem)) names.planItem = lk.planItems.get(q.planItem)!.title;
  return names;
}

/** The filters as the WHERE on activities (the unit first), for the reports to count under. */
export function activityFilters(scope: UnitScope, q: ActivityFilterQuery): SQL[] {
  return scope.repo(activityRepository).filterSql(resolveFilter(loadLookups(scope), q));
}

export function listActivities(scope: UnitScope, q: ActivityListQuery) {
  const lk = loadLookups(scope);
  const filter = resolveFilter(lk, q);
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const repo = scope.repo(activityRepository);
  const rows = repo.page(filter, { order: q.order, limit: q.limit + 1, ...(after ? { after } : {}) });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor({ date: last.date, id: last.id }) : null;
  const total = q.withTotal === 'true' ? repo.count(filter) : undefined;
  return { items: hydrate(scope, lk, page), nextCursor, ...(total === undefined ? {} : { total }) };
}

/**
 * Every activity the list's filters leave, in the list's order, read page by page through the same keyset as the
 * list (so a large export never holds more than one page of rows from SQLite at a time before hydrating).
 */
export function exportActivities(scope: UnitScope, q: ActivityExportQuery): Activity[] {
  const lk = loadLookups(scope);
  const filter = resolveFilter(lk, q);
  const repo = scope.repo(activityRepository);
  const total = repo.count(filter);
  if (total > EXPORT_MAX_ROWS) {
    throw badRequest([{ field: 'from', in: 'querystring', code: 'too_many_rows', message: `Urvalet har ${total} aktiviteter; en export rymmer högst ${EXPORT_MAX_ROWS}. Välj ett kortare datumintervall.`, params: { total, max: EXPORT_MAX_ROWS } }]);
  }
  const out: Activity[] = [];
  let after: Cursor | undefined;
  for (;;) {
    const rows = repo.page(filter, { order: q.order, limit: 500, ...(after ? { after } : {}) });
    out.push(...hydrate(scope, lk, rows));
    const last = rows.at(-1);
    if (rows.length < 500 || !last) return out;
    after = { date: last.date, id: last.id };
  }
}

/**
 * The unit's activities that look like the same one registered twice: the same date and the same title once case,
 * spaces and punctuation are set aside (titleKey). The form warns with them; saving is never refused.
 */
export function similarActivities(scope: UnitScope, q: SimilarQuery): SimilarActivities {
  const key = titleKey(q.title);
  if (key === '') return { items: [] };
  const types = loadLookups(scope).types;
  const items = scope.repo(activityRepository).onDate(q.date)
    .filter((r) => r.id !== q.excludeId && titleKey(r.title) === key)
    .map((r) => ({ id: r.id, date: r.date, title: r.title, typeName: types.get(r.typeId)?.name ?? '' }));
  return { items };
}

/**
 * The form's goal suggestion, counted here so the form need not download hundreds of activities for it: per type,
 * the goal key most often recorded with it among the latest activities (by key, so it survives a framework change);
 * a tie goes to the goal used most recently.
 */
export function goalSuggestions(scope: UnitScope): GoalSuggestions {
  const rows = scope.repo(activityRepository).recentTypeGoals(SUGGESTION_WINDOW);
  const goals = loadLookups(scope).goals;
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
