import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { passwordProblem } from '@fou/domain';
import { useChangePassword } from '../api/auth-queries.ts';
import { ApiCallError } from '../api/client.ts';
import { useSignedIn } from '../auth/RequireAuth.tsx';
import { Field } from '../components/fields.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

type Name = 'currentPassword' | 'newPassword' | 'repeat';
type Errors = Partial<Record<Name | 'form', string>>;

export function PasswordPage() {
  const { t } = useI18n();
  const p = t.passwordPage;
  useDocumentTitle(p.title);
  const me = useSignedIn();
  const change = useChangePassword();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Name, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // Whether this visit was forced: after the change the user goes on to the app.
  const [forced] = useState(me.mustChangePassword);

  useEffect(() => {
    if (Object.keys(errors).length) summaryRef.current?.focus();
  }, [errors]);
  useEffect(() => {
    if (saved) statusRef.current?.focus();
  }, [saved]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!values.currentPassword) found.currentPassword = t.form.errors.required;
    // The rules that need no word list are checked here at once; the API adds the common-password check.
    const problem = passwordProblem(values.newPassword, { username: me.user.username, displayName: me.user.displayName });
    if (problem) found.newPassword = p.problems[problem.code] ?? problem.message;
    if (values.repeat !== values.newPassword) found.repeat = p.mismatch;
    setErrors(found);
    setSaved(false);
    if (Object.keys(found).length) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues({ currentPassword: '', newPassword: '', repeat: '' });
          if (forced) navigate('/', { replace: true });
          else setSaved(true);
        },
        onError: (err) => {
          const fields = err instanceof ApiCallError ? (err.body?.fields ?? []) : [];
          const fromApi: Errors = {};
          for (const f of fields) {
            const name = f.field.split('.')[0];
            if (name === 'currentPassword') fromApi.currentPassword = f.code === 'wrong_password' ? p.wrongCurrent : f.message;
            else if (name === 'newPassword') fromApi.newPassword = p.problems[f.code] ?? f.message;
          }
          setErrors(Object.keys(fromApi).length ? fromApi : { form: p.failed });
        },
      },
    );
  };

  const fields: [Name, string, string | undefined][] = [
    ['currentPassword', p.current, undefined],
    ['newPassword', p.newPassword, p.newHint],
    ['repeat', p.repeat, undefined],
  ];
  const listed = Object.entries(errors) as [Name | 'form', string][];

  return (
    <div className="narrow-page">
      <h1>{p.title}</h1>
      {me.mustChangePassword ? <p className="lead">{p.mustChange}</p> : null}
      {saved ? (
        <p className="confirmation" role="status" tabIndex={-1} ref={statusRef}>
          {p.saved}
        </p>
      ) : null}
      {listed.length ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>{t.form.errorSummary}</h2>
          <ul>
            {listed.map(([name, message]) => (
              <li key={name}>{name === 'form' ? message : <a href={`#field-${name}`}>{message}</a>}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        {fields.map(([name, label, hint]) => (
          <Field key={name} name={name} label={label} required hint={hint} error={errors[name]}>
            {(a11y) => (
              <input
                {...a11y}
                className="input"
                type="password"
                autoComplete={name === 'currentPassword' ? 'current-password' : 'new-password'}
                value={values[name]}
                onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
              />
            )}
          </Field>
        ))}
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {change.isPending ? t.common.saving : p.submit}
        </button>
      </form>
    </div>
  );
}
