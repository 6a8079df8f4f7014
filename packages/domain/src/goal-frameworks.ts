/** Which goal framework applies on a date: the one whose validity period contains it. */

export interface FrameworkPeriod {
  validFrom: string;
  validTo: string | null;
}

export function frameworkCovers(f: FrameworkPeriod, isoDate: string): boolean {
  return f.validFrom <= isoDate && (f.validTo === null || isoDate <= f.validTo);
}

/** The framework valid on the date, or undefined when none is (before the first plan, or in a gap). */
export function frameworkForDate<F extends FrameworkPeriod>(frameworks: readonly F[], isoDate: string): F | undefined {
  return frameworks.find((f) => frameworkCovers(f, isoDate));
}

/** Two periods overlap when each starts before the other ends (open ends run forever). */
export function periodsOverlap(a: FrameworkPeriod, b: FrameworkPeriod): boolean {
  const aEnds = a.validTo ?? '9999-12-31';
  const bEnds = b.validTo ?? '9999-12-31';
  return a.validFrom <= bEnds && b.validFrom <= aEnds;
}
