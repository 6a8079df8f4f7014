import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { todayInSweden } from '@fou/domain';
import { reportFileUrl, useGoalByAreaReport, useGoalTrendReport, useReachReport, useVbReport } from '../api/reports.ts';
import { usePreloadCharts } from '../components/Chart.tsx';
import { CrosstabSection, ReachSection, TrendSection, VbTableSection } from '../components/ReportSections.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { EvaluationReportSection } from '../features/evaluations/EvaluationReportSection.tsx';
import { OwnersTableSection } from '../features/municipality/OwnersTableSection.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FIRST_PAGE_YEAR as FIRST_YEAR, requestedYear, useDefaultYear } from '../years/useDefaultYear.ts';


function Downloads({ path, query, name, children }: { path: string; query: Record<string, string | number>; name: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <p className="exports no-print">
      <a className="button button--small" href={reportFileUrl(path, query, 'csv')} download>
        {t.overview.downloadCsv}<span className="visually-hidden">: {name}</span>
      </a>
      <a className="button button--small" href={reportFileUrl(path, query, 'xlsx')} download>
        {t.overview.downloadXlsx}<span className="visually-hidden">: {name}</span>
      </a>
      {children}
    </p>
  );
}

export function OverviewPage() {
  const { t, number } = useI18n();
  useDocumentTitle(t.overview.title);
  const [sp, setSp] = useSearchParams();
  const thisYear = Number(todayInSweden().slice(0, 4));
  const requested = requestedYear(sp, thisYear);
  const chosen = useDefaultYear(requested, 'activities');
  const year = chosen.year ?? thisYear;
  const ready = chosen.year !== undefined;
  // Every visit here draws charts: Chart.js runs while the reports are being counted, after the headings are drawn.
  usePreloadCharts(ready);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const trendFrom = Math.max(FIRST_YEAR, year - 8);

  const vb = useVbReport(year, ready);
  const crosstab = useGoalByAreaReport(year, ready);
  const reach = useReachReport(year, ready);
  const trend = useGoalTrendReport(trendFrom, year, ready);

  // The page appears in steps, each added below what is already drawn, so nothing moves (sections arriving one
  // by one used to push those below them down): the heading and the year once the year is known, the annual
  // report's tables, then the other three together. After that, a new year keeps the old figures until the new
  // ones are here.
  if (chosen.isError) return <p role="alert">{t.common.loadError}</p>;
  if (!ready) return <p role="status">{t.common.loading}</p>;
  const extraFailed = crosstab.isError || reach.isError || trend.isError;

  return (
    <>
      <div className="page-head">
        <h1>
          {t.overview.title} {year}
        </h1>
        <div className="field field--inline">
          <label htmlFor="overview-year">{t.overview.year}</label>
          <select id="overview-year" className="input" value={year} onChange={(e) => setSp({ year: e.target.value })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {chosen.reason ? <p className="year-note">{chosen.reason === 'latest' ? t.overview.yearLatest(year) : t.overview.yearLastYear(year)}</p> : null}

      <section className="vb-section" aria-labelledby="vb-heading">
        <h2 id="vb-heading">{t.overview.vbHeading}</h2>
        {vb.isError ? (
          <p role="alert">{t.common.loadError}</p>
        ) : !vb.data ? (
          <p role="status">{t.common.loading}</p>
        ) : (
          <>
            <p className="lead">{t.overview.activities(vb.data.activityCount, number(vb.data.activityCount))}</p>
            <Downloads path={`vb/${year}`} query={{}} name={t.overview.vbHeading}>
              <button type="button" className="button button--small" onClick={() => window.print()}>
                {t.overview.print}
              </button>
            </Downloads>
            {vb.data.activityCount === 0 ? <p>{t.overview.noData}</p> : vb.data.tables.map((table) => <VbTableSection key={table.id} table={table} year={year} />)}
          </>
        )}
      </section>

      {vb.data ? <OwnersTableSection year={year} enabled={ready} /> : null}

      {!vb.data ? null : extraFailed ? (
        <p role="alert">{t.common.loadError}</p>
      ) : crosstab.data && reach.data && trend.data ? (
        <div className="overview-extra">
          <CrosstabSection
            data={crosstab.data}
            year={year}
            actions={<Downloads path="crosstab" query={{ rows: 'goal', cols: 'areaGroup', year, percent: 'row' }} name={t.overview.crosstab} />}
          />
          <ReachSection data={reach.data} year={year} actions={<Downloads path="reach" query={{ year }} name={t.overview.reach} />} />
          <TrendSection
            data={trend.data}
            actions={<Downloads path="trend" query={{ dimension: 'goal', fromYear: trendFrom, toYear: year }} name={t.overview.trend} />}
          />
          <EvaluationReportSection year={year} />
        </div>
      ) : (
        <p role="status">{t.common.loading}</p>
      )}
    </>
  );
}
