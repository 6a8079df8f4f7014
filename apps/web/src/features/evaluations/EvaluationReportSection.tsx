/**
 * The overview's evaluation report for a year: per event, per series (activity type: all FoU-frukostar side by
 * side, as VB 2023 shows them), per result goal or per respondent municipality. A chart of the mean rating and the
 * "useful" share with the full table beside it, and the same tables as CSV/XLSX. Never the comments.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Chart } from '../../components/Chart.tsx';
import { TableWrap } from '../../components/ReportSections.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMean } from './EvaluationFigures.tsx';
import { evaluationReportFileUrl, useEvaluationReport, type ReportGroup } from './evaluation-queries.ts';

const GROUPS: ReportGroup[] = ['event', 'series', 'goal', 'municipality'];

export function EvaluationReportSection({ year, activity }: { year?: number; activity?: number }) {
  const { t, number, percent, date } = useI18n();
  const e = t.evaluations;
  const mean = useMean();
  const [groupBy, setGroupBy] = useState<ReportGroup>('event');
  const report = useEvaluationReport({ ...(year !== undefined ? { year } : {}), groupBy, ...(activity !== undefined ? { activity } : {}) });
  const pct = (x: number | null) => (x === null ? '–' : percent(x));
  const r = report.data;
  const rows = !r ? [] : groupBy === 'event'
    ? r.events.map((ev) => ({ key: String(ev.evaluationId), label: ev.title, sub: `${date(ev.date)} · ${ev.type} · ${e.sourceShort[ev.figures.source]}`, link: `/aktiviteter/${ev.activityId}`, f: ev.figures, rate: ev.responseRate }))
    : r.groups.map((g) => ({ key: `${g.key}-${g.year}`, label: g.label, sub: g.year === null ? '' : String(g.year), link: null, f: g.figures, rate: null }));
  const title = `${e.reportHeading}${year ? ` ${year}` : ''}: ${e.groups[groupBy].toLowerCase()}`;
  return (
    <section className="report-section" aria-labelledby="evaluation-report-heading">
      <h2 id="evaluation-report-heading">{e.reportHeading}</h2>
      <div className="field field--inline">
        <label htmlFor="evaluation-report-group">{e.reportGroup}</label>
        <select id="evaluation-report-group" className="input" value={groupBy} onChange={(x) => setGroupBy(x.target.value as ReportGroup)}>
          {GROUPS.map((g) => <option key={g} value={g}>{e.groups[g]}</option>)}
        </select>
      </div>
      {report.isError ? <p role="alert">{t.common.loadError}</p> : !r ? <p role="status">{t.common.loading}</p> : rows.length === 0 ? <p>{e.noEvaluations}</p> : (
        <>
          {r.note ? <p className="muted">{r.note}</p> : null}
          <Chart
            title={title}
            fileName={`utvarderingar-${groupBy}${year ? `-${year}` : ''}`}
            kind="horizontalBar"
            tableBelow
            labels={rows.map((x) => x.label)}
            series={[{ label: e.meanChart, data: rows.map((x) => x.f.ratingMean ?? 0) }]}
            table={
              <TableWrap label={title} wide>
                <table className="data-table">
                  <caption className="visually-hidden">{title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{groupBy === 'event' ? e.event : e.group}</th>
                      <th scope="col" className="num">{e.answers}</th>
                      {groupBy === 'event' ? <th scope="col" className="num">{e.responseRate}</th> : null}
                      <th scope="col" className="num">{e.mean}</th>
                      <th scope="col" className="num">{e.fullyOrHigh}</th>
                      <th scope="col" className="num">{e.usefulPartly}</th>
                      <th scope="col" className="num">{e.affectsYesOrPartly}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((x) => (
                      <tr key={x.key}>
                        <th scope="row">
                          {x.link ? <Link to={x.link}>{x.label}</Link> : x.label}
                          {x.sub ? <span className="muted"> ({x.sub})</span> : null}
                        </th>
                        <td className="num">{number(x.f.answers)}</td>
                        {groupBy === 'event' ? <td className="num">{pct(x.rate)}</td> : null}
                        <td className="num">{mean(x.f.ratingMean)}</td>
                        <td className="num">{pct(x.f.usefulFullyOrHigh)}</td>
                        <td className="num">{pct(x.f.useful.delvis)}</td>
                        <td className="num">{pct(x.f.affectsYesOrPartly)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            }
          />
          <p className="exports no-print">
            <a className="button button--small" href={evaluationReportFileUrl({ ...(year !== undefined ? { year } : {}), groupBy }, 'csv')} download>
              {t.overview.downloadCsv}<span className="visually-hidden">: {title}</span>
            </a>
            <a className="button button--small" href={evaluationReportFileUrl({ ...(year !== undefined ? { year } : {}), groupBy }, 'xlsx')} download>
              {t.overview.downloadXlsx}<span className="visually-hidden">: {title}</span>
            </a>
          </p>
        </>
      )}
    </section>
  );
}
