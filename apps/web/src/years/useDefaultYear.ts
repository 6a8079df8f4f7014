/**
 * The year a yearly page (the overview, the plan) shows: the one in the address, or else the domain's default
 * (packages/domain/src/default-year.ts) over the years that have what the page shows, with a sentence saying why
 * when it is not simply the current year.
 */
import { defaultYear, todayInSweden, type DefaultYearReason } from '@fou/domain';
import { useYearsWithData } from '../api/reports.ts';

/** The first year the yearly pages offer in their year choice. */
export const FIRST_PAGE_YEAR = 2016;

/** The year named in the address (?year=) when it is one the page offers (FIRST_PAGE_YEAR to lastYear), else null. */
export function requestedYear(sp: URLSearchParams, lastYear: number): number | null {
  if (!sp.has('year')) return null;
  const y = Number(sp.get('year'));
  return Number.isInteger(y) && y >= FIRST_PAGE_YEAR && y <= lastYear ? y : null;
}

export interface PageYear {
  /** Undefined while the years with data are on their way (only without a year in the address). */
  year: number | undefined;
  /** Why this year was chosen, when the address named none and it is not the current year with data. */
  reason: Exclude<DefaultYearReason, 'current' | 'empty'> | null;
  isError: boolean;
}

export function useDefaultYear(requested: number | null, what: 'activities' | 'planItems', today = todayInSweden()): PageYear {
  const years = useYearsWithData(requested === null);
  if (requested !== null) return { year: requested, reason: null, isError: false };
  if (!years.data) return { year: undefined, reason: null, isError: years.isError };
  const d = defaultYear(today, years.data.filter((y) => y[what] > 0).map((y) => y.year));
  // An empty current year needs no sentence: the page says it has nothing yet.
  return { year: d.year, reason: d.reason === 'current' || d.reason === 'empty' ? null : d.reason, isError: false };
}
