import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { FIRST_ACTIVITY_YEAR, frameworkForDate, isFarAhead, isIsoDate, lastActivityYear, yearOf } from '@fou/domain';
import type { GoalSuggestion, ReferenceData } from '../api/client.ts';
import { usePlanItems } from '../api/plan-queries.ts';
import { usePeriodLocks } from '../api/reference-queries.ts';
import { useFetchSimilar, useSimilarActivities, type SimilarActivity } from '../features/activity-form/similar-queries.ts';
import { useDebounced } from '../features/activity-form/useDebounced.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { localName, localShortName } from '../i18n/reference-names.ts';
import { Choice, Field, Group, fieldId } from './fields.tsx';
import { PlanItemSelect } from './PlanItemSelect.tsx';
import { staffLabels } from '@fou/domain';
import {
  FIELD_ORDER, areaGroups, followUpStartOf, goalForDate, suggestedGoalKey, textWarningsOf, validate, type Errors, type FieldName, type FormState, type Line,
} from './activity-form-model.ts';

interface Props {
  reference: ReferenceData;
  initial: FormState;
  /** The goal to suggest per activity type (GET /activities/goal-suggestions). */
  goalSuggestions: readonly GoalSuggestion[];
  saving: boolean;
  /** Errors the server reported (400 fields, 409, network); shown like the client's own. */
  serverErrors: Errors;
  onSubmit: (state: FormState) => void;
  /** Every change of the form's state (the pages keep a draft of it). */
  onChange?: (state: FormState) => void;
  /**
   * Ask the API while the form is filled in: the plan items of the activity's year, activities that look like the
   * same one, and whether the year is locked. The pages do; a bare form (some component tests) does not.
   */
  connected?: boolean;
  /** The activity being edited: not its own double. */
  activityId?: number;
  /** Whether the user may unlock a locked year (the FoU chief): the lock notice says who can. */
  mayUnlock?: boolean;
}

export function ActivityForm({ reference, initial, goalSuggestions, saving, serverErrors, onSubmit, onChange, connected = false, activityId, mayUnlock = false }: Props) {
  const { t, lang, date: formatDate } = useI18n();
  const [f, setF] = useState<FormState>(initial);
  const [clientErrors, setClientErrors] = useState<Errors | null>(null);
  // The suggested goal by key: its name follows the framework of the date, which may change after the type.
  const [suggestedKey, setSuggestedKey] = useState<string | null>(null);
  // A goal that could not follow a change of date into another framework: said until a goal is chosen.
  const [lostGoal, setLostGoal] = useState<string | null>(null);
  // A date field reports '' both when empty and when it holds no real date (30 February): this tells them apart.
  const [dateBadInput, setDateBadInput] = useState(false);
  useEffect(() => {
    onChange?.(f);
  }, [f, onChange]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const warningRef = useRef<HTMLDivElement>(null);
  // Soft warnings about client data in the texts: shown as they appear, dismissible, never blocking a save.
  const warnings = useMemo(() => textWarningsOf(f), [f]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const openWarnings = warnings.filter((w) => !dismissed.has(`${w.kind}:${w.text}`));
  const errors: Errors = clientErrors && Object.keys(clientErrors).length ? clientErrors : serverErrors;
  useEffect(() => {
    if (Object.keys(serverErrors).length) summaryRef.current?.focus();
  }, [serverErrors]);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setF((s) => ({ ...s, [key]: value }));

  const framework = useMemo(
    () => (isIsoDate(f.date) ? frameworkForDate(reference.goalFrameworks, f.date) : undefined),
    [reference.goalFrameworks, f.date],
  );
  const goals = useMemo(() => [...(framework?.goals ?? [])].sort((a, b) => a.sortOrder - b.sortOrder), [framework]);
  const followUpStart = useMemo(() => followUpStartOf(reference.goalFrameworks), [reference.goalFrameworks]);
  const dateContext = { badInput: dateBadInput, followUpStart, formatDate };

  const year = isIsoDate(f.date) ? yearOf(f.date) : null;
  const locks = usePeriodLocks(connected);
  const locked = year !== null && Boolean(locks.data?.some((l) => l.year === year));
  // The plan of the activity's year; a placeholder list of the previous year must not count.
  const planItems = usePlanItems({ year: year ?? 0 }, connected && year !== null);
  const itemsOfYear = planItems.data && !planItems.isPlaceholderData ? planItems.data : undefined;
  // An item belongs to one year: moving the date into another year drops the link.
  useEffect(() => {
    if (itemsOfYear && f.planItemId !== null && !itemsOfYear.some((i) => i.id === f.planItemId)) setF((s) => ({ ...s, planItemId: null }));
  }, [itemsOfYear, f.planItemId]);

  // Possible doubles: asked once the typing pauses; the save asks again for exactly what it saves.
  const checkedTitle = useDebounced(f.title, 300);
  const similar = useSimilarActivities(f.date, checkedTitle, activityId, connected && isIsoDate(f.date));
  const fetchSimilar = useFetchSimilar();
  const [doubles, setDoubles] = useState<SimilarActivity[] | null>(null);
  const shownDoubles = doubles ?? (checkedTitle === f.title ? similar.data ?? [] : []);
  const [confirmingDouble, setConfirmingDouble] = useState(false);
  const doubleRef = useRef<HTMLDivElement>(null);
  // Deactivated rows are offered only where the activity already has them (an old one being edited), marked in words.
  const chosenAtStart = useMemo(
    () => ({ municipalities: new Set(initial.municipalityIds), staff: new Set(initial.staffIds), type: initial.typeId, assignment: initial.assignmentId, area: initial.areaId }),
    [initial],
  );
  const label = (x: { active: boolean }, name: string) => (x.active ? name : t.form.inactive(name));
  const municipalities = reference.municipalities.filter((m) => m.active || chosenAtStart.municipalities.has(m.id)).sort((a, b) => a.sortOrder - b.sortOrder);
  const staff = reference.staff.filter((s) => s.active || chosenAtStart.staff.has(s.id));
  const types = reference.activityTypes.filter((x) => x.active || x.id === chosenAtStart.type).sort((a, b) => a.sortOrder - b.sortOrder);
  const assignments = reference.assignments.filter((x) => x.active || x.id === chosenAtStart.assignment);
  // "All" means every owner taking part now: a deactivated one is never added by it.
  const activeMunicipalities = municipalities.filter((m) => m.active);
  const allChecked = activeMunicipalities.length > 0 && activeMunicipalities.every((m) => f.municipalityIds.includes(m.id));
  const targetGroups = reference.targetGroups.filter((g) => g.active || initial.targetGroupIds.includes(g.id)).sort((a, b) => a.sortOrder - b.sortOrder);
  // Naming a municipality and "ingen ägarkommun" exclude each other: choosing one clears the other.
  const chooseMunicipalities = (ids: number[]) => setF((s) => ({ ...s, municipalityIds: ids, noOwnerMunicipality: ids.length ? false : s.noOwnerMunicipality }));
  const chosenMunicipalities = municipalities.filter((m) => f.municipalityIds.includes(m.id));
  const splitSum = chosenMunicipalities.reduce((acc, m) => acc + (/^\d+$/.test((f.split[m.id] ?? '').trim()) ? Number(f.split[m.id]) : 0), 0);

  // A goal chosen under one framework means nothing under another: a date change across frameworks clears it.
  const goalId = goals.some((g) => g.id === f.goalId) ? f.goalId : null;

  function chooseType(typeId: number | null) {
    const key = typeId === null ? undefined : suggestedGoalKey(goalSuggestions, typeId);
    const goal = key ? goals.find((g) => g.key === key) : undefined;
    setF((s) => ({ ...s, typeId, ...(goal ? { goalId: goal.id } : {}) }));
    setSuggestedKey(goal ? goal.key : null);
    if (goal) setLostGoal(null);
  }
  const suggested = suggestedKey ? goals.find((g) => g.key === suggestedKey) : undefined;

  // A new date may fall under another framework: the goal follows by its key, or is said to be gone.
  function chooseDate(value: string, badInput: boolean) {
    setDateBadInput(badInput);
    setDoubles(null);
    setConfirmingDouble(false);
    const next = goalForDate(reference.goalFrameworks, f.goalId, value);
    setF((s) => ({ ...s, date: value, goalId: next.goalId }));
    if (next.lost) setLostGoal(next.lost);
  }

  function chooseGoal(id: number) {
    set('goalId', id);
    setLostGoal(null);
  }

  // Uppdrag and plan item point the same way when the plan says the item belongs to the assignment.
  const offeredAssignment = (id: number) => assignments.some((x) => x.id === id && x.active);
  function choosePlanItem(planItemId: number | null) {
    const linked = itemsOfYear?.find((i) => i.id === planItemId)?.assignment?.id;
    setF((s) => ({ ...s, planItemId, assignmentId: s.assignmentId ?? (linked !== undefined && offeredAssignment(linked) ? linked : null) }));
  }
  function chooseAssignment(assignmentId: number | null) {
    const linked = assignmentId === null ? [] : (itemsOfYear ?? []).filter((i) => i.assignment?.id === assignmentId);
    setF((s) => ({ ...s, assignmentId, planItemId: s.planItemId ?? (linked.length === 1 ? linked[0]!.id : null) }));
  }

  function toggle(list: number[], id: number, on: boolean) {
    return on ? [...list, id] : list.filter((x) => x !== id);
  }

  async function submit(e: FormEvent | null, anyway = false) {
    e?.preventDefault();
    const state = { ...f, goalId };
    const found = validate(state, t.form.errors, dateContext);
    setClientErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    // The first save with a warning still open asks once; "Spara ändå" or a dismissed warning goes straight on.
    if (openWarnings.length && !anyway) {
      setConfirming(true);
      warningRef.current?.focus();
      return;
    }
    if (connected && !anyway) {
      const same = await fetchSimilar(state.date.trim(), state.title, activityId);
      if (same.length) {
        setDoubles(same);
        setConfirmingDouble(true);
        requestAnimationFrame(() => doubleRef.current?.focus());
        return;
      }
    }
    setConfirming(false);
    setConfirmingDouble(false);
    onSubmit({ ...state, textWarningsOverridden: [...new Set(warnings.map((w) => w.kind))] });
  }

  const ordered = FIELD_ORDER.filter((k) => errors[k]).map((k) => [k, errors[k]!] as const);
  const showSummary = ordered.length > 0 || Boolean(errors.form);
  const labels: Record<FieldName, string> = {
    date: t.form.date, title: t.form.title, typeId: t.form.type, goalId: t.form.goal, areaId: t.form.area,
    municipalityIds: t.form.municipalities, noOwnerMunicipality: t.form.noOwnerMunicipality, staffIds: t.form.staff, format: t.form.format, participants: t.form.participants,
    municipalityParticipants: t.form.split, targetGroupIds: t.form.targetGroups,
    assignmentId: t.form.assignment, line: t.form.line, planItemId: t.plan.formPlanItem, description: t.form.description,
  };

  return (
    <form className="activity-form" noValidate onSubmit={(e) => void submit(e)}>
      {showSummary ? (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{errors.form && !ordered.length ? errors.form : t.form.errorSummary}</h2>
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

      <div className="form-row">
        {/* A date more than a year ahead is allowed but probably a slip (2027 for 2026): the hint says so, softly. */}
        {/* A locked year is said as soon as the date falls in it, not after the whole form is filled in. */}
        <Field
          name="date"
          label={t.form.date}
          required
          hint={
            <>
              {t.form.dateHint}
              {isIsoDate(f.date) && isFarAhead(f.date) ? <> <strong className="field__warning">{t.form.dateFarAhead}</strong></> : null}
              {locked ? <> <strong className="field__warning">{t.form.dateLocked(year!)} {mayUnlock ? t.form.dateLockedChief : t.form.dateLockedWho}</strong></> : null}
            </>
          }
          error={errors.date}
        >
          {(a) => (
            <input
              {...a}
              type="date"
              min={`${FIRST_ACTIVITY_YEAR}-01-01`}
              max={`${lastActivityYear()}-12-31`}
              value={f.date}
              onChange={(e) => chooseDate(e.target.value, e.target.validity.badInput)}
              className="input input--date"
            />
          )}
        </Field>
      </div>

      <Field name="title" label={t.form.title} required hint={t.form.titleHint} error={errors.title}>
        {(a) => (
          <input
            {...a}
            type="text"
            value={f.title}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => {
              set('title', e.target.value);
              setDoubles(null);
              setConfirmingDouble(false);
            }}
            className="input"
          />
        )}
      </Field>

      <div className="double-warning-region" role="status" aria-live="polite">
        {shownDoubles.length ? (
          <div className="text-warning double-warning" ref={doubleRef} tabIndex={-1} aria-labelledby="double-warning-title">
            <h2 id="double-warning-title">{t.form.duplicate.heading}</h2>
            <p>{t.form.duplicate.text}</p>
            <ul>
              {shownDoubles.map((d) => (
                <li key={d.id}>
                  <Link to={`/aktiviteter/${d.id}`} target="_blank" rel="noopener">
                    {d.title}
                    <span className="visually-hidden"> {t.form.duplicate.newTab}</span>
                  </Link> ({formatDate(d.date)}{d.typeName ? `, ${d.typeName}` : ''})
                </li>
              ))}
            </ul>
            {confirmingDouble ? (
              <>
                <p>{t.form.duplicate.confirm}</p>
                <div className="button-row">
                  <button type="button" className="button button--primary" disabled={saving} onClick={() => void submit(null, true)}>
                    {t.form.duplicate.saveAnyway}
                  </button>
                  <button type="button" className="button" onClick={() => { setConfirmingDouble(false); document.getElementById(fieldId('title'))?.focus(); }}>
                    {t.form.duplicate.edit}
                  </button>
                </div>
              </>
            ) : null}
          </div>
        ) : null}
      </div>

      <Field name="typeId" label={t.form.type} required error={errors.typeId}>
        {(a) => (
          <select {...a} value={f.typeId ?? ''} onChange={(e) => chooseType(e.target.value ? Number(e.target.value) : null)} className="input">
            <option value="">{t.form.chooseType}</option>
            {types.map((x) => (
              <option key={x.id} value={x.id}>
                {label(x, localName(x, lang))}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Group
        name="goalId"
        legend={t.form.goal}
        required
        error={errors.goalId}
        hint={
          !framework ? t.form.noFramework
            : lostGoal && goalId === null ? <strong className="field__warning">{t.form.goalLost(lostGoal, localName(framework, lang))}</strong>
              : suggested ? t.form.goalSuggested(localShortName(suggested, lang))
                : t.form.goalFramework(localName(framework, lang))
        }
      >
        <div className="choices">
          {goals.map((g, i) => (
            <Choice
              key={g.id}
              type="radio"
              name="goalId"
              id={i === 0 ? fieldId('goalId') : `goal-${g.id}`}
              checked={goalId === g.id}
              onChange={() => chooseGoal(g.id)}
              label={localName(g, lang)}
              description={g.description}
            />
          ))}
        </div>
      </Group>

      <Group name="areaId" legend={t.form.area} required error={errors.areaId}>
        <div className="choices">
          {areaGroups(reference, chosenAtStart.area).map(({ group, leaves }, gi) =>
            leaves.length === 0 ? (
              <Choice
                key={group.id}
                type="radio"
                name="areaId"
                id={gi === 0 ? fieldId('areaId') : `area-${group.id}`}
                checked={f.areaId === group.id}
                onChange={() => set('areaId', group.id)}
                label={label(group, localName(group, lang))}
              />
            ) : (
              <fieldset key={group.id} className="subgroup">
                <legend>{label(group, localName(group, lang))}</legend>
                {leaves.map((leaf) => (
                  <Choice
                    key={leaf.id}
                    type="radio"
                    name="areaId"
                    id={`area-${leaf.id}`}
                    checked={f.areaId === leaf.id}
                    onChange={() => set('areaId', leaf.id)}
                    label={label(leaf, localName(leaf, lang))}
                  />
                ))}
              </fieldset>
            ),
          )}
        </div>
      </Group>

      <Group name="municipalityIds" legend={t.form.municipalities} required hint={t.form.municipalitiesHint} error={errors.municipalityIds ?? errors.noOwnerMunicipality}>
        <div className="choices choices--columns">
          <Choice
            type="checkbox"
            name="allMunicipalities"
            id={fieldId('municipalityIds')}
            checked={allChecked}
            onChange={(on) => chooseMunicipalities(on ? [...new Set([...f.municipalityIds, ...activeMunicipalities.map((m) => m.id)])] : [])}
            label={<strong>{t.form.allMunicipalities}</strong>}
          />
          {municipalities.map((m) => (
            <Choice
              key={m.id}
              type="checkbox"
              name="municipalityIds"
              id={`municipality-${m.id}`}
              checked={f.municipalityIds.includes(m.id)}
              onChange={(on) => chooseMunicipalities(toggle(f.municipalityIds, m.id, on))}
              label={label(m, m.name)}
            />
          ))}
        </div>
        <div className="choices">
          <Choice
            type="checkbox"
            name="noOwnerMunicipality"
            id={fieldId('noOwnerMunicipality')}
            checked={f.noOwnerMunicipality}
            onChange={(on) => setF((s) => ({ ...s, noOwnerMunicipality: on, municipalityIds: on ? [] : s.municipalityIds }))}
            label={t.form.noOwnerMunicipality}
          />
        </div>
      </Group>

      <Group name="staffIds" legend={t.form.staff} required error={errors.staffIds}>
        <div className="choices choices--columns">
          {staff.map((s, i) => (
            <Choice
              key={s.id}
              type="checkbox"
              name="staffIds"
              id={i === 0 ? fieldId('staffIds') : `staff-${s.id}`}
              checked={f.staffIds.includes(s.id)}
              onChange={(on) => set('staffIds', toggle(f.staffIds, s.id, on))}
              label={label(s, staffLabels(staff).get(s.id) ?? s.name)}
            />
          ))}
        </div>
      </Group>

      <Group name="format" legend={t.form.format} required error={errors.format}>
        <div className="choices choices--inline">
          {reference.formats.map((x, i) => (
            <Choice
              key={x.code}
              type="radio"
              name="format"
              id={i === 0 ? fieldId('format') : `format-${x.code}`}
              checked={f.format === x.code}
              onChange={() => set('format', x.code)}
              label={localName(x, lang)}
            />
          ))}
        </div>
      </Group>

      <Field name="participants" label={t.form.participants} required={false} error={errors.participants}>
        {(a) => (
          <input {...a} type="text" inputMode="numeric" value={f.participants} onChange={(e) => set('participants', e.target.value)} className="input input--short" />
        )}
      </Field>

      {/* Optional and closed unless opened (or already filled): the common case stays one number. */}
      {chosenMunicipalities.length >= 2 ? (
        <details className={`split${errors.municipalityParticipants ? ' field--invalid' : ''}`} open={Object.values(f.split).some((v) => v.trim() !== '') || Boolean(errors.municipalityParticipants)}>
          <summary id={fieldId('municipalityParticipants')}>{t.form.split}</summary>
          <p className="field__hint">{t.form.splitHint}</p>
          {errors.municipalityParticipants ? <p className="field__error">{errors.municipalityParticipants}</p> : null}
          <div className="split__grid">
            {chosenMunicipalities.map((m) => (
              <div key={m.id} className="split__row">
                <label htmlFor={`split-${m.id}`}>{m.name}</label>
                <input
                  id={`split-${m.id}`}
                  type="text"
                  inputMode="numeric"
                  className="input input--short"
                  value={f.split[m.id] ?? ''}
                  onChange={(e) => setF((s) => ({ ...s, split: { ...s.split, [m.id]: e.target.value } }))}
                />
              </div>
            ))}
          </div>
          <p className="split__sum" role="status">{t.form.splitSum(splitSum, f.participants.trim())}</p>
        </details>
      ) : null}

      <Group name="targetGroupIds" legend={t.form.targetGroups} required={false} error={errors.targetGroupIds}>
        <div className="choices choices--columns">
          {targetGroups.map((g, i) => (
            <Choice
              key={g.id}
              type="checkbox"
              name="targetGroupIds"
              id={i === 0 ? fieldId('targetGroupIds') : `target-group-${g.id}`}
              checked={f.targetGroupIds.includes(g.id)}
              onChange={(on) => set('targetGroupIds', toggle(f.targetGroupIds, g.id, on))}
              label={label(g, localName(g, lang))}
            />
          ))}
        </div>
      </Group>

      <Field name="assignmentId" label={t.form.assignment} required={false} hint={t.form.assignmentHint} error={errors.assignmentId}>
        {(a) => (
          <select {...a} value={f.assignmentId ?? ''} onChange={(e) => chooseAssignment(e.target.value ? Number(e.target.value) : null)} className="input">
            <option value="">{t.form.noAssignment}</option>
            {assignments.map((x) => (
              <option key={x.id} value={x.id}>
                {label(x, x.title)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <PlanItemSelect items={itemsOfYear} value={f.planItemId} onChange={choosePlanItem} error={errors.planItemId} />

      <Group name="line" legend={t.form.line} required={false} hint={t.form.lineHint} error={errors.line}>
        <div className="choices choices--inline">
          <Choice type="radio" name="line" id={fieldId('line')} checked={f.line === null} onChange={() => set('line', null)} label={t.form.noLine} />
          {reference.lines.map((x) => (
            <Choice key={x.code} type="radio" name="line" id={`line-${x.code}`} checked={f.line === x.code} onChange={() => set('line', x.code as Line)} label={localName(x, lang)} />
          ))}
        </div>
      </Group>

      <Field name="description" label={t.form.description} required={false} error={errors.description}>
        {(a) => <textarea {...a} value={f.description} rows={3} maxLength={4000} onChange={(e) => set('description', e.target.value)} className="input" />}
      </Field>

      <div className="text-warning-region" role="status" aria-live="polite">
        {openWarnings.length ? (
          <div className="text-warning" ref={warningRef} tabIndex={-1} aria-labelledby="text-warning-title">
            <h2 id="text-warning-title">{t.form.textWarning.heading}</h2>
            <ul>
              {openWarnings.map((w) => (
                <li key={`${w.kind}:${w.text}`}>{w.kind === 'client_name' ? t.form.textWarning.clientName(w.text) : t.form.textWarning.mistyped(w.text)}</li>
              ))}
            </ul>
            {confirming ? <p>{t.form.textWarning.confirm}</p> : null}
            <div className="button-row">
              {confirming ? (
                <>
                  <button type="button" className="button button--primary" disabled={saving} onClick={() => void submit(null, true)}>
                    {t.form.textWarning.saveAnyway}
                  </button>
                  <button type="button" className="button" onClick={() => { setConfirming(false); document.getElementById(fieldId('title'))?.focus(); }}>
                    {t.form.textWarning.edit}
                  </button>
                </>
              ) : (
                <button type="button" className="button" onClick={() => setDismissed(new Set([...dismissed, ...openWarnings.map((w) => `${w.kind}:${w.text}`)]))}>
                  {t.form.textWarning.dismiss}
                </button>
              )}
            </div>
          </div>
        ) : null}
      </div>

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t.common.saving : t.common.save}
        </button>
      </div>
    </form>
  );
}
