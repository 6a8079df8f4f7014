/** The annual plan: its items, the follow-up of what has been done on each, and next year's copy. */
import {
  frameworkForDate, goalLabelForYear, goalNameForYear, isPlanItemFinished, isPlanItemFlagged, planCoverage, planProgress, planStatusOnDate,
  todayInSweden, type PlanStatusChange, type StatusOnDate,
} from '@fou/domain';
import type { UnitScope } from '../../db/unit-scope.ts';
import { areaIdsWithChildren, goalIdsForKey } from '../reference/reference.service.ts';
import type { Principal } from '../../lib/access.ts';
import { badRequest, conflict, FieldErrors, notFound } from '../../lib/errors.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { loadLookups, type Lookups } from '../activities/activity.service.ts';
import { assertYearOpen } from '../period-locks/period-lock.service.ts';
import type { PlanStatus } from '../../db/schema.ts';
import type { FollowupQuery, PlanFollowup, PlanItem, PlanItemInput, PlanItemListQuery, PlanItemUpdate } from './plan.schemas.ts';
import { planRepository, type PlanItemRow } from './plan.repository.ts';

/**
 * The framework a plan year works under: the one valid on 1 January. VP 2018 ends 2023-12-31 and VP 2024
 * starts 2024-01-01, so a 2023 plan takes VP 2018's goals and a 2024 plan VP 2024's.
 */
export function frameworkForYear<F extends { validFrom: string; validTo: string | null }>(frameworks: readonly F[], year: number): F | undefined {
  return frameworkForDate(frameworks, `${year}-01-01`);
}

function resolveInput(lk: Lookups, input: PlanItemInput) {
  const errors = new FieldErrors();
  const goal = lk.goals.get(input.goalId);
  const framework = frameworkForYear(lk.frameworks, input.year);
  if (!goal) errors.add('goalId', 'unknown_goal', `Det finns inget mål med id ${input.goalId}.`);
  else if (!framework) errors.add('goalId', 'no_framework_for_year', `Inget målramverk gäller år ${input.year}.`, 'body', { year: input.year });
  else if (goal.frameworkId !== framework.id) {
    errors.add('goalId', 'goal_not_valid_for_year', `Målet hör till ${goal.frameworkCode}, men år ${input.year} gäller ${framework.name}: välj ett av dess mål.`, 'body', { framework: framework.name, year: input.year });
  }
  const area = lk.areas.get(input.areaId);
  if (!area) errors.add('areaId', 'unknown_area', `Det finns inget område med id ${input.areaId}.`);
  else if (!area.isLeaf) errors.add('areaId', 'area_has_children', `${area.name} har underområden: välj ett av dem.`, 'body', { name: area.name });
  input.staffIds.forEach((s, i) => {
    if (!lk.staff.has(s)) errors.add(`staffIds.${i}`, 'unknown_staff', `Det finns ingen medarbetare med id ${s}.`);
  });
  // The unit's own assignments only (the lookups are the unit's); an ended one may stay on an old year's plan.
  if (input.assignmentId != null && !lk.assignments.has(input.assignmentId)) {
    errors.add('assignmentId', 'unknown_assignment', `Det finns inget uppdrag med id ${input.assignmentId}.`);
  }
  errors.throwIfAny();
  return {
    row: {
      year: input.year,
      title: input.title,
      goalId: input.goalId,
      areaId: input.areaId,
      planned: input.planned,
      targetCount: input.targetCount ?? null,
      status: input.status,
      outcome: input.outcome || null,
      assignmentId: input.assignmentId ?? null,
      ...(input.sortOrder === undefined ? {} : { sortOrder: input.sortOrder }),
    },
    staffIds: [...new Set(input.staffIds)],
  };
}

function hydrate(scope: UnitScope, lk: Lookups, rows: PlanItemRow[]): PlanItem[] {
  if (rows.length === 0) return [];
  const repo = scope.repo(planRepository);
  const staffRows = repo.staffOf(rows.map((r) => r.id));
  const origins = new Map(repo.origins(rows.map((r) => r.carriedFromId).filter((x): x is number => x !== null)).map((o) => [o.id, o]));
  // An item carries its goal's name as it read at the end of the item's year: a later rename leaves past plans as they were.
  const history = repo.goalNameHistory([...new Set(rows.map((r) => r.goalId))]);
  return rows.map((r) => {
    const goal = lk.goals.get(r.goalId)!;
    const { name, shortName } = goalLabelForYear(goal, history.filter((h) => h.goalId === r.goalId), r.year);
    const area = lk.areas.get(r.areaId)!;
    const group = area.parentId === null ? area : lk.areas.get(area.parentId)!;
    return {
      id: r.id,
      year: r.year,
      title: r.title,
      goal: { id: goal.id, key: goal.key, name, shortName, frameworkCode: goal.frameworkCode },
      area: { id: area.id, code: area.code, name: area.name, groupCode: group.code, groupName: group.name },
      planned: r.planned,
      targetCount: r.targetCount,
      status: r.status,
      outcome: r.outcome,
      staff: staffRows.filter((s) => s.planItemId === r.id).map((s) => lk.staff.get(s.staffId)!).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      carriedFrom: r.carriedFromId === null ? null : origins.get(r.carriedFromId) ?? null,
      assignment: r.assignmentId === null ? null : lk.assignments.get(r.assignmentId) ?? null,
      sortOrder: r.sortOrder,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
    };
  });
}

/** Goal order first (the plan is written goal by goal), then the item's place under its goal. */
function inPlanOrder(rows: PlanItemRow[], goalOrder: Map<number, number>): PlanItemRow[] {
  return [...rows].sort((a, b) => (goalOrder.get(a.goalId) ?? 0) - (goalOrder.get(b.goalId) ?? 0) || a.sortOrder - b.sortOrder || a.id - b.id);
}

function findRow(scope: UnitScope, id: number): PlanItemRow {
  const row = scope.repo(planRepository).find(id);
  if (!row) throw notFound(`Planpunkt ${id}`);
  return row;
}

function staleVersion(current: number, sent: number) {
  return conflict(
    `Planpunkten har ändrats av någon annan sedan du öppnade den (din version ${sent}, nu ${current}). Ladda om och gör ändringen igen.`,
    'stale_version',
    { currentVersion: current },
  );
}

export function listPlanItems(scope: UnitScope, q: PlanItemListQuery): PlanItem[] {
  const filter: { goalIds?: number[]; areaIds?: number[] } = {};
  const errors = new FieldErrors();
  if (q.goal !== undefined) {
    const ids = goalIdsForKey(scope, q.goal);
    if (!ids) errors.add('goal', 'unknown_goal', `Inget mål har nyckeln ${q.goal}.`, 'querystring');
    else filter.goalIds = ids;
  }
  if (q.area !== undefined) {
    const ids = areaIdsWithChildren(scope, q.area);
    if (!ids) errors.add('area', 'unknown_area', `Inget område har koden ${q.area}.`, 'querystring');
    else filter.areaIds = ids;
  }
  errors.throwIfAny();
  const lk = loadLookups(scope);
  const repo = scope.repo(planRepository);
  return hydrate(scope, lk, inPlanOrder(repo.ofYear(q.year, filter), repo.goalSortOrders()));
}

export function getPlanItem(scope: UnitScope, id: number): PlanItem {
  return hydrate(scope, loadLookups(scope), [findRow(scope, id)])[0]!;
}

export function createPlanItem(scope: UnitScope, actor: Principal, input: PlanItemInput): Promise<PlanItem> {
  const lk = loadLookups(scope);
  const { row, staffIds } = resolveInput(lk, input);
  const repo = scope.repo(planRepository);
  return scope.write(() => {
    assertYearOpen(scope, row.year);
    // New items go last in the year unless a place is given.
    const inserted = repo.insert({ ...row, sortOrder: row.sortOrder ?? repo.nextSortOrder(row.year) });
    repo.replaceStaff(inserted.id, staffIds);
    const item = hydrate(scope, lk, [inserted])[0]!;
    scope.repo(auditRepository).record({ actor, action: 'create', entity: 'plan_item', entityId: item.id, after: item });
    return item;
  });
}

export function updatePlanItem(scope: UnitScope, actor: Principal, id: number, input: PlanItemUpdate): Promise<PlanItem> {
  const lk = loadLookups(scope);
  const repo = scope.repo(planRepository);
  return scope.write(() => {
    const current = findRow(scope, id);
    if (current.version !== input.version) throw staleVersion(current.version, input.version);
    const { row, staffIds } = resolveInput(lk, input);
    // The adopted annual report quotes the plan's statuses and outcomes: a locked year's plan stays as reported.
    assertYearOpen(scope, current.year);
    assertYearOpen(scope, row.year);
    if (row.year !== current.year) {
      // Activities link to an item of their own year; moving the item would break that for the linked ones.
      const linked = repo.linkedActivityCount(id);
      if (linked > 0) {
        throw badRequest([{ field: 'year', in: 'body', code: 'plan_item_has_activities', message: `Punkten har ${linked} kopplade aktiviteter från ${current.year}; året kan inte ändras.`, params: { count: linked, year: current.year } }]);
      }
    }
    const before = hydrate(scope, lk, [current])[0]!;
    const next = repo.update(id, input.version, { ...row, version: current.version + 1, updatedAt: new Date().toISOString() })!;
    repo.replaceStaff(id, staffIds);
    const after = hydrate(scope, lk, [next])[0]!;
    scope.repo(auditRepository).record({ actor, action: 'update', entity: 'plan_item', entityId: id, before, after });
    return after;
  });
}

export async function deletePlanItem(scope: UnitScope, actor: Principal, id: number, version?: number): Promise<void> {
  const lk = loadLookups(scope);
  await scope.write(() => {
    const current = findRow(scope, id);
    if (version !== undefined && current.version !== version) throw staleVersion(current.version, version);
    assertYearOpen(scope, current.year);
    const before = hydrate(scope, lk, [current])[0]!;
    // Linked activities stay and lose the link (the foreign key sets it null), as do items carried from it.
    scope.repo(planRepository).remove(id);
    scope.repo(auditRepository).record({ actor, action: 'delete', entity: 'plan_item', entityId: id, before });
  });
}

/**
 * Next year's plan from this year's: every item is copied as planned work (status planerad, no outcome);
 * those not finished (neither genomförd nor inte genomförd) keep a reference to the item they carry on.
 * Goals follow their key into the framework valid in the new year.
 */
export function copyPlan(scope: UnitScope, actor: Principal, fromYear: number, toYear: number) {
  const lk = loadLookups(scope);
  const repo = scope.repo(planRepository);
  const source = repo.ofYear(fromYear);
  if (source.length === 0) {
    throw badRequest([{ field: 'fromYear', in: 'body', code: 'no_plan_items', message: `Det finns ingen plan för ${fromYear} att kopiera.`, params: { year: fromYear } }]);
  }
  const framework = frameworkForYear(lk.frameworks, toYear);
  if (!framework) throw badRequest([{ field: 'toYear', in: 'body', code: 'no_framework_for_year', message: `Inget målramverk gäller år ${toYear}.`, params: { year: toYear } }]);
  const targetGoals = new Map([...lk.goals.values()].filter((g) => g.frameworkId === framework.id).map((g) => [g.key, g.id]));
  const missing = [...new Set(source.map((r) => lk.goals.get(r.goalId)!.key).filter((k) => !targetGoals.has(k)))];
  if (missing.length) {
    throw badRequest([{ field: 'toYear', in: 'body', code: 'goal_missing_in_framework', message: `${framework.name} saknar målen ${missing.join(', ')}: lägg till dem först.`, params: { framework: framework.name, goals: missing.join(', ') } }]);
  }
  const ordered = inPlanOrder(source, repo.goalSortOrders());
  return scope.write(() => {
    assertYearOpen(scope, toYear);
    const existing = repo.countOfYear(toYear);
    if (existing > 0) throw conflict(`Planen för ${toYear} har redan ${existing} punkter; ta bort dem först eller lägg till punkter en och en.`, 'plan_not_empty', { params: { year: toYear, count: existing } });
    const staffRows = repo.staffOf(source.map((r) => r.id));
    const created: PlanItemRow[] = [];
    for (const r of ordered) {
      const row = repo.insert({
        year: toYear, title: r.title, goalId: targetGoals.get(lk.goals.get(r.goalId)!.key)!, areaId: r.areaId,
        planned: r.planned, targetCount: r.targetCount, status: 'planerad', outcome: null,
        carriedFromId: isPlanItemFinished(r.status) ? null : r.id, sortOrder: r.sortOrder, assignmentId: r.assignmentId,
      });
      repo.replaceStaff(row.id, staffRows.filter((s) => s.planItemId === r.id).map((s) => s.staffId));
      created.push(row);
    }
    const items = hydrate(scope, lk, created);
    const audit = scope.repo(auditRepository);
    for (const item of items) {
      audit.record({ actor, action: 'copy', entity: 'plan_item', entityId: item.id, before: { fromYear, carriedFromId: item.carriedFrom?.id ?? null }, after: item });
    }
    return { fromYear, toYear, copied: items.length, carried: items.filter((i) => i.carriedFrom !== null).length, items };
  });
}

type ActivitySummary = PlanFollowup['items'][number]['summary'];

function statusAsOf(s: StatusOnDate): { statusAsOf: PlanStatus | null; statusAsOfBasis: 'history' | 'not_created' | 'no_history' } {
  if (s.kind === 'known') return { statusAsOf: s.status as PlanStatus, statusAsOfBasis: 'history' };
  return { statusAsOf: null, statusAsOfBasis: s.kind === 'not_created' ? 'not_created' : 'no_history' };
}

/**
 * What each item's activities up to `asOf` were: their types (most frequent first), the municipalities they
 * reached in the unit's order (with how many activities each), and the participants recorded on them.
 */
function activitySummaries(scope: UnitScope, lk: Lookups, itemIds: number[], asOf: string): Map<number, ActivitySummary> {
  const raw = scope.repo(planRepository).activitySummaries(itemIds, asOf);
  const out = new Map<number, ActivitySummary>();
  const get = (id: number) => out.get(id) ?? out.set(id, { types: [], municipalities: [], participants: 0, activitiesWithParticipants: 0 }).get(id)!;
  for (const r of raw.types) if (r.itemId !== null) get(r.itemId).types.push({ name: lk.types.get(r.typeId)?.name ?? String(r.typeId), count: r.n });
  const rank = (id: number) => lk.municipalityRank.get(id) ?? Number.MAX_SAFE_INTEGER;
  for (const r of [...raw.municipalities].sort((a, b) => rank(a.municipalityId) - rank(b.municipalityId))) {
    if (r.itemId !== null) get(r.itemId).municipalities.push({ code: lk.municipalities.get(r.municipalityId)?.code ?? String(r.municipalityId), name: lk.municipalities.get(r.municipalityId)?.name ?? String(r.municipalityId), count: r.n });
  }
  for (const r of raw.participants) {
    if (r.itemId === null) continue;
    get(r.itemId).participants = r.sum;
    get(r.itemId).activitiesWithParticipants = r.withCount;
  }
  for (const s of out.values()) {
    s.types.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'sv'));
  }
  return out;
}

/**
 * Each item's status at the end of `asOf`, from the audit trail: every create, copy and update of a plan item is
 * recorded with the item's snapshot, so the status a follow-up "as of 30 June" should show is the one after the
 * last change made by that day (in Swedish time).
 */
function statusesOnDate(scope: UnitScope, itemIds: number[], asOf: string): Map<number, StatusOnDate> {
  const trails = new Map<number, PlanStatusChange[]>();
  for (const r of scope.repo(auditRepository).planItemStatusTrail(itemIds)) {
    const change: PlanStatusChange = { day: todayInSweden(new Date(r.at)), action: r.action as PlanStatusChange['action'], before: r.before, after: r.after };
    trails.set(r.itemId, [...(trails.get(r.itemId) ?? []), change]);
  }
  return new Map(itemIds.map((id) => [id, planStatusOnDate(trails.get(id) ?? [], asOf)]));
}

export function planFollowup(scope: UnitScope, q: FollowupQuery): PlanFollowup {
  const yearEnd = `${q.year}-12-31`;
  const today = todayInSweden();
  const asOf = q.asOf ?? (today < yearEnd ? (today < `${q.year}-01-01` ? `${q.year}-01-01` : today) : yearEnd);
  if (Number(asOf.slice(0, 4)) !== q.year) {
    throw badRequest([{ field: 'asOf', in: 'querystring', code: 'as_of_outside_year', message: `asOf måste ligga inom ${q.year}.`, params: { year: q.year } }]);
  }
  const lk = loadLookups(scope);
  const repo = scope.repo(planRepository);
  const goalOrder = repo.goalSortOrders();
  const rows = inPlanOrder(repo.ofYear(q.year), goalOrder);
  const stats = repo.activityStats(rows.map((r) => r.id), asOf);
  // Today's status is measured against every linked activity, the status on asOf against those up to it.
  const allStats = repo.activityStats(rows.map((r) => r.id), '9999-12-31');
  const onDate = statusesOnDate(scope, rows.map((r) => r.id), asOf);
  const summaries = activitySummaries(scope, lk, rows.map((r) => r.id), asOf);
  const staffRows = repo.staffOf(rows.map((r) => r.id));
  const framework = frameworkForYear(lk.frameworks, q.year);
  const yearGoals = [...lk.goals.values()].filter((g) => g.frameworkId === framework?.id || rows.some((r) => r.goalId === g.id));
  // Each year keeps the goal names it had at its end, whatever the goals were renamed to later.
  const history = repo.goalNameHistory(yearGoals.map((g) => g.id));
  const goalName = (id: number) => goalNameForYear(lk.goals.get(id)!.name, history.filter((h) => h.goalId === id), q.year);
  const groupOf = (areaId: number) => {
    const a = lk.areas.get(areaId)!;
    return a.parentId === null ? a : lk.areas.get(a.parentId)!;
  };

  const items = rows.map((r) => {
    const s = stats.get(r.id);
    const count = s?.n ?? 0;
    const goal = lk.goals.get(r.goalId)!;
    const area = lk.areas.get(r.areaId)!;
    const group = groupOf(r.areaId);
    return {
      id: r.id,
      title: r.title,
      goal: { key: goal.key, name: goalName(goal.id) },
      area: { code: area.code, name: area.name, groupCode: group.code, groupName: group.name },
      status: r.status,
      ...statusAsOf(onDate.get(r.id)!),
      targetCount: r.targetCount,
      activityCount: count,
      activityCountAll: allStats.get(r.id)?.n ?? 0,
      progress: planProgress(count, r.targetCount),
      lastActivityDate: s?.last ?? null,
      flagged: isPlanItemFlagged(count),
      planned: r.planned,
      outcome: r.outcome,
      staff: staffRows.filter((x) => x.planItemId === r.id).map((x) => lk.staff.get(x.staffId)!.name).sort((a, b) => a.localeCompare(b, 'sv')),
      summary: summaries.get(r.id) ?? { types: [], municipalities: [], participants: 0, activitiesWithParticipants: 0 },
    };
  });
  const goalKeys = [...new Map(yearGoals.sort((a, b) => (goalOrder.get(a.id) ?? 0) - (goalOrder.get(b.id) ?? 0)).map((g) => [g.key, g])).values()];
  const groups = [...lk.areas.values()].filter((a) => a.parentId === null);
  const areaOrder = repo.areaSortOrders();
  groups.sort((a, b) => (areaOrder.get(a.id) ?? 0) - (areaOrder.get(b.id) ?? 0) || a.id - b.id);
  return {
    year: q.year,
    asOf,
    items,
    goals: goalKeys.map((g) => ({ key: g.key, name: goalName(g.id), ...planCoverage(items.filter((i) => i.goal.key === g.key).map((i) => i.activityCount)) })),
    areaGroups: groups.map((g) => ({ code: g.code, name: g.name, ...planCoverage(items.filter((i) => i.area.groupCode === g.code).map((i) => i.activityCount)) })),
    totals: { ...planCoverage(items.map((i) => i.activityCount)), flagged: items.filter((i) => i.flagged).length },
  };
}
