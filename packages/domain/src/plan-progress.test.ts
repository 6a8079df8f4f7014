import { describe, expect, it } from 'vitest';
import { isPlanItemFinished, isPlanItemFlagged, planCoverage, planProgress, targetFromPlanned, targetFromPlannedLine } from './plan-progress.ts';

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
