import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { canEditActivity, canEditEvaluation, todayInSweden } from '@fou/domain';
import { useSignedIn } from '../auth/RequireAuth.tsx';
import { ApiCallError, type Activity, type ReferenceData } from '../api/client.ts';
import { useActivity, useCreateActivity, useDeleteActivity, useGoalSuggestions, useReference, useUpdateActivity } from '../api/queries.ts';
import { ActivityForm } from '../components/ActivityForm.tsx';
import { errorsFromApi, emptyForm, formFromActivity, toInput, type Errors } from '../components/activity-form-model.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Messages } from '../i18n/messages.ts';
import { apiErrorText } from '../i18n/api-errors.ts';

// Its own chunk: the registration form (the start page) does not carry the evaluation's code, and the section sits
// below the activity, so nothing jumps while it loads.
const EvaluationSection = lazy(async () => ({ default: (await import('../features/evaluations/EvaluationSection.tsx')).EvaluationSection }));

function ActivityEvaluation({ a }: { a: Activity }) {
  const me = useSignedIn();
  return (
    <Suspense fallback={null}>
      <EvaluationSection activityId={a.id} activityDate={a.date} editable={canEditEvaluation(me, a.staff.map((s) => s.id))} />
    </Suspense>
  );
}

/** A 409 with the current version is a stale form; other 409s (a locked year) explain themselves. */
const isStale = (err: unknown) => err instanceof ApiCallError && err.status === 409 && err.body?.currentVersion !== undefined;

function errorsFrom(err: unknown, t: Messages): Errors {
  if (err instanceof ApiCallError) {
    if (isStale(err)) return { form: t.form.conflict };
    if (err.body?.fields?.length) return errorsFromApi(err.body.fields, t);
  }
  return { form: apiErrorText(err, t) ?? t.form.serverError };
}

export function RegisterPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  useDocumentTitle(t.form.titleNew);
  const reference = useReference();
  const goalSuggestions = useGoalSuggestions();
  const create = useCreateActivity();
  const [saved, setSaved] = useState<Activity | null>(null);
  // A new key gives a fresh, empty form after "Registrera en till".
  const [formKey, setFormKey] = useState(0);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (saved) statusRef.current?.focus();
  }, [saved]);

  if (reference.isPending) return <p role="status">{t.common.loading}</p>;
  if (reference.isError) return <p role="alert">{t.common.loadError}</p>;

  return (
    <>
      <h1>{t.form.titleNew}</h1>
      {saved ? (
        <div className="confirmation" role="status" tabIndex={-1} ref={statusRef}>
          <p>{t.form.saved(saved.title)}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setSaved(null);
                create.reset();
                setFormKey((k) => k + 1);
                requestAnimationFrame(() => document.getElementById('field-date')?.focus());
              }}
            >
              {t.form.registerAnother}
            </button>
            <Link className="button" to={`/aktiviteter/${saved.id}`}>
              {t.list.edit(saved.title)}
            </Link>
            <Link className="button" to="/aktiviteter">
              {t.form.toList}
            </Link>
          </div>
        </div>
      ) : (
        <ActivityForm
          offerPlanItems
          key={formKey}
          reference={reference.data}
          initial={{ ...emptyForm(todayInSweden()), staffIds: me.staffId === null ? [] : [me.staffId] }}
          goalSuggestions={goalSuggestions.data ?? NO_SUGGESTIONS}
          saving={create.isPending}
          serverErrors={create.isError ? errorsFrom(create.error, t) : NO_ERRORS}
          onSubmit={(state) => create.mutate(toInput(state), { onSuccess: setSaved })}
        />
      )}
    </>
  );
}

const NO_ERRORS: Errors = {};
const NO_SUGGESTIONS: never[] = [];

/** What a reader (or a medarbetare not on the activity) sees instead of the form: the record, no buttons. */
export function ActivityDetails({ a, reference }: { a: Activity; reference: ReferenceData }) {
  const { t, date } = useI18n();
  const rows: [string, ReactNode][] = [
    [t.form.date, date(a.date)],
    [t.form.type, a.type.name],
    [t.form.goal, a.goal.name],
    [t.form.area, a.area.name],
    [t.form.municipalities, a.municipalities.map((m) => m.name).join(', ') || '–'],
    [t.form.staff, a.staff.map((s) => s.name).join(', ')],
    [t.form.format, reference.formats.find((f) => f.code === a.format)?.name ?? a.format],
    [t.form.participants, a.participants === null ? '–' : String(a.participants)],
    [t.form.assignment, a.assignment?.title ?? '–'],
    [t.form.line, a.line === null ? '–' : (reference.lines.find((l) => l.code === a.line)?.name ?? a.line)],
    [t.form.description, a.description ?? '–'],
    [t.plan.formPlanItem, a.planItem ? <Link to={`/plan/${a.planItem.id}`}>{a.planItem.title}</Link> : '–'],
  ];
  return (
    <>
      <p className="back-link">
        <Link to="/aktiviteter">← {t.form.toList}</Link>
      </p>
      <h1>{a.title}</h1>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ActivityEvaluation a={a} />
    </>
  );
}

/** The activity the address names is not there (deleted, never was, or the address is not an id). */
function ActivityNotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t.form.notFound}</h1>
      <p>{t.form.notFoundText}</p>
      <p>
        <Link to="/aktiviteter">{t.form.toList}</Link>
      </p>
    </>
  );
}

export function EditPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const navigate = useNavigate();
  const reference = useReference();
  const activity = useActivity(validId ? id : undefined);
  const notFound = !validId || (activity.error instanceof ApiCallError && activity.error.status === 404);
  const editable = activity.data ? canEditActivity(me, activity.data.staff.map((s) => s.id)) : false;
  // The suggestions are for the form: a reader's view needs none (and may not ask).
  const goalSuggestions = useGoalSuggestions(editable);
  useDocumentTitle(notFound ? t.form.notFound : activity.data && !editable ? t.form.titleView(activity.data.title) : t.form.titleEdit);
  const update = useUpdateActivity(id);
  const remove = useDeleteActivity(id);
  const [confirming, setConfirming] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const serverErrors = useMemo(() => (update.isError ? errorsFrom(update.error, t) : NO_ERRORS), [update.isError, update.error, t]);

  if (notFound) return <ActivityNotFound />;
  if (reference.isPending || activity.isPending) return <p role="status">{t.common.loading}</p>;
  if (reference.isError || activity.isError) return <p role="alert">{t.common.loadError}</p>;
  const a = activity.data;
  if (!editable) return <ActivityDetails a={a} reference={reference.data} />;

  return (
    <>
      <p className="back-link">
        <Link to="/aktiviteter">← {t.form.toList}</Link>
      </p>
      <h1>{t.form.titleEdit}</h1>
      <div role="status" className={savedAt ? 'confirmation' : 'visually-hidden'}>
        {savedAt ? <p>{t.form.updated(a.title)}</p> : null}
      </div>
      {update.isError && isStale(update.error) ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              update.reset();
              void activity.refetch();
            }}
          >
            {t.form.reload}
          </button>
        </p>
      ) : null}
      <ActivityForm
        offerPlanItems
        key={`${a.id}-${a.version}`}
        reference={reference.data}
        initial={formFromActivity(a)}
        goalSuggestions={goalSuggestions.data ?? NO_SUGGESTIONS}
        saving={update.isPending}
        serverErrors={serverErrors}
        onSubmit={(state) => update.mutate({ ...toInput(state), version: a.version }, { onSuccess: () => setSavedAt(Date.now()) })}
      />
      <ActivityEvaluation a={a} />
      <section className="danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t.form.deleteActivity}</h2>
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          {t.common.delete}
        </button>
        {remove.isError ? <p role="alert">{errorsFrom(remove.error, t).form}</p> : null}
      </section>
      <ConfirmDialog
        open={confirming}
        title={t.form.confirmDeleteTitle}
        text={t.form.confirmDeleteText(a.title)}
        confirmLabel={t.form.confirmDelete}
        cancelLabel={t.common.cancel}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(a.version, {
            onSuccess: () => navigate('/aktiviteter', { state: { notice: t.form.deleted } }),
            onSettled: () => setConfirming(false),
          })
        }
      />
    </>
  );
}
