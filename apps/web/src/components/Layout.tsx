import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { can, isUnitRole } from '@fou/domain';
import { useLogout, useMe } from '../api/auth-queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LANGS } from '../i18n/messages.ts';
import type { Me } from '../api/client.ts';
import { LOGIN_NOTICE_KEY, LOGIN_PATH } from '../auth/RequireAuth.tsx';

function MainNav({ me }: { me: Me }) {
  const { t } = useI18n();
  // The install's own accounts work on no unit's data: the install administrator has its units page, a regional
  // reader the comparison.
  if (!isUnitRole(me.role)) {
    return (
      <nav aria-label={t.nav.label}>
        <ul className="nav-list">
          {can(me.role, 'install:manage') ? (
            <li>
              <NavLink to="/enheter">{t.units.nav}</NavLink>
            </li>
          ) : null}
          {can(me.role, 'region:read') ? (
            <li>
              <NavLink to="/region">{t.region.nav}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
    );
  }
  return (
    <nav aria-label={t.nav.label}>
      <ul className="nav-list">
        {can(me.role, 'activity:write') ? (
          <li>
            <NavLink to="/" end>
              {t.nav.register}
            </NavLink>
          </li>
        ) : null}
        {can(me.role, 'activity:read') ? (
          <li>
            <NavLink to="/aktiviteter">{t.nav.activities}</NavLink>
          </li>
        ) : null}
        {can(me.role, 'report:read') ? (
          <li>
            <NavLink to="/oversikt">{t.nav.overview}</NavLink>
          </li>
        ) : null}
        {can(me.role, 'plan:read') ? (
          <li>
            <NavLink to="/plan">{t.plan.nav}</NavLink>
          </li>
        ) : null}
        {can(me.role, 'reference:write') ? (
          <li>
            <NavLink to="/malramverk">{t.frameworks.nav}</NavLink>
          </li>
        ) : null}
        {can(me.role, 'reference:write') ? (
          <li>
            <NavLink to="/register">{t.registers.nav}</NavLink>
          </li>
        ) : null}
        {can(me.role, 'region:read') ? (
          <li>
            <NavLink to="/region">{t.region.nav}</NavLink>
          </li>
        ) : null}
        {can(me.role, 'unit:settings') ? (
          <li>
            <NavLink to="/enhet">{t.unitSettings.nav}</NavLink>
          </li>
        ) : null}
        {can(me.role, 'account:manage') ? (
          <li>
            <NavLink to="/konton">{t.nav.accounts}</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useI18n();
  const logout = useLogout();
  return (
    <div className="user-menu">
      <p className="user-menu__who">
        <span className="visually-hidden">{t.auth.signedInAs} </span>
        <span className="user-menu__name">{me.user.displayName}</span>
        <span className="user-menu__role">{t.roles[me.role]}</span>
        {/* In an install of several units, where one is signed in. */}
        {me.unit ? (
          <span className="user-menu__unit">
            <span className="visually-hidden">{t.auth.unit}: </span>
            {me.unit.name}
          </span>
        ) : null}
      </p>
      <NavLink className="user-menu__link" to="/losenord">
        {t.nav.password}
      </NavLink>
      <button
        type="button"
        className="user-menu__logout"
        disabled={logout.isPending}
        onClick={() => {
          // A full page load rather than a client-side navigation: nothing of the signed-in user stays in memory,
          // and no route guard reacts to the ended session before the login page is shown.
          void logout
            .mutateAsync()
            .catch(() => undefined)
            .then(() => {
              sessionStorage.setItem(LOGIN_NOTICE_KEY, t.auth.loggedOut);
              window.location.replace('/logga-in');
            });
        }}
      >
        {t.auth.logout}
      </button>
    </div>
  );
}

export function Layout() {
  const { t, lang, setLang } = useI18n();
  const me = useMe().data;
  // On phones the menu folds behind one button so the page starts near the top; a new page folds it again.
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  // The menu's row is there from the first frame, before the session answer fills it: the page below never
  // moves down when it does. Only the login page, which never shows the menu, goes without it.
  const nav = me && !me.mustChangePassword ? <MainNav me={me} /> : pathname === LOGIN_PATH ? null : <div className="nav-placeholder" aria-hidden="true" />;
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
          <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="site-menu" onClick={() => setMenuOpen((o) => !o)}>
            {menuOpen ? t.closeMenu : t.openMenu}
          </button>
          <div id="site-menu" className={`site-menu${menuOpen ? ' site-menu--open' : ''}`}>
            {nav}
            <div className="header-tools">
              {me ? <UserMenu me={me} /> : null}
              <div className="lang-switch" role="group" aria-label={t.language.label}>
                {LANGS.map((l) => (
                  <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
                    {t.language[l]}
                  </button>
                ))}
              </div>
            </div>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
