/**
 * The addresses of the plan's and the activity list's first answers, in one place for the boot script
 * (boot/early-requests.ts), which asks for them before the app's code has arrived, and the hooks (api/plan-queries.ts,
 * api/queries.ts), which take those answers by address. Self-contained like overviewReportPaths: vite.config.ts
 * sends this function's source text.
 */
export function pagePaths() {
  return {
    /** The activity list's first page without filters, as the API client writes it (order, limit, withTotal). */
    activitiesFirstPage: (pageSize: number) => `/api/v1/activities?order=desc&limit=${pageSize}&withTotal=true`,
    /** The year's items, without filters: as the API client writes the query ({ year }). */
    items: (year: number) => `/api/v1/plan-items?year=${year}`,
    followup: (year: number, asOf: string) => `/api/v1/plan-followup?year=${year}&asOf=${asOf}`,
    /** The follow-up counts up to today while the year runs, the whole year once it is over, nothing before it starts. */
    defaultAsOf: (year: number, today: string) => {
      const start = `${year}-01-01`;
      const end = `${year}-12-31`;
      return today < start ? start : today > end ? end : today;
    },
  };
}
