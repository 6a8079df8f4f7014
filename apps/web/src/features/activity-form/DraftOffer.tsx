import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Draft } from './draft-storage.ts';

/** Shown instead of the form when an unsaved draft is waiting: go on with it, or throw it away. */
export function DraftOffer({ draft, onResume, onDiscard }: { draft: Draft; onResume: () => void; onDiscard: () => void }) {
  const { t, lang } = useI18n();
  const when = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(draft.savedAt));
  return (
    <div className="confirmation draft-offer" role="status">
      <p>{t.form.draft.found(when)}</p>
      {draft.state.title ? <p><strong>{draft.state.title}</strong></p> : null}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onResume}>
          {t.form.draft.resume}
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          {t.form.draft.discard}
        </button>
      </div>
    </div>
  );
}
