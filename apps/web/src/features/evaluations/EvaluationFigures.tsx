/** One evaluation's figures: the rating, the agree scale and the yes/partly/no, each a chart with its table. */
import { AFFECTS_LABELS, AFFECTS_OPTIONS, USEFUL_LABELS, USEFUL_OPTIONS } from '@fou/domain';
import { Chart } from '../../components/Chart.tsx';
import { TableWrap } from '../../components/ReportSections.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Evaluation } from './evaluation-queries.ts';

function ShareTable({ title, rows }: { title: string; rows: { label: string; value: number | null }[] }) {
  const { t, percent } = useI18n();
  return (
    <TableWrap label={title}>
      <table className="data-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.evaluations.answers}</th>
            <th scope="col" className="num">{t.evaluations.share}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.value === null ? '–' : percent(r.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** A mean rating with its one decimal kept (8,0 as VB 2023 writes it, not 8). */
export function useMean() {
  const { lang } = useI18n();
  return (x: number | null) => (x === null ? '–' : lang === 'sv' ? x.toFixed(1).replace('.', ',') : x.toFixed(1));
}

export function EvaluationFiguresView({ ev }: { ev: Evaluation }) {
  const { t, number, percent } = useI18n();
  const mean = useMean();
  const e = t.evaluations;
  const f = ev.figures;
  const useful = USEFUL_OPTIONS.map((o) => ({ label: USEFUL_LABELS[o], value: f.useful[o] }));
  const affects = AFFECTS_OPTIONS.map((o) => ({ label: AFFECTS_LABELS[o], value: f.affects[o] }));
  const asked = new Set(ev.questions);
  const shown = (key: 'rating' | 'useful' | 'affects', value: number | null) => (f.source === 'aggregate' ? value !== null : asked.has(key));
  return (
    <section aria-labelledby="evaluation-figures-heading">
      <h3 id="evaluation-figures-heading">{e.figuresHeading}</h3>
      <p className="muted">{f.source === 'aggregate' ? e.fromAggregate : e.fromAnswers}</p>
      <dl className="details">
        <div><dt>{e.answers}</dt><dd>{number(f.answers)}</dd></div>
        <div><dt>{e.responseRate}</dt><dd>{ev.responseRate === null ? '–' : percent(ev.responseRate)}</dd></div>
        {/* A question this evaluation does not ask has no row (an aggregate shows what the other tool gave). */}
        {shown('rating', f.ratingMean) ? <div><dt>{e.mean}</dt><dd>{mean(f.ratingMean)}</dd></div> : null}
        {shown('useful', f.usefulFullyOrHigh) ? <div><dt>{e.fullyOrHigh}</dt><dd>{f.usefulFullyOrHigh === null ? '–' : percent(f.usefulFullyOrHigh)}</dd></div> : null}
        {shown('affects', f.affectsYesOrPartly) ? <div><dt>{e.affectsYesOrPartly}</dt><dd>{f.affectsYesOrPartly === null ? '–' : percent(f.affectsYesOrPartly)}</dd></div> : null}
      </dl>
      {f.answers === 0 ? <p>{e.noFigures}</p> : (
        <>
          {f.ratingCounts && asked.has('rating') ? (
            <>
              <h4>{e.ratingChart}</h4>
              <Chart
                title={e.ratingChart}
                fileName={`betyg-${ev.id}`}
                kind="horizontalBar"
                labels={f.ratingCounts.map((_, i) => String(i + 1))}
                series={[{ label: e.count, data: f.ratingCounts }]}
                table={
                  <TableWrap label={e.ratingChart}>
                    <table className="data-table">
                      <caption className="visually-hidden">{e.ratingChart}</caption>
                      <thead><tr><th scope="col">{e.rating}</th><th scope="col" className="num">{e.count}</th></tr></thead>
                      <tbody>
                        {f.ratingCounts.map((n, i) => (
                          <tr key={i}><th scope="row">{i + 1}</th><td className="num">{number(n)}</td></tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                }
              />
            </>
          ) : null}
          {(f.source === 'aggregate' ? Object.values(f.useful).some((v) => v !== null) : asked.has('useful')) ? (
            <>
              <h4>{e.usefulChart}</h4>
              <Chart
                title={e.usefulChart}
                fileName={`anvandbart-${ev.id}`}
                kind="horizontalBar"
                percent
                labels={useful.map((r) => r.label)}
                series={[{ label: e.share, data: useful.map((r) => r.value ?? 0) }]}
                table={<ShareTable title={e.usefulChart} rows={[...useful, { label: e.fullyOrHigh, value: f.usefulFullyOrHigh }]} />}
              />
            </>
          ) : null}
          {(f.source === 'aggregate' ? Object.values(f.affects).some((v) => v !== null) : asked.has('affects')) ? (
            <>
              <h4>{e.affectsChart}</h4>
              <Chart
                title={e.affectsChart}
                fileName={`paverkar-${ev.id}`}
                kind="horizontalBar"
                percent
                labels={affects.map((r) => r.label)}
                series={[{ label: e.share, data: affects.map((r) => r.value ?? 0) }]}
                table={<ShareTable title={e.affectsChart} rows={[...affects, { label: e.yesOrPartly, value: f.affectsYesOrPartly }]} />}
              />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
