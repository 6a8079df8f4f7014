import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { localName } from '../i18n/reference-names.ts';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { isIsoDate, todayInSweden } from '@fou/domain';
import { ApiCallError, type Goal, type GoalFramework } from '../api/client.ts';
import { useCreateFramework, useGoalNames, useUpdateFramework, useUpdateGoal } from '../api/framework-queries.ts';
import { useReference } from '../api/queries.ts';
import { Field, fieldId } from '../components/fields.tsx';
import {
  frameworkErrorsFromApi, goalRow, newFrameworkForm, toFrameworkInput, validateFramework, type FrameworkErrors, type FrameworkFormState, type GoalRow,
} from '../components/framework-form-model.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import type { Messages } from '../i18n/messages.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { byValidFromDesc } from '../components/iso-order.ts';
import { apiErrorText } from '../i18n/api-errors.ts';

/** What went wrong, in the chosen language, when it is the user's to fix; a general message otherwise. */
function serverMessage(err: unknown, fallback: string, t: Messages): string {
  return apiErrorText(err, t) ?? fallback;
}

/** The goal frameworks over time: which one applies when, its goals, renaming a goal and adding a framework. */
export function GoalFrameworksPage() {
  const { t } = useI18n();
  useDocumentTitle(t.frameworks.title);
  const reference = useReference();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const today = todayInSweden();
  const frameworks = useMemo(
    () => [...(reference.data?.goalFrameworks ?? [])].sort((a, b) => byValidFromDesc(a.validFrom, b.validFrom)),
    [reference.data],
  );
  return (
    <>
      <div className="page-head">
        <h1>{t.frameworks.title}</h1>
        <Link className="button button--primary" to="/malramverk/nytt">
          {t.frameworks.add}
        </Link>
      </div>
      {notice ? (
        <p role="status" className="confirmation">
          {notice}
        </p>
      ) : null}
      <p className="lead">{t.frameworks.intro}</p>
      {reference.isPending ? (
        <p role="status">{t.common.loading}</p>
      ) : reference.isError ? (
        <p role="alert">{t.common.loadError}</p>
      ) : (
        frameworks.map((fw) => <FrameworkSection key={fw.id} fw={fw} others={frameworks.filter((o) => o.id !== fw.id)} current={fw.validFrom <= today && (fw.validTo === null || today <= fw.validTo)} />)
      )}
    </>
  );
}

function FrameworkSection({ fw, others, current }: { fw: GoalFramework; others: GoalFramework[]; current: boolean }) {
  const { t, lang, date } = useI18n();
  const [editing, setEditing] = useState(false);
  const goals = [...fw.goals].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <section className="framework" aria-labelledby={`fw-${fw.id}`}>
      <div className="framework__head">
        <h2 id={`fw-${fw.id}`}>{localName(fw, lang)}</h2>
        {current ? <span className="status-badge status-badge--genomford">{t.frameworks.current}</span> : null}
      </div>
      <p className="framework__period">
        {fw.validTo ? t.frameworks.period(date(fw.validFrom), date(fw.validTo)) : t.frameworks.periodOpen(date(fw.validFrom))}
      </p>
      {editing ? (
        <ValidityEditor fw={fw} onDone={() => setEditing(false)} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setEditing(true)}>
          {t.frameworks.changePeriod(fw.name)}
        </button>
      )}
      <ul className="goal-list">
        {goals.map((g) => (
          <GoalEntry key={g.id} goal={g} counterparts={others.flatMap((o) => o.goals.filter((x) => x.key === g.key).map((x) => ({ goal: x.name, framework: o.name })))} />
        ))}
      </ul>
    </section>
  );
}

function ValidityEditor({ fw, onDone }: { fw: GoalFramework; onDone: () => void }) {
  const { t } = useI18n();
  const update = useUpdateFramework(fw.id);
  const [validFrom, setValidFrom] = useState(fw.validFrom);
  const [validTo, setValidTo] = useState(fw.validTo ?? '');
  const [errors, setErrors] = useState<FrameworkErrors>({});
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (update.isError) alertRef.current?.focus();
  }, [update.isError]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FrameworkErrors = {};
    if (!isIsoDate(validFrom)) found.validFrom = t.frameworks.errors.date;
    if (validTo && !isIsoDate(validTo)) found.validTo = t.frameworks.errors.date;
    else if (validTo && !found.validFrom && validTo < validFrom) found.validTo = t.frameworks.errors.endBeforeStart;
    setErrors(found);
    if (Object.keys(found).length) {
      document.getElementById(fieldId(found.validFrom ? `validFrom-${fw.id}` : `validTo-${fw.id}`))?.focus();
      return;
    }
    update.mutate({ validFrom, validTo: validTo || null }, { onSuccess: onDone });
  }
  const apiFields = update.error instanceof ApiCallError && update.error.status === 400 ? frameworkErrorsFromApi(update.error.body?.fields ?? [], t) : {};
  const shown = { ...apiFields, ...errors };
  return (
    <form className="framework__edit" noValidate onSubmit={submit} aria-label={t.frameworks.changePeriod(fw.name)}>
      {update.isError && !Object.keys(apiFields).length ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={alertRef}>
          <p>{serverMessage(update.error, t.frameworks.saveError, t)}</p>
        </div>
      ) : null}
      <div className="form-row">
        <Field name={`validFrom-${fw.id}`} label={t.frameworks.validFrom} required error={shown.validFrom}>
          {(a) => <input {...a} type="date" className="input input--date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />}
        </Field>
        <Field name={`validTo-${fw.id}`} label={t.frameworks.validTo} required={false} hint={t.frameworks.validToHint} error={shown.validTo}>
          {(a) => <input {...a} type="date" className="input input--date" value={validTo} onChange={(e) => setValidTo(e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t.common.saving : t.common.save}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}

/**
 * One goal. Its key (metodstod) is how reports match goals across frameworks, but it is a code, not a word for
 * the chief: what it means is shown instead, as the goals of other frameworks this one is counted together with.
 */
function GoalEntry({ goal, counterparts }: { goal: Goal; counterparts: { goal: string; framework: string }[] }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <li className="goal-entry">
      <p className="goal-entry__name">{goal.name}</p>
      {goal.shortName || goal.nameEn || counterparts.length ? (
        <p className="muted goal-entry__meta">
          {[
            goal.shortName ? `${t.frameworks.shortName}: ${goal.shortName}` : null,
            goal.nameEn ? `${t.frameworks.nameEn}: ${goal.nameEn}` : null,
            counterparts.length ? t.frameworks.sameGoalAs(counterparts.map((c) => t.frameworks.goalIn(c.goal, c.framework)).join(', ')) : null,
          ].filter(Boolean).join(' · ')}
        </p>
      ) : null}
      {goal.description ? <p className="goal-entry__desc">{goal.description}</p> : null}
      <div role="status">{saved && !editing ? <p className="confirmation">{t.frameworks.renamed}</p> : null}</div>
      {editing ? (
        <GoalEditor
          goal={goal}
          onDone={(didSave) => {
            setSaved(didSave);
            setEditing(false);
          }}
        />
      ) : (
        <button type="button" className="button button--small" onClick={() => setEditing(true)} aria-label={t.frameworks.renameGoalLabel(goal.name)}>
          {t.frameworks.renameGoal}
        </button>
      )}
    </li>
  );
}

function GoalEditor({ goal, onDone }: { goal: Goal; onDone: (saved: boolean) => void }) {
  const { t, date } = useI18n();
  const update = useUpdateGoal(goal.id);
  const names = useGoalNames(goal.id, true);
  const [name, setName] = useState(goal.name);
  const [shortName, setShortName] = useState(goal.shortName ?? '');
  const [nameEn, setNameEn] = useState(goal.nameEn ?? '');
  const [description, setDescription] = useState(goal.description ?? '');
  const [nameError, setNameError] = useState<string | undefined>();
  const firstRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  useEffect(() => {
    if (update.isError) alertRef.current?.focus();
  }, [update.isError]);
  const id = (f: string) => `${f}-goal-${goal.id}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setNameError(t.frameworks.errors.required);
      firstRef.current?.focus();
      return;
    }
    setNameError(undefined);
    update.mutate(
      { name: name.trim(), shortName: shortName.trim() || null, nameEn: nameEn.trim() || null, description: description.trim() || null },
      { onSuccess: () => onDone(true) },
    );
  }
  return (
    <form className="framework__edit" noValidate onSubmit={submit} aria-label={t.frameworks.renameGoalLabel(goal.name)}>
      {update.isError ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={alertRef}>
          <p>{serverMessage(update.error, t.frameworks.saveError, t)}</p>
        </div>
      ) : null}
      <p className="field__hint">{t.frameworks.renameHint}</p>
      <Field name={id('name')} label={t.frameworks.goalName} required error={nameError}>
        {(a) => <input {...a} ref={firstRef} type="text" className="input" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field name={id('shortName')} label={t.frameworks.shortName} required={false} hint={t.frameworks.shortNameHint} error={undefined}>
        {(a) => <input {...a} type="text" className="input" maxLength={200} value={shortName} onChange={(e) => setShortName(e.target.value)} />}
      </Field>
      <Field name={id('nameEn')} label={t.frameworks.nameEn} required={false} hint={t.frameworks.nameEnHint} error={undefined}>
        {(a) => <input {...a} type="text" className="input" lang="en" maxLength={200} value={nameEn} onChange={(e) => setNameEn(e.target.value)} />}
      </Field>
      <Field name={id('description')} label={t.frameworks.description} required={false} error={undefined}>
        {(a) => <textarea {...a} className="input" rows={3} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      {names.data?.history.length ? (
        <div className="goal-history">
          <p className="goal-history__title">{t.frameworks.earlierNames}</p>
          <ul>
            {names.data.history.map((h, i) => (
              <li key={i}>{t.frameworks.usedUntil(h.name, date(h.replacedOn))}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t.common.saving : t.common.save}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}

/** /malramverk/nytt: a framework with its period and goals, the goals of the latest one as a starting point. */
export function NewFrameworkPage() {
  const { t } = useI18n();
  useDocumentTitle(t.frameworks.addTitle);
  const reference = useReference();
  if (reference.isPending) return <p role="status">{t.common.loading}</p>;
  if (reference.isError) return <p role="alert">{t.common.loadError}</p>;
  return <NewFrameworkForm frameworks={reference.data.goalFrameworks} />;
}

function NewFrameworkForm({ frameworks }: { frameworks: readonly GoalFramework[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const create = useCreateFramework();
  const [f, setF] = useState<FrameworkFormState>(() => newFrameworkForm(frameworks, todayInSweden()));
  const [clientErrors, setClientErrors] = useState<FrameworkErrors | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const serverErrors = useMemo<FrameworkErrors>(() => {
    if (!create.error) return {};
    if (create.error instanceof ApiCallError && create.error.status === 400 && create.error.body?.fields?.length) return frameworkErrorsFromApi(create.error.body.fields, t);
    return { form: serverMessage(create.error, t.frameworks.saveError, t) };
  }, [create.error, t]);
  const errors = clientErrors && Object.keys(clientErrors).length ? clientErrors : serverErrors;
  useEffect(() => {
    if (Object.keys(serverErrors).length) summaryRef.current?.focus();
  }, [serverErrors]);
  const set = <K extends keyof FrameworkFormState>(k: K, v: FrameworkFormState[K]) => setF((s) => ({ ...s, [k]: v }));
  const setGoal = (uid: number, changes: Partial<GoalRow>) => setF((s) => ({ ...s, goals: s.goals.map((g) => (g.uid === uid ? { ...g, ...changes } : g)) }));
  const open = frameworks.find((x) => x.validTo === null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateFramework(f, t.frameworks.errors);
    setClientErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    create.mutate(toFrameworkInput(f), { onSuccess: (fw) => navigate('/malramverk', { state: { notice: t.frameworks.created(fw.name) } }) });
  }

  const fieldLabel = (path: string): string => {
    const [head, index, leaf] = path.split('.');
    if (head === 'goals' && index !== undefined && leaf) {
      const label = { key: t.frameworks.key, name: t.frameworks.goalName, shortName: t.frameworks.shortName, description: t.frameworks.description }[leaf] ?? leaf;
      return `${t.frameworks.goalNumber(Number(index) + 1)}, ${label}`;
    }
    return { name: t.frameworks.name, code: t.frameworks.code, validFrom: t.frameworks.validFrom, validTo: t.frameworks.validTo, goals: t.frameworks.goals }[head!] ?? head!;
  };
  const idFor = (path: string) => fieldId(path.replaceAll('.', '-'));
  const listed = Object.entries(errors).filter(([k]) => k !== 'form');

  return (
    <>
      <p className="back-link">
        <Link to="/malramverk">{t.frameworks.back}</Link>
      </p>
      <h1>{t.frameworks.addTitle}</h1>
      <form className="activity-form framework-form" noValidate onSubmit={submit}>
        {listed.length || errors.form ? (
          <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="fw-error-title">
            <h2 id="fw-error-title">{errors.form && !listed.length ? errors.form : t.form.errorSummary}</h2>
            {listed.length ? (
              <ul>
                {listed.map(([k, msg]) => (
                  <li key={k}>
                    <a
                      href={`#${idFor(k)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(idFor(k))?.focus();
                      }}
                    >
                      {fieldLabel(k)}: {msg}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {errors.form && listed.length ? <p>{errors.form}</p> : null}
          </div>
        ) : null}
        <p className="form-intro">{t.frameworks.addIntro}</p>
        <Field name="name" label={t.frameworks.name} required hint={t.frameworks.nameHint} error={errors.name}>
          {(a) => <input {...a} type="text" className="input" maxLength={200} value={f.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field name="code" label={t.frameworks.code} required hint={t.frameworks.codeHint} error={errors.code}>
          {(a) => <input {...a} type="text" className="input input--short" maxLength={40} autoComplete="off" value={f.code} onChange={(e) => set('code', e.target.value)} />}
        </Field>
        <div className="form-row">
          <Field name="validFrom" label={t.frameworks.validFrom} required error={errors.validFrom}>
            {(a) => <input {...a} type="date" className="input input--date" value={f.validFrom} onChange={(e) => set('validFrom', e.target.value)} />}
          </Field>
          <Field name="validTo" label={t.frameworks.validTo} required={false} hint={t.frameworks.validToHint} error={errors.validTo}>
            {(a) => <input {...a} type="date" className="input input--date" value={f.validTo} onChange={(e) => set('validTo', e.target.value)} />}
          </Field>
        </div>
        {open ? <p className="field__hint">{t.frameworks.overlapHint(open.name)}</p> : null}

        <fieldset className={`field group${errors.goals ? ' field--invalid' : ''}`} id={idFor('goals')} tabIndex={-1} aria-describedby="goals-hint">
          <legend className="field__label">{t.frameworks.goals}</legend>
          <p className="field__hint" id="goals-hint">{t.frameworks.goalsHint}</p>
          {errors.goals ? <p className="field__error">{errors.goals}</p> : null}
          <ol className="goal-rows">
            {f.goals.map((g, i) => (
              <li key={g.uid} className="goal-row">
                <fieldset>
                  <legend>{t.frameworks.goalNumber(i + 1)}</legend>
                  <Field name={`goals-${i}-key`} label={t.frameworks.key} required hint={i === 0 ? t.frameworks.keyHint : undefined} error={errors[`goals.${i}.key`]}>
                    {(a) => <input {...a} type="text" className="input input--key" maxLength={40} autoComplete="off" value={g.key} onChange={(e) => setGoal(g.uid, { key: e.target.value })} />}
                  </Field>
                  <Field name={`goals-${i}-name`} label={t.frameworks.goalName} required error={errors[`goals.${i}.name`]}>
                    {(a) => <input {...a} type="text" className="input" maxLength={200} value={g.name} onChange={(e) => setGoal(g.uid, { name: e.target.value })} />}
                  </Field>
                  <Field name={`goals-${i}-shortName`} label={t.frameworks.shortName} required={false} error={errors[`goals.${i}.shortName`]}>
                    {(a) => <input {...a} type="text" className="input" maxLength={200} value={g.shortName} onChange={(e) => setGoal(g.uid, { shortName: e.target.value })} />}
                  </Field>
                  <Field name={`goals-${i}-description`} label={t.frameworks.description} required={false} error={errors[`goals.${i}.description`]}>
                    {(a) => <textarea {...a} className="input" rows={2} maxLength={1000} value={g.description} onChange={(e) => setGoal(g.uid, { description: e.target.value })} />}
                  </Field>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={f.goals.length === 1}
                    onClick={() => set('goals', f.goals.filter((x) => x.uid !== g.uid))}
                  >
                    {t.frameworks.removeGoal(i + 1)}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button"
            disabled={f.goals.length >= 20}
            onClick={() => {
              set('goals', [...f.goals, goalRow()]);
              const i = f.goals.length;
              requestAnimationFrame(() => document.getElementById(fieldId(`goals-${i}-key`))?.focus());
            }}
          >
            {t.frameworks.addGoal}
          </button>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t.common.saving : t.frameworks.create}
          </button>
        </div>
      </form>
    </>
  );
}
