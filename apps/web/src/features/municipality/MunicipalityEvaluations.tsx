/**
 * What the municipality's own staff thought of the unit's events that year: the answers given through the
 * evaluation link by respondents who said they work in this municipality. Figures entered from another survey tool
 * have no respondents' municipality, so they are not in it; the section says so.
 */
import { Link } from 'react-router-dom';
import { TableWrap } from '../../components/ReportSections.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMean } from '../evaluations/EvaluationFigures.tsx';
import { useEvaluationReport } from '../evaluations/evaluation-queries.ts';

export function MunicipalityEvaluations({ code, name, year }: { code: string; name: string; year: number }) {
  const { t, number, percent } = useI18n();
  const m = t.municipality;
  const mean = useMean();
  const report = useEvaluationReport({ year, groupBy: 'municipality' });
  const pct = (x: number | null) => (x === null ? '–' : percent(x));
  const own = report.data?.groups.find((g) => g.key === code);
  return (
    <section className="report-section" aria-labelledby="m-evaluations">
      <h2 id="m-evaluations">{m.evaluationsHeading}</h2>
      {report.isError ? (
        <p role="alert">{t.common.loadError}</p>
      ) : !report.data ? (
        <p role="status">{t.common.loading}</p>
      ) : !own || own.figures.answers === 0 ? (
        <p>{m.evaluationsNone(name, year)}</p>
      ) : (
        <TableWrap label={m.evaluationsHeading}>
          <table className="data-table">
            <caption className="visually-hidden">{m.evaluationsHeading}</caption>
            <tbody>
              <tr><th scope="row">{m.evaluationsAnswers(name)}</th><td className="num">{number(own.figures.answers)}</td></tr>
              <tr><th scope="row">{t.evaluations.mean}</th><td className="num">{mean(own.figures.ratingMean)}</td></tr>
              <tr><th scope="row">{t.evaluations.fullyOrHigh}</th><td className="num">{pct(own.figures.usefulFullyOrHigh)}</td></tr>
              <tr><th scope="row">{t.evaluations.affectsYesOrPartly}</th><td className="num">{pct(own.figures.affectsYesOrPartly)}</td></tr>
            </tbody>
          </table>
        </TableWrap>
      )}
      <p>
        {m.evaluationsNote} <Link to={`/oversikt?year=${year}`}>{m.evaluationsAll(year)}</Link>
      </p>
    </section>
  );
}
