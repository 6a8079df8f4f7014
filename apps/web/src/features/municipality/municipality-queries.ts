import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';

export type MunicipalityReport = components['schemas']['MunicipalityReport'];
export type OwnersTable = components['schemas']['OwnersTable'];
/** A year, or a period of dates. */
export type ReportPeriod = { year: number } | { from: string; to: string };

export const municipalityKeys = {
  all: ['reports', 'municipality'] as const,
  report: (code: string, period: ReportPeriod) => [...municipalityKeys.all, code, period] as const,
  owners: (year: number) => ['reports', 'owners', year] as const,
};

function json<T>(value: T): Exclude<T, string> {
  if (typeof value === 'string') throw new Error('Expected a JSON report');
  return value as Exclude<T, string>;
}

export function useMunicipalityReport(code: string, period: ReportPeriod) {
  return useQuery({
    queryKey: municipalityKeys.report(code, period),
    queryFn: async () => json(unwrap(await api.GET('/api/v1/reports/municipality/{code}', { params: { path: { code }, query: period } }))),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useOwnersTable(year: number, enabled = true) {
  return useQuery({
    queryKey: municipalityKeys.owners(year),
    queryFn: async () => json(unwrap(await api.GET('/api/v1/reports/owners', { params: { query: { year } } }))),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The same report as a file. */
export function municipalityFileUrl(code: string, period: ReportPeriod, output: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams({ ...Object.fromEntries(Object.entries(period).map(([k, v]) => [k, String(v)])), output });
  return `/api/v1/reports/municipality/${encodeURIComponent(code)}?${q}`;
}
export function ownersFileUrl(year: number, output: 'csv' | 'xlsx'): string {
  return `/api/v1/reports/owners?${new URLSearchParams({ year: String(year), output })}`;
}
