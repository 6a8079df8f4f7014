/**
 * Plan follow-up arithmetic: how far an item of the annual plan has come, which items the council should
 * look at, and the numbers a plan states in words ("två informationstillfällen per termin" → 4).
 */

/** Linked activities as a fraction of the target; null when the plan sets no number (or sets zero). */
export function planProgress(activityCount: number, targetCount: number | null): number | null {
  if (targetCount === null || targetCount <= 0) return null;
  return activityCount / targetCount;
}

/** An item with nothing done by the follow-up date is flagged for the council. */
export function isPlanItemFlagged(activityCount: number): boolean {
  return activityCount === 0;
}

export interface PlanCoverage {
  /** Items in the plan. */
  planned: number;
  /** Items with at least one linked activity. */
  withActivity: number;
}

/** Planned items against items that have been started, for one goal or area group. */
export function planCoverage(activityCounts: readonly number[]): PlanCoverage {
  return { planned: activityCounts.length, withActivity: activityCounts.filter((n) => n > 0).length };
}

/** Statuses that close an item: it is not carried into the next year's plan. */
export const FINISHED_PLAN_STATUSES = ['genomford', 'inte_genomford'] as const;

export function isPlanItemFinished(status: string): boolean {
  return (FINISHED_PLAN_STATUSES as readonly string[]).includes(status);
}

const NUMBER_WORDS: Record<string, number> = {
  en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, tolv: 12,
};
// A year has two terms (vår, höst) and four quarters.
const PER: Record<string, number> = { termin: 2, år: 1, kvartal: 4, månad: 12 };

/**
 * The number of activities a planned line promises for the year, when it states one with a period:
 * "Genomföra en fältkurs per termin" → 2, "Handleda student i VFU minst en gång per år" → 1.
 * A number without a period ("Arrangera en Socionomdag") is an article, not a target: null.
 */
export function targetFromPlannedLine(line: string): number | null {
  const words = line.toLocaleLowerCase('sv').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] !== 'per') continue;
    const perYear = PER[words[i + 1]!];
    if (perYear === undefined) continue;
    // The nearest number before "per" is the count for that period.
    for (let j = i - 1; j >= 0; j--) {
      const w = words[j]!;
      const n = /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w];
      if (n !== undefined) return n * perYear;
    }
  }
  return null;
}

/** The item's target: the sum over its lines that state a number; null when none does. */
export function targetFromPlanned(lines: readonly string[]): number | null {
  const found = lines.map(targetFromPlannedLine).filter((n): n is number => n !== null);
  return found.length ? found.reduce((a, b) => a + b, 0) : null;
}

/**
 * Where an item's status says something its linked activities do not bear out, so the chief looks again before
 * the annual report quotes it:
 * - done_without_activity: genomförd, but no activity is linked;
 * - done_below_target: genomförd, but fewer activities than the plan promised;
 * - partly_done_without_activity: delvis genomförd, but nothing is linked;
 * - planned_with_activities: still planerad although activities have been done (the status was not moved on).
 * Pågår, framflyttad and inte genomförd say nothing a count could contradict: work can be under way before its
 * first event, and a postponed or dropped item may have had a start.
 */
export type PlanStatusContradiction =
  | { kind: 'done_without_activity' }
  | { kind: 'done_below_target'; activityCount: number; targetCount: number }
  | { kind: 'partly_done_without_activity' }
  | { kind: 'planned_with_activities'; activityCount: number };

export function planStatusContradiction(status: string, activityCount: number, targetCount: number | null): PlanStatusContradiction | null {
  if (status === 'genomford') {
    if (activityCount === 0) return { kind: 'done_without_activity' };
    if (targetCount !== null && activityCount < targetCount) return { kind: 'done_below_target', activityCount, targetCount };
  }
  if (status === 'delvis_genomford' && activityCount === 0) return { kind: 'partly_done_without_activity' };
  if (status === 'planerad' && activityCount > 0) return { kind: 'planned_with_activities', activityCount };
  return null;
}

/** One audited change of a plan item: the Swedish date it was made, and the status before and after it. */
export interface PlanStatusChange {
  /** Swedish calendar date of the change (YYYY-MM-DD). */
  day: string;
  action: 'create' | 'copy' | 'update';
  before: string | null;
  after: string | null;
}

/**
 * The status an item had at the end of `asOf`, read from its audit trail (oldest change first):
 * - known: the status after the last change made on or before that day; with no change by then, the status
 *   before the first change (when that change is an update, the trail begins mid-life);
 * - not_created: the item was created or copied after that day;
 * - unknown: the trail holds nothing on the item (e.g. loaded before the trail recorded plan items).
 */
export type StatusOnDate = { kind: 'known'; status: string } | { kind: 'not_created' } | { kind: 'unknown' };

export function planStatusOnDate(trail: readonly PlanStatusChange[], asOf: string): StatusOnDate {
  const withStatus = trail.filter((c) => c.after !== null);
  const last = withStatus.filter((c) => c.day <= asOf).at(-1);
  if (last) return { kind: 'known', status: last.after! };
  const first = withStatus[0];
  if (!first) return { kind: 'unknown' };
  if (first.action !== 'update') return { kind: 'not_created' };
  return first.before === null ? { kind: 'unknown' } : { kind: 'known', status: first.before };
}
