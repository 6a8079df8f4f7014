/**
 * The chief's settings for the unit: today one choice, whether the unit shares its yearly totals in the regional
 * comparison. The page says in plain words what sharing shows and what it never shows, beside the choice.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSaveUnitSettings, useUnitSettings } from './unit-settings-queries.ts';
import { EvaluationWordingForm } from '../evaluations/EvaluationWordingForm.tsx';

export function UnitSettingsPage() {
  const { t } = useI18n();
  const u = t.unitSettings;
  useDocumentTitle(u.title);
  const settings = useUnitSettings();
  const save = useSaveUnitSettings();
  const [shares, setShares] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) statusRef.current?.focus();
  }, [saved]);

  const current = shares ?? settings.data?.sharesComparison ?? false;

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    save.mutate(current, { onSuccess: () => setSaved(true) });
  }

  return (
    <div className="narrow-page">
      <h1>{u.title}</h1>
      {settings.isError ? (
        <p role="alert">{t.common.loadError}</p>
      ) : !settings.data ? (
        <p role="status">{t.common.loading}</p>
      ) : (
        <>
          <dl className="unit-facts">
            <dt>{u.name}</dt>
            <dd>{settings.data.name}{settings.data.shortName ? ` (${settings.data.shortName})` : ''}</dd>
            <dt>{u.county}</dt>
            <dd>{settings.data.county ?? u.noCounty}</dd>
          </dl>
          <section aria-labelledby="share-heading">
            <h2 id="share-heading">{u.shareHeading}</h2>
            <p>{u.shareExplain}</p>
            <p>{u.shareNever}</p>
            <p>{u.shareReciprocal}</p>
            {saved ? (
              <p className="confirmation" role="status" tabIndex={-1} ref={statusRef}>
                {u.saved}
              </p>
            ) : null}
            {save.isError ? <p className="error-summary" role="alert">{u.failed}</p> : null}
            <form onSubmit={submit}>
              <div className="choice">
                <input
                  id="unit-shares"
                  type="checkbox"
                  checked={current}
                  onChange={(e) => {
                    setShares(e.target.checked);
                    setSaved(false);
                  }}
                />
                <label htmlFor="unit-shares">
                  <span className="choice__label">{u.shareLabel}</span>
                </label>
              </div>
              <p>
                <button type="submit" className="button button--primary" disabled={save.isPending}>
                  {save.isPending ? t.common.saving : t.common.save}
                </button>
              </p>
            </form>
            <p>
              <Link to="/region">{u.toComparison}</Link>
            </p>
          </section>
          <EvaluationWordingForm />
        </>
      )}
    </div>
  );
}
