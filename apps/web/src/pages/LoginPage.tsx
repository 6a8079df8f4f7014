import { useState, type FormEvent } from 'react';
import { useLogin } from '../api/auth.ts';
import { ApiCallError } from '../api/client.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(t.login.title);
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    login.mutate({ username, password });
  }

  const error = login.isError
    ? login.error instanceof ApiCallError && login.error.status === 401
      ? t.login.wrong
      : login.error instanceof ApiCallError && login.error.status === 429
        ? t.login.tooMany
        : t.common.loadError
    : null;

  return (
    <div className="login">
      <h1>{t.login.title}</h1>
      {error ? (
        <p role="alert" className="error-summary">
          {error}
        </p>
      ) : null}
      <form onSubmit={submit} className="activity-form">
        <div className="field">
          <label htmlFor="login-username">{t.login.username}</label>
          <input id="login-username" className="input" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t.login.password}</label>
          <input id="login-password" className="input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </div>
        <button type="submit" className="button button--primary" disabled={login.isPending}>
          {t.login.submit}
        </button>
      </form>
    </div>
  );
}
