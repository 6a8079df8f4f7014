import { NavLink, Outlet } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LANGS } from '../i18n/messages.ts';

export function Layout() {
  const { t, lang, setLang } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <p className="site-name">
            <NavLink to="/">{t.appName}</NavLink>
          </p>
          <nav aria-label={t.nav.label}>
            <ul className="nav-list">
              <li>
                <NavLink to="/" end>
                  {t.nav.register}
                </NavLink>
              </li>
              <li>
                <NavLink to="/aktiviteter">{t.nav.activities}</NavLink>
              </li>
              <li>
                <NavLink to="/oversikt">{t.nav.overview}</NavLink>
              </li>
            </ul>
          </nav>
          <div className="lang-switch" role="group" aria-label={t.language.label}>
            {LANGS.map((l) => (
              <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
                {t.language[l]}
              </button>
            ))}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
