/**
 * The regional comparison: per sharing unit and year, activities, the spread over goals and areas, owner
 * municipalities reached and participants, each as a chart with its table beside it. Aggregates only: the API
 * never sends an activity, and this page has nothing to link to one.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useChoiceParams } from '../../components/useChoiceParams.ts';
import { todayInSweden } from '@fou/domain';
import { Chart, usePreloadCharts } from '../../components/Chart.tsx';
import { TableWrap } from '../../components/ReportSections.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FIRST_PAGE_YEAR } from '../../years/useDefaultYear.ts';
import { comparisonFileUrl, useComparison, type Comparison } from './region-queries.ts';

// Every visit draws charts: Chart.js downloads while the comparison is counted.

/** The API's limit on one comparison's range (region.schemas.ts). */
const MAX_YEARS = 20;

function yearParam(sp: URLSearchParams, name: string, last: number): number | undefined {
  const y = Number(sp.get(name));
  return sp.has(name) && Number.isInteger(y) && y >= FIRST_PAGE_YEAR && y <= last ? y : undefined;
}

type Row = Comparison['rows'][number];

function useTables(data: Comparison) {
  const unitName = new Map(data.units.map((u) => [u.id, u.shortName ?? u.name]));
  const rowOf = new Map(data.rows.map((r) => [`${r.unitId}:${r.year}`, r]));
  return {
    name: (id: number) => unitName.get(id) ?? String(id),
    row: (unitId: number, year: number): Row | undefined => rowOf.get(`${unitId}:${year}`),
  };
}

function Section({ id, title, note, children }: { id: string; title: string; note?: string; children: ReactNode }) {
  return (
    <section className="report-section" aria-labelledby={`region-${id}`}>
      <h2 id={`region-${id}`}>{title}</h2>
      {note ? <p>{note}</p> : null}
      {children}
    </section>
  );
}

/** A measure per unit (rows) and year (columns). */
function PerYearSection({ data, id, title, note, value, cell }: {
  data: Comparison; id: string; title: string; note?: string;
  value: (r: Row | undefined) => number; cell: (r: Row | undefined) => string;
}) {
  const { t } = useI18n();
  const { name, row } = useTables(data);
  return (
    <Section id={id} title={title} note={note}>
      <Chart
        title={title}
        fileName={`region-${id}-${data.from}-${data.to}`}
        kind="horizontalBar"
        tableBelow={data.years.length > 3}
        labels={data.units.map((u) => name(u.id))}
        series={data.years.map((y) => ({ label: String(y), data: data.units.map((u) => value(row(u.id, y))) }))}
        table={
          <TableWrap label={title} wide={data.years.length > 3}>
            <table className="data-table" data-table={id}>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.region.unit}</th>
                  {data.years.map((y) => (
                    <th key={y} scope="col" className="num">{y}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.units.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{name(u.id)}</th>
                    {data.years.map((y) => (
                      <td key={y} className="num">{cell(row(u.id, y))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        }
      />
    </Section>
  );
}

/** Shares of a distribution (goals or area groups): the chart for the last year, the table for every year. */
function ShareSection({ data, id, title, columns, pick }: {
  data: Comparison; id: string; title: string;
  columns: { key: string; name: string }[];
  pick: (r: Row) => { key: string; count: number; percent: number }[];
}) {
  const { t, number, percent } = useI18n();
  const { name, row } = useTables(data);
  const at = (r: Row | undefined, key: string) => (r ? pick(r).find((x) => x.key === key) : undefined);
  return (
    <Section id={id} title={title} note={t.region.chartYear(data.to)}>
      <Chart
        title={`${title} ${data.to}`}
        fileName={`region-${id}-${data.to}`}
        kind="stackedHorizontalBar"
        percent
        tableBelow
        labels={data.units.map((u) => name(u.id))}
        series={columns.map((c) => ({ label: c.name, data: data.units.map((u) => at(row(u.id, data.to), c.key)?.percent ?? 0) }))}
        table={
          <TableWrap label={title} wide>
            <table className="data-table" data-table={id}>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.region.unit}</th>
                  <th scope="col" className="num">{t.region.year}</th>
                  <th scope="col" className="num">{t.region.activities}</th>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className="num">{c.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={`${r.unitId}:${r.year}`}>
                    <th scope="row">{name(r.unitId)}</th>
                    <td className="num">{r.year}</td>
                    <td className="num">{number(r.activities)}</td>
                    {columns.map((c) => {
                      const x = at(r, c.key);
                      return (
                        <td key={c.key} className="num">
                          {percent(x?.percent ?? 0)} <span className="muted">({number(x?.count ?? 0)})</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        }
      />
    </Section>
  );
}

export function RegionPage() {
  usePreloadCharts();
  const { t, number, lang } = useI18n();
  const r = t.region;
  useDocumentTitle(r.title);
  const [sp, setSp] = useChoiceParams();
  const thisYear = Number(todayInSweden().slice(0, 4));
  const asked = { from: yearParam(sp, 'from', thisYear), to: yearParam(sp, 'to', thisYear) };
  const comparison = useComparison(asked);
  const data = comparison.data;
  const options = Array.from({ length: thisYear - FIRST_PAGE_YEAR + 1 }, (_, i) => thisYear - i);

  // While the new range's answer is on its way the old one is shown: the selects show the range asked for, not
  // the old answer's (they jumped back until the answer came), and the answer's own range once it is here.
  const shown = data && comparison.isPlaceholderData && asked.from !== undefined && asked.to !== undefined ? { from: asked.from, to: asked.to } : data;
  /** A new end of the range keeps the other end in order and within the API's limit. */
  function choose(which: 'from' | 'to', year: number) {
    if (!shown) return;
    let from = which === 'from' ? year : shown.from;
    let to = which === 'to' ? year : shown.to;
    if (from > to) [from, to] = which === 'from' ? [from, from] : [to, to];
    if (to - from >= MAX_YEARS) {
      if (which === 'from') to = from + MAX_YEARS - 1;
      else from = to - MAX_YEARS + 1;
    }
    setSp({ from: String(from), to: String(to) });
  }

  return (
    <>
      <h1>{r.title}</h1>
      <p className="lead">{r.intro}</p>
      {comparison.isError ? (
        <p role="alert">{t.common.loadError}</p>
      ) : !data ? (
        <p role="status">{t.common.loading}</p>
      ) : data.viewer.unitShares === false ? (
        <p className="notice">
          {r.notSharing} <Link to="/enhet">{r.toSettings}</Link>.
        </p>
      ) : (
        <>
          <p>
            {data.viewer.county === null ? (data.viewer.role === 'region' ? r.countyAll : null) : r.county(data.viewer.county)}{' '}
            {data.viewer.role === 'chef' ? r.reciprocity : null}
          </p>
          <div className="page-head region-years">
            <div className="field field--inline">
              <label htmlFor="region-from">{r.from}</label>
              <select id="region-from" className="input" value={shown!.from} onChange={(e) => choose('from', Number(e.target.value))}>
                {options.map((y) => (
                  <option key={y} value={y}>{y}</option>
                ))}
              </select>
            </div>
            <div className="field field--inline">
              <label htmlFor="region-to">{r.to}</label>
              <select id="region-to" className="input" value={shown!.to} onChange={(e) => choose('to', Number(e.target.value))}>
                {options.map((y) => (
                  <option key={y} value={y}>{y}</option>
                ))}
              </select>
            </div>
          </div>
          {data.units.length === 0 ? (
            <p>{r.noUnits}</p>
          ) : (
            <>
              <p className="exports no-print">
                <a className="button button--small" href={comparisonFileUrl(data.from, data.to, 'csv', lang)} download>
                  {t.overview.downloadCsv}<span className="visually-hidden">: {r.title}</span>
                </a>
                <a className="button button--small" href={comparisonFileUrl(data.from, data.to, 'xlsx', lang)} download>
                  {t.overview.downloadXlsx}<span className="visually-hidden">: {r.title}</span>
                </a>
              </p>
              <PerYearSection data={data} id="aktiviteter" title={r.activitiesHeading} value={(x) => x?.activities ?? 0} cell={(x) => number(x?.activities ?? 0)} />
              <ShareSection data={data} id="resultatmal" title={r.goalsHeading} columns={data.goals} pick={(x) => x.goals} />
              <ShareSection data={data} id="verksamhetsomrade" title={r.areasHeading} columns={data.areaGroups.map((g) => ({ key: g.code, name: g.name }))} pick={(x) => x.areaGroups.map((g) => ({ ...g, key: g.code }))} />
              <PerYearSection
                data={data} id="kommuner" title={r.reachHeading} note={r.reachNote}
                value={(x) => x?.municipalities.reached ?? 0}
                cell={(x) => r.of(number(x?.municipalities.reached ?? 0), number(x?.municipalities.of ?? 0))}
              />
              <PerYearSection
                data={data} id="deltagare" title={r.participantsHeading} note={r.participantsNote}
                value={(x) => x?.participants.sum ?? 0}
                cell={(x) => `${number(x?.participants.sum ?? 0)} ${r.withCount(number(x?.participants.activitiesWithCount ?? 0))}`}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
