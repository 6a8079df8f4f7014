import { useDeferredValue, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useChoiceParams } from '../components/useChoiceParams.ts';
import { todayInSweden } from '@fou/domain';
import {
  annualReportDocxUrl, chartFileUrl, reportFileUrl, useGoalByAreaReport, useGoalTrendReport, useReachReport, useVbReport, type Rounding,
} from '../api/reports.ts';
import { usePreloadCharts } from '../components/Chart.tsx';
import { useOneMorePerTask } from '../components/useOneMorePerTask.ts';
import { CrosstabSection, ReachSection, TrendSection, VbTableSection } from '../components/ReportSections.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { EvaluationReportSection } from '../features/evaluations/EvaluationReportSection.tsx';
import { OwnersTableSection } from '../features/municipality/OwnersTableSection.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Lang } from '../i18n/messages.ts';
import { overviewReportPaths } from '../boot/overview-report-paths.ts';
import { FIRST_PAGE_YEAR as FIRST_YEAR, requestedYear, useDefaultYear } from '../years/useDefaultYear.ts';

function Downloads({ path, query, name, children }: { path: string; query: Record<string, string | number>; name: string; children?: ReactNode }) {
  const { t, lang } = useI18n();
  return (
    <p className="exports no-print">
      <a className="button button--small" href={reportFileUrl(path, query, 'csv', lang)} download>
        {t.overview.downloadCsv}<span className="visually-hidden">: {name}</span>
      </a>
      <a className="button button--small" href={reportFileUrl(path, query, 'xlsx', lang)} download>
        {t.overview.downloadXlsx}<span className="visually-hidden">: {name}</span>
      </a>
      {children}
    </p>
  );
}

export function OverviewPage() {
  const { t } = useI18n();
  useDocumentTitle(t.overview.title);
  const [sp, setSp] = useChoiceParams();
  const thisYear = Number(todayInSweden().slice(0, 4));
  const requested = requestedYear(sp, thisYear);
  // A year in the address that the page does not offer (?year=2031) is said, not swapped silently for another.
  const outOfRange = sp.has('year') && requested === null ? sp.get('year') ?? '' : null;
  const chosen = useDefaultYear(requested, 'activities');
  const year = chosen.year ?? thisYear;
  const ready = chosen.year !== undefined && outOfRange === null;
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const paths = overviewReportPaths();
  const trendFrom = paths.trendFrom(year);
  const rounding: Rounding = paths.rounding(sp);
  const setRounding = (r: Rounding) => {
    const next = new URLSearchParams(sp);
    if (r === 'largestRemainder') next.set('avrundning', '100');
    else next.delete('avrundning');
    if (!next.has('year')) next.set('year', String(year));
    setSp(next);
  };
  // Each section asks for its own report, so an answer that arrives redraws only the section it is for: the page
  // used to hold all four and redraw everything six times as they came in, the most of its blocking time on a phone.
  const sections = { year, rounding, trendFrom, ready };
  // The page appears in steps, each added below what is already drawn, so nothing moves (sections arriving one
  // by one used to push those below them down): the heading and the year once the year is known, the annual
  // report's tables, then the other three together. After that, a new year keeps the old figures until the new
  // ones are here.
  const yearSelect = (
    <div className="field field--inline">
      <label htmlFor="overview-year">{t.overview.year}</label>
      <select id="overview-year" className="input" value={outOfRange === null ? year : ''} onChange={(e) => setSp({ year: e.target.value })}>
        {outOfRange !== null ? <option value="">–</option> : null}
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
  if (outOfRange !== null) {
    return (
      <>
        <div className="page-head">
          <h1>{t.overview.title}</h1>
          {yearSelect}
        </div>
        <p role="alert">{t.overview.outOfRange(outOfRange, FIRST_YEAR, thisYear)}</p>
      </>
    );
  }
  if (chosen.isError) return <p role="alert">{t.common.loadError}</p>;
  if (!ready) return <p role="status">{t.common.loading}</p>;
  return (
    <>
      <div className="page-head">
        <h1>
          {t.overview.title} {year}
        </h1>
        {yearSelect}
      </div>
      {chosen.reason ? <p className="year-note">{chosen.reason === 'latest' ? t.overview.yearLatest(year) : t.overview.yearLastYear(year)}</p> : null}

      <VbSection {...sections} setRounding={setRounding} />
      <ExtraSections {...sections} />
    </>
  );
}

interface SectionProps {
  year: number;
  rounding: Rounding;
  trendFrom: number;
  ready: boolean;
}

// The chart images are drawn in the chosen language, as the tables are.
const chartUrl = (year: number, rounding: Rounding, lang: Lang) => (chart: string) => (format: 'png' | 'svg') => chartFileUrl(chart, year, rounding, format, lang);

/** The annual report's tables: the owners' table follows as the first of the parts below (ExtraSections). */
function VbSection({ year, rounding, ready, setRounding }: SectionProps & { setRounding: (r: Rounding) => void }) {
  const { t, number, lang } = useI18n();
  const vb = useVbReport(year, ready, rounding);
  // Every visit here draws charts. Chart.js runs once the tables are drawn: the boot script has usually asked for
  // the reports before the app's code arrived, so running it before them held back the page's largest text.
  usePreloadCharts(vb.data !== undefined);
  const empty = vb.data?.activityCount === 0;
  const url = chartUrl(year, rounding, lang);
  return (
    <>
      <section className="vb-section" aria-labelledby="vb-heading">
        <h2 id="vb-heading">{t.overview.vbHeading}</h2>
        {vb.isError ? (
          <p role="alert">{t.common.loadError}</p>
        ) : !vb.data ? (
          <p role="status">{t.common.loading}</p>
        ) : (
          <>
            {empty ? (
              <p className="empty-state">{t.overview.emptyYear(year)}</p>
            ) : (
              <>
                <p className="lead">{t.overview.activities(vb.data.activityCount, number(vb.data.activityCount))}</p>
                <Downloads path={`vb/${year}`} query={{ rounding }} name={t.overview.vbHeading}>
                  <a className="button button--small" href={annualReportDocxUrl(year, lang)} download>
                    {t.overview.downloadDocx}
                  </a>
                  <Link className="button button--small" to={`/verksamhetsberattelse/${year}`}>
                    {t.overview.annualReportView}
                  </Link>
                  <button type="button" className="button button--small" onClick={() => window.print()}>
                    {t.overview.print}
                  </button>
                </Downloads>
                <fieldset className="rounding no-print">
                  <legend>{t.overview.rounding}</legend>
                  <label>
                    <input type="radio" name="rounding" checked={rounding === 'halfUp'} onChange={() => setRounding('halfUp')} /> {t.overview.roundingHalfUp}
                  </label>
                  <label>
                    <input type="radio" name="rounding" checked={rounding === 'largestRemainder'} onChange={() => setRounding('largestRemainder')} /> {t.overview.roundingLargest}
                  </label>
                  <p className="muted">{t.overview.roundingHint}</p>
                </fieldset>
                {vb.data.tables.map((table) => <VbTableSection key={table.id} table={table} year={year} chartUrl={url(table.id)} />)}
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}

/**
 * The owners' table, goal by area, the municipalities' reach, the trend and the evaluations, once the reports of the
 * middle three are all here (one by one, in the order they answered, they pushed each other down), and only below a
 * year that has activities. They appear in page order, one per task: the owners' table is below a phone's first
 * screen and need not lengthen the first render. The annual report's answer is read from the cache the section
 * above filled, for whether the year is empty; until then this draws nothing.
 */
function ExtraSections({ year, rounding, trendFrom, ready }: SectionProps) {
  const { t, lang } = useI18n();
  const vb = useVbReport(year, ready, rounding);
  const crosstab = useGoalByAreaReport(year, ready, rounding);
  const reach = useReachReport(year, ready);
  const trend = useGoalTrendReport(trendFrom, year, ready, rounding);
  const url = chartUrl(year, rounding, lang);
  const all = crosstab.data && reach.data && trend.data ? { crosstab: crosstab.data, reach: reach.data, trend: trend.data } : undefined;
  // A new year's figures replace the old in one render, as a deferred value: React draws them in slices.
  const shown = useDeferredValue(all);
  const parts = useOneMorePerTask(5, shown !== undefined);
  if (!vb.data || vb.data.activityCount === 0) return null;
  if (crosstab.isError || reach.isError || trend.isError) return <p role="alert">{t.common.loadError}</p>;
  if (!shown || parts === 0) return <p role="status">{t.common.loading}</p>;
  return (
    <>
      {/* Outside .overview-extra: it is printed with the annual report's tables, the parts below are not. */}
      <OwnersTableSection year={year} enabled={ready} />
      <div className="overview-extra">
        {parts > 1 ? (
          <CrosstabSection
            data={shown.crosstab}
            year={year}
            chartUrl={url('mal-per-omrade')}
            actions={<Downloads path="crosstab" query={{ rows: 'goal', cols: 'areaGroup', year, percent: 'row', rounding }} name={t.overview.crosstab} />}
          />
        ) : null}
        {parts > 2 ? <ReachSection data={shown.reach} year={year} chartUrl={url('kommuner')} actions={<Downloads path="reach" query={{ year }} name={t.overview.reach} />} /> : null}
        {parts > 3 ? (
          <TrendSection
            data={shown.trend}
            chartUrl={url('trend')}
            actions={<Downloads path="trend" query={{ dimension: 'goal', fromYear: trendFrom, toYear: year, rounding }} name={t.overview.trend} />}
          />
        ) : null}
        {parts > 4 ? <EvaluationReportSection year={year} /> : null}
      </div>
    </>
  );
}
