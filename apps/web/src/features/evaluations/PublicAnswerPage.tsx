/**
 * The public answer page (/svar/:token): no login, no site menu, made for a phone. Every question is a fieldset
 * of radio buttons (arrow keys move within one, Tab to the next), the comment a plain text area. After sending,
 * focus moves to the thank-you message so a screen reader hears it. The page keeps a random device token and an
 * "answered" flag in local storage, so the same phone is asked not to answer twice.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { ApiCallError } from '../../api/client.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { deviceToken, hasAnswered, markAnswered, usePublicEvaluation, useSubmitAnswer, type PublicAnswer, type PublicEvaluation } from './evaluation-queries.ts';
import { apiErrorText, fieldErrorText } from '../../i18n/api-errors.ts';

type Values = Partial<Record<PublicEvaluation['questions'][number]['key'], string>>;

function toAnswer(values: Values): PublicAnswer {
  const pick = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  const body: PublicAnswer = {};
  if (pick(values.rating)) body.rating = Number(values.rating);
  if (pick(values.useful)) body.useful = values.useful as PublicAnswer['useful'];
  if (pick(values.affects)) body.affects = values.affects as PublicAnswer['affects'];
  if (pick(values.municipality)) body.municipality = values.municipality!;
  if (pick(values.targetGroup)) body.targetGroup = values.targetGroup!;
  if (values.comment?.trim()) body.comment = values.comment.trim();
  return body;
}

export function PublicAnswerPage() {
  const { t, date } = useI18n();
  const e = t.evaluations;
  const token = useParams().token ?? '';
  const page = usePublicEvaluation(token);
  const submit = useSubmitAnswer(token);
  const [values, setValues] = useState<Values>({});
  const [done, setDone] = useState<'sent' | 'already' | null>(() => (hasAnswered(token) ? 'already' : null));
  const [problem, setProblem] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(page.data ? page.data.title : e.heading);
  useEffect(() => {
    if (done || problem) statusRef.current?.focus();
  }, [done, problem]);

  function send(ev: FormEvent) {
    ev.preventDefault();
    const body = toAnswer(values);
    if (Object.keys(body).length === 0) {
      setProblem(e.publicEmpty);
      return;
    }
    setProblem(null);
    const device = deviceToken();
    submit.mutate(device ? { ...body, deviceToken: device } : body, {
      onSuccess: () => {
        markAnswered(token);
        setDone('sent');
      },
      onError: (err) => {
        const code = err instanceof ApiCallError ? err.body?.code : undefined;
        if (code === 'already_answered') {
          markAnswered(token);
          setDone('already');
          return;
        }
        // The error's code says what was wrong (a personnummer in the comment, a closed evaluation …).
        const first = err instanceof ApiCallError ? err.body?.fields?.[0] : undefined;
        setProblem((first ? fieldErrorText(first, t) : apiErrorText(err, t)) ?? e.publicFailed);
      },
    });
  }

  let body;
  if (page.isPending) body = <p role="status">{e.publicLoading}</p>;
  else if (page.isError) {
    const status = page.error instanceof ApiCallError ? page.error.status : 0;
    body = <p className="notice" role="alert">{status === 404 || status === 400 ? e.publicUnknown : e.publicFailed}</p>;
  } else {
    const p = page.data;
    body = (
      <>
        <p className="public-answer__unit">{e.publicOf(p.unitName)}</p>
        <h1>{p.title}</h1>
        <p className="muted">{date(p.date)}</p>
        {done ? (
          <div className="confirmation" role="status" tabIndex={-1} ref={statusRef}>
            <p>{done === 'sent' ? e.publicAnswered : e.publicAlready}</p>
          </div>
        ) : p.state === 'closed' ? (
          <p className="notice" role="status">{e.publicClosed}</p>
        ) : p.state === 'not_open' ? (
          <p className="notice" role="status">{e.publicNotOpen(date(p.opensOn))}</p>
        ) : (
          <form onSubmit={send} noValidate>
            <p>{e.publicIntro}</p>
            {p.questions.map((q) =>
              q.key === 'comment' ? (
                <div className="field" key={q.key}>
                  <label htmlFor="answer-comment" className="field__label">{q.text}</label>
                  <p className="field__hint" id="answer-comment-hint">{e.publicCommentHint}</p>
                  <textarea
                    id="answer-comment"
                    className="input"
                    rows={4}
                    maxLength={1000}
                    aria-describedby="answer-comment-hint"
                    value={values.comment ?? ''}
                    onChange={(ev) => setValues({ ...values, comment: ev.target.value })}
                  />
                </div>
              ) : (
                <fieldset className="field" key={q.key}>
                  <legend>{q.text}</legend>
                  {q.key === 'rating' ? <p className="field__hint">{e.publicRatingLow}, {e.publicRatingHigh}</p> : null}
                  <div className={q.key === 'rating' ? 'public-answer__scale' : 'choices'}>
                    {q.options.map((o) => (
                      <div className="choice" key={o.value}>
                        <input
                          type="radio"
                          id={`answer-${q.key}-${o.value}`}
                          name={q.key}
                          value={o.value}
                          checked={values[q.key] === o.value}
                          onChange={() => setValues({ ...values, [q.key]: o.value })}
                        />
                        <label htmlFor={`answer-${q.key}-${o.value}`}>{o.label}</label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              ),
            )}
            <div role="alert" tabIndex={-1} ref={problem ? statusRef : undefined} className={problem ? 'error-summary' : 'visually-hidden'}>
              {problem ? <p>{problem}</p> : null}
            </div>
            <p>
              <button type="submit" className="button button--primary public-answer__send" disabled={submit.isPending}>
                {submit.isPending ? e.publicSending : e.publicSend}
              </button>
            </p>
          </form>
        )}
      </>
    );
  }
  return (
    <main id="main" className="public-answer" lang="sv">
      {body}
    </main>
  );
}
