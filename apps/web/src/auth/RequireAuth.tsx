import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { can, type PermissionAction } from '@fou/domain';
import { useMe } from '../api/auth-queries.ts';
import type { Me } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

export const LOGIN_PATH = '/logga-in';
export const PASSWORD_PATH = '/losenord';
/** Where a notice for the login page waits across a full page load (here, not in the login page's own chunk). */
export const LOGIN_NOTICE_KEY = 'fou-login-notice';

/**
 * Only a path of this app may follow a login: never another origin. Browsers read a backslash as a slash, so
 * "/\\evil.example" (from ?next=/%5Cevil.example) is "//evil.example", another site; control characters are
 * dropped by URL parsing and could hide the same. Anything but a plain same-origin path gives the start page.
 */
export function safeNext(next: string | null): string {
  const unsafeChar = [...(next ?? '')].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (!next || !next.startsWith('/') || unsafeChar || next.startsWith('//')) return '/';
  let url: URL;
  try {
    url = new URL(next, 'https://fou.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'https://fou.invalid' || url.pathname.startsWith(LOGIN_PATH)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Pages behind the login: nobody signed in goes to the login page (and back here after it). */
export function RequireAuth() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p role="status">{t.common.loading}</p>;
  if (me.isError) return <p role="alert">{t.common.loadError}</p>;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${LOGIN_PATH}${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  if (me.data.mustChangePassword && location.pathname !== PASSWORD_PATH) return <Navigate to={PASSWORD_PATH} replace />;
  return <Outlet />;
}

/** The signed-in account; only inside RequireAuth. */
export function useSignedIn(): Me {
  const me = useMe().data;
  if (!me) throw new Error('useSignedIn outside RequireAuth');
  return me;
}

/** A page for those whose role may `action`; others get a plain refusal instead of a failing page. */
export function RequirePermission({ action, children }: { action: PermissionAction; children: ReactNode }) {
  const me = useSignedIn();
  if (!can(me.role, action)) return <NoAccess />;
  return <>{children}</>;
}

/** The refusal: a page of its own, with a heading and a title that say what happened. */
function NoAccess() {
  const { t } = useI18n();
  useDocumentTitle(t.auth.noAccessTitle);
  return (
    <>
      <h1>{t.auth.noAccessTitle}</h1>
      <p role="alert">{t.auth.noAccess}</p>
      <p>
        <Link to="/">{t.common.toStart}</Link>
      </p>
    </>
  );
}
