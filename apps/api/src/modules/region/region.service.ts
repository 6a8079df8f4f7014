/**
 * The regional comparison: per sharing unit and year, how many activities, how they spread over goals and area
 * groups, how many owner municipalities took part and how many participants came. Aggregates only.
 *
 * Who sees which units is decided here, before anything is read:
 * - a region account sees the sharing units of its county (of every county when it has none);
 * - a chief sees the comparison only when their own unit shares (what you take part in, you see), and then the
 *   sharing units of their unit's county. A chief whose unit does not share gets an empty answer that says so
 *   (viewer.unitShares false) rather than a 403: the permission is theirs, the unit's choice is what is missing,
 *   and the page can say how to change it.
 */
import { goalNameForYear, percentsHalfUp, todayInSweden } from '@fou/domain';
import type { Principal } from '../../lib/access.ts';
import { ApiError } from '../../lib/errors.ts';
import type { RegionAggregatesRepository, YearRange } from './region-aggregates.repository.ts';
import type { Comparison, ComparisonQuery } from './region.schemas.ts';

/** How many years the page opens on: the latest year with data and the four before it. */
export const DEFAULT_SPAN = 5;

interface Visible { viewer: Comparison['viewer']; unitIds: number[]; units: Comparison['units'] }

function visibleUnits(repo: RegionAggregatesRepository, who: Principal): Visible {
  if (who.kind !== 'user') throw new ApiError(401, 'Du är inte inloggad.');
  if (who.role === 'region') {
    const county = repo.regionCounty(who.userId);
    if (county === undefined) throw new ApiError(403, 'Du har inte behörighet till detta.');
    const units = repo.sharingUnits(county);
    return { viewer: { role: 'region', county, unitShares: null }, unitIds: units.map((x) => x.id), units };
  }
  const own = who.unitId === null ? undefined : repo.unit(who.unitId);
  if (!own) throw new ApiError(403, 'Kontot hör inte till någon FoU-enhet.');
  if (!own.sharesComparison) return { viewer: { role: 'chef', county: own.county, unitShares: false }, unitIds: [], units: [] };
  // A unit without a county is compared with nobody but itself: no county is not "every county".
  const units = own.county === null ? repo.sharingUnits(null).filter((x) => x.id === own.id) : repo.sharingUnits(own.county);
  return { viewer: { role: 'chef', county: own.county, unitShares: true }, unitIds: units.map((x) => x.id), units };
}

/** The asked years, or the latest DEFAULT_SPAN years that have activities (this year when none has any). */
function yearRange(q: ComparisonQuery, dataYears: number[]): YearRange {
  const latest = dataYears.at(-1) ?? Number(todayInSweden().slice(0, 4));
  if (q.from !== undefined && q.to !== undefined) return { from: q.from, to: q.to };
  if (q.from !== undefined) return { from: q.from, to: Math.min(q.from + DEFAULT_SPAN - 1, Math.max(q.from, latest)) };
  if (q.to !== undefined) return { from: q.to - DEFAULT_SPAN + 1, to: q.to };
  const earliest = dataYears[0] ?? latest;
  return { from: Math.max(earliest, latest - DEFAULT_SPAN + 1), to: latest };
}

const bump = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n);

export function regionComparison(repo: RegionAggregatesRepository, who: Principal, q: ComparisonQuery): Comparison {
  const { viewer, unitIds, units } = visibleUnits(repo, who);
  const range = yearRange(q, repo.yearsWithActivities(unitIds));
  const years = Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);

  const english = q.lang === 'en';
  const counts = repo.goalAreaCounts(unitIds, range);
  const history = new Map<number, { name: string; replacedOn: string }[]>();
  for (const h of repo.goalNameHistory([...new Set(counts.map((c) => c.goalId))])) {
    (history.get(h.goalId) ?? history.set(h.goalId, []).get(h.goalId)!).push(h);
  }

  // The comparison's columns: every goal key and area group any unit used in the range, in their units' order.
  // A key's column name is the one it had in the latest year it was used (a unit's own name stays on its rows).
  const goalCols = new Map<string, { key: string; name: string; sort: number; year: number }>();
  const groupCols = new Map<string, { code: string; name: string; sort: number; year: number }>();
  const goalCounts = new Map<string, number>();
  const goalNames = new Map<string, string>();
  const groupCounts = new Map<string, number>();
  const groupNames = new Map<string, string>();
  const activities = new Map<string, number>();
  for (const c of counts) {
    const at = `${c.unitId}:${c.year}`;
    // In English a goal or group with an English name goes by it (its earlier names are Swedish), as in the reports.
    const goalName = english && c.goalNameEn ? c.goalNameEn : goalNameForYear(c.goalName, history.get(c.goalId) ?? [], c.year);
    const groupName = english && c.groupNameEn ? c.groupNameEn : c.groupName;
    const g = goalCols.get(c.goalKey);
    if (!g || c.year > g.year) goalCols.set(c.goalKey, { key: c.goalKey, name: goalName, sort: Math.min(c.goalSort, g?.sort ?? Infinity), year: c.year });
    const a = groupCols.get(c.groupCode);
    if (!a || c.year > a.year) groupCols.set(c.groupCode, { code: c.groupCode, name: groupName, sort: Math.min(c.groupSort, a?.sort ?? Infinity), year: c.year });
    bump(goalCounts, `${at}:${c.goalKey}`, c.n);
    goalNames.set(`${at}:${c.goalKey}`, goalName);
    bump(groupCounts, `${at}:${c.groupCode}`, c.n);
    groupNames.set(`${at}:${c.groupCode}`, groupName);
    bump(activities, at, c.n);
  }
  const bySort = <T extends { sort: number }>(xs: Iterable<T>, id: (x: T) => string) => [...xs].sort((x, y) => x.sort - y.sort || id(x).localeCompare(id(y)));
  const goals = bySort(goalCols.values(), (x) => x.key);
  const groups = bySort(groupCols.values(), (x) => x.code);

  const reach = new Map(repo.reachedMunicipalities(unitIds, range).map((r) => [`${r.unitId}:${r.year}`, r]));
  const owners = new Map(repo.activeMunicipalities(unitIds).map((r) => [r.unitId, r.n]));
  const participants = new Map(repo.participants(unitIds, range).map((r) => [`${r.unitId}:${r.year}`, r]));

  const rows: Comparison['rows'] = [];
  for (const unit of units) {
    for (const year of years) {
      const at = `${unit.id}:${year}`;
      const total = activities.get(at) ?? 0;
      const gc = goals.map((g) => goalCounts.get(`${at}:${g.key}`) ?? 0);
      const gp = percentsHalfUp(gc, total);
      const ac = groups.map((g) => groupCounts.get(`${at}:${g.code}`) ?? 0);
      const ap = percentsHalfUp(ac, total);
      const r = reach.get(at);
      const p = participants.get(at);
      rows.push({
        unitId: unit.id,
        year,
        activities: total,
        goals: goals.map((g, i) => ({ key: g.key, name: goalNames.get(`${at}:${g.key}`) ?? g.name, count: gc[i]!, percent: gp[i]! })),
        areaGroups: groups.map((g, i) => ({ code: g.code, name: groupNames.get(`${at}:${g.code}`) ?? g.name, count: ac[i]!, percent: ap[i]! })),
        municipalities: { reached: r?.reached ?? 0, of: (owners.get(unit.id) ?? 0) + (r?.inactiveReached ?? 0) },
        participants: { sum: p?.sum ?? 0, activitiesWithCount: p?.withCount ?? 0 },
      });
    }
  }

  return {
    from: range.from,
    to: range.to,
    years,
    viewer,
    units,
    goals: goals.map(({ key, name }) => ({ key, name })),
    areaGroups: groups.map(({ code, name }) => ({ code, name })),
    rows,
  };
}
