import { useState, type FormEvent } from 'react';
import { staffLabels, UNIT_ROLE_NAMES, type UnitRoleName } from '@fou/domain';
import { useCreateUser, useUpdateUser, useUsers } from '../api/auth-queries.ts';
import { useReference } from '../api/queries.ts';
import { ApiCallError, type User } from '../api/client.ts';
import { useSignedIn } from '../auth/RequireAuth.tsx';
import { Field } from '../components/fields.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Messages } from '../i18n/messages.ts';
import { apiErrorText, fieldErrorText } from '../i18n/api-errors.ts';

type FieldErrors = Partial<Record<string, string>>;

/** The API's field errors by field, or one message for the whole form. */
function apiErrors(err: unknown, t: Messages): FieldErrors {
  if (err instanceof ApiCallError) {
    if (err.body?.fields?.length) {
      // A refused start password has a stable code; the page says it in the chosen language.
      return Object.fromEntries(err.body.fields.map((f) => {
        const name = f.field.split('.')[0]!;
        return [name, fieldErrorText(f, t)];
      }));
    }
  }
  return { form: apiErrorText(err, t) ?? t.accounts.failed };
}

const EMPTY = { username: '', displayName: '', role: 'medarbetare' as UnitRoleName, staffId: '', municipalityId: '', password: '' };

function CreateAccount({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useI18n();
  const a = t.accounts;
  const reference = useReference();
  const create = useCreateUser();
  const [v, setV] = useState(EMPTY);
  const errors: FieldErrors = create.isError ? apiErrors(create.error, t) : {};
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { username: v.username.trim(), displayName: v.displayName.trim(), role: v.role, staffId: v.staffId ? Number(v.staffId) : null, municipalityId: v.municipalityId ? Number(v.municipalityId) : null, password: v.password },
      {
        onSuccess: (u) => {
          setV(EMPTY);
          onDone(a.created(u.displayName));
        },
      },
    );
  };

  return (
    <section className="account-create" aria-labelledby="create-heading">
      <h2 id="create-heading">{a.createTitle}</h2>
      {errors.form ? <p role="alert" className="field__error">{errors.form}</p> : null}
      <form onSubmit={submit} noValidate>
        <Field name="displayName" label={a.name} required error={errors.displayName}>
          {(x) => <input {...x} className="input" autoComplete="off" value={v.displayName} onChange={set('displayName')} />}
        </Field>
        <Field name="username" label={a.username} required error={errors.username}>
          {(x) => <input {...x} className="input" autoComplete="off" autoCapitalize="none" spellCheck={false} value={v.username} onChange={set('username')} />}
        </Field>
        <Field name="role" label={a.role} required error={errors.role}>
          {(x) => (
            <select {...x} className="input" value={v.role} onChange={set('role')}>
              {UNIT_ROLE_NAMES.map((r) => (
                <option key={r} value={r}>
                  {t.roles[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="staffId" label={a.staff} required={false} error={errors.staffId}>
          {(x) => (
            <select {...x} className="input" value={v.staffId} onChange={set('staffId')}>
              <option value="">{a.noStaff}</option>
              {[...staffLabels(reference.data?.staff ?? [])].map(([staffId, label]) => (
                <option key={staffId} value={staffId}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name={'municipalityId'} label={a.municipality} required={false} hint={a.municipalityHint} error={errors.municipalityId}>
          {(x) => (
            <select {...x} className="input" value={v.municipalityId} onChange={set('municipalityId')}>
              <option value="">{a.noMunicipality}</option>
              {(reference.data?.municipalities ?? []).filter((m) => m.active || String(m.id) === v.municipalityId).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="password" label={a.initialPassword} required hint={t.passwordPage.newHint} error={errors.password}>
          {(x) => <input {...x} className="input" type="text" autoComplete="new-password" spellCheck={false} value={v.password} onChange={set('password')} />}
        </Field>
        <div>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t.common.saving : a.create}
          </button>
        </div>
      </form>
    </section>
  );
}

function ResetPassword({ user, onDone }: { user: User; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const a = t.accounts;
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const error = update.isError ? Object.values(apiErrors(update.error, t))[0] : undefined;
  const name = `reset-${user.id}`;
  return (
    <details className="account-reset">
      <summary>{a.resetPassword}</summary>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ id: user.id, body: { password } }, { onSuccess: () => { setPassword(''); onDone(a.resetDone(user.displayName)); } });
        }}
      >
        <Field name={name} label={a.resetFor(user.displayName)} required hint={a.resetHint} error={error}>
          {(x) => <input {...x} className="input" type="text" autoComplete="new-password" spellCheck={false} value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <button type="submit" className="button button--small" disabled={update.isPending}>
          {t.common.save}
        </button>
      </form>
    </details>
  );
}

/** Name, role and staff link of an existing account; one's own role stays as it is (no locking oneself out). */
function EditAccount({ user, isSelf, onDone }: { user: User; isSelf: boolean; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const a = t.accounts;
  const reference = useReference();
  const update = useUpdateUser();
  const [v, setV] = useState({ displayName: user.displayName, role: user.role, staffId: user.staffId === null ? '' : String(user.staffId), municipalityId: user.municipalityId === null ? '' : String(user.municipalityId) });
  const errors: FieldErrors = update.isError ? apiErrors(update.error, t) : {};
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  const id = (f: string) => `${f}-${user.id}`;
  return (
    <details className="account-reset">
      <summary>
        {a.edit}
        <span className="visually-hidden"> {user.displayName}</span>
      </summary>
      {errors.form ? <p role="alert" className="field__error">{errors.form}</p> : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(
            {
              id: user.id,
              body: { displayName: v.displayName.trim(), ...(isSelf ? {} : { role: v.role as UnitRoleName }), staffId: v.staffId ? Number(v.staffId) : null, municipalityId: v.municipalityId ? Number(v.municipalityId) : null },
            },
            { onSuccess: (saved) => onDone(a.updated(saved.displayName)) },
          );
        }}
      >
        <Field name={id('displayName')} label={a.name} required error={errors.displayName}>
          {(x) => <input {...x} className="input" autoComplete="off" value={v.displayName} onChange={set('displayName')} />}
        </Field>
        {isSelf ? null : (
          <Field name={id('role')} label={a.role} required error={errors.role}>
            {(x) => (
              <select {...x} className="input" value={v.role} onChange={set('role')}>
                {UNIT_ROLE_NAMES.map((r) => (
                  <option key={r} value={r}>
                    {t.roles[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field name={id('staffId')} label={a.staff} required={false} error={errors.staffId}>
          {(x) => (
            <select {...x} className="input" value={v.staffId} onChange={set('staffId')}>
              <option value="">{a.noStaff}</option>
              {[...staffLabels((reference.data?.staff ?? []).filter((s) => s.active || String(s.id) === v.staffId))].map(([staffId, label]) => (
                <option key={staffId} value={staffId}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name={id('municipalityId')} label={a.municipality} required={false} hint={a.municipalityHint} error={errors.municipalityId}>
          {(x) => (
            <select {...x} className="input" value={v.municipalityId} onChange={set('municipalityId')}>
              <option value="">{a.noMunicipality}</option>
              {(reference.data?.municipalities ?? []).filter((m) => m.active || String(m.id) === v.municipalityId).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--small" disabled={update.isPending}>
          {a.saveDetails}
        </button>
      </form>
    </details>
  );
}

export function AccountsPage() {
  const { t } = useI18n();
  const a = t.accounts;
  useDocumentTitle(a.title);
  const me = useSignedIn();
  const users = useUsers();
  const reference = useReference();
  const update = useUpdateUser();
  const [notice, setNotice] = useState<string | null>(null);
  const labels = staffLabels(reference.data?.staff ?? []);
  const staffName = (id: number | null) => (id === null ? '–' : (labels.get(id) ?? `#${id}`));

  return (
    <>
      <h1>{a.title}</h1>
      <div role="status">{notice ? <p className="confirmation">{notice}</p> : null}</div>
      {users.isPending ? <p>{t.common.loading}</p> : null}
      {users.isError ? <p role="alert">{t.common.loadError}</p> : null}
      {update.isError ? <p role="alert" className="field__error">{Object.values(apiErrors(update.error, t))[0]}</p> : null}
      {users.data ? (
        <div className="table-wrap accounts-wrap">
          <table className="data-table accounts-table">
            <caption className="visually-hidden">{a.title}</caption>
            <thead>
              <tr>
                <th scope="col">{a.name}</th>
                <th scope="col">{a.username}</th>
                <th scope="col">{a.role}</th>
                <th scope="col">{a.staff}</th>
                <th scope="col">{a.status}</th>
                <th scope="col">{a.actions}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    {u.displayName} {u.id === me.user.id ? <span className="muted">{a.you}</span> : null}
                  </th>
                  <td>
                    <code>{u.username}</code>
                  </td>
                  <td>{t.roles[u.role]}</td>
                  <td>{staffName(u.staffId)}</td>
                  <td>{u.active ? a.active : a.inactive}</td>
                  <td>
                    {u.id === me.user.id ? null : (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={update.isPending}
                        onClick={() =>
                          update.mutate({ id: u.id, body: { active: !u.active } }, { onSuccess: (saved) => setNotice(a.updated(saved.displayName)) })
                        }
                      >
                        {u.active ? a.deactivate : a.reactivate}
                        <span className="visually-hidden"> {u.displayName}</span>
                      </button>
                    )}
                    <EditAccount user={u} isSelf={u.id === me.user.id} onDone={setNotice} />
                    <ResetPassword user={u} onDone={setNotice} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {/* With the list, not before it: the list arriving above would push the form down. */}
      {users.isPending ? null : <CreateAccount onDone={setNotice} />}
    </>
  );
}
