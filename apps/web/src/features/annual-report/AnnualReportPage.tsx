/**
 * The year's annual report material as a page to print (/verksamhetsberattelse/:year): the same sections, in the same
 * order, as the Word document (apps/api/src/modules/annual-report/annual-report-docx.ts), from the same answer
 * (GET /annual-report/:year) and the owners' and evaluations' reports; A4, each section from a new page.
 */
import { Link, useParams } from 'react-router-dom';
import { annualReportDocxUrl, useAnnualReport } from '../../api/reports.ts';
import { ReachSection, VbTableSection } from '../../components/ReportSections.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { EvaluationReportSection } from '../evaluations/EvaluationReportSection.tsx';
import { OwnersTableSection } from '../municipality/OwnersTableSection.tsx';

export function AnnualReportPage() {
  const { year: param = '' } = useParams();
  const year = Number(param);
  const { t, number, lang } = useI18n();
  const a = t.annualReport;
  useDocumentTitle(a.title(year));
  const report = useAnnualReport(year);
  if (!Number.isInteger(year)) return <><h1>{t.common.notFound}</h1></>;
  if (report.isError) return <><h1>{a.title(year)}</h1><p role="alert">{t.common.loadError}</p></>;
  if (!report.data) return <><h1>{a.title(year)}</h1><p role="status">{t.common.loading}</p></>;
  const { vb, reach, plan, unitName } = report.data;
  const statuses = t.plan.statuses as Record<string, string>;
  return (
    <div className="annual-report">
      <div className="page-head">
        <h1>{a.title(year)}</h1>
        <p className="exports no-print">
          <button type="button" className="button" onClick={() => window.print()}>{t.overview.print}</button>
          <a className="button" href={annualReportDocxUrl(year, lang)} download>{a.docx}</a>
          <Link className="button" to={`/oversikt?year=${year}`}>{a.back}</Link>
        </p>
      </div>
      <p className="lead">{a.intro(unitName, year)}</p>

      <section className="print-section" aria-labelledby="ar-vb">
        <h2 id="ar-vb">{a.vbHeading}</h2>
        {vb.activityCount === 0 ? <p>{a.none(year)}</p> : (
          <>
            <p>{a.vbLead(number(vb.activityCount), reach.reachedCount, reach.municipalityCount)}</p>
            {vb.tables.map((table) => <VbTableSection key={table.id} table={table} year={year} />)}
          </>
        )}
      </section>

      <section className="print-section" aria-labelledby="ar-plan">
        <h2 id="ar-plan">{a.planHeading(year)}</h2>
        {plan.items.length === 0 ? <p>{a.noPlan(year)}</p> : (
          <>
            <p>{a.planLead(plan.totals.planned, plan.totals.withActivity)}</p>
            {plan.goals.map((goal) => {
              const items = plan.items.filter((i) => i.goal.key === goal.key);
              if (items.length === 0) return null;
              return (
                <div key={goal.key}>
                  <h3>{goal.name}</h3>
                  {items.map((item) => (
                    <div key={item.id} className="annual-report__item">
                      <h4><Link to={`/plan/${item.id}`}>{item.title}</Link></h4>
                      <dl className="annual-report__facts">
                        <div><dt>{t.plan.status}</dt><dd>{statuses[item.status] ?? item.status}</dd></div>
                        {item.planned.length ? <div><dt>{a.planned}</dt><dd>{item.planned.join('; ')}</dd></div> : null}
                        <div><dt>{a.outcome}</dt><dd>{item.outcome ?? a.noOutcome}</dd></div>
                        {item.staff.length ? <div><dt>{a.staff}</dt><dd>{item.staff.join(', ')}</dd></div> : null}
                        <div>
                          <dt>{a.activities}</dt>
                          <dd>{item.activityCount ? `${number(item.activityCount)}${item.summary.types.length ? ` (${item.summary.types.map((x) => `${x.name} ${x.count}`).join(', ')})` : ''}` : a.noActivities}</dd>
                        </div>
                        {item.activityCount ? (
                          <>
                            <div><dt>{a.reached}</dt><dd>{item.summary.municipalities.length ? `${item.summary.municipalities.length} / ${reach.municipalityCount}: ${item.summary.municipalities.map((m) => m.name).join(', ')}` : '–'}</dd></div>
                            <div><dt>{t.plan.participants}</dt><dd>{item.summary.activitiesWithParticipants ? t.plan.summaryParticipants(number(item.summary.participants), number(item.summary.activitiesWithParticipants), number(item.activityCount)) : t.plan.noParticipants}</dd></div>
                          </>
                        ) : null}
                      </dl>
                    </div>
                  ))}
                </div>
              );
            })}
          </>
        )}
      </section>

      {/* These three bring their own headings (the overview's sections). */}
      <div className="print-section">
        {reach.total === 0 ? <><h2>{a.reachHeading}</h2><p>{a.none(year)}</p></> : <ReachSection data={reach} year={year} />}
      </div>
      <div className="print-section">
        <OwnersTableSection year={year} enabled />
      </div>
      <div className="print-section">
        <EvaluationReportSection year={year} />
      </div>
    </div>
  );
}
