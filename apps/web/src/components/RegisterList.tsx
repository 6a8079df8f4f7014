import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ApiCallError } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Field, fieldId } from './fields.tsx';
import { errorsFromApi, validateValues, type FieldSpec, type RegisterErrors, type Values } from './register-form-model.ts';

interface Row {
  id: number;
  active: boolean;
}

export interface RegisterText {
  title: string;
  intro: string;
  caption: string;
  nameHeader: string;
  addTitle: string;
  editTitle: (name: string) => string;
  empty: string;
}

interface Props<R extends Row> {
  /** The section's id (the page's in-page links go to it) and the prefix of its fields' ids. */
  id: string;
  text: RegisterText;
  rows: readonly R[] | undefined;
  loadFailed: boolean;
  name: (row: R) => string;
  columns: readonly { header: string; cell: (row: R) => ReactNode; num?: boolean }[];
  fields: readonly FieldSpec[];
  /** The form's values for changing a row; adding starts from empty fields. */
  values: (row: R) => Values;
  /** Checks across fields, after each field's own. */
  check?: (values: Values) => RegisterErrors;
  /** `confirmed`: the user has seen the `confirmable` warning and saves anyway. */
  save: (values: Values, row: R | null, confirmed: boolean) => Promise<R>;
  /**
   * A refusal the user may confirm past (a namesake in the staff register): the API's 409 code that means it, the
   * warning to show, and the button that sends the same values again with the confirmation.
   */
  confirmable?: { code: string; warning: (values: Values, row: R | null) => string; confirmLabel: string };
  setActive: (row: R, active: boolean) => Promise<R>;
  /** Controls between the intro and the table (the municipalities' year). */
  children?: ReactNode;
  /** A change of this (the municipalities' year) empties the form: its fields held the previous value's figures. */
  resetOn?: unknown;
}

/** Rows beyond which the add form is out of sight on most screens. */
const LONG_LIST = 10;

const emptyValues = (fields: readonly FieldSpec[]): Values => Object.fromEntries(fields.map((f) => [f.key, '']));

/**
 * One register: its rows in a table (inactive ones marked, never hidden), and one form that adds a row or,
 * after "Ändra", changes one. Focus follows the work: into the form to change, back to the row when done,
 * to the first field in error when something is wrong.
 */
export function RegisterList<R extends Row>({ id, text, rows, loadFailed, name, columns, fields: allFields, values, check, save, confirmable, setActive, children, resetOn }: Props<R>) {
  const { t, number } = useI18n();
  const r = t.registers;
  const checks = { ...r.errors, wholeNumber: (min: number, max: number) => r.errors.wholeNumber(number(min), number(max)) };
  const [editing, setEditing] = useState<R | null>(null);
  const fields = editing ? allFields.filter((f) => !f.onlyOnAdd) : allFields;
  const [v, setV] = useState<Values>(() => emptyValues(allFields));
  const [errors, setErrors] = useState<RegisterErrors>({});
  const [saving, setSaving] = useState(false);
  const [toggling, setToggling] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  // The warning the user is asked to confirm past; any change to the fields withdraws it.
  const [warning, setWarning] = useState<string | null>(null);
  const [resetWas, setResetWas] = useState(resetOn);
  if (resetOn !== resetWas) {
    setResetWas(resetOn);
    setEditing(null);
    setV(emptyValues(allFields));
    setErrors({});
  }
  // An element id to focus once the render that shows it is done; a new object each time so a repeat still moves.
  const [focusRequest, setFocusRequest] = useState<{ target: string } | null>(null);
  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.target)?.focus();
  }, [focusRequest]);

  const fid = (key: string) => `${id}-${key}`;
  const editButtonId = (row: R) => `${id}-edit-${row.id}`;
  const formErrorId = `${id}-form-error`;
  const warningId = `${id}-form-warning`;
  const focusFirstError = (found: RegisterErrors) => {
    const first = fields.find((f) => found[f.key]);
    setFocusRequest({ target: first ? fieldId(fid(first.key)) : formErrorId });
  };

  function startEdit(row: R) {
    setEditing(row);
    setV(values(row));
    setErrors({});
    setWarning(null);
    setNotice(null);
    setRowError(null);
    setFocusRequest({ target: fieldId(fid(fields[0]!.key)) });
  }

  function stopEdit(row: R) {
    setEditing(null);
    setV(emptyValues(allFields));
    setErrors({});
    setWarning(null);
    setFocusRequest({ target: editButtonId(row) });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const own = validateValues(fields, v, checks);
    const found = Object.keys(own).length ? own : (check?.(v) ?? {});
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstError(found);
      return;
    }
    await persist(false);
  }

  async function persist(confirmed: boolean) {
    setWarning(null);
    setSaving(true);
    try {
      const saved = await save(v, editing, confirmed);
      setNotice(editing ? r.saved(name(saved)) : r.added(name(saved)));
      if (editing) {
        stopEdit(editing);
      } else {
        setV(emptyValues(allFields));
        setErrors({});
        // Ready for the next one; the status above the form says this one is saved.
        setFocusRequest({ target: fieldId(fid(fields[0]!.key)) });
      }
    } catch (err) {
      if (confirmable && err instanceof ApiCallError && err.body?.code === confirmable.code) {
        setErrors({});
        setWarning(confirmable.warning(v, editing));
        setFocusRequest({ target: warningId });
        return;
      }
      const apiErrors = errorsFromApi(err, fields.map((f) => f.key), r.saveError, t);
      // A name already taken is often one deactivated long ago.
      if (err instanceof ApiCallError && err.body?.code === 'already_exists' && apiErrors.form) apiErrors.form = `${apiErrors.form} ${r.existsHint}`;
      setErrors(apiErrors);
      focusFirstError(apiErrors);
    } finally {
      setSaving(false);
    }
  }

  async function toggle(row: R) {
    setToggling(row.id);
    setRowError(null);
    try {
      const saved = await setActive(row, !row.active);
      setNotice(saved.active ? r.reactivated(name(saved)) : r.deactivated(name(saved)));
    } catch (err) {
      setRowError(errorsFromApi(err, [], r.saveError).form ?? r.saveError);
    } finally {
      setToggling(null);
    }
  }

  return (
    <section id={id} className="register" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{text.title}</h2>
      <p>{text.intro}</p>
      {rows && rows.length > LONG_LIST && !editing ? (
        <p className="register-jump">
          {/* A long list buries the form below it: this goes straight to its first field. */}
          <a
            href={`#${fieldId(fid(allFields[0]!.key))}`}
            onClick={(e) => {
              e.preventDefault();
              setFocusRequest({ target: fieldId(fid(allFields[0]!.key)) });
            }}
          >
            {text.addTitle}
          </a>
        </p>
      ) : null}
      {children}
      {loadFailed ? (
        <p role="alert">{t.common.loadError}</p>
      ) : !rows ? (
        <p role="status">{t.common.loading}</p>
      ) : rows.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <div className="table-wrap register-wrap">
          <table className="data-table register-table">
            <caption className="visually-hidden">{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.nameHeader}</th>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={c.num ? 'num' : undefined}>
                    {c.header}
                  </th>
                ))}
                <th scope="col">{r.actions}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className={row.active ? undefined : 'register-row--inactive'}>
                  <th scope="row">
                    {name(row)}
                    {row.active ? null : (
                      <>
                        {' '}
                        <span className="status-badge register-inactive">{r.inactive}</span>
                      </>
                    )}
                  </th>
                  {columns.map((c) => {
                    const content = c.cell(row);
                    // On a phone's card a line such as "Ingår i: –" is only clutter; a missing figure is still news.
                    const className = c.num ? 'num' : content === r.missing ? 'register-empty' : undefined;
                    return (
                      <td key={c.header} data-label={c.header} className={className}>
                        {content}
                      </td>
                    );
                  })}
                  <td className="register-actions">
                    <button type="button" id={editButtonId(row)} className="button button--small" onClick={() => startEdit(row)}>
                      {r.edit}
                      {' '}
                      <span className="visually-hidden">{name(row)}</span>
                    </button>
                    <button type="button" className="button button--small" disabled={toggling === row.id} onClick={() => void toggle(row)}>
                      {row.active ? r.deactivate : r.reactivate}
                      {' '}
                      <span className="visually-hidden">{name(row)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div role="status">{notice ? <p className="confirmation">{notice}</p> : null}</div>
      {rowError ? (
        <p role="alert" className="error-summary">
          {rowError}
        </p>
      ) : null}
      {/* The form comes with the list, not before it: the list arriving above would push it down. */}
      {rows || loadFailed ? (
        <form className="register-form" aria-labelledby={`${id}-form-heading`} noValidate onSubmit={(e) => void submit(e)}>
          <h3 id={`${id}-form-heading`}>{editing ? text.editTitle(name(editing)) : text.addTitle}</h3>
          {errors.form ? (
            <div className="error-summary" role="alert" id={formErrorId} tabIndex={-1}>
              <p>{errors.form}</p>
            </div>
          ) : null}
          {fields.map((f) => (
            <Field key={f.key} name={fid(f.key)} label={f.label} required={f.required} hint={f.hint} error={errors[f.key]}>
              {(a) => {
                const set = (e: { target: { value: string } }) => {
                  setV((old) => ({ ...old, [f.key]: e.target.value }));
                  setWarning(null);
                };
                const value = v[f.key] ?? '';
                if (f.kind === 'textarea') return <textarea {...a} className="input" rows={3} value={value} onChange={set} />;
                if (f.kind === 'select') {
                  return (
                    <select {...a} className="input" value={value} onChange={set}>
                      {f.options?.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  );
                }
                const numeric = f.kind === 'whole' || f.kind === 'year';
                return (
                  <input
                    {...a}
                    type="text"
                    className={numeric ? 'input input--short' : 'input'}
                    inputMode={numeric ? 'numeric' : undefined}
                    autoComplete="off"
                    value={value}
                    onChange={set}
                  />
                );
              }}
            </Field>
          ))}
          {warning && confirmable ? (
            <div className="text-warning" role="alert" id={warningId} tabIndex={-1}>
              <p>{warning}</p>
              <button type="button" className="button" disabled={saving} onClick={() => void persist(true)}>
                {confirmable.confirmLabel}
              </button>
            </div>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t.common.saving : editing ? t.common.save : r.add}
            </button>
            {editing ? (
              <button type="button" className="button" onClick={() => stopEdit(editing)}>
                {r.cancel}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
