/**
 * What one owner municipality got (/kommun/:kod): for the council representative, whose start page it is when the
 * account is linked to the municipality, and for everyone else in the unit. A year (against the year before) or a
 * period; every chart has its table beside it; prints on one to two A4 pages.
 */
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useChoiceParams } from '../../components/useChoiceParams.ts';
import { isIsoDate, todayInSweden } from '@fou/domain';
import { Chart, usePreloadCharts } from '../../components/Chart.tsx';
import { TableWrap } from '../../components/ReportSections.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ApiCallError } from '../../api/client.ts';
import { FIRST_PAGE_YEAR } from '../../years/useDefaultYear.ts';
import { MunicipalityEvaluations } from './MunicipalityEvaluations.tsx';
import { municipalityFileUrl, useMunicipalityReport, type MunicipalityReport, type ReportPeriod } from './municipality-queries.ts';


const share = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);

/** The period from the address: ?year=2018, or ?from=…&to=…; else last year (the council reviews a closed year). */
function periodFromSearch(sp: URLSearchParams, thisYear: number): ReportPeriod {
  const from = sp.get('from');
  const to = sp.get('to');
  if (from && to && isIsoDate(from) && isIsoDate(to) && from <= to) return { from, to };
  const year = Number(sp.get('year'));
  return { year: Number.isInteger(year) && year >= FIRST_PAGE_YEAR && year <= thisYear ? year : thisYear - 1 };
}

function CountTable({ caption, rows, extra }: { caption: string; rows: { key: string; label: string; count: number }[]; extra?: ReactNode }) {
  const { t, number } = useI18n();
  return (
    <TableWrap label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col" className="num">{t.municipality.activities}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{number(r.count)}</td>
            </tr>
          ))}
        </tbody>
        {extra}
      </table>
    </TableWrap>
  );
}

export function MunicipalityPage() {
  usePreloadCharts();
  const { code = '' } = useParams();
  const { t, number, percent, date, lang } = useI18n();
  // The report comes in the chosen language (lang): only the row without a line gets the form's word for it.
  const local = <R extends { key: string; label: string }>(rows: R[]) => rows.map((x) => (x.key === 'none' ? { ...x, label: t.form.noLine } : x));
  const [sp, setSp] = useChoiceParams();
  const thisYear = Number(todayInSweden().slice(0, 4));
  const period = periodFromSearch(sp, thisYear);
  const [mode, setMode] = useState<'year' | 'period'>('year' in period ? 'year' : 'period');
  const [from, setFrom] = useState('from' in period ? period.from : `${thisYear}-01-01`);
  const [to, setTo] = useState('to' in period ? period.to : todayInSweden());
  const report = useMunicipalityReport(code, period);
  const r = report.data;
  useDocumentTitle(r ? t.municipality.title(r.municipality.name) : t.municipality.titleLoading);

  if (report.isError) {
    const missing = report.error instanceof ApiCallError && report.error.status === 404;
    return (
      <>
        <h1>{missing ? t.municipality.notFound : t.municipality.titleLoading}</h1>
        <p role="alert">{missing ? t.municipality.notFoundText : t.common.loadError}</p>
        <p><Link to="/oversikt">{t.municipality.toOverview}</Link></p>
      </>
    );
  }
  if (!r) return <p role="status">{t.common.loading}</p>;

  const years = Array.from({ length: thisYear - FIRST_PAGE_YEAR + 1 }, (_, i) => thisYear - i);
  const periodLabel = (p: MunicipalityReport['period']) => (p.year !== null ? String(p.year) : `${date(p.from ?? '')} – ${date(p.to ?? '')}`);
  const now = periodLabel(r.period);
  const before = r.previousPeriod ? periodLabel(r.previousPeriod) : null;
  const prev = r.previous;
  const reachRows = [
    { key: 'own', label: t.municipality.own, now: r.activities.own, before: prev?.activities.own },
    { key: 'shared', label: t.municipality.shared, now: r.activities.shared, before: prev?.activities.shared },
    { key: 'open', label: t.municipality.open, now: r.activities.open, before: prev?.activities.open },
  ];
  const participantRows = [
    { key: 'known', label: t.municipality.participantsKnown(r.municipality.name), now: r.participants.known, before: prev?.participants.known },
    { key: 'all', label: t.municipality.participantsAll, now: r.participants.inAll, before: prev?.participants.inAll },
    { key: 'nosplit', label: t.municipality.withoutSplit, now: r.participants.activitiesWithoutSplit, before: prev?.participants.activitiesWithoutSplit },
    { key: 'nocount', label: t.municipality.withoutCount, now: r.participants.activitiesWithoutCount, before: prev?.participants.activitiesWithoutCount },
  ];
  const fileName = `kommun-${r.municipality.code}-${r.period.year ?? `${r.period.from}--${r.period.to}`}`;

  function applyPeriod() {
    if (mode === 'period' && isIsoDate(from) && isIsoDate(to) && from <= to) setSp({ from, to });
  }

  return (
    <div className="municipality-page">
      <div className="page-head">
        <h1>{t.municipality.heading(r.municipality.name, now)}</h1>
        <div className="period-choice no-print">
          <div className="field field--inline">
            <label htmlFor="municipality-mode">{t.municipality.show}</label>
            <select id="municipality-mode" className="input" value={mode} onChange={(e) => setMode(e.target.value as 'year' | 'period')}>
              <option value="year">{t.municipality.aYear}</option>
              <option value="period">{t.municipality.aPeriod}</option>
            </select>
          </div>
          {mode === 'year' ? (
            <div className="field field--inline">
              <label htmlFor="municipality-year">{t.overview.year}</label>
              <select id="municipality-year" className="input" value={'year' in period ? period.year : ''} onChange={(e) => setSp({ year: e.target.value })}>
                {'year' in period ? null : <option value="">{t.municipality.chooseYear}</option>}
                {years.map((y) => <option key={y} value={y}>{y}</option>)}
              </select>
            </div>
          ) : (
            <>
              <div className="field field--inline">
                <label htmlFor="municipality-from">{t.municipality.from}</label>
                <input id="municipality-from" type="date" className="input input--date" value={from} onChange={(e) => setFrom(e.target.value)} />
              </div>
              <div className="field field--inline">
                <label htmlFor="municipality-to">{t.municipality.to}</label>
                <input id="municipality-to" type="date" className="input input--date" value={to} onChange={(e) => setTo(e.target.value)} />
              </div>
              <button type="button" className="button button--small" onClick={applyPeriod}>{t.municipality.showPeriod}</button>
            </>
          )}
        </div>
      </div>

      <p className="lead">
        {t.municipality.summary(r.municipality.name, number(r.activities.total), number(r.activities.own), number(r.activities.shared), number(r.activities.open))}
        {prev && before ? ` ${t.municipality.summaryBefore(before, number(prev.activities.total))}` : ''}
      </p>
      {!r.municipality.owner ? <p className="year-note">{t.municipality.notOwner(r.municipality.name)}</p> : null}
      <p className="muted">{t.municipality.definition}</p>

      <p className="exports no-print">
        <a className="button button--small" href={municipalityFileUrl(r.municipality.code, period, 'csv', lang)} download>{t.overview.downloadCsv}</a>
        <a className="button button--small" href={municipalityFileUrl(r.municipality.code, period, 'xlsx', lang)} download>{t.overview.downloadXlsx}</a>
        <button type="button" className="button button--small" onClick={() => window.print()}>{t.overview.print}</button>
      </p>

      <section className="report-section" aria-labelledby="m-reach">
        <h2 id="m-reach">{t.municipality.reachHeading}</h2>
        <Chart
          title={t.municipality.reachHeading}
          fileName={`${fileName}-aktiviteter`}
          kind="horizontalBar"
          labels={reachRows.map((x) => x.label)}
          series={[{ label: now, data: reachRows.map((x) => x.now) }, ...(prev && before ? [{ label: before, data: reachRows.map((x) => x.before ?? 0) }] : [])]}
          table={
            <TableWrap label={t.municipality.reachHeading}>
              <table className="data-table">
                <caption className="visually-hidden">{t.municipality.reachHeading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.municipality.activities}</th>
                    <th scope="col" className="num">{now}</th>
                    {before ? <th scope="col" className="num">{before}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {reachRows.map((x) => (
                    <tr key={x.key}>
                      <th scope="row">{x.label}</th>
                      <td className="num">{number(x.now)}</td>
                      {before ? <td className="num">{number(x.before ?? 0)}</td> : null}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t.municipality.total}</th>
                    <td className="num">{number(r.activities.total)}</td>
                    {before ? <td className="num">{number(prev?.activities.total ?? 0)}</td> : null}
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
          }
        />
      </section>

      <div className="municipality-grid">
        <section className="report-section" aria-labelledby="m-participants">
          <h2 id="m-participants">{t.municipality.participantsHeading}</h2>
          <TableWrap label={t.municipality.participantsHeading}>
            <table className="data-table">
              <caption className="visually-hidden">{t.municipality.participantsHeading}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.municipality.participantsHeading}</th>
                  <th scope="col" className="num">{now}</th>
                  {before ? <th scope="col" className="num">{before}</th> : null}
                </tr>
              </thead>
              <tbody>
                {participantRows.map((x) => (
                  <tr key={x.key}>
                    <th scope="row">{x.label}</th>
                    <td className="num">{number(x.now)}</td>
                    {before ? <td className="num">{number(x.before ?? 0)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p className="muted">{t.municipality.participantsNote}</p>
        </section>

        <section className="report-section" aria-labelledby="m-fee">
          <h2 id="m-fee">{t.municipality.feeHeading}</h2>
          {r.fee ? (
            <TableWrap label={t.municipality.feeHeading}>
              <table className="data-table">
                <caption className="visually-hidden">{t.municipality.feeHeading}</caption>
                <tbody>
                  <tr><th scope="row">{t.municipality.fee(r.fee.year)}</th><td className="num">{r.fee.feeSek === null ? t.municipality.notRegistered : `${number(r.fee.feeSek)} kr`}</td></tr>
                  <tr><th scope="row">{t.municipality.population}</th><td className="num">{r.fee.population === null ? t.municipality.notRegistered : number(r.fee.population)}</td></tr>
                  <tr><th scope="row">{t.municipality.feeShare}</th><td className="num">{r.fee.feeShare === null ? '–' : percent(share(r.fee.feeShare)!)}</td></tr>
                  <tr><th scope="row">{t.municipality.activityShare}</th><td className="num">{percent(share(r.fee.activityShare)!)}</td></tr>
                  <tr><th scope="row">{t.municipality.participantShare}</th><td className="num">{r.fee.participantShare === null ? '–' : percent(share(r.fee.participantShare)!)}</td></tr>
                </tbody>
              </table>
            </TableWrap>
          ) : (
            <p>{t.municipality.feeOnlyYear}</p>
          )}
          <p className="muted">{t.municipality.shareNote}</p>
        </section>
      </div>

      <section className="report-section" aria-labelledby="m-dimensions">
        <h2 id="m-dimensions">{t.municipality.dimensionsHeading}</h2>
        <div className="municipality-grid municipality-grid--tables">
          <CountTable caption={t.municipality.byGoal} rows={local(r.byGoal)} />
          <CountTable caption={t.municipality.byArea} rows={local(r.byAreaGroup)} />
          <CountTable caption={t.municipality.byFormat} rows={local(r.byFormat)} />
          <CountTable caption={t.municipality.byLine} rows={local(r.byLine)} />
          <CountTable caption={t.municipality.byType} rows={local(r.byType)} />
          <CountTable
            caption={t.municipality.byTargetGroup}
            rows={local(r.byTargetGroup)}
            extra={
              <tfoot>
                <tr><th scope="row">{t.municipality.withoutTargetGroup}</th><td className="num">{number(r.withoutTargetGroup)}</td></tr>
              </tfoot>
            }
          />
        </div>
      </section>

      <div className="municipality-grid">
        <section className="report-section" aria-labelledby="m-plan">
          <h2 id="m-plan">{t.municipality.planHeading}</h2>
          {r.planItems.length === 0 ? <p>{t.municipality.nonePlan}</p> : (
            <TableWrap label={t.municipality.planHeading}>
              <table className="data-table">
                <caption className="visually-hidden">{t.municipality.planHeading}</caption>
                <thead><tr><th scope="col">{t.municipality.planItem}</th><th scope="col">{t.plan.status}</th><th scope="col" className="num">{t.municipality.activities}</th></tr></thead>
                <tbody>
                  {r.planItems.map((p) => (
                    <tr key={p.id}>
                      <th scope="row"><Link to={`/plan/${p.id}`}>{p.title}</Link>{r.period.year === null ? ` (${p.year})` : ''}</th>
                      <td>{t.plan.statuses[p.status as keyof typeof t.plan.statuses] ?? p.status}</td>
                      <td className="num">{number(p.activities)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
        <section className="report-section" aria-labelledby="m-assignments">
          <h2 id="m-assignments">{t.municipality.assignmentsHeading}</h2>
          {r.assignments.length === 0 ? <p>{t.municipality.noneAssignments}</p> : (
            <TableWrap label={t.municipality.assignmentsHeading}>
              <table className="data-table">
                <caption className="visually-hidden">{t.municipality.assignmentsHeading}</caption>
                <thead><tr><th scope="col">{t.form.assignment}</th><th scope="col">{t.form.line}</th><th scope="col" className="num">{t.municipality.activities}</th></tr></thead>
                <tbody>
                  {r.assignments.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.title}</th>
                      <td>{a.line === 'forsta' ? t.municipality.firstLine : a.line === 'andra' ? t.municipality.secondLine : '–'}</td>
                      <td className="num">{number(a.activities)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
      </div>

      {r.period.year !== null ? <MunicipalityEvaluations code={r.municipality.code} name={r.municipality.name} year={r.period.year} /> : null}

      <section className="report-section municipality-list" aria-labelledby="m-list">
        <h2 id="m-list">{t.municipality.listHeading(number(r.list.length))}</h2>
        {r.list.length === 0 ? <p>{t.municipality.noneActivities(r.municipality.name)}</p> : (
          <TableWrap label={t.municipality.listHeading(number(r.list.length))} wide>
            <table className="data-table">
              <caption className="visually-hidden">{t.municipality.listHeading(number(r.list.length))}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.form.date}</th>
                  <th scope="col">{t.form.title}</th>
                  <th scope="col">{t.form.type}</th>
                  <th scope="col">{t.municipality.for}</th>
                  <th scope="col">{t.municipality.who}</th>
                </tr>
              </thead>
              <tbody>
                {r.list.map((a) => (
                  <tr key={a.id}>
                    <td className="nowrap">{date(a.date)}</td>
                    <th scope="row"><Link to={`/aktiviteter/${a.id}`}>{a.title}</Link></th>
                    <td>{a.type}</td>
                    <td>{a.reach === 'own' ? t.municipality.own : a.reach === 'shared' ? t.municipality.shared : t.municipality.open}</td>
                    <td>{a.staff.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </div>
  );
}
