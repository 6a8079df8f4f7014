import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { can, type PermissionAction } from '@fou/domain';
import { useLogout, useMe } from '../api/auth-queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LANGS } from '../i18n/messages.ts';
import type { Me } from '../api/client.ts';
import { LOGIN_NOTICE_KEY, LOGIN_PATH } from '../auth/RequireAuth.tsx';

function MainNav({ me }: { me: Me }) {
  const { t } = useI18n();
  // One list, each page behind the permission it needs: the install's own accounts hold none of a unit's, so the
  // install administrator sees its units page and a regional reader the comparison, nothing else.
  const items: { action: PermissionAction; to: string; label: string; end?: boolean }[] = [
    { action: 'install:manage', to: '/enheter', label: t.units.nav },
    { action: 'activity:write', to: '/', label: t.nav.register, end: true },
    { action: 'activity:read', to: '/aktiviteter', label: t.nav.activities },
    { action: 'report:read', to: '/oversikt', label: t.nav.overview },
    // The account's own municipality, when it is linked to one (a council representative's).
    ...(me.municipality ? [{ action: 'report:read' as const, to: `/kommun/${me.municipality.code}`, label: t.municipality.nav(me.municipality.name) }] : []),
    { action: 'plan:read', to: '/plan', label: t.plan.nav },
    { action: 'reference:write', to: '/malramverk', label: t.frameworks.nav },
    { action: 'reference:write', to: '/register', label: t.registers.nav },
    { action: 'region:read', to: '/region', label: t.region.nav },
    { action: 'unit:settings', to: '/enhet', label: t.unitSettings.nav },
    { action: 'account:manage', to: '/konton', label: t.nav.accounts },
  ];
  return (
    <nav aria-label={t.nav.label}>
      <ul className="nav-list">
        {items.filter((i) => can(me.role, i.action)).map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} end={i.end}>
              {i.label}
            </NavLink>
          </li>
        ))}
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
