import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type YearsWithData } from './client.ts';
import { arrivedEarly, takeEarly } from './early.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Lang } from '../i18n/messages.ts';
import { overviewReportPaths } from '../boot/overview-report-paths.ts';

// The boot script may already have asked for these (a signed-in first load of /oversikt): taken by address.
const early = overviewReportPaths();

/** Report answers may be CSV text when asked for a file; the overview always asks for JSON. */
function json<T>(value: T): Exclude<T, string> {
  if (typeof value === 'string') throw new Error('Expected a JSON report');
  return value as Exclude<T, string>;
}

/** As published (each row half up on its own) or summing to 100 (largest remainder). */
export type Rounding = 'halfUp' | 'largestRemainder';

export const reportKeys = {
  all: ['reports'] as const,
  // The reports are written in the chosen language (headings, totals, the registers' English names): one entry each.
  vb: (year: number, rounding: Rounding = 'halfUp', lang: Lang = 'sv') => [...reportKeys.all, 'vb', year, rounding, lang] as const,
  crosstab: (year: number, rounding: Rounding = 'halfUp', lang: Lang = 'sv') => [...reportKeys.all, 'crosstab', 'goal', 'areaGroup', year, rounding, lang] as const,
  reach: (year: number, lang: Lang = 'sv') => [...reportKeys.all, 'reach', year, lang] as const,
  trend: (fromYear: number, toYear: number, rounding: Rounding = 'halfUp', lang: Lang = 'sv') => [...reportKeys.all, 'trend', 'goal', fromYear, toYear, rounding, lang] as const,
  annualReport: (year: number, lang: Lang = 'sv') => [...reportKeys.all, 'annual-report', year, lang] as const,
  years: () => [...reportKeys.all, 'years'] as const,
};

/** The years with activities or plan items: which year the overview and the plan open on. */
export function useYearsWithData(enabled = true) {
  return useQuery({
    queryKey: reportKeys.years(),
    queryFn: async () => (await takeEarly('/api/v1/reports/years', async () => unwrap(await api.GET('/api/v1/reports/years')))).years,
    initialData: () => arrivedEarly<YearsWithData>('/api/v1/reports/years')?.years,
    staleTime: 5 * 60_000,
    enabled,
  });
}

const common = { staleTime: 60_000, placeholderData: keepPreviousData };

export function useVbReport(year: number, enabled = true, rounding: Rounding = 'halfUp') {
  const { lang } = useI18n();
  return useQuery({
    queryKey: reportKeys.vb(year, rounding, lang),
    queryFn: async () =>
      json(await takeEarly(early.vb(year, rounding, lang), async () => unwrap(await api.GET('/api/v1/reports/vb/{year}', { params: { path: { year }, query: { rounding, lang } } })))),
    initialData: () => arrivedEarly(early.vb(year, rounding, lang)),
    ...common,
    enabled,
  });
}

export function useGoalByAreaReport(year: number, enabled = true, rounding: Rounding = 'halfUp') {
  const { lang } = useI18n();
  return useQuery({
    queryKey: reportKeys.crosstab(year, rounding, lang),
    queryFn: async () =>
      json(
        await takeEarly(early.crosstab(year, rounding, lang), async () =>
          unwrap(await api.GET('/api/v1/reports/crosstab', { params: { query: { rows: 'goal', cols: 'areaGroup', year, percent: 'row', rounding, lang } } })),
        ),
      ),
    initialData: () => arrivedEarly(early.crosstab(year, rounding, lang)),
    ...common,
    enabled,
  });
}

export function useReachReport(year: number, enabled = true) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: reportKeys.reach(year, lang),
    queryFn: async () => json(await takeEarly(early.reach(year, lang), async () => unwrap(await api.GET('/api/v1/reports/reach', { params: { query: { year, lang } } })))),
    initialData: () => arrivedEarly(early.reach(year, lang)),
    ...common,
    enabled,
  });
}

export function useGoalTrendReport(fromYear: number, toYear: number, enabled = true, rounding: Rounding = 'halfUp') {
  const { lang } = useI18n();
  return useQuery({
    queryKey: reportKeys.trend(fromYear, toYear, rounding, lang),
    queryFn: async () =>
      json(
        await takeEarly(early.trend(fromYear, toYear, rounding, lang), async () =>
          unwrap(await api.GET('/api/v1/reports/trend', { params: { query: { dimension: 'goal', fromYear, toYear, rounding, lang } } })),
        ),
      ),
    initialData: () => arrivedEarly(early.trend(fromYear, toYear, rounding, lang)),
    ...common,
    enabled,
  });
}

/** Links for the CSV and Excel downloads: the same report, asked for as a file. */
export function reportFileUrl(path: string, query: Record<string, string | number>, output: 'csv' | 'xlsx', lang: Lang = 'sv'): string {
  const q = new URLSearchParams(Object.entries({ ...query, output, lang }).map(([k, v]) => [k, String(v)]));
  return `/api/v1/reports/${path}?${q}`;
}

/** A chart drawn on the server for print (2000 px PNG or SVG, with title, year, n and values): the Word document's. */
export function chartFileUrl(chart: string, year: number, rounding: Rounding, format: 'png' | 'svg', lang: Lang = 'sv'): string {
  return `/api/v1/reports/charts/${chart}?${new URLSearchParams({ year: String(year), rounding, format, lang })}`;
}

/** The year's Word document (Swedish, as published, unless English is chosen), and its content as JSON for the print view. */
export const annualReportDocxUrl = (year: number, lang: Lang = 'sv') => `/api/v1/annual-report/${year}?${new URLSearchParams({ output: 'docx', lang })}`;

export function useAnnualReport(year: number) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: reportKeys.annualReport(year, lang),
    queryFn: async () => {
      const r = unwrap(await api.GET('/api/v1/annual-report/{year}', { params: { path: { year }, query: { lang } } }));
      if (typeof r === 'string') throw new Error('Expected JSON');
      return r;
    },
    staleTime: 60_000,
  });
}
