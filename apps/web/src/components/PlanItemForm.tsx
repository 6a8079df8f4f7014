import { useEffect, useRef, useState, type FormEvent } from 'react';
import { frameworkForDate, staffLabels } from '@fou/domain';
import type { ReferenceData } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { localName } from '../i18n/reference-names.ts';
import { areaGroups } from './activity-form-model.ts';
import { Choice, Field, Group, fieldId } from './fields.tsx';
import {
  PLAN_FIELD_ORDER, PLAN_STATUSES, validatePlanItem, type PlanErrors, type PlanFieldName, type PlanItemFormState,
} from './plan-item-form-model.ts';

interface Props {
  reference: ReferenceData;
  year: number;
  initial: PlanItemFormState;
  saving: boolean;
  submitLabel: string;
  /** Errors the server reported (400 fields, network); shown like the client's own. */
  serverErrors: PlanErrors;
  onSubmit: (state: PlanItemFormState) => void;
}

/** Create or change a plan item: everything the plan says about it, and what became of it. */
export function PlanItemForm({ reference, year, initial, saving, submitLabel, serverErrors, onSubmit }: Props) {
  const { t, lang } = useI18n();
  const [f, setF] = useState<PlanItemFormState>(initial);
  const [clientErrors, setClientErrors] = useState<PlanErrors | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors: PlanErrors = clientErrors && Object.keys(clientErrors).length ? clientErrors : serverErrors;
  useEffect(() => setF(initial), [initial]);
  useEffect(() => {
    if (Object.keys(serverErrors).length) summaryRef.current?.focus();
  }, [serverErrors]);
  const set = <K extends keyof PlanItemFormState>(key: K, value: PlanItemFormState[K]) => setF((s) => ({ ...s, [key]: value }));

  // A plan year works under the framework valid on 1 January, as the API checks.
  const framework = frameworkForDate(reference.goalFrameworks, `${year}-01-01`);
  const goals = [...(framework?.goals ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  const staff = reference.staff.filter((s) => s.active || f.staffIds.includes(s.id));
  const assignments = reference.assignments.filter((x) => x.active || x.id === f.assignmentId);
  const staffLabel = staffLabels(staff);
  const labels: Record<PlanFieldName, string> = {
    title: t.plan.formTitle, goalId: t.plan.goal, areaId: t.plan.area, planned: t.plan.plannedLines, assignmentId: t.form.assignment, staffIds: t.plan.staff,
    targetCount: t.plan.target, status: t.plan.status, outcome: t.plan.outcome,
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validatePlanItem(f, t.plan.errors);
    setClientErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    onSubmit(f);
  }

  const ordered = PLAN_FIELD_ORDER.filter((k) => errors[k]).map((k) => [k, errors[k]!] as const);
  const showSummary = ordered.length > 0 || Boolean(errors.form);

  return (
    <form className="activity-form plan-form" noValidate onSubmit={submit}>
      {showSummary ? (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="plan-error-summary-title">
          <h2 id="plan-error-summary-title">{errors.form && !ordered.length ? errors.form : t.form.errorSummary}</h2>
          {ordered.length ? (
            <ul>
              {ordered.map(([k, msg]) => (
                <li key={k}>
                  <a
                    href={`#${fieldId(k)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(fieldId(k))?.focus();
                    }}
                  >
                    {labels[k]}: {msg}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {errors.form && ordered.length ? <p>{errors.form}</p> : null}
        </div>
      ) : null}

      <p className="form-intro">{t.form.intro}</p>

      <Field name="title" label={t.plan.formTitle} required error={errors.title}>
        {(a) => <input {...a} type="text" value={f.title} maxLength={200} autoComplete="off" onChange={(e) => set('title', e.target.value)} className="input" />}
      </Field>

      <Group name="goalId" legend={t.plan.goal} required error={errors.goalId} hint={framework ? t.plan.goalFramework(localName(framework, lang)) : t.plan.noFramework(year)}>
        <div className="choices">
          {goals.map((g, i) => (
            <Choice
              key={g.id}
              type="radio"
              name="goalId"
              id={i === 0 ? fieldId('goalId') : `plan-goal-${g.id}`}
              checked={f.goalId === g.id}
              onChange={() => set('goalId', g.id)}
              label={localName(g, lang)}
            />
          ))}
        </div>
      </Group>

      <Field name="areaId" label={t.plan.area} required error={errors.areaId}>
        {(a) => (
          <select {...a} value={f.areaId ?? ''} onChange={(e) => set('areaId', e.target.value ? Number(e.target.value) : null)} className="input">
            <option value="">{t.plan.chooseArea}</option>
            {areaGroups(reference, initial.areaId).map(({ group, leaves }) =>
              leaves.length === 0 ? (
                <option key={group.id} value={group.id}>
                  {localName(group, lang)}
                </option>
              ) : (
                <optgroup key={group.id} label={localName(group, lang)}>
                  {leaves.map((leaf) => (
                    <option key={leaf.id} value={leaf.id}>
                      {localName(leaf, lang)}
                    </option>
                  ))}
                </optgroup>
              ),
            )}
          </select>
        )}
      </Field>

      <Field name="planned" label={t.plan.plannedLines} required={false} hint={t.plan.plannedHint} error={errors.planned}>
        {(a) => <textarea {...a} rows={4} value={f.planned} onChange={(e) => set('planned', e.target.value)} className="input" />}
      </Field>

      <Field name="assignmentId" label={t.form.assignment} required={false} hint={t.plan.assignmentHint} error={errors.assignmentId}>
        {(a) => (
          <select {...a} value={f.assignmentId ?? ''} onChange={(e) => set('assignmentId', e.target.value ? Number(e.target.value) : null)} className="input">
            <option value="">{t.form.noAssignment}</option>
            {assignments.map((x) => (
              <option key={x.id} value={x.id}>
                {x.active ? x.title : t.form.inactive(x.title)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Group name="staffIds" legend={t.plan.staff} required={false} error={errors.staffIds}>
        <div className="choices choices--columns">
          {staff.map((s, i) => (
            <Choice
              key={s.id}
              type="checkbox"
              name="staffIds"
              id={i === 0 ? fieldId('staffIds') : `plan-staff-${s.id}`}
              checked={f.staffIds.includes(s.id)}
              onChange={(on) => set('staffIds', on ? [...f.staffIds, s.id] : f.staffIds.filter((x) => x !== s.id))}
              label={staffLabel.get(s.id) ?? s.name}
            />
          ))}
        </div>
      </Group>

      <Field name="targetCount" label={t.plan.target} required={false} hint={t.plan.targetHint} error={errors.targetCount}>
        {(a) => <input {...a} inputMode="numeric" value={f.targetCount} onChange={(e) => set('targetCount', e.target.value)} className="input input--short" />}
      </Field>

      <Field name="status" label={t.plan.status} required error={errors.status}>
        {(a) => (
          <select {...a} value={f.status} onChange={(e) => set('status', e.target.value as PlanItemFormState['status'])} className="input">
            {PLAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.plan.statuses[s]}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field name="outcome" label={t.plan.outcome} required={false} hint={t.plan.outcomeHint} error={errors.outcome}>
        {(a) => <textarea {...a} rows={4} maxLength={4000} value={f.outcome} onChange={(e) => set('outcome', e.target.value)} className="input" />}
      </Field>

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t.common.saving : submitLabel}
        </button>
      </div>
    </form>
  );
}
