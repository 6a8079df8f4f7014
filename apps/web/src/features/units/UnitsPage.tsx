/**
 * "Enheter": the install administrator's page. The install's units with their counts (never their data), a
 * form for a new unit and one to change a unit, each unit's first administrator (whose one-time password is shown
 * once, here, and nowhere else), and the install's own accounts.
 */
import { apiErrorText, fieldErrorText } from '../../i18n/api-errors.ts';
import { useState, type FormEvent } from 'react';
import { ApiCallError } from '../../api/client.ts';
import { useSignedIn } from '../../auth/RequireAuth.tsx';
import { Field } from '../../components/fields.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import type { Messages } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatNumber } from '../../i18n/format.ts';
import {
  useCreateInstallAccount, useCreateUnit, useCreateUnitAdmin, useInstallAccounts, useUnits, useUpdateInstallAccount, useUpdateUnit, type Unit,
} from './units-queries.ts';

type Errors = Partial<Record<string, string>>;

/** The API's field errors by field, or one message for the whole form. */
function errorsOf(err: unknown, failed: string, t: Messages): Errors {
  if (err instanceof ApiCallError && err.body?.fields?.length) return Object.fromEntries(err.body.fields.map((f) => [f.field.split('.')[0]!, fieldErrorText(f, t)]));
  return { form: apiErrorText(err, t) ?? failed };
}

/** A password shown once: large, selectable, with whose it is. */
function OneTimePassword({ username, password }: { username: string; password: string }) {
  const { t } = useI18n();
  return (
    <div className="confirmation one-time">
      <p>{t.units.oneTimeShown(username)}</p>
      <p className="one-time__label">{t.units.oneTimeTitle}</p>
      <p>
        <code className="one-time__password">{password}</code>
      </p>
    </div>
  );
}

function UnitForm({ unit, onDone }: { unit?: Unit; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const u = t.units;
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const m = unit ? update : create;
  const empty = { name: unit?.name ?? '', shortName: unit?.shortName ?? '', county: unit?.county ?? '', code: '' };
  const [v, setV] = useState(empty);
  const errors: Errors = m.isError ? errorsOf(m.error, u.failed, t) : {};
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  const prefix = unit ? `unit-${unit.id}-` : 'unit-new-';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { name: v.name.trim(), shortName: v.shortName.trim(), county: v.county.trim() };
    if (unit) update.mutate({ id: unit.id, body }, { onSuccess: (saved) => onDone(u.updated(saved.name)) });
    else create.mutate({ ...body, ...(v.code.trim() ? { code: v.code.trim() } : {}) }, { onSuccess: (saved) => { setV(empty); onDone(u.created(saved.name)); } });
  };
  return (
    <form onSubmit={submit} noValidate className="unit-form">
      {errors.form ? <p role="alert" className="field__error">{errors.form}</p> : null}
      <Field name={`${prefix}name`} label={u.name} required error={errors.name}>
        {(x) => <input {...x} className="input" autoComplete="off" value={v.name} onChange={set('name')} />}
      </Field>
      <Field name={`${prefix}shortName`} label={u.shortName} required error={errors.shortName}>
        {(x) => <input {...x} className="input" autoComplete="off" value={v.shortName} onChange={set('shortName')} />}
      </Field>
      <Field name={`${prefix}county`} label={u.county} required error={errors.county}>
        {(x) => <input {...x} className="input" autoComplete="off" value={v.county} onChange={set('county')} />}
      </Field>
      {unit ? null : (
        <Field name={`${prefix}code`} label={u.code} required={false} hint={u.codeHint} error={errors.code}>
          {(x) => <input {...x} className="input" autoComplete="off" autoCapitalize="none" spellCheck={false} value={v.code} onChange={set('code')} />}
        </Field>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={m.isPending}>
          {m.isPending ? t.common.saving : unit ? u.save : u.create}
        </button>
      </div>
    </form>
  );
}

function FirstAdmin({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  const u = t.units;
  const create = useCreateUnitAdmin();
  const [v, setV] = useState({ username: '', displayName: '' });
  const errors: Errors = create.isError ? errorsOf(create.error, u.failed, t) : {};
  const prefix = `admin-${unit.id}-`;
  return (
    <details className="account-reset">
      <summary>
        {u.firstAdmin}
        <span className="visually-hidden"> – {unit.name}</span>
      </summary>
      {create.data ? <OneTimePassword username={create.data.user.username} password={create.data.oneTimePassword} /> : null}
      {errors.form ? <p role="alert" className="field__error">{errors.form}</p> : null}
      <form
        noValidate
        aria-label={u.firstAdminFor(unit.name)}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ id: unit.id, body: { username: v.username.trim(), displayName: v.displayName.trim() } }, { onSuccess: () => setV({ username: '', displayName: '' }) });
        }}
      >
        <p className="field__hint">{u.firstAdminHint}</p>
        <Field name={`${prefix}displayName`} label={u.displayName} required error={errors.displayName}>
          {(x) => <input {...x} className="input" autoComplete="off" value={v.displayName} onChange={(e) => setV((o) => ({ ...o, displayName: e.target.value }))} />}
        </Field>
        <Field name={`${prefix}username`} label={u.username} required error={errors.username}>
          {(x) => <input {...x} className="input" autoComplete="off" autoCapitalize="none" spellCheck={false} value={v.username} onChange={(e) => setV((o) => ({ ...o, username: e.target.value }))} />}
        </Field>
        <button type="submit" className="button button--small" disabled={create.isPending}>
          {create.isPending ? t.common.saving : u.createAdmin}
        </button>
      </form>
    </details>
  );
}

function UnitsTable({ onNotice }: { onNotice: (m: string) => void }) {
  const { t, lang } = useI18n();
  const u = t.units;
  const units = useUnits();
  if (units.isPending) return <p>{t.common.loading}</p>;
  if (units.isError) return <p role="alert">{t.common.loadError}</p>;
  if (!units.data.length) return <p>{u.empty}</p>;
  return (
    <div className="table-wrap units-wrap">
      <table className="data-table units-table">
        <caption className="visually-hidden">{u.title}</caption>
        <thead>
          <tr>
            <th scope="col">{u.name}</th>
            <th scope="col">{u.shortName}</th>
            <th scope="col">{u.code}</th>
            <th scope="col">{u.county}</th>
            <th scope="col" className="num">{u.accounts}</th>
            <th scope="col" className="num">{u.activities}</th>
            <th scope="col">{u.sharing}</th>
            <th scope="col">{u.actions}</th>
          </tr>
        </thead>
        <tbody>
          {units.data.map((unit) => (
            <tr key={unit.id}>
              <th scope="row">{unit.name}</th>
              <td>{unit.shortName ?? '–'}</td>
              <td><code>{unit.code}</code></td>
              <td>{unit.county ?? '–'}</td>
              <td className="num">{formatNumber(unit.accounts, lang)}</td>
              <td className="num">{formatNumber(unit.activities, lang)}</td>
              <td>{unit.sharesComparison ? u.yes : u.no}</td>
              <td>
                <details className="account-reset">
                  <summary>
                    {u.edit}
                    <span className="visually-hidden"> {unit.name}</span>
                  </summary>
                  <UnitForm unit={unit} onDone={onNotice} />
                </details>
                <FirstAdmin unit={unit} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const NEW_ACCOUNT = { username: '', displayName: '', role: 'region' as 'installation' | 'region', county: '' };

function InstallAccounts({ onNotice }: { onNotice: (m: string) => void }) {
  const { t } = useI18n();
  const u = t.units;
  const me = useSignedIn();
  const accounts = useInstallAccounts();
  const create = useCreateInstallAccount();
  const update = useUpdateInstallAccount();
  const [v, setV] = useState(NEW_ACCOUNT);
  const errors: Errors = create.isError ? errorsOf(create.error, u.failed, t) : {};
  const set = (k: keyof typeof NEW_ACCOUNT) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  return (
    <section aria-labelledby="install-accounts-heading">
      <h2 id="install-accounts-heading">{u.installAccounts}</h2>
      <p>{u.installAccountsIntro}</p>
      {update.isError ? <p role="alert" className="field__error">{Object.values(errorsOf(update.error, u.failed, t))[0]}</p> : null}
      {accounts.isPending ? <p>{t.common.loading}</p> : null}
      {accounts.isError ? <p role="alert">{t.common.loadError}</p> : null}
      {accounts.data ? (
        <div className="table-wrap units-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{u.installAccounts}</caption>
            <thead>
              <tr>
                <th scope="col">{u.displayName}</th>
                <th scope="col">{u.username}</th>
                <th scope="col">{u.role}</th>
                <th scope="col">{u.county}</th>
                <th scope="col">{u.status}</th>
                <th scope="col">{u.actions}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.displayName} {a.id === me.user.id ? <span className="muted">{u.you}</span> : null}
                  </th>
                  <td><code>{a.username}</code></td>
                  <td>{t.roles[a.role]}</td>
                  <td>{a.county ?? '–'}</td>
                  <td>{a.active ? u.active : u.inactive}</td>
                  <td>
                    {a.id === me.user.id ? null : (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={update.isPending}
                        onClick={() => update.mutate({ id: a.id, body: { active: !a.active } }, { onSuccess: (saved) => onNotice(u.accountUpdated(saved.displayName)) })}
                      >
                        {a.active ? u.deactivate : u.reactivate}
                        <span className="visually-hidden"> {a.displayName}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h3>{u.createAccountTitle}</h3>
      {create.data ? <OneTimePassword username={create.data.account.username} password={create.data.oneTimePassword} /> : null}
      {errors.form ? <p role="alert" className="field__error">{errors.form}</p> : null}
      <form
        noValidate
        className="unit-form"
        aria-label={u.createAccountTitle}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { username: v.username.trim(), displayName: v.displayName.trim(), role: v.role, ...(v.role === 'region' ? { county: v.county.trim() || null } : {}) },
            { onSuccess: () => setV(NEW_ACCOUNT) },
          );
        }}
      >
        <Field name="install-displayName" label={u.displayName} required error={errors.displayName}>
          {(x) => <input {...x} className="input" autoComplete="off" value={v.displayName} onChange={set('displayName')} />}
        </Field>
        <Field name="install-username" label={u.username} required error={errors.username}>
          {(x) => <input {...x} className="input" autoComplete="off" autoCapitalize="none" spellCheck={false} value={v.username} onChange={set('username')} />}
        </Field>
        <Field name="install-role" label={u.role} required error={errors.role}>
          {(x) => (
            <select {...x} className="input" value={v.role} onChange={set('role')}>
              <option value="region">{t.roles.region}</option>
              <option value="installation">{t.roles.installation}</option>
            </select>
          )}
        </Field>
        {v.role === 'region' ? (
          <Field name="install-county" label={u.county} required hint={u.countyHint} error={errors.county}>
            {(x) => <input {...x} className="input" autoComplete="off" value={v.county} onChange={set('county')} />}
          </Field>
        ) : null}
        <div>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t.common.saving : u.createAccount}
          </button>
        </div>
      </form>
    </section>
  );
}

export function UnitsPage() {
  const { t } = useI18n();
  const u = t.units;
  useDocumentTitle(u.title);
  const [notice, setNotice] = useState<string | null>(null);
  // Both lists are asked for at once, and the page is drawn when both have come: nothing below a list that
  // arrives later is pushed down (the layout-shift check in the end-to-end run).
  const units = useUnits();
  const accounts = useInstallAccounts();
  if (units.isPending || accounts.isPending) {
    return (
      <>
        <h1>{u.title}</h1>
        <p>{u.intro}</p>
        <p>{t.common.loading}</p>
      </>
    );
  }
  return (
    <>
      <h1>{u.title}</h1>
      <p>{u.intro}</p>
      <div role="status">{notice ? <p className="confirmation">{notice}</p> : null}</div>
      <UnitsTable onNotice={setNotice} />
      <section aria-labelledby="unit-create-heading" className="account-create">
        <h2 id="unit-create-heading">{u.createTitle}</h2>
        <p className="field__hint">{u.createHint}</p>
        <UnitForm onDone={setNotice} />
      </section>
      <InstallAccounts onNotice={setNotice} />
    </>
  );
}
