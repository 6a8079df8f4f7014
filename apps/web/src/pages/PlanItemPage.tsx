import { can, summariseActivities, todayInSweden } from '@fou/domain';
import { useReferenceNames } from '../i18n/reference-names.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiCallError, type PlanItem } from '../api/client.ts';
import { useCreatePlanItem, useDeletePlanItem, usePlanItem, usePlanItemActivities, useUpdatePlanItem } from '../api/plan-queries.ts';
import { activityExportUrl, useReference } from '../api/queries.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { PlanItemForm } from '../components/PlanItemForm.tsx';
import { emptyPlanItemForm, formFromPlanItem, planErrorsFromApi, toPlanItemInput } from '../components/plan-item-form-model.ts';
import { PlanStatusBadge } from '../components/PlanProgress.tsx';
import { PlanStatusRemark } from '../features/plan-status/PlanStatusCheck.tsx';
import { useStaffLabel } from '../features/staff/staff-labels.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSignedIn } from '../auth/RequireAuth.tsx';
import { apiErrorText } from '../i18n/api-errors.ts';

export function PlanItemPage() {
  // Only the chief changes the plan; the council and the staff follow it read-only.
  const canEditPlan = can(useSignedIn().role, 'plan:write');
  const { t } = useI18n();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const item = usePlanItem(valid ? id : undefined);
  useDocumentTitle(item.data?.title ?? t.plan.item);

  if (!valid || (item.isError && item.error instanceof ApiCallError && item.error.status === 404)) {
    return (
      <>
        <h1>{t.plan.notFound}</h1>
        <p>
          <Link to="/plan">{t.plan.back}</Link>
        </p>
      </>
    );
  }
  if (item.isPending) return <p role="status">{t.common.loading}</p>;
  if (item.isError) return <p role="alert">{t.common.loadError}</p>;
  return <PlanItemView item={item.data} canEditPlan={canEditPlan} onReload={() => item.refetch()} />;
}

function PlanItemView({ item, canEditPlan, onReload }: { item: PlanItem; canEditPlan: boolean; onReload: () => Promise<unknown> }) {
  const { t, lang, date, number } = useI18n();
  const names = useReferenceNames();
  const activities = usePlanItemActivities(item.id);
  const reference = useReference();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const staffLabel = useStaffLabel(item.staff);
  return (
    <>
      {notice ? (
        <p role="status" className="confirmation">
          {notice}
        </p>
      ) : null}
      <p className="back-link">
        <Link to={`/plan?year=${item.year}`}>{t.plan.back}</Link>
      </p>
      <p className="muted plan-item-page__kicker">
        {t.plan.titleYear(item.year)} · {names.goalByKey(item.goal.key, item.goal.name)}
      </p>
      <h1>{item.title}</h1>
      <dl className="details">
        <div>
          <dt>{t.plan.status}</dt>
          <dd>
            <PlanStatusBadge status={item.status} />
            {/* Today's status against every linked activity (the list below). */}
            {activities.data ? <PlanStatusRemark status={item.status} activityCount={activities.data.length} targetCount={item.targetCount} /> : null}
          </dd>
        </div>
        <div>
          <dt>{t.plan.area}</dt>
          <dd>{names.name('area', item.area)}</dd>
        </div>
        <div>
          <dt>{t.plan.plannedLines}</dt>
          <dd>
            {item.planned.length ? (
              <ul className="plain-list">
                {item.planned.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : (
              t.plan.noPlanned
            )}
          </dd>
        </div>
        <div>
          <dt>{t.plan.staff}</dt>
          <dd>{item.staff.length ? item.staff.map(staffLabel).join(', ') : t.plan.noStaff}</dd>
        </div>
        <div>
          <dt>{t.plan.target}</dt>
          <dd>{item.targetCount === null ? t.plan.noTarget : number(item.targetCount)}</dd>
        </div>
        <div>
          <dt>{t.plan.outcome}</dt>
          <dd className="pre-line">{item.outcome ?? t.plan.noOutcome}</dd>
        </div>
        {item.carriedFrom ? (
          <div>
            <dt>{t.plan.carriedFrom}</dt>
            <dd>
              <Link to={`/plan/${item.carriedFrom.id}`}>{`${item.carriedFrom.title} (${item.carriedFrom.year})`}</Link>
            </dd>
          </div>
        ) : null}
      </dl>

      <section aria-labelledby="plan-activities">
        <h2 id="plan-activities">
          {t.plan.activities}
          {activities.data ? ` (${number(activities.data.length)})` : null}
        </h2>
        {activities.isPending ? (
          <p role="status">{t.common.loading}</p>
        ) : activities.isError ? (
          <p role="alert">{t.common.loadError}</p>
        ) : activities.data.length === 0 ? (
          <p className="plan-flag">
            <span aria-hidden="true">⚠ </span>
            {t.plan.noActivities}
          </p>
        ) : (
          <>
            <ActivitiesSummary activities={activities.data} municipalityOrder={reference.data?.municipalities.map((m) => m.code) ?? []} municipalityCount={reference.data?.municipalities.filter((m) => m.active).length ?? 0} />
            <p className="exports no-print">
              <a className="button button--small" href={activityExportUrl({ planItem: item.id, order: 'asc' }, 'csv', lang)} download>
                {t.list.exportCsv}<span className="visually-hidden">: {t.plan.activities}</span>
              </a>
              <a className="button button--small" href={activityExportUrl({ planItem: item.id, order: 'asc' }, 'xlsx', lang)} download>
                {t.list.exportXlsx}<span className="visually-hidden">: {t.plan.activities}</span>
              </a>
            </p>
            <div className="table-wrap">
              <table className="data-table plan-activity-table">
                <caption className="visually-hidden">{t.plan.activities}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.plan.date}</th>
                    <th scope="col">{t.plan.activityTitle}</th>
                    <th scope="col">{t.plan.activityType}</th>
                    <th scope="col">{t.list.columns.municipalities}</th>
                    <th scope="col" className="num">{t.plan.participants}</th>
                  </tr>
                </thead>
                <tbody>
                  {activities.data.map((a) => (
                    <tr key={a.id}>
                      <td className="nowrap">{date(a.date)}</td>
                      <td>
                        <Link to={`/aktiviteter/${a.id}`}>{a.title}</Link>
                      </td>
                      <td>{names.name('type', a.type)}</td>
                      <td>{a.municipalities.map((m) => m.name).join(', ') || t.plan.noMunicipality}</td>
                      <td className="num">{a.participants === null ? '–' : number(a.participants)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      {/* With the activities, not before them: the list arriving above would push the form down. */}
      {canEditPlan && !activities.isPending ? <PlanItemEditor item={item} onReload={onReload} /> : null}
    </>
  );
}

/** What the annual report says per plan item: how many activities, of which types, whom they reached. */
function ActivitiesSummary({ activities, municipalityOrder, municipalityCount }: { activities: Parameters<typeof summariseActivities>[0]; municipalityOrder: string[]; municipalityCount: number }) {
  const { t, number } = useI18n();
  const s = summariseActivities(activities, municipalityOrder);
  return (
    <dl className="plan-item-summary">
      <div>
        <dt>{t.plan.summaryTypes}</dt>
        <dd>{s.types.map((x) => `${x.name} ${number(x.count)}`).join(', ')}</dd>
      </div>
      <div>
        <dt>{t.plan.summaryMunicipalities(number(s.municipalities.length), number(municipalityCount))}</dt>
        <dd>{s.municipalities.length ? s.municipalities.map((m) => `${m.name} (${number(m.count)})`).join(', ') : t.plan.noMunicipality}</dd>
      </div>
      <div>
        <dt>{t.plan.participants}</dt>
        <dd>{s.withParticipants ? t.plan.summaryParticipants(number(s.participants), number(s.withParticipants), number(s.count)) : t.plan.noParticipants}</dd>
      </div>
    </dl>
  );
}

function PlanItemEditor({ item, onReload }: { item: PlanItem; onReload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const reference = useReference();
  const update = useUpdatePlanItem(item.id);
  const remove = useDeletePlanItem(item.id);
  const [confirming, setConfirming] = useState(false);
  const initial = useMemo(() => formFromPlanItem(item), [item]);
  const messageRef = useRef<HTMLDivElement>(null);
  const err = update.error ?? remove.error;
  const conflict = err instanceof ApiCallError && err.status === 409 && err.body?.currentVersion !== undefined;
  const serverErrors = useMemo(
    () => (update.error instanceof ApiCallError && update.error.status === 400 ? planErrorsFromApi(update.error.body?.fields ?? [], t) : {}),
    [update.error],
  );
  useEffect(() => {
    if (conflict || update.isSuccess || (err && !Object.keys(serverErrors).length)) messageRef.current?.focus();
  }, [conflict, update.isSuccess, err, serverErrors]);

  // A 400 is shown beside its fields by the form; anything else (409, a locked year, the network) up here.
  const message = !err || Object.keys(serverErrors).length
    ? null
    : conflict
      ? t.plan.conflict
      : apiErrorText(err, t) ?? t.plan.saveError;

  if (!reference.data) return reference.isError ? <p role="alert">{t.common.loadError}</p> : <p role="status">{t.common.loading}</p>;
  return (
    <section className="plan-edit" aria-labelledby="plan-edit-heading">
      <h2 id="plan-edit-heading">{t.plan.edit}</h2>
      {message ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={messageRef}>
          <p>{message}</p>
          {conflict ? (
            <button
              type="button"
              className="button"
              onClick={async () => {
                await onReload();
                update.reset();
                remove.reset();
              }}
            >
              {t.plan.reload}
            </button>
          ) : null}
        </div>
      ) : update.isSuccess ? (
        <div className="confirmation" role="status" tabIndex={-1} ref={messageRef}>
          <p>{t.plan.saved}</p>
        </div>
      ) : null}
      <PlanItemForm
        reference={reference.data}
        year={item.year}
        initial={initial}
        saving={update.isPending}
        submitLabel={t.common.save}
        serverErrors={serverErrors}
        onSubmit={(state) => {
          remove.reset();
          update.mutate({ ...toPlanItemInput(state, item.year, item.sortOrder), version: item.version });
        }}
      />
      <div className="danger-zone">
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)} disabled={remove.isPending}>
          {t.plan.delete}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t.plan.deleteTitle(item.title)}
        text={t.plan.deleteText}
        confirmLabel={t.plan.deleteConfirm}
        cancelLabel={t.common.cancel}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          update.reset();
          remove.mutate(item.version, {
            onSuccess: () => navigate(`/plan?year=${item.year}`, { state: { notice: t.plan.deleted(item.title) } }),
          });
        }}
      />
    </section>
  );
}

/** A new item in a year's plan (/plan/ny?year=2019); only the chief gets here. */
export function PlanItemNewPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const thisYear = Number(todayInSweden().slice(0, 4));
  const asked = Number(sp.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  useDocumentTitle(t.plan.newTitle(year));
  const reference = useReference();
  const create = useCreatePlanItem();
  const initial = useMemo(() => emptyPlanItemForm(), []);
  const serverErrors = useMemo(
    () => (create.error instanceof ApiCallError && create.error.status === 400 ? planErrorsFromApi(create.error.body?.fields ?? [], t) : {}),
    [create.error],
  );
  const failure = create.isError && !Object.keys(serverErrors).length
    ? apiErrorText(create.error, t) ?? t.plan.saveError
    : null;
  return (
    <>
      <p className="back-link">
        <Link to={`/plan?year=${year}`}>{t.plan.back}</Link>
      </p>
      <h1>{t.plan.newTitle(year)}</h1>
      {failure ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{failure}</p>
        </div>
      ) : null}
      {reference.data ? (
        <PlanItemForm
          reference={reference.data}
          year={year}
          initial={initial}
          saving={create.isPending}
          submitLabel={t.plan.create}
          serverErrors={serverErrors}
          onSubmit={(state) =>
            create.mutate(toPlanItemInput(state, year), { onSuccess: (saved) => navigate(`/plan/${saved.id}`, { state: { notice: t.plan.createdNotice } }) })
          }
        />
      ) : reference.isError ? (
        <p role="alert">{t.common.loadError}</p>
      ) : (
        <p role="status">{t.common.loading}</p>
      )}
    </>
  );
}
