import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiCallError, type PlanItem, type PlanStatus } from '../api/client.ts';
import { usePlanItem, usePlanItemActivities, useUpdatePlanItem } from '../api/plan-queries.ts';
import { PlanStatusBadge } from '../components/PlanProgress.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const STATUSES: readonly PlanStatus[] = ['planerad', 'pagar', 'genomford', 'delvis_genomford', 'inte_genomford', 'framflyttad'];

export function PlanItemPage({ canEditPlan = true }: { canEditPlan?: boolean }) {
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
  const { t, date, number } = useI18n();
  const activities = usePlanItemActivities(item.id);
  return (
    <>
      <p className="back-link">
        <Link to={`/plan?year=${item.year}`}>{t.plan.back}</Link>
      </p>
      <p className="muted plan-item-page__kicker">
        {t.plan.titleYear(item.year)} · {item.goal.name}
      </p>
      <h1>{item.title}</h1>
      <dl className="details">
        <div>
          <dt>{t.plan.status}</dt>
          <dd>
            <PlanStatusBadge status={item.status} />
          </dd>
        </div>
        <div>
          <dt>{t.plan.area}</dt>
          <dd>{item.area.name}</dd>
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
              t.common.none
            )}
          </dd>
        </div>
        <div>
          <dt>{t.plan.staff}</dt>
          <dd>{item.staff.length ? item.staff.map((s) => s.name).join(', ') : t.common.none}</dd>
        </div>
        <div>
          <dt>{t.plan.target}</dt>
          <dd>{item.targetCount === null ? t.plan.noTarget : number(item.targetCount)}</dd>
        </div>
        <div>
          <dt>{t.plan.outcome}</dt>
          <dd className="pre-line">{item.outcome ?? t.common.none}</dd>
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
          <div className="table-wrap">
            <table className="data-table plan-activity-table">
              <caption className="visually-hidden">{t.plan.activities}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.plan.date}</th>
                  <th scope="col">{t.plan.activityTitle}</th>
                </tr>
              </thead>
              <tbody>
                {activities.data.map((a) => (
                  <tr key={a.id}>
                    <td className="nowrap">{date(a.date)}</td>
                    <td>
                      <Link to={`/aktiviteter/${a.id}`}>{a.title}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canEditPlan ? <PlanItemEditor item={item} onReload={onReload} /> : null}
    </>
  );
}

function PlanItemEditor({ item, onReload }: { item: PlanItem; onReload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const update = useUpdatePlanItem(item.id);
  const [status, setStatus] = useState<PlanStatus>(item.status);
  const [target, setTarget] = useState(item.targetCount === null ? '' : String(item.targetCount));
  const [outcome, setOutcome] = useState(item.outcome ?? '');
  const [targetError, setTargetError] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  // A reload or a save brings a new version: the form starts again from what the server holds.
  useEffect(() => {
    setStatus(item.status);
    setTarget(item.targetCount === null ? '' : String(item.targetCount));
    setOutcome(item.outcome ?? '');
  }, [item]);
  useEffect(() => {
    if (update.isError || update.isSuccess) messageRef.current?.focus();
  }, [update.isError, update.isSuccess]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = target.trim();
    if (trimmed && !/^\d+$/.test(trimmed)) {
      setTargetError(t.plan.targetError);
      document.getElementById('plan-target')?.focus();
      return;
    }
    setTargetError(null);
    update.mutate({
      year: item.year,
      title: item.title,
      goalId: item.goal.id,
      areaId: item.area.id,
      planned: item.planned,
      staffIds: item.staff.map((s) => s.id),
      sortOrder: item.sortOrder,
      status,
      targetCount: trimmed ? Number(trimmed) : null,
      outcome: outcome.trim() || null,
      version: item.version,
    });
  }

  const err = update.error;
  const conflict = err instanceof ApiCallError && err.status === 409;
  const errorText = conflict
    ? t.plan.conflict
    : err instanceof ApiCallError && err.status < 500 && err.body?.message
      ? [err.body.message, ...(err.body.fields ?? []).map((f) => f.message)].join(' ')
      : t.plan.saveError;

  return (
    <section className="plan-edit" aria-labelledby="plan-edit-heading">
      <h2 id="plan-edit-heading">{t.plan.edit}</h2>
      {update.isError ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={messageRef}>
          <p>{errorText}</p>
          {conflict ? (
            <button
              type="button"
              className="button"
              onClick={async () => {
                await onReload();
                update.reset();
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
      <form noValidate onSubmit={submit} className="activity-form">
        <div className="field">
          <label htmlFor="plan-status">{t.plan.status}</label>
          <select id="plan-status" className="input" value={status} onChange={(e) => setStatus(e.target.value as PlanStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.plan.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${targetError ? ' field--invalid' : ''}`}>
          <label htmlFor="plan-target">
            {t.plan.target} <span className="field__marker">{t.common.optional}</span>
          </label>
          <p id="plan-target-hint" className="field__hint">{t.plan.targetHint}</p>
          {targetError ? <p id="plan-target-error" className="field__error">{targetError}</p> : null}
          <input
            id="plan-target"
            className="input input--short"
            inputMode="numeric"
            value={target}
            aria-invalid={targetError ? true : undefined}
            aria-describedby={targetError ? 'plan-target-hint plan-target-error' : 'plan-target-hint'}
            onChange={(e) => setTarget(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="plan-outcome">
            {t.plan.outcome} <span className="field__marker">{t.common.optional}</span>
          </label>
          <textarea id="plan-outcome" className="input" rows={4} maxLength={4000} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? t.common.saving : t.common.save}
          </button>
        </div>
      </form>
    </section>
  );
}
