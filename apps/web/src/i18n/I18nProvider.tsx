import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANGS, loadMessages, loadedMessages, type Lang, type Messages } from './messages.ts';
import { formatDate, formatNumber, formatPercent } from './format.ts';

const STORAGE_KEY = 'fou.lang';

interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
  date: (isoDate: string) => string;
  percent: (percent: number) => string;
  number: (n: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return LANGS.includes(v as Lang) ? (v as Lang) : 'sv';
  } catch {
    return 'sv';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  // Bumped when a language's messages arrive, to draw with them.
  const [, setArrived] = useState(0);
  const t = loadedMessages(lang);
  useEffect(() => {
    // English chosen on an earlier visit: its messages are fetched (the boot script has usually preloaded them).
    if (t) return;
    loadMessages(lang).then(() => setArrived((n) => n + 1), () => setLangState('sv'));
  }, [lang, t]);
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private modes may refuse storage; the choice then lasts for this visit only.
    }
    // The page keeps its language until the other's messages are here, rather than going blank.
    if (loadedMessages(next)) setLangState(next);
    else loadMessages(next).then(() => setLangState(next), () => undefined);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n | null>(
    () =>
      t
        ? {
            lang,
            t,
            setLang,
            date: (d) => formatDate(d, lang),
            percent: (p) => formatPercent(p, lang),
            number: (n) => formatNumber(n, lang),
          }
        : null,
    [lang, t, setLang],
  );
  // Only a first load in English waits here, for one small file.
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
