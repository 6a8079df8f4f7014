import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { can, canEditActivity, canEditEvaluation, todayInSweden } from '@fou/domain';
import { useSignedIn } from '../auth/RequireAuth.tsx';
import { ApiCallError, type Activity, type ReferenceData } from '../api/client.ts';
import { useActivity, useCreateActivity, useDeleteActivity, useGoalSuggestions, useReference, useUpdateActivity } from '../api/queries.ts';
import { ActivityForm } from '../components/ActivityForm.tsx';
import { anotherFrom, copyOf, errorsFromApi, emptyForm, formFromActivity, toInput, type Errors, type FormState } from '../components/activity-form-model.ts';
import { DraftOffer } from '../features/activity-form/DraftOffer.tsx';
import { draftKey, type Draft } from '../features/activity-form/draft-storage.ts';
import { useFormDraft } from '../features/activity-form/useFormDraft.tsx';
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

/** The new-activity form; "?kopia=<id>" starts it from another activity ("Kopiera"). */
export function RegisterPage() {
  const [params] = useSearchParams();
  const copy = Number(params.get('kopia'));
  const copyId = Number.isInteger(copy) && copy > 0 ? copy : undefined;
  // A copy of another activity is a new start: none of the previous form's state carries over.
  return <NewActivity key={copyId ?? 'new'} copyId={copyId} />;
}

function NewActivity({ copyId }: { copyId: number | undefined }) {
  const { t } = useI18n();
  const me = useSignedIn();
  useDocumentTitle(t.form.titleNew);
  const reference = useReference();
  const goalSuggestions = useGoalSuggestions();
  const create = useCreateActivity();
  const source = useActivity(copyId);
  const [saved, setSaved] = useState<{ activity: Activity; state: FormState } | null>(null);
  // After "Registrera en till": the next form starts from what the one just saved had in common with it.
  const [another, setAnother] = useState<FormState | null>(null);
  const [resumed, setResumed] = useState<Draft | null>(null);
  // A new key gives a fresh form after "Registrera en till" or a resumed draft.
  const [formKey, setFormKey] = useState(0);
  const statusRef = useRef<HTMLDivElement>(null);
  const fresh = useMemo(() => ({ ...emptyForm(todayInSweden()), staffIds: me.staffId === null ? [] : [me.staffId] }), [me.staffId]);
  const copied = useMemo(() => (source.data && reference.data ? copyOf(source.data, todayInSweden(), reference.data) : null), [source.data, reference.data]);
  const base = another ?? (copyId === undefined ? fresh : copied);
  const draft = useFormDraft(draftKey(me, 'new'), base);

  useEffect(() => {
    if (saved) statusRef.current?.focus();
  }, [saved]);

  if (reference.isPending || (copyId !== undefined && source.isPending)) return <p role="status">{t.common.loading}</p>;
  if (reference.isError) return <p role="alert">{t.common.loadError}</p>;

  return (
    <>
      <h1>{t.form.titleNew}</h1>
      {saved ? (
        <div className="confirmation" role="status" tabIndex={-1} ref={statusRef}>
          <p>{t.form.saved(saved.activity.title)}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setAnother(anotherFrom(saved.state));
                setSaved(null);
                setResumed(null);
                create.reset();
                setFormKey((k) => k + 1);
                // The date stays: the title is the first thing to fill in.
                requestAnimationFrame(() => document.getElementById('field-title')?.focus());
              }}
            >
              {t.form.registerAnother}
            </button>
            <Link className="button" to={`/aktiviteter/${saved.activity.id}`}>
              {t.list.edit(saved.activity.title)}
            </Link>
            <Link className="button" to="/aktiviteter">
              {t.form.toList}
            </Link>
          </div>
        </div>
      ) : draft.offer ? (
        <DraftOffer
          draft={draft.offer}
          onResume={() => {
            setResumed(draft.resume());
            setFormKey((k) => k + 1);
          }}
          onDiscard={draft.discard}
        />
      ) : base ? (
        <>
          {another ? <p className="form-note">{t.form.anotherKept}</p> : null}
          {copyId !== undefined && source.data && !another ? <p className="form-note">{t.form.copyOf(source.data.title)}</p> : null}
          <ActivityForm
            connected
            key={formKey}
            reference={reference.data}
            initial={resumed?.state ?? base}
            goalSuggestions={goalSuggestions.data ?? NO_SUGGESTIONS}
            saving={create.isPending}
            serverErrors={create.isError ? errorsFrom(create.error, t) : NO_ERRORS}
            onChange={draft.track}
            mayUnlock={can(me.role, 'period:lock')}
            onSubmit={(state) =>
              create.mutate(toInput(state), {
                onSuccess: (activity) => {
                  draft.settle();
                  setSaved({ activity, state });
                },
              })
            }
          />
        </>
      ) : (
        // The activity to copy is not there (deleted, or not this unit's).
        <ActivityNotFound />
      )}
      {draft.guard}
    </>
  );
}

const NO_ERRORS: Errors = {};
const NO_SUGGESTIONS: never[] = [];

/** What a reader (or a medarbetare not on the activity) sees instead of the form: the record, no buttons. */
export function ActivityDetails({ a, reference }: { a: Activity; reference: ReferenceData }) {
  const { t, date } = useI18n();
  const me = useSignedIn();
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
      {/* A colleague's activity may be the model for one's own: a copy is a new activity, theirs stays as it is. */}
      {can(me.role, 'activity:write') ? <CopyLink a={a} /> : null}
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

/** "Kopiera": a new activity prefilled from this one, dated today, saved only when the user saves it. */
function CopyLink({ a }: { a: Activity }) {
  const { t } = useI18n();
  return (
    <p className="page-actions">
      <Link className="button button--small" to={`/?kopia=${a.id}`} aria-label={`${t.form.copy}: ${a.title}`}>
        {t.form.copy}
      </Link>
    </p>
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
  const pristine = useMemo(() => (activity.data ? formFromActivity(activity.data) : null), [activity.data]);
  const draft = useFormDraft(validId ? draftKey(me, id) : null, editable ? pristine : null, activity.data?.version);
  // A resumed draft saves against the version it was begun on: changed since by someone else, that is a 409.
  const [resumed, setResumed] = useState<Draft | null>(null);

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
      <CopyLink a={a} />
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
      {draft.offer ? (
        <DraftOffer draft={draft.offer} onResume={() => setResumed(draft.resume())} onDiscard={draft.discard} />
      ) : (
        <ActivityForm
          connected
          key={`${a.id}-${a.version}-${resumed ? 'draft' : 'saved'}`}
          reference={reference.data}
          initial={resumed?.state ?? pristine!}
          goalSuggestions={goalSuggestions.data ?? NO_SUGGESTIONS}
          saving={update.isPending}
          serverErrors={serverErrors}
          onChange={draft.track}
          activityId={a.id}
          mayUnlock={can(me.role, 'period:lock')}
          onSubmit={(state) =>
            update.mutate({ ...toInput(state), version: resumed?.version ?? a.version }, {
              onSuccess: () => {
                draft.settle();
                setResumed(null);
                setSavedAt(Date.now());
              },
            })
          }
        />
      )}
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
            onSuccess: () => {
              draft.settle();
              navigate('/aktiviteter', { state: { notice: t.form.deleted } });
            },
            onSettled: () => setConfirming(false),
          })
        }
      />
      {draft.guard}
    </>
  );
}
