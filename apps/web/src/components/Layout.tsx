import { NavLink, Outlet } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LANGS } from '../i18n/messages.ts';
import { useLogout, useMe } from '../api/auth.ts';
import { LoginPage } from '../pages/LoginPage.tsx';

export function Layout() {
  const { t, lang, setLang } = useI18n();
  const me = useMe();
  const logout = useLogout();
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
          {/* Signed out, every link would lead back to the sign-in form: no menu until then. */}
          {me.data ? (
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
          ) : null}
          <div className="lang-switch" role="group" aria-label={t.language.label}>
            {LANGS.map((l) => (
              <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
                {t.language[l]}
              </button>
            ))}
          </div>
          {me.data ? (
            <div className="account">
              <span>{me.data.user.displayName}</span>
              <button type="button" onClick={() => logout.mutate()}>
                {t.login.logout}
              </button>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {me.isPending ? <p role="status">{t.common.loading}</p> : me.isError ? <p role="alert">{t.common.loadError}</p> : me.data ? <Outlet /> : <LoginPage />}
      </main>
    </>
  );
}
