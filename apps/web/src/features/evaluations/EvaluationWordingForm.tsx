/** The chief's wording of the standard evaluation questions (the unit settings page). */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSaveWording, useWording } from './evaluation-queries.ts';
import { apiErrorText } from '../../i18n/api-errors.ts';

export function EvaluationWordingForm() {
  const { t } = useI18n();
  const e = t.evaluations;
  const wording = useWording();
  const save = useSaveWording();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  if (wording.isPending) return <p role="status">{t.common.loading}</p>;
  if (wording.isError) return <p role="alert">{t.common.loadError}</p>;
  const items = wording.data.items;
  function submit(ev: FormEvent) {
    ev.preventDefault();
    setSaved(false);
    save.mutate(items.map((i) => ({ key: i.key, text: (texts[i.key] ?? i.text).trim() || i.standard })), { onSuccess: () => setSaved(true) });
  }
  return (
    <section aria-labelledby="wording-heading">
      <h2 id="wording-heading">{e.wordingHeading}</h2>
      <p>{e.wordingIntro}</p>
      {saved ? <p className="confirmation" role="status">{e.wordingSaved}</p> : null}
      {save.isError ? <p className="error-summary" role="alert">{apiErrorText(save.error, t) ?? save.error.message}</p> : null}
      <form onSubmit={submit}>
        {items.map((i) => (
          <div className="field" key={i.key}>
            <label className="field__label" htmlFor={`wording-${i.key}`}>{e.questionNames[i.key]}</label>
            <p className="field__hint" id={`wording-${i.key}-hint`}>{e.wordingStandard(i.standard)}</p>
            <input
              id={`wording-${i.key}`}
              className="input"
              maxLength={300}
              aria-describedby={`wording-${i.key}-hint`}
              value={texts[i.key] ?? i.text}
              onChange={(x) => setTexts({ ...texts, [i.key]: x.target.value })}
            />
          </div>
        ))}
        <p>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t.common.saving : t.common.save}
          </button>
        </p>
      </form>
    </section>
  );
}
