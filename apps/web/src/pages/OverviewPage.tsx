import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { reportFileUrl, useGoalByAreaReport, useGoalTrendReport, useReachReport, useVbReport } from '../api/reports.ts';
import { preloadCharts } from '../components/Chart.tsx';
import { CrosstabSection, ReachSection, TrendSection, VbTableSection } from '../components/ReportSections.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const FIRST_YEAR = 2016;

// Every visit here draws charts: Chart.js downloads while the reports are being counted, not after.
preloadCharts();

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

function Loading({ error }: { error: boolean }) {
  const { t } = useI18n();
  return error ? <p role="alert">{t.common.loadError}</p> : <p role="status">{t.common.loading}</p>;
}

export function OverviewPage() {
  const { t, number } = useI18n();
  useDocumentTitle(t.overview.title);
  const [sp, setSp] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const yearParam = Number(sp.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= FIRST_YEAR && yearParam <= thisYear ? yearParam : thisYear;
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const trendFrom = Math.max(FIRST_YEAR, year - 8);

  const vb = useVbReport(year);
  const crosstab = useGoalByAreaReport(year);
  const reach = useReachReport(year);
  const trend = useGoalTrendReport(trendFrom, year);

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

      <section className="vb-section" aria-labelledby="vb-heading">
        <h2 id="vb-heading">{t.overview.vbHeading}</h2>
        {vb.data ? (
          <>
            <p className="lead">{t.overview.activities(vb.data.activityCount, number(vb.data.activityCount))}</p>
            <Downloads path={`vb/${year}`} query={{}} name={t.overview.vbHeading}>
              <button type="button" className="button button--small" onClick={() => window.print()}>
                {t.overview.print}
              </button>
            </Downloads>
            {vb.data.activityCount === 0 ? <p>{t.overview.noData}</p> : vb.data.tables.map((table) => <VbTableSection key={table.id} table={table} year={year} />)}
          </>
        ) : (
          <Loading error={vb.isError} />
        )}
      </section>

      <div className="overview-extra">
        {crosstab.data ? (
          <CrosstabSection
            data={crosstab.data}
            year={year}
            actions={<Downloads path="crosstab" query={{ rows: 'goal', cols: 'areaGroup', year, percent: 'row' }} name={t.overview.crosstab} />}
          />
        ) : (
          <Loading error={crosstab.isError} />
        )}
        {reach.data ? (
          <ReachSection data={reach.data} year={year} actions={<Downloads path="reach" query={{ year }} name={t.overview.reach} />} />
        ) : (
          <Loading error={reach.isError} />
        )}
        {trend.data ? (
          <TrendSection
            data={trend.data}
            actions={<Downloads path="trend" query={{ dimension: 'goal', fromYear: trendFrom, toYear: year }} name={t.overview.trend} />}
          />
        ) : (
          <Loading error={trend.isError} />
        )}
      </div>
    </>
  );
}
