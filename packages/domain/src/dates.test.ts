import { describe, expect, it } from 'vitest';
import { activityDateProblem, isIsoDate, todayInSweden, yearOf } from './dates.ts';
import { frameworkForDate, periodsOverlap } from './goal-frameworks.ts';

describe('isIsoDate', () => {
  it('accepts real dates, including 29 February in a leap year', () => {
    expect(isIsoDate('2018-03-14')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
  it.each(['2018-02-29', '2018-02-30', '2018-13-01', '2018-00-10', '18-01-01', '2018-1-1', '2018-01-01T00:00', ''])('rejects %j', (v) => {
    expect(isIsoDate(v)).toBe(false);
  });
  it('takes the year from the date', () => expect(yearOf('2023-12-31')).toBe(2023));
  it('gives the Swedish date just after midnight in Stockholm, while UTC is still on the day before', () => {
    expect(todayInSweden(new Date('2018-06-14T22:30:00Z'))).toBe('2018-06-15');
  });
  it('agrees with the Europe/Stockholm time zone data every third hour and around every change of clock', () => {
    const tz = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
    const instants: number[] = [];
    for (let t = Date.UTC(1994, 0, 1); t < Date.UTC(2041, 0, 1); t += 3 * 3_600_000) instants.push(t);
    // The minutes around midnight in Sweden on the nights the clock changes (and the change itself at 01:00 UTC).
    for (let y = 1996; y <= 2040; y++) {
      for (const month of [2, 9]) {
        for (let d = 25; d <= 31; d++) for (let m = -90; m <= 90; m += 5) instants.push(Date.UTC(y, month, d, 1) + m * 60_000, Date.UTC(y, month, d, 22) + m * 60_000);
      }
    }
    const wrong = instants.filter((t) => todayInSweden(new Date(t)) !== tz.format(new Date(t))).map((t) => new Date(t).toISOString());
    expect(wrong).toEqual([]);
  }, 60_000);
});

describe('goal frameworks over time', () => {
  const vp2018 = { code: 'vp2018', validFrom: '2017-09-01', validTo: '2023-12-31' };
  const vp2024 = { code: 'vp2024', validFrom: '2024-01-01', validTo: null };
  const all = [vp2018, vp2024];
  it('switches framework exactly at the boundary', () => {
    expect(frameworkForDate(all, '2023-12-31')?.code).toBe('vp2018');
    expect(frameworkForDate(all, '2024-01-01')?.code).toBe('vp2024');
  });
  it('has no framework before the first one starts', () => expect(frameworkForDate(all, '2017-08-31')).toBeUndefined());
  it('an open end runs forever', () => expect(frameworkForDate(all, '2099-01-01')?.code).toBe('vp2024'));
  it('detects overlapping periods, and adjacent ones as not overlapping', () => {
    expect(periodsOverlap(vp2018, vp2024)).toBe(false);
    expect(periodsOverlap(vp2018, { validFrom: '2023-12-31', validTo: null })).toBe(true);
    expect(periodsOverlap(vp2024, { validFrom: '2030-01-01', validTo: '2030-12-31' })).toBe(true);
  });
});

describe('the activity date range', () => {
  it('runs from 2000 to five years after this one, the same for dates and years', async () => {
    const { isActivityDate, isActivityYear, lastActivityYear, isFarAhead } = await import('./dates.ts');
    const today = '2026-12-01';
    expect(lastActivityYear(today)).toBe(2031);
    expect(isActivityYear(1999, today)).toBe(false);
    expect(isActivityYear(2000, today)).toBe(true);
    expect(isActivityYear(2031, today)).toBe(true);
    expect(isActivityYear(2032, today)).toBe(false);
    expect(isActivityDate('2000-01-01', today)).toBe(true);
    expect(isActivityDate('1999-12-31', today)).toBe(false);
    expect(isActivityDate('2031-12-31', today)).toBe(true);
    expect(isActivityDate('2032-01-01', today)).toBe(false);
    expect(isActivityDate('2999-01-01', today)).toBe(false);
    expect(isActivityDate('2031-02-30', today)).toBe(false);
    expect(isFarAhead('2027-12-01', today)).toBe(false);
    expect(isFarAhead('2027-12-02', today)).toBe(true);
    expect(isFarAhead('2026-06-01', today)).toBe(false);
  });
});

describe('activityDateProblem', () => {
  const today = '2026-12-02';
  it.each([
    ['2018-03-14', null],
    ['2024-02-29', null],
    ['2018-3-14', 'date_format'],
    ['14/3/2018', 'date_format'],
    ['', 'date_format'],
    ['2018-02-30', 'date_nonexistent'],
    ['2018-02-29', 'date_nonexistent'],
    ['2018-13-01', 'date_nonexistent'],
    ['2018-04-31', 'date_nonexistent'],
    ['0000-01-01', 'date_nonexistent'],
    ['1899-01-01', 'date_before_start'],
    ['1999-12-31', 'date_before_start'],
    ['2000-01-01', null],
    ['2031-12-31', null],
    ['2032-01-01', 'date_after_end'],
  ])('%j → %s (today %s)', (value, problem) => {
    expect(activityDateProblem(value, { today })).toBe(problem);
  });
  it('names a date before the unit’s follow-up began, and only then', () => {
    expect(activityDateProblem('2017-08-31', { today, followUpStart: '2017-09-01' })).toBe('date_before_follow_up');
    expect(activityDateProblem('2017-09-01', { today, followUpStart: '2017-09-01' })).toBe(null);
    expect(activityDateProblem('2017-08-31', { today })).toBe(null);
    // Before the earliest year it stays that problem, whatever the unit's start.
    expect(activityDateProblem('1899-01-01', { today, followUpStart: '2017-09-01' })).toBe('date_before_start');
  });
});
