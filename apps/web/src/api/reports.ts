import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import { takeEarly } from './early.ts';

/** Report answers may be CSV text when asked for a file; the overview always asks for JSON. */
function json<T>(value: T): Exclude<T, string> {
  if (typeof value === 'string') throw new Error('Expected a JSON report');
  return value as Exclude<T, string>;
}

export const reportKeys = {
  all: ['reports'] as const,
  vb: (year: number) => [...reportKeys.all, 'vb', year] as const,
  crosstab: (year: number) => [...reportKeys.all, 'crosstab', 'goal', 'areaGroup', year] as const,
  reach: (year: number) => [...reportKeys.all, 'reach', year] as const,
  trend: (fromYear: number, toYear: number) => [...reportKeys.all, 'trend', 'goal', fromYear, toYear] as const,
  years: () => [...reportKeys.all, 'years'] as const,
};

/** The years with activities or plan items: which year the overview and the plan open on. */
export function useYearsWithData(enabled = true) {
  return useQuery({
    queryKey: reportKeys.years(),
    queryFn: async () => (await takeEarly('/api/v1/reports/years', async () => unwrap(await api.GET('/api/v1/reports/years')))).years,
    staleTime: 5 * 60_000,
    enabled,
  });
}

const common = { staleTime: 60_000, placeholderData: keepPreviousData };

export function useVbReport(year: number, enabled = true) {
  return useQuery({
    queryKey: reportKeys.vb(year),
    queryFn: async () => json(unwrap(await api.GET('/api/v1/reports/vb/{year}', { params: { path: { year } } }))),
    ...common,
    enabled,
  });
}

export function useGoalByAreaReport(year: number, enabled = true) {
  return useQuery({
    queryKey: reportKeys.crosstab(year),
    queryFn: async () =>
      json(unwrap(await api.GET('/api/v1/reports/crosstab', { params: { query: { rows: 'goal', cols: 'areaGroup', year, percent: 'row' } } }))),
    ...common,
    enabled,
  });
}

export function useReachReport(year: number, enabled = true) {
  return useQuery({
    queryKey: reportKeys.reach(year),
    queryFn: async () => json(unwrap(await api.GET('/api/v1/reports/reach', { params: { query: { year } } }))),
    ...common,
    enabled,
  });
}

export function useGoalTrendReport(fromYear: number, toYear: number, enabled = true) {
  return useQuery({
    queryKey: reportKeys.trend(fromYear, toYear),
    queryFn: async () => json(unwrap(await api.GET('/api/v1/reports/trend', { params: { query: { dimension: 'goal', fromYear, toYear } } }))),
    ...common,
    enabled,
  });
}

/** Links for the CSV and Excel downloads: the same report, asked for as a file. */
export function reportFileUrl(path: string, query: Record<string, string | number>, output: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams(Object.entries({ ...query, output }).map(([k, v]) => [k, String(v)]));
  return `/api/v1/reports/${path}?${q}`;
}
