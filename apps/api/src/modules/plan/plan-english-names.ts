/**
 * The registers' English names for the plan follow-up: its file (plan-export.ts) and, in English, the annual report's
 * plan section. The follow-up itself is built with the Swedish names, which stay its keys' readable form.
 */
import type { UnitScope } from '../../db/unit-scope.ts';
import { listActivityTypes, listAreas, listGoalFrameworks } from '../reference/reference.service.ts';
import type { PlanEnglishNames } from './plan-export.ts';
import type { PlanFollowup } from './plan.schemas.ts';

/** The registers' English names the follow-up file needs: goals by key (the year's framework first), areas by code. */
export function planEnglishNames(scope: UnitScope, year: number): PlanEnglishNames {
  const inForce = (f: { validFrom: string; validTo: string | null }) => f.validFrom <= `${year}-12-31` && (f.validTo ?? '9999-12-31') >= `${year}-01-01`;
  const frameworks = [...listGoalFrameworks(scope)].sort((a, b) => Number(inForce(b)) - Number(inForce(a)) || b.validFrom.localeCompare(a.validFrom));
  const goals = new Map<string, string>();
  for (const f of frameworks) for (const g of f.goals) if (g.nameEn && !goals.has(g.key)) goals.set(g.key, g.nameEn);
  return {
    goals,
    areas: new Map(listAreas(scope).flatMap((a) => (a.nameEn ? [[a.code, a.nameEn] as const] : []))),
    types: new Map(listActivityTypes(scope).flatMap((x) => (x.nameEn ? [[x.name, x.nameEn] as const] : []))),
  };
}

/** The follow-up with each goal, area and activity type under its English name where the register has one. */
export function planFollowupInEnglish(f: PlanFollowup, names: PlanEnglishNames): PlanFollowup {
  const goal = (key: string, name: string) => names.goals.get(key) ?? name;
  const area = (code: string, name: string) => names.areas.get(code) ?? name;
  return {
    ...f,
    items: f.items.map((i) => ({
      ...i,
      goal: { ...i.goal, name: goal(i.goal.key, i.goal.name) },
      area: { ...i.area, name: area(i.area.code, i.area.name), groupName: area(i.area.groupCode, i.area.groupName) },
      summary: { ...i.summary, types: i.summary.types.map((x) => ({ ...x, name: names.types.get(x.name) ?? x.name })) },
    })),
    goals: f.goals.map((g) => ({ ...g, name: goal(g.key, g.name) })),
    areaGroups: f.areaGroups.map((g) => ({ ...g, name: area(g.code, g.name) })),
  };
}
