import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { arrivedEarly, takeEarly } from '../../api/early.ts';
import { overviewReportPaths } from '../../boot/overview-report-paths.ts';
import type { components } from '../../api/schema.d.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Lang } from '../../i18n/messages.ts';

export type MunicipalityReport = components['schemas']['MunicipalityReport'];
export type OwnersTable = components['schemas']['OwnersTable'];
/** A year, or a period of dates. */
export type ReportPeriod = { year: number } | { from: string; to: string };

const early = overviewReportPaths();

export const municipalityKeys = {
  all: ['reports', 'municipality'] as const,
  // Written in the chosen language (headings, the registers' English names): one entry each.
  report: (code: string, period: ReportPeriod, lang: Lang = 'sv') => [...municipalityKeys.all, code, period, lang] as const,
  owners: (year: number, lang: Lang = 'sv') => ['reports', 'owners', year, lang] as const,
};

function json<T>(value: T): Exclude<T, string> {
  if (typeof value === 'string') throw new Error('Expected a JSON report');
  return value as Exclude<T, string>;
}

export function useMunicipalityReport(code: string, period: ReportPeriod) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: municipalityKeys.report(code, period, lang),
    queryFn: async () => json(unwrap(await api.GET('/api/v1/reports/municipality/{code}', { params: { path: { code }, query: { ...period, lang } } }))),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useOwnersTable(year: number, enabled = true) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: municipalityKeys.owners(year, lang),
    // On the overview the boot script may already have asked for it (a signed-in first load): taken by address.
    queryFn: async () => json(await takeEarly(early.owners(year, lang), async () => unwrap(await api.GET('/api/v1/reports/owners', { params: { query: { year, lang } } })))),
    initialData: () => arrivedEarly<OwnersTable>(early.owners(year, lang)),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The same report as a file, in the chosen language. */
export function municipalityFileUrl(code: string, period: ReportPeriod, output: 'csv' | 'xlsx', lang: Lang = 'sv'): string {
  const q = new URLSearchParams({ ...Object.fromEntries(Object.entries(period).map(([k, v]) => [k, String(v)])), output, lang });
  return `/api/v1/reports/municipality/${encodeURIComponent(code)}?${q}`;
}
export function ownersFileUrl(year: number, output: 'csv' | 'xlsx', lang: Lang = 'sv'): string {
  return `/api/v1/reports/owners?${new URLSearchParams({ year: String(year), output, lang })}`;
}
