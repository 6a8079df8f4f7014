/**
 * The owners' value table on the overview: every owner municipality side by side for the year, its fee and share
 * of the fees beside what it got. The chart compares the shares; the table beside it has every figure.
 */
import { Link } from 'react-router-dom';
import { Chart } from '../../components/Chart.tsx';
import { TableWrap } from '../../components/ReportSections.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ownersFileUrl, useOwnersTable } from './municipality-queries.ts';

const share = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export function OwnersTableSection({ year, enabled }: { year: number; enabled: boolean }) {
  const { t, number, percent, lang } = useI18n();
  const q = useOwnersTable(year, enabled);
  const pct = (x: number | null) => (x === null ? '–' : percent(share(x)!));
  return (
    <section className="report-section owners-section" aria-labelledby="owners-heading">
      <h2 id="owners-heading">{t.owners.heading(year)}</h2>
      {q.isError ? <p role="alert">{t.common.loadError}</p> : !q.data ? <p role="status">{t.common.loading}</p> : (
        <>
          <p className="exports no-print">
            <a className="button button--small" href={ownersFileUrl(year, 'csv', lang)} download>{t.overview.downloadCsv}<span className="visually-hidden">: {t.owners.heading(year)}</span></a>
            <a className="button button--small" href={ownersFileUrl(year, 'xlsx', lang)} download>{t.overview.downloadXlsx}<span className="visually-hidden">: {t.owners.heading(year)}</span></a>
          </p>
          <p>{t.owners.intro}</p>
          <Chart
            title={t.owners.chart}
            fileName={`agarkommuner-${year}`}
            kind="horizontalBar"
            percent
            tableBelow
            labels={q.data.owners.map((o) => o.name)}
            series={[
              { label: t.owners.feeShare, data: q.data.owners.map((o) => share(o.feeShare) ?? 0) },
              { label: t.owners.activityShare, data: q.data.owners.map((o) => share(o.activityShare) ?? 0) },
              { label: t.owners.participantShare, data: q.data.owners.map((o) => share(o.participantShare) ?? 0) },
            ]}
            table={
              <TableWrap label={t.owners.heading(year)} wide>
                <table className="data-table owners-table">
                  <caption className="visually-hidden">{t.owners.heading(year)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.list.municipality}</th>
                      <th scope="col" className="num">{t.owners.fee}</th>
                      <th scope="col" className="num">{t.owners.feeShare}</th>
                      <th scope="col" className="num">{t.owners.activities}</th>
                      <th scope="col" className="num">{t.owners.own}</th>
                      <th scope="col" className="num">{t.owners.shared}</th>
                      <th scope="col" className="num">{t.owners.open}</th>
                      <th scope="col" className="num">{t.owners.activityShare}</th>
                      <th scope="col" className="num">{t.owners.participants}</th>
                      <th scope="col" className="num">{t.owners.participantShare}</th>
                      <th scope="col" className="num">{t.owners.planItems}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.data.owners.map((o) => (
                      <tr key={o.code}>
                        <th scope="row"><Link to={`/kommun/${o.code}?year=${year}`}>{o.name}</Link></th>
                        <td className="num">{o.feeSek === null ? '–' : number(o.feeSek)}</td>
                        <td className="num">{pct(o.feeShare)}</td>
                        <td className="num">{number(o.activities)}</td>
                        <td className="num">{number(o.own)}</td>
                        <td className="num">{number(o.shared)}</td>
                        <td className="num">{number(o.open)}</td>
                        <td className="num">{pct(o.activityShare)}</td>
                        <td className="num">{number(o.participants)}</td>
                        <td className="num">{pct(o.participantShare)}</td>
                        <td className="num">{number(o.planItems)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t.owners.total}</th>
                      <td className="num">{number(q.data.totals.feeSek)}</td>
                      <td />
                      <td className="num">{number(q.data.totals.withOwner)}</td>
                      <td /><td /><td /><td />
                      <td className="num">{number(q.data.totals.participants)}</td>
                      <td /><td />
                    </tr>
                  </tfoot>
                </table>
              </TableWrap>
            }
          />
          <p className="muted">{t.owners.notes(q.data.totals)}</p>
          <p className="muted">{q.data.ownersDefinition}</p>
        </>
      )}
    </section>
  );
}
