import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Each page names itself in the tab title, so screen reader users hear where a link took them. */
export function useDocumentTitle(title: string) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t.appName}`;
  }, [title, t.appName]);
}
