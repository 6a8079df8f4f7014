/**
 * The addresses of the overview's first five reports, in one place for the two that must agree on them: the boot
 * script (boot/early-requests.ts), which asks for them before the app's code has arrived, and the report hooks
 * (api/reports.ts), which take those answers by address. Self-contained for the same reason as the boot script:
 * vite.config.ts sends this function's source text along with it.
 */
export function overviewReportPaths() {
  return {
    vb: (year: number, rounding: string, lang: string) => `/api/v1/reports/vb/${year}?rounding=${rounding}&lang=${lang}`,
    crosstab: (year: number, rounding: string, lang: string) =>
      `/api/v1/reports/crosstab?rows=goal&cols=areaGroup&year=${year}&percent=row&rounding=${rounding}&lang=${lang}`,
    reach: (year: number, lang: string) => `/api/v1/reports/reach?year=${year}&lang=${lang}`,
    /** The owners' table under the annual report's (features/municipality/OwnersTableSection.tsx). */
    owners: (year: number, lang: string) => `/api/v1/reports/owners?year=${year}&lang=${lang}`,
    trend: (fromYear: number, toYear: number, rounding: string, lang: string) =>
      `/api/v1/reports/trend?dimension=goal&fromYear=${fromYear}&toYear=${toYear}&rounding=${rounding}&lang=${lang}`,
    /** The overview's trend: nine years up to the one shown, none before the first year the pages offer (2016). */
    trendFrom: (year: number) => Math.max(2016, year - 8),
    /** `?avrundning=100` in the address: the shares sum to 100 (largest remainder); otherwise as published. */
    /** The language the app will draw in: the one chosen on an earlier visit (I18nProvider's fou.lang), else Swedish. */
    lang: () => {
      try {
        return localStorage.getItem('fou.lang') === 'en' ? ('en' as const) : ('sv' as const);
      } catch {
        return 'sv' as const;
      }
    },
    rounding: (search: URLSearchParams) => (search.get('avrundning') === '100' ? ('largestRemainder' as const) : ('halfUp' as const)),
  };
}
