import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useDemoAccounts, useLogin, useMe } from '../api/auth-queries.ts';
import { ApiCallError, type DemoAccount } from '../api/client.ts';
import { LOGIN_NOTICE_KEY, PASSWORD_PATH, safeNext } from '../auth/RequireAuth.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { apiErrorText } from '../i18n/api-errors.ts';

export { LOGIN_NOTICE_KEY };

/** The demo's accounts by unit, in the order the API lists them; the install's own (no unit) come last. */
function demoGroups(accounts: DemoAccount[]): { unit: string | null; accounts: DemoAccount[] }[] {
  const groups: { unit: string | null; accounts: DemoAccount[] }[] = [];
  for (const a of accounts) {
    const group = groups.find((g) => g.unit === a.unit);
    if (group) group.accounts.push(a);
    else groups.push({ unit: a.unit, accounts: [a] });
  }
  return groups.sort((x, y) => Number(x.unit === null) - Number(y.unit === null));
}

export function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(t.auth.loginTitle);
  const me = useMe();
  const login = useLogin();
  const demo = useDemoAccounts();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const stateNotice = (useLocation().state as { notice?: string } | null)?.notice;
  // After a logout the page is loaded afresh (see Layout), so the notice comes through sessionStorage.
  const [storedNotice] = useState(() => sessionStorage.getItem(LOGIN_NOTICE_KEY));
  useEffect(() => sessionStorage.removeItem(LOGIN_NOTICE_KEY), []);
  const notice = stateNotice ?? storedNotice;
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);
  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  if (me.data && !login.isPending) return <Navigate to={me.data.mustChangePassword ? PASSWORD_PATH : next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t.auth.fillBoth);
      return;
    }
    setError(null);
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (signedIn) => navigate(signedIn.mustChangePassword ? PASSWORD_PATH : next, { replace: true }),
        onError: (err) => {
          if (err instanceof ApiCallError && err.status === 401) setError(t.auth.wrongCredentials);
          else if (err instanceof ApiCallError && err.status === 429) setError(apiErrorText(err, t) ?? t.common.loadError);
          else setError(t.common.loadError);
        },
      },
    );
  };

  return (
    <div className="login">
      <h1>{t.auth.loginTitle}</h1>
      {notice ? (
        <p className="confirmation" role="status">
          {notice}
        </p>
      ) : null}
      <p className="form-intro">{params.get('next') ? t.auth.sessionEnded : t.auth.loginIntro}</p>
      {error ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={alertRef}>
          <p>{error}</p>
        </div>
      ) : null}
      <form className="login__form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="login-username">{t.auth.username}</label>
          <input
            id="login-username"
            ref={usernameRef}
            className="input"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t.auth.password}</label>
          <input
            id="login-password"
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={login.isPending}>
          {login.isPending ? t.auth.loggingIn : t.auth.login}
        </button>
      </form>
      {demo.data && demo.data.length > 0 ? (
        <section className="demo-accounts" aria-labelledby="demo-heading">
          <h2 id="demo-heading">{t.auth.demoTitle}</h2>
          <p>{t.auth.demoIntro}</p>
          {demoGroups(demo.data).map((group, i) => (
            <div key={group.unit ?? ''} className="demo-accounts__group">
              <h3 id={`demo-unit-${i}`}>{group.unit ?? t.auth.demoInstall}</h3>
              <ul className="demo-accounts__list" aria-labelledby={`demo-unit-${i}`}>
                {group.accounts.map((a) => (
                  <li key={a.username} className="demo-account">
                    <p className="demo-account__role">{t.roles[a.role]}</p>
                    <dl>
                      <dt>{t.auth.username}</dt>
                      <dd>
                        <code>{a.username}</code>
                      </dd>
                      <dt>{t.auth.password}</dt>
                      <dd>
                        <code>{a.password}</code>
                      </dd>
                    </dl>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        setUsername(a.username);
                        setPassword(a.password);
                        setError(null);
                      }}
                    >
                      {t.auth.demoUse(a.username)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}
