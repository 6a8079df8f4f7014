/**
 * The activity page's evaluation: for those who may change it (the chief and the activity's staff) the link, the
 * QR code, a live answer count and the settings; for everyone in the unit the figures; the comments only for the
 * chief and the activity's staff (the API refuses them to others too).
 */
import { apiErrorText, fieldErrorText } from '../../i18n/api-errors.ts';
import { useState, type FormEvent } from 'react';
import { AFFECTS_LABELS, AFFECTS_OPTIONS, EVALUATION_QUESTION_KEYS, todayInSweden, USEFUL_LABELS, USEFUL_OPTIONS, type EvaluationQuestionKey } from '@fou/domain';
import { ApiCallError } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../auth/RequireAuth.tsx';
import { EvaluationFiguresView } from './EvaluationFigures.tsx';
import { EvaluationSeries } from './EvaluationSeries.tsx';
import {
  useActivityEvaluation, useAnswerCount, useComments, useRemoveAnswer, useSaveEvaluation,
  type Evaluation, type EvaluationInput,
} from './evaluation-queries.ts';

type Aggregate = NonNullable<EvaluationInput['aggregate']>;
const EMPTY_AGGREGATE: Aggregate = {
  answers: 0, ratingMean: null, useful: { helt: null, hog: null, delvis: null, inte: null }, usefulFullyOrHigh: null,
  affects: { ja: null, delvis: null, nej: null }, affectsYesOrPartly: null,
};
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function initialInput(ev: Evaluation | null, activityDate: string): EvaluationInput {
  if (ev) {
    return {
      registered: ev.registered, attending: ev.attending, opensOn: ev.opensOn, closesOn: ev.closesOn,
      questions: ev.questions, source: ev.source, aggregate: ev.aggregate,
    };
  }
  // Open from the event day (or today, if later) for two weeks: the usual time people answer after an event.
  const today = todayInSweden();
  const opens = activityDate > today ? activityDate : today;
  return { registered: null, attending: null, opensOn: opens, closesOn: addDays(opens, 14), questions: [...EVALUATION_QUESTION_KEYS], source: 'answers', aggregate: null };
}

const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));

function EvaluationForm({ ev, activityId, activityDate, onSaved }: { ev: Evaluation | null; activityId: number; activityDate: string; onSaved: () => void }) {
  const { t } = useI18n();
  const e = t.evaluations;
  const [input, setInput] = useState<EvaluationInput>(() => initialInput(ev, activityDate));
  const save = useSaveEvaluation(activityId);
  const aggregate = input.aggregate ?? EMPTY_AGGREGATE;
  const setAggregate = (next: Partial<Aggregate>) => setInput({ ...input, aggregate: { ...aggregate, ...next } });
  const fields = save.error instanceof ApiCallError ? save.error.body?.fields ?? [] : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = { ...input, aggregate: input.source === 'aggregate' ? aggregate : null };
    save.mutate(ev ? { id: ev.id, version: ev.version, body } : { body }, { onSuccess: onSaved });
  }
  const id = (name: string) => `evaluation-${name}`;
  const numberField = (name: string, label: string, value: number | null | undefined, onChange: (v: number | null) => void) => (
    <div className="field">
      <label className="field__label" htmlFor={id(name)}>{label}</label>
      <input id={id(name)} className="input input--short" inputMode="decimal" value={value ?? ''} onChange={(x) => onChange(numberOrNull(x.target.value))} />
    </div>
  );

  return (
    <form onSubmit={submit} className="evaluation-form" noValidate>
      {save.isError ? (
        <div className="error-summary" role="alert">
          <p>{e.failed}</p>
          <ul>
            {fields.length ? fields.map((f) => <li key={f.field}>{f.field}: {fieldErrorText(f, t)}</li>) : <li>{apiErrorText(save.error, t) ?? save.error.message}</li>}
          </ul>
        </div>
      ) : null}
      {numberField('registered', e.registered, input.registered, (v) => setInput({ ...input, registered: v }))}
      {numberField('attending', e.attending, input.attending, (v) => setInput({ ...input, attending: v }))}
      <div className="field">
        <label className="field__label" htmlFor={id('opens')}>{e.opensOn}</label>
        <input id={id('opens')} type="date" className="input input--date" value={input.opensOn} onChange={(x) => setInput({ ...input, opensOn: x.target.value })} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={id('closes')}>{e.closesOn}</label>
        <input id={id('closes')} type="date" className="input input--date" value={input.closesOn} onChange={(x) => setInput({ ...input, closesOn: x.target.value })} />
      </div>
      <fieldset className="field">
        <legend>{e.questions}</legend>
        <div className="choices choices--columns">
          {EVALUATION_QUESTION_KEYS.map((k: EvaluationQuestionKey) => (
            <div className="choice" key={k}>
              <input
                type="checkbox"
                id={id(`q-${k}`)}
                checked={input.questions.includes(k)}
                onChange={(x) => setInput({ ...input, questions: x.target.checked ? [...input.questions, k] : input.questions.filter((q) => q !== k) })}
              />
              <label htmlFor={id(`q-${k}`)}>{e.questionNames[k]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>{e.source}</legend>
        <div className="choices">
          {(['answers', 'aggregate'] as const).map((s) => (
            <div className="choice" key={s}>
              <input type="radio" name="evaluation-source" id={id(`source-${s}`)} checked={input.source === s} onChange={() => setInput({ ...input, source: s })} />
              <label htmlFor={id(`source-${s}`)}>{s === 'answers' ? e.sourceAnswers : e.sourceAggregate}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {input.source === 'aggregate' ? (
        <fieldset className="field">
          <legend>{e.aggregateHeading}</legend>
          {numberField('agg-answers', e.aggregateAnswers, aggregate.answers, (v) => setAggregate({ answers: v ?? 0 }))}
          {numberField('agg-mean', e.aggregateMean, aggregate.ratingMean, (v) => setAggregate({ ratingMean: v }))}
          {USEFUL_OPTIONS.map((o) => numberField(`agg-useful-${o}`, e.aggregatePercent(USEFUL_LABELS[o]), aggregate.useful[o], (v) => setAggregate({ useful: { ...aggregate.useful, [o]: v } })))}
          {numberField('agg-fully', e.aggregatePercent(e.fullyOrHigh), aggregate.usefulFullyOrHigh, (v) => setAggregate({ usefulFullyOrHigh: v }))}
          {AFFECTS_OPTIONS.map((o) => numberField(`agg-affects-${o}`, e.aggregatePercent(AFFECTS_LABELS[o]), aggregate.affects[o], (v) => setAggregate({ affects: { ...aggregate.affects, [o]: v } })))}
          {numberField('agg-yes', e.aggregatePercent(e.yesOrPartly), aggregate.affectsYesOrPartly, (v) => setAggregate({ affectsYesOrPartly: v }))}
        </fieldset>
      ) : null}
      <p>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t.common.saving : ev ? e.save : e.create}
        </button>
      </p>
    </form>
  );
}

function LinkAndQr({ ev }: { ev: Evaluation }) {
  const { t } = useI18n();
  const e = t.evaluations;
  const [copied, setCopied] = useState(false);
  const count = useAnswerCount(ev.id, ev.source === 'answers');
  if (!ev.publicToken || ev.source !== 'answers') return null;
  const url = `${window.location.origin}/svar/${ev.publicToken}`;
  const qr = (format: 'svg' | 'png') => `/api/v1/evaluations/${ev.id}/qr?format=${format}`;
  return (
    <section aria-labelledby="evaluation-link-heading">
      <h3 id="evaluation-link-heading">{e.linkHeading}</h3>
      <p>{e.linkIntro}</p>
      <p className="evaluation-count" role="status" aria-live="polite" data-testid="evaluation-count">
        {e.liveCount(count.data?.answers ?? ev.figures.answers)} · {e.state[count.data?.state ?? ev.state]}
      </p>
      <div className="evaluation-qr">
        <img src={qr('svg')} alt={e.qrAlt} width={192} height={192} />
        <div>
          <p className="evaluation-link"><a href={url}>{url}</a></p>
          <p className="button-row">
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => undefined);
              }}
            >
              {e.copy}
            </button>
            <a className="button button--small" href={qr('svg')} download={`utvardering-${ev.id}.svg`}>{e.downloadSvg}</a>
            <a className="button button--small" href={qr('png')} download={`utvardering-${ev.id}.png`}>{e.downloadPng}</a>
          </p>
          <p role="status">{copied ? e.copied : ''}</p>
        </div>
      </div>
    </section>
  );
}

function Comments({ ev, activityId }: { ev: Evaluation; activityId: number }) {
  const { t, date } = useI18n();
  const e = t.evaluations;
  const me = useSignedIn();
  const comments = useComments(ev.id, ev.canReadComments);
  const remove = useRemoveAnswer(ev.id, activityId);
  if (!ev.canReadComments) return null;
  return (
    <section aria-labelledby="evaluation-comments-heading">
      <h3 id="evaluation-comments-heading">{e.commentsHeading}</h3>
      <p className="muted">{e.commentsIntro}</p>
      {comments.isPending ? <p role="status">{t.common.loading}</p> : comments.isError ? <p role="alert">{t.common.loadError}</p> : comments.data.items.length === 0 ? (
        <p>{e.noComments}</p>
      ) : (
        <ul className="plain-list">
          {comments.data.items.map((c) => (
            <li key={c.answerId}>
              <p className="pre-line">{c.comment}</p>
              <p className="muted">
                {e.answeredOn}: {date(c.answeredOn)}
                {me.role === 'chef' ? (
                  <>
                    {' '}
                    <button type="button" className="button button--small button--danger" onClick={() => { if (window.confirm(e.removeConfirm)) remove.mutate(c.answerId); }}>
                      {e.remove}
                    </button>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function EvaluationSection({ activityId, activityDate, editable }: { activityId: number; activityDate: string; editable: boolean }) {
  const { t } = useI18n();
  const e = t.evaluations;
  const evaluation = useActivityEvaluation(activityId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  let body;
  if (evaluation.isPending) body = <p role="status">{t.common.loading}</p>;
  else if (evaluation.isError) body = <p role="alert">{t.common.loadError}</p>;
  else if (evaluation.data === null) {
    body = editable ? (
      <>
        <p>{e.createIntro}</p>
        <EvaluationForm ev={null} activityId={activityId} activityDate={activityDate} onSaved={() => setSaved(true)} />
      </>
    ) : <p>{e.none}</p>;
  } else {
    const ev = evaluation.data;
    body = (
      <>
        {saved ? <p className="confirmation" role="status">{e.saved}</p> : null}
        <LinkAndQr ev={ev} />
        <EvaluationFiguresView ev={ev} />
        <EvaluationSeries ev={ev} />
        <Comments ev={ev} activityId={activityId} />
        {ev.canEdit ? (
          <details open={editing} onToggle={(x) => setEditing((x.target as HTMLDetailsElement).open)}>
            <summary>{e.edit}</summary>
            <EvaluationForm key={ev.version} ev={ev} activityId={activityId} activityDate={activityDate} onSaved={() => { setSaved(true); setEditing(false); }} />
          </details>
        ) : null}
      </>
    );
  }
  return (
    <section className="evaluation-section" aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">{e.heading}</h2>
      {body}
    </section>
  );
}
