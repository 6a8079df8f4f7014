/**
 * Percentages for report tables. Counts are integers, so both rules work in integer arithmetic: no float can
 * tip a .5 the wrong way.
 */

export type RoundingMethod = 'halfUp' | 'largestRemainder';

/**
 * Each row rounded half up on its own, as the published annual reports do: VB 2018's goal column reads
 * 32/27/33/9 (sum 101) while its Totalt row says 100. A zero total gives 0 everywhere.
 */
export function percentsHalfUp(counts: readonly number[], total = sum(counts)): number[] {
  if (total <= 0) return counts.map(() => 0);
  return counts.map((c) => Math.floor((200 * c + total) / (2 * total)));
}

/**
 * Largest remainder (Hamilton): floor every share, then hand the missing points to the largest remainders,
 * earlier rows first on ties. Always sums to exactly 100 when the total is positive.
 */
export function percentsLargestRemainder(counts: readonly number[]): number[] {
  const total = sum(counts);
  if (total <= 0) return counts.map(() => 0);
  const floors = counts.map((c) => Math.floor((100 * c) / total));
  const remainders = counts.map((c, i) => ({ i, r: 100 * c - floors[i]! * total }));
  let missing = 100 - sum(floors);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return floors;
}

/** Rounded percents by the chosen method. */
export function roundPercents(counts: readonly number[], method: RoundingMethod): number[] {
  return method === 'largestRemainder' ? percentsLargestRemainder(counts) : percentsHalfUp(counts);
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
