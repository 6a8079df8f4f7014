/** The annual plan: its items, the follow-up of what has been done on each, and next year's copy. */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import {
  frameworkForDate, goalLabelForYear, goalNameForYear, isPlanItemFinished, isPlanItemFlagged, planCoverage, planProgress, todayInSweden,
} from '@fou/domain';
import type { Db } from '../../db/client.ts';
import { UnitScope } from '../../db/unit-scope.ts';
import { writeTransaction } from '../../db/write.ts';
import * as t from '../../db/schema.ts';
import { areaIdsWithChildren, goalIdsForKey } from '../reference/reference.service.ts';
import type { Principal } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { badRequest, conflict, FieldErrors, notFound } from '../../lib/errors.ts';
import { loadLookups, type Lookups } from '../activities/activity.service.ts';
import { assertYearOpen } from '../period-locks/period-lock.service.ts';
import type { FollowupQuery, PlanFollowup, PlanItem, PlanItemInput, PlanItemListQuery, PlanItemUpdate } from './plan.schemas.ts';

type PlanItemRow = typeof t.planItems.$inferSelect;

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
  else if (!framework) errors.add('goalId', 'no_framework_for_year', `Inget målramverk gäller år ${input.year}.`);
  else if (goal.frameworkId !== framework.id) {
    errors.add('goalId', 'goal_not_valid_for_year', `Målet hör till ${goal.frameworkCode}, men år ${input.year} gäller ${framework.name}: välj ett av dess mål.`);
  }
  const area = lk.areas.get(input.areaId);
  if (!area) errors.add('areaId', 'unknown_area', `Det finns inget område med id ${input.areaId}.`);
  else if (!area.isLeaf) errors.add('areaId', 'area_has_children', `${area.name} har underområden: välj ett av dem.`);
  input.staffIds.forEach((s, i) => {
    if (!lk.staff.has(s)) errors.add(`staffIds.${i}`, 'unknown_staff', `Det finns ingen medarbetare med id ${s}.`);
  });
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
      ...(input.sortOrder === undefined ? {} : { sortOrder: input.sortOrder }),
    },
    staffIds: [...new Set(input.staffIds)],
  };
}

function hydrate(db: Db, lk: Lookups, rows: PlanItemRow[]): PlanItem[] {
  if (rows.length === 0) return [];
  const staffRows = db.select().from(t.planItemStaff).where(inArray(t.planItemStaff.planItemId, rows.map((r) => r.id))).all();
  const fromIds = rows.map((r) => r.carriedFromId).filter((x): x is number => x !== null);
  const origins = new Map(fromIds.length
    ? db.select({ id: t.planItems.id, year: t.planItems.year, title: t.planItems.title }).from(t.planItems).where(inArray(t.planItems.id, fromIds)).all().map((o) => [o.id, o])
    : []);
  // An item carries its goal's name as it read at the end of the item's year: a later rename leaves past plans as they were.
  const goalIds = [...new Set(rows.map((r) => r.goalId))];
  const history = db.select().from(t.goalNameHistory).where(inArray(t.goalNameHistory.goalId, goalIds))
    .orderBy(asc(t.goalNameHistory.replacedOn), asc(t.goalNameHistory.id)).all();
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

function goalSortOrders(db: Db): Map<number, number> {
  return new Map(db.select({ id: t.goals.id, sortOrder: t.goals.sortOrder }).from(t.goals).all().map((g) => [g.id, g.sortOrder]));
}

function writeStaff(db: Db, planItemId: number, staffIds: number[]) {
  db.delete(t.planItemStaff).where(eq(t.planItemStaff.planItemId, planItemId)).run();
  if (staffIds.length) db.insert(t.planItemStaff).values(staffIds.map((staffId) => ({ planItemId, staffId }))).run();
}

function findRow(db: Db, unitId: number, id: number): PlanItemRow {
  const row = db.select().from(t.planItems).where(and(eq(t.planItems.id, id), eq(t.planItems.unitId, unitId))).get();
  if (!row) throw notFound(`Planpunkt ${id}`);
  return row;
}

function staleVersion(current: number, sent: number) {
  return conflict(
    `Planpunkten har ändrats av någon annan sedan du öppnade den (din version ${sent}, nu ${current}). Ladda om och gör ändringen igen.`,
    { currentVersion: current },
  );
}

export function listPlanItems(db: Db, unitId: number, q: PlanItemListQuery): PlanItem[] {
  const p = t.planItems;
  const where = [eq(p.unitId, unitId), eq(p.year, q.year)];
  const errors = new FieldErrors();
  if (q.goal !== undefined) {
    const ids = goalIdsForKey(new UnitScope(db, unitId), q.goal);
    if (!ids) errors.add('goal', 'unknown_goal', `Inget mål har nyckeln ${q.goal}.`, 'querystring');
    else where.push(inArray(p.goalId, ids));
  }
  if (q.area !== undefined) {
    const ids = areaIdsWithChildren(new UnitScope(db, unitId), q.area);
    if (!ids) errors.add('area', 'unknown_area', `Inget område har koden ${q.area}.`, 'querystring');
    else where.push(inArray(p.areaId, ids));
  }
  errors.throwIfAny();
  const lk = loadLookups(db, unitId);
  const rows = db.select().from(p).where(and(...where)).all();
  return hydrate(db, lk, inPlanOrder(rows, goalSortOrders(db)));
}

export function getPlanItem(db: Db, unitId: number, id: number): PlanItem {
  return hydrate(db, loadLookups(db, unitId), [findRow(db, unitId, id)])[0]!;
}

export function createPlanItem(db: Db, unitId: number, actor: Principal, input: PlanItemInput): Promise<PlanItem> {
  const lk = loadLookups(db, unitId);
  const { row, staffIds } = resolveInput(lk, input);
  return writeTransaction(db, (tx) => {
    const txDb = tx as unknown as Db;
    assertYearOpen(txDb, unitId, row.year);
    // New items go last in the year unless a place is given.
    const sortOrder = row.sortOrder ?? (tx.select({ m: sql<number>`coalesce(max(${t.planItems.sortOrder}), 0)` }).from(t.planItems)
      .where(and(eq(t.planItems.unitId, unitId), eq(t.planItems.year, row.year))).get()!.m + 1);
    const inserted = tx.insert(t.planItems).values({ unitId, ...row, sortOrder }).returning().get();
    writeStaff(txDb, inserted.id, staffIds);
    const item = hydrate(txDb, lk, [inserted])[0]!;
    recordAudit(txDb, { unitId, actor, action: 'create', entity: 'plan_item', entityId: item.id, after: item });
    return item;
  });
}

export function updatePlanItem(db: Db, unitId: number, actor: Principal, id: number, input: PlanItemUpdate): Promise<PlanItem> {
  const lk = loadLookups(db, unitId);
  return writeTransaction(db, (tx) => {
    const txDb = tx as unknown as Db;
    const current = findRow(txDb, unitId, id);
    if (current.version !== input.version) throw staleVersion(current.version, input.version);
    const { row, staffIds } = resolveInput(lk, input);
    // The adopted annual report quotes the plan's statuses and outcomes: a locked year's plan stays as reported.
    assertYearOpen(txDb, unitId, current.year);
    assertYearOpen(txDb, unitId, row.year);
    if (row.year !== current.year) {
      // Activities link to an item of their own year; moving the item would break that for the linked ones.
      const linked = tx.select({ n: sql<number>`count(*)` }).from(t.activities).where(eq(t.activities.planItemId, id)).get()!.n;
      if (linked > 0) {
        throw badRequest([{ field: 'year', in: 'body', code: 'plan_item_has_activities', message: `Punkten har ${linked} kopplade aktiviteter från ${current.year}; året kan inte ändras.` }]);
      }
    }
    const before = hydrate(txDb, lk, [current])[0]!;
    const next = tx.update(t.planItems)
      .set({ ...row, version: current.version + 1, updatedAt: new Date().toISOString() })
      .where(and(eq(t.planItems.id, id), eq(t.planItems.version, input.version)))
      .returning().get()!;
    writeStaff(txDb, id, staffIds);
    const after = hydrate(txDb, lk, [next])[0]!;
    recordAudit(txDb, { unitId, actor, action: 'update', entity: 'plan_item', entityId: id, before, after });
    return after;
  });
}

export async function deletePlanItem(db: Db, unitId: number, actor: Principal, id: number, version?: number): Promise<void> {
  const lk = loadLookups(db, unitId);
  await writeTransaction(db, (tx) => {
    const txDb = tx as unknown as Db;
    const current = findRow(txDb, unitId, id);
    if (version !== undefined && current.version !== version) throw staleVersion(current.version, version);
    assertYearOpen(txDb, unitId, current.year);
    const before = hydrate(txDb, lk, [current])[0]!;
    // Linked activities stay and lose the link (the foreign key sets it null), as do items carried from it.
    tx.delete(t.planItems).where(eq(t.planItems.id, id)).run();
    recordAudit(txDb, { unitId, actor, action: 'delete', entity: 'plan_item', entityId: id, before });
  });
}

/**
 * Next year's plan from this year's: every item is copied as planned work (status planerad, no outcome);
 * those not finished (neither genomförd nor inte genomförd) keep a reference to the item they carry on.
 * Goals follow their key into the framework valid in the new year.
 */
export function copyPlan(db: Db, unitId: number, actor: Principal, fromYear: number, toYear: number) {
  const lk = loadLookups(db, unitId);
  const p = t.planItems;
  const source = db.select().from(p).where(and(eq(p.unitId, unitId), eq(p.year, fromYear))).all();
  if (source.length === 0) {
    throw badRequest([{ field: 'fromYear', in: 'body', code: 'no_plan_items', message: `Det finns ingen plan för ${fromYear} att kopiera.` }]);
  }
  const framework = frameworkForYear(lk.frameworks, toYear);
  if (!framework) throw badRequest([{ field: 'toYear', in: 'body', code: 'no_framework_for_year', message: `Inget målramverk gäller år ${toYear}.` }]);
  const targetGoals = new Map([...lk.goals.values()].filter((g) => g.frameworkId === framework.id).map((g) => [g.key, g.id]));
  const missing = [...new Set(source.map((r) => lk.goals.get(r.goalId)!.key).filter((k) => !targetGoals.has(k)))];
  if (missing.length) {
    throw badRequest([{ field: 'toYear', in: 'body', code: 'goal_missing_in_framework', message: `${framework.name} saknar målen ${missing.join(', ')}: lägg till dem först.` }]);
  }
  const ordered = inPlanOrder(source, goalSortOrders(db));
  return writeTransaction(db, (tx) => {
    const txDb = tx as unknown as Db;
    assertYearOpen(txDb, unitId, toYear);
    const existing = tx.select({ n: sql<number>`count(*)` }).from(p).where(and(eq(p.unitId, unitId), eq(p.year, toYear))).get()!.n;
    if (existing > 0) throw conflict(`Planen för ${toYear} har redan ${existing} punkter; ta bort dem först eller lägg till punkter en och en.`);
    const staffRows = tx.select().from(t.planItemStaff).where(inArray(t.planItemStaff.planItemId, source.map((r) => r.id))).all();
    const created: PlanItemRow[] = [];
    for (const r of ordered) {
      const row = tx.insert(p).values({
        unitId, year: toYear, title: r.title, goalId: targetGoals.get(lk.goals.get(r.goalId)!.key)!, areaId: r.areaId,
        planned: r.planned, targetCount: r.targetCount, status: 'planerad', outcome: null,
        carriedFromId: isPlanItemFinished(r.status) ? null : r.id, sortOrder: r.sortOrder,
      }).returning().get();
      writeStaff(txDb, row.id, staffRows.filter((s) => s.planItemId === r.id).map((s) => s.staffId));
      created.push(row);
    }
    const items = hydrate(txDb, lk, created);
    for (const item of items) {
      recordAudit(txDb, { unitId, actor, action: 'copy', entity: 'plan_item', entityId: item.id, before: { fromYear, carriedFromId: item.carriedFrom?.id ?? null }, after: item });
    }
    return { fromYear, toYear, copied: items.length, carried: items.filter((i) => i.carriedFrom !== null).length, items };
  });
}

export function planFollowup(db: Db, unitId: number, q: FollowupQuery): PlanFollowup {
  const yearEnd = `${q.year}-12-31`;
  const today = todayInSweden();
  const asOf = q.asOf ?? (today < yearEnd ? (today < `${q.year}-01-01` ? `${q.year}-01-01` : today) : yearEnd);
  if (Number(asOf.slice(0, 4)) !== q.year) {
    throw badRequest([{ field: 'asOf', in: 'querystring', code: 'as_of_outside_year', message: `asOf måste ligga inom ${q.year}.` }]);
  }
  const lk = loadLookups(db, unitId);
  const p = t.planItems;
  const goalOrder = goalSortOrders(db);
  const rows = inPlanOrder(db.select().from(p).where(and(eq(p.unitId, unitId), eq(p.year, q.year))).all(), goalOrder);
  const stats = new Map(rows.length
    ? db.select({ id: t.activities.planItemId, n: sql<number>`count(*)`, last: sql<string>`max(${t.activities.date})` }).from(t.activities)
      .where(and(eq(t.activities.unitId, unitId), inArray(t.activities.planItemId, rows.map((r) => r.id)), lte(t.activities.date, asOf)))
      .groupBy(t.activities.planItemId).all().map((s) => [s.id!, s])
    : []);
  const framework = frameworkForYear(lk.frameworks, q.year);
  const yearGoals = [...lk.goals.values()].filter((g) => g.frameworkId === framework?.id || rows.some((r) => r.goalId === g.id));
  // Each year keeps the goal names it had at its end, whatever the goals were renamed to later.
  const history = yearGoals.length
    ? db.select().from(t.goalNameHistory).where(inArray(t.goalNameHistory.goalId, yearGoals.map((g) => g.id)))
      .orderBy(asc(t.goalNameHistory.replacedOn), asc(t.goalNameHistory.id)).all()
    : [];
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
      targetCount: r.targetCount,
      activityCount: count,
      progress: planProgress(count, r.targetCount),
      lastActivityDate: s?.last ?? null,
      flagged: isPlanItemFlagged(count),
    };
  });
  const goalKeys = [...new Map(yearGoals.sort((a, b) => (goalOrder.get(a.id) ?? 0) - (goalOrder.get(b.id) ?? 0)).map((g) => [g.key, g])).values()];
  const groups = [...lk.areas.values()].filter((a) => a.parentId === null);
  const areaOrder = new Map(db.select({ id: t.areas.id, sortOrder: t.areas.sortOrder }).from(t.areas).where(eq(t.areas.unitId, unitId)).all().map((a) => [a.id, a.sortOrder]));
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
