import { describe, expect, it } from 'vitest';
import {
  isPlanItemFinished, isPlanItemFlagged, planCoverage, planProgress, planStatusContradiction, planStatusOnDate, targetFromPlanned, targetFromPlannedLine,
  type PlanStatusChange,
} from './plan-progress.ts';

describe('planProgress', () => {
  it('is the count over the target as a fraction', () => {
    expect(planProgress(1, 4)).toBe(0.25);
    expect(planProgress(3, 2)).toBe(1.5);
    expect(planProgress(0, 4)).toBe(0);
  });
  it('is null without a target, and for a target of zero (nothing to divide by)', () => {
    expect(planProgress(5, null)).toBeNull();
    expect(planProgress(5, 0)).toBeNull();
  });
});

describe('isPlanItemFlagged', () => {
  it('flags an item without any linked activity, and only that', () => {
    expect(isPlanItemFlagged(0)).toBe(true);
    expect(isPlanItemFlagged(1)).toBe(false);
  });
});

describe('planCoverage', () => {
  it('counts planned items and those with at least one activity', () => {
    expect(planCoverage([0, 3, 1, 0])).toEqual({ planned: 4, withActivity: 2 });
    expect(planCoverage([])).toEqual({ planned: 0, withActivity: 0 });
  });
});

describe('isPlanItemFinished', () => {
  it.each([['genomford', true], ['inte_genomford', true], ['planerad', false], ['pagar', false], ['delvis_genomford', false], ['framflyttad', false]])('%s → %s', (s, want) => {
    expect(isPlanItemFinished(s)).toBe(want);
  });
});

describe('targetFromPlannedLine', () => {
  it.each([
    ['Arrangera två informationstillfällen per termin för nyanställda', 4],
    ['Genomföra en fältkurs per termin med Stockholms universitet', 2],
    ['Handleda student i VFU minst en gång per år', 1],
    ['Hålla 3 seminarier per år', 3],
    ['Ett nyhetsbrev per kvartal', 4],
  ])('%s → %d', (line, want) => expect(targetFromPlannedLine(line)).toBe(want));
  it.each([
    'Arrangera en Socionomdag tillsammans med praktiker',
    'Arrangera nätverksträff per termin för kommunernas kontaktpersoner',
    'Skriva artiklar med forskare',
  ])('%s → null', (line) => expect(targetFromPlannedLine(line)).toBeNull());
});

describe('targetFromPlanned', () => {
  it('adds the lines that state a number and ignores the rest', () => {
    expect(targetFromPlanned(['Genomföra en fältkurs per termin', 'Arrangera nätverksträff per termin'])).toBe(2);
    expect(targetFromPlanned(['två träffar per termin', 'ett seminarium per år'])).toBe(5);
    expect(targetFromPlanned(['Delta i nätverket'])).toBeNull();
    expect(targetFromPlanned([])).toBeNull();
  });
});

describe('planStatusContradiction', () => {
  it('flags genomförd with no activity, and with fewer than the target', () => {
    expect(planStatusContradiction('genomford', 0, null)).toEqual({ kind: 'done_without_activity' });
    expect(planStatusContradiction('genomford', 0, 2)).toEqual({ kind: 'done_without_activity' });
    expect(planStatusContradiction('genomford', 1, 2)).toEqual({ kind: 'done_below_target', activityCount: 1, targetCount: 2 });
  });
  it('accepts genomförd at or above the target, or with activities and no target', () => {
    expect(planStatusContradiction('genomford', 2, 2)).toBeNull();
    expect(planStatusContradiction('genomford', 5, 2)).toBeNull();
    expect(planStatusContradiction('genomford', 1, null)).toBeNull();
  });
  it('flags delvis genomförd with nothing linked, and planerad with activities', () => {
    expect(planStatusContradiction('delvis_genomford', 0, 3)).toEqual({ kind: 'partly_done_without_activity' });
    expect(planStatusContradiction('delvis_genomford', 1, 3)).toBeNull();
    expect(planStatusContradiction('planerad', 3, 4)).toEqual({ kind: 'planned_with_activities', activityCount: 3 });
    expect(planStatusContradiction('planerad', 0, 4)).toBeNull();
  });
  it('leaves pågår, framflyttad and inte genomförd alone whatever the count', () => {
    for (const status of ['pagar', 'framflyttad', 'inte_genomford']) {
      expect(planStatusContradiction(status, 0, 2)).toBeNull();
      expect(planStatusContradiction(status, 3, 2)).toBeNull();
    }
  });
});

describe('planStatusOnDate', () => {
  const trail: PlanStatusChange[] = [
    { day: '2025-12-10', action: 'copy', before: null, after: 'planerad' },
    { day: '2026-03-02', action: 'update', before: 'planerad', after: 'pagar' },
    { day: '2026-06-30', action: 'update', before: 'pagar', after: 'genomford' },
    { day: '2026-09-01', action: 'update', before: 'genomford', after: 'delvis_genomford' },
  ];
  it('is the status after the last change on or before the day (a change on the day counts)', () => {
    expect(planStatusOnDate(trail, '2026-01-31')).toEqual({ kind: 'known', status: 'planerad' });
    expect(planStatusOnDate(trail, '2026-06-29')).toEqual({ kind: 'known', status: 'pagar' });
    expect(planStatusOnDate(trail, '2026-06-30')).toEqual({ kind: 'known', status: 'genomford' });
    expect(planStatusOnDate(trail, '2026-12-31')).toEqual({ kind: 'known', status: 'delvis_genomford' });
  });
  it('says when the item did not exist yet', () => {
    expect(planStatusOnDate(trail, '2025-12-09')).toEqual({ kind: 'not_created' });
  });
  it('takes the status before the first change when the trail begins with an update', () => {
    expect(planStatusOnDate(trail.slice(2), '2026-01-15')).toEqual({ kind: 'known', status: 'pagar' });
  });
  it('is unknown without a trail', () => {
    expect(planStatusOnDate([], '2026-06-30')).toEqual({ kind: 'unknown' });
  });
});
