import { describe, expect, it } from 'vitest';
import { percentsHalfUp, percentsLargestRemainder, roundPercents } from './rounding.ts';

describe('percentsHalfUp', () => {
  it('reproduces VB 2018: goals 99/83/102/28 of 312 read 32/27/33/9 and sum to 101', () => {
    const p = percentsHalfUp([99, 83, 102, 28]);
    expect(p).toEqual([32, 27, 33, 9]);
    expect(p.reduce((a, b) => a + b, 0)).toBe(101);
  });
  it('reproduces VB 2018: areas 131/112/69 read 42/36/22', () => {
    expect(percentsHalfUp([131, 112, 69])).toEqual([42, 36, 22]);
  });
  it('rounds an exact half up (1 of 8 = 12.5 % → 13, 7 of 8 = 87.5 % → 88)', () => {
    expect(percentsHalfUp([1, 7])).toEqual([13, 88]);
  });
  it('gives 0 everywhere, not NaN, for a zero total', () => {
    expect(percentsHalfUp([0, 0, 0])).toEqual([0, 0, 0]);
    expect(percentsHalfUp([])).toEqual([]);
  });
  it('gives 100 for a single row', () => expect(percentsHalfUp([7])).toEqual([100]));
  it('takes an explicit total for multi-valued counts', () => expect(percentsHalfUp([3, 2], 4)).toEqual([75, 50]));
});

describe('percentsLargestRemainder', () => {
  it('sums to exactly 100 where half up gives 101', () => {
    const p = percentsLargestRemainder([99, 83, 102, 28]);
    expect(p.reduce((a, b) => a + b, 0)).toBe(100);
    // 31.73 / 26.60 / 32.69 / 8.97: floors 31/26/32/8 (97), the three largest remainders (.97, .73, .69) get a point.
    expect(p).toEqual([32, 26, 33, 9]);
  });
  it('breaks ties by order: three equal thirds give the extra point to the first', () => {
    expect(percentsLargestRemainder([1, 1, 1])).toEqual([34, 33, 33]);
  });
  it('keeps exact halves balanced: 1 and 1 of 8 at 12.5 % each', () => {
    expect(percentsLargestRemainder([1, 1, 6])).toEqual([13, 12, 75]);
  });
  it('gives 0 everywhere for a zero total, and 100 for a single row', () => {
    expect(percentsLargestRemainder([0, 0])).toEqual([0, 0]);
    expect(percentsLargestRemainder([5])).toEqual([100]);
  });
  it('always sums to 100 over many random columns', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 200; n++) {
      const counts: number[] = Array.from({ length: 1 + Math.floor(rand() * 9) }, () => Math.floor(rand() * 50));
      if (!counts.some((c) => c > 0)) counts[0] = 1;
      expect(percentsLargestRemainder(counts).reduce((a, b) => a + b, 0)).toBe(100);
    }
  });
});

describe('roundPercents', () => {
  it('chooses the method', () => {
    expect(roundPercents([99, 83, 102, 28], 'halfUp')).toEqual([32, 27, 33, 9]);
    expect(roundPercents([99, 83, 102, 28], 'largestRemainder')).toEqual([32, 26, 33, 9]);
  });
});
