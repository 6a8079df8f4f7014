/**
 * The activity page's view of its series: the year's other evaluated events of the same activity type side by
 * side (all FoU-frukostar of 2023, as VB 2023 shows them), with the series' figures weighted by answers.
 */
import { Link } from 'react-router-dom';
import { TableWrap } from '../../components/ReportSections.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMean } from './EvaluationFigures.tsx';
import { useEvaluationReport, type Evaluation } from './evaluation-queries.ts';

export function EvaluationSeries({ ev }: { ev: Evaluation }) {
  const { t, number, percent, date } = useI18n();
  const e = t.evaluations;
  const mean = useMean();
  const report = useEvaluationReport({ year: ev.activity.year, groupBy: 'series' });
  if (!report.data) return null;
  const events = report.data.events.filter((x) => x.type === ev.activity.type);
  const series = report.data.groups.find((g) => g.key === ev.activity.type && g.year === ev.activity.year);
  // One event is no series to compare with.
  if (events.length < 2 || !series) return null;
  const pct = (x: number | null) => (x === null ? '–' : percent(x));
  const title = e.seriesHeading(ev.activity.type, ev.activity.year);
  return (
    <section aria-labelledby="evaluation-series-heading">
      <h3 id="evaluation-series-heading">{title}</h3>
      <TableWrap label={title}>
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{e.event}</th>
              <th scope="col" className="num">{e.answers}</th>
              <th scope="col" className="num">{e.mean}</th>
              <th scope="col" className="num">{e.fullyOrHigh}</th>
              <th scope="col" className="num">{e.affectsYesOrPartly}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((x) => (
              <tr key={x.evaluationId} aria-current={x.evaluationId === ev.id ? 'true' : undefined}>
                <th scope="row">
                  {x.evaluationId === ev.id ? <strong>{x.title}</strong> : <Link to={`/aktiviteter/${x.activityId}`}>{x.title}</Link>}
                  <span className="muted"> ({date(x.date)})</span>
                </th>
                <td className="num">{number(x.figures.answers)}</td>
                <td className="num">{mean(x.figures.ratingMean)}</td>
                <td className="num">{pct(x.figures.usefulFullyOrHigh)}</td>
                <td className="num">{pct(x.figures.affectsYesOrPartly)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{e.seriesTotal}</th>
              <td className="num">{number(series.figures.answers)}</td>
              <td className="num">{mean(series.figures.ratingMean)}</td>
              <td className="num">{pct(series.figures.usefulFullyOrHigh)}</td>
              <td className="num">{pct(series.figures.affectsYesOrPartly)}</td>
            </tr>
          </tfoot>
        </table>
      </TableWrap>
      <p className="muted">{report.data.note}</p>
    </section>
  );
}
