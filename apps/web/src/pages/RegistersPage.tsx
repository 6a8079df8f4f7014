import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Messages } from '../i18n/messages.ts';
import { Link, useSearchParams } from 'react-router-dom';
import { can, isActivityYear, nameKey, todayInSweden } from '@fou/domain';
import { useUsers } from '../api/auth-queries.ts';
import { ApiCallError } from '../api/client.ts';
import {
  useActivityTypeList, useTargetGroupList, useCreateTargetGroup, useUpdateTargetGroup, useAreaList, useAssignmentList, useCreateActivityType, useCreateArea, useCreateAssignment, useCreateMunicipality,
  useCreateStaff, useLockYear, useMunicipalityList, usePeriodLocks, usePutMunicipalityYear, useStaffList, useUnlockYear,
  useTextWarningOverrides, useUpdateActivityType, useUpdateArea, useUpdateAssignment, useUpdateMunicipality, useUpdateStaff, type Area, type Assignment,
  type AssignmentCreate, type Municipality,
} from '../api/reference-queries.ts';
import { useSignedIn } from '../auth/RequireAuth.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Field, fieldId } from '../components/fields.tsx';
import { RegisterList } from '../components/RegisterList.tsx';
import { codeFromName, fromNumber, textOrNull, wholeOrNull, type FieldSpec, type Values } from '../components/register-form-model.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { apiErrorText, fieldErrorText } from '../i18n/api-errors.ts';

/**
 * The chief's registers: what the forms offer (staff, types, assignments, municipalities, areas) and the locked
 * years. One register at a time, chosen in the address (?visa=uppdrag), so a long list of assignments does not
 * bury the others and a link can lead straight to one.
 */
export function RegistersPage() {
  const { t } = useI18n();
  const r = t.registers;
  const role = useSignedIn().role;
  const mayLock = can(role, 'period:lock');
  const mayAudit = can(role, 'audit:read');
  const sections: [string, string, () => ReactNode][] = [
    ['medarbetare', r.staff.title, () => <StaffRegister />],
    ['aktivitetstyper', r.types.title, () => <ActivityTypeRegister />],
    ['malgrupper', r.targetGroups.title, () => <TargetGroupRegister />],
    ['uppdrag', r.assignments.title, () => <AssignmentRegister />],
    ['kommuner', r.municipalities.title, () => <MunicipalityRegister />],
    ['omraden', r.areas.title, () => <AreaRegister />],
    ...(mayLock ? [['lasta-ar', r.locks.title, () => <PeriodLocks />] as [string, string, () => ReactNode]] : []),
    ...(mayAudit ? [['textvarningar', r.textWarnings.title, () => <TextWarningOverrides />] as [string, string, () => ReactNode]] : []),
  ];
  const [params] = useSearchParams();
  const shown = sections.find(([id]) => id === params.get('visa')) ?? sections[0]!;
  useDocumentTitle(`${shown[1]} – ${r.title}`);
  return (
    <>
      <h1>{r.title}</h1>
      <p className="lead">{r.intro}</p>
      <nav aria-label={r.sections}>
        <ul className="register-nav">
          {sections.map(([id, title]) => (
            <li key={id}>
              <Link to={`?visa=${id}`} aria-current={id === shown[0] ? 'page' : undefined}>
                {title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* A new key per register, so a half-filled form of one is not carried over into another. */}
      <div key={shown[0]}>{shown[2]()}</div>
    </>
  );
}

function StaffRegister() {
  const { t } = useI18n();
  const s = t.registers.staff;
  const list = useStaffList();
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const fields: FieldSpec[] = [
    { key: 'name', label: s.name, kind: 'text', required: true, maxLength: 200 },
    { key: 'title', label: s.jobTitle, kind: 'text', required: false, hint: s.jobTitleHint, maxLength: 100 },
  ];
  return (
    <RegisterList
      id="medarbetare"
      text={{ ...s, caption: s.title, nameHeader: s.name }}
      rows={list.data}
      loadFailed={list.isError}
      name={(x) => x.name}
      columns={[{ header: s.jobTitle, cell: (x) => x.title ?? t.registers.missing }]}
      fields={fields}
      values={(x) => ({ name: x.name, title: x.title ?? '' })}
      save={(v, row, confirmed) => {
        const body = { name: v.name!.trim(), title: textOrNull(v.title), ...(confirmed ? { confirmDuplicateName: true } : {}) };
        return row ? update.mutateAsync({ id: row.id, body }) : create.mutateAsync(body);
      }}
      confirmable={{
        code: 'duplicate_name',
        confirmLabel: s.duplicateConfirm,
        // Named from the list in hand: who already has the name, with title and whether still active.
        warning: (v, row) => {
          const key = nameKey(v.name ?? '');
          const who = (list.data ?? []).filter((x) => x.id !== row?.id && nameKey(x.name) === key).map((x) => {
            const details = [x.title, x.active ? null : s.inactiveNamesake].filter(Boolean);
            return details.length ? `${x.name} (${details.join(', ')})` : x.name;
          });
          return s.duplicateWarning(who.length ? who.join(', ') : (v.name ?? '').trim());
        },
      }}
      setActive={(row, active) => update.mutateAsync({ id: row.id, body: { active } })}
    />
  );
}

/** The optional English name of a register row: a field, a column and the value to send (null clears it). */
const nameEnField = (r: Messages['registers']): FieldSpec => ({ key: 'nameEn', label: r.nameEn, kind: 'text', required: false, hint: r.nameEnHint, maxLength: 200 });
const nameEnColumn = (r: Messages['registers']) => ({ header: r.nameEn, cell: (x: { nameEn: string | null }) => x.nameEn ?? r.missing });

/** Whom activities reached; the standard groups keep their key (event evaluations match on it) through a rename. */
function TargetGroupRegister() {
  const { t, number } = useI18n();
  const s = t.registers.targetGroups;
  const list = useTargetGroupList();
  const create = useCreateTargetGroup();
  const update = useUpdateTargetGroup();
  const fields: FieldSpec[] = [
    { key: 'name', label: s.name, kind: 'text', required: true, maxLength: 200 },
    nameEnField(t.registers),
    { key: 'sortOrder', label: s.sortOrder, kind: 'whole', required: false, hint: s.sortOrderHint, min: 0, max: 10_000 },
  ];
  return (
    <RegisterList
      id="malgrupper"
      text={{ ...s, caption: s.title, nameHeader: s.name }}
      rows={list.data}
      loadFailed={list.isError}
      name={(x) => x.name}
      columns={[nameEnColumn(t.registers), { header: s.sortOrder, cell: (x) => number(x.sortOrder), num: true }]}
      fields={fields}
      values={(x) => ({ name: x.name, nameEn: x.nameEn ?? '', sortOrder: String(x.sortOrder) })}
      save={(v, row) => {
        const name = v.name!.trim();
        const nameEn = textOrNull(v.nameEn);
        const sortOrder = wholeOrNull(v.sortOrder);
        if (row) return update.mutateAsync({ id: row.id, body: { name, nameEn, ...(sortOrder === null ? {} : { sortOrder }) } });
        return create.mutateAsync({ name, nameEn, ...(sortOrder === null ? {} : { sortOrder }) });
      }}
      setActive={(row, active) => update.mutateAsync({ id: row.id, body: { active } })}
    />
  );
}

function ActivityTypeRegister() {
  const { t, number } = useI18n();
  const s = t.registers.types;
  const list = useActivityTypeList();
  const create = useCreateActivityType();
  const update = useUpdateActivityType();
  const fields: FieldSpec[] = [
    { key: 'name', label: s.name, kind: 'text', required: true, maxLength: 200 },
    nameEnField(t.registers),
    { key: 'sortOrder', label: s.sortOrder, kind: 'whole', required: false, hint: s.sortOrderHint, min: 0, max: 10_000 },
  ];
  return (
    <RegisterList
      id="aktivitetstyper"
      text={{ ...s, caption: s.title, nameHeader: s.name }}
      rows={list.data}
      loadFailed={list.isError}
      name={(x) => x.name}
      columns={[nameEnColumn(t.registers), { header: s.sortOrder, cell: (x) => number(x.sortOrder), num: true }]}
      fields={fields}
      values={(x) => ({ name: x.name, nameEn: x.nameEn ?? '', sortOrder: String(x.sortOrder) })}
      save={(v, row) => {
        const name = v.name!.trim();
        const nameEn = textOrNull(v.nameEn);
        const sortOrder = wholeOrNull(v.sortOrder);
        if (row) return update.mutateAsync({ id: row.id, body: { name, nameEn, ...(sortOrder === null ? {} : { sortOrder }) } });
        const last = Math.max(0, ...(list.data ?? []).map((x) => x.sortOrder));
        return create.mutateAsync({ name, nameEn, sortOrder: sortOrder ?? Math.min(last + 1, 10_000) });
      }}
      setActive={(row, active) => update.mutateAsync({ id: row.id, body: { active } })}
    />
  );
}

function AssignmentRegister() {
  const { t } = useI18n();
  const r = t.registers;
  const s = r.assignments;
  const list = useAssignmentList();
  const create = useCreateAssignment();
  const update = useUpdateAssignment();
  const fields: FieldSpec[] = [
    { key: 'title', label: s.name, kind: 'text', required: true, maxLength: 200 },
    { key: 'description', label: s.description, kind: 'textarea', required: false, maxLength: 4000 },
    {
      key: 'line', label: s.line, kind: 'select', required: false,
      options: [{ value: '', label: s.noLine }, { value: 'forsta', label: s.lines.forsta }, { value: 'andra', label: s.lines.andra }],
    },
    { key: 'startYear', label: s.startYear, kind: 'year', required: false },
    { key: 'endYear', label: s.endYear, kind: 'year', required: false },
  ];
  const years = (a: Assignment) => {
    if (a.startYear !== null && a.endYear !== null) return a.startYear === a.endYear ? String(a.startYear) : `${a.startYear}–${a.endYear}`;
    if (a.startYear !== null) return s.from(a.startYear);
    if (a.endYear !== null) return s.until(a.endYear);
    return r.missing;
  };
  return (
    <RegisterList
      id="uppdrag"
      text={{ ...s, caption: s.title, nameHeader: s.name }}
      rows={list.data}
      loadFailed={list.isError}
      name={(x) => x.title}
      columns={[
        { header: s.line, cell: (x) => (x.line ? s.lines[x.line] : r.missing) },
        { header: s.years, cell: years },
      ]}
      fields={fields}
      values={(x) => ({ title: x.title, description: x.description ?? '', line: x.line ?? '', startYear: fromNumber(x.startYear), endYear: fromNumber(x.endYear) })}
      check={(v) => {
        const start = wholeOrNull(v.startYear);
        const end = wholeOrNull(v.endYear);
        return start !== null && end !== null && end < start ? { endYear: r.errors.endBeforeStart } : {};
      }}
      save={(v, row) => {
        const body = {
          title: v.title!.trim(),
          description: textOrNull(v.description),
          line: (v.line || null) as AssignmentCreate['line'],
          startYear: wholeOrNull(v.startYear),
          endYear: wholeOrNull(v.endYear),
        };
        return row ? update.mutateAsync({ id: row.id, body }) : create.mutateAsync(body);
      }}
      setActive={(row, active) => update.mutateAsync({ id: row.id, body: { active } })}
    />
  );
}

/** The latest year with a figure, so the table opens on something to read; this year when there is none. */
function defaultYear(list: readonly Municipality[] | undefined, thisYear: number): number {
  const years = (list ?? []).flatMap((m) => m.years.filter((y) => y.population !== null || y.feeSek !== null).map((y) => y.year));
  return years.length ? Math.max(...years) : thisYear;
}

function MunicipalityRegister() {
  const { t, number } = useI18n();
  const r = t.registers;
  const s = r.municipalities;
  const list = useMunicipalityList();
  const create = useCreateMunicipality();
  const update = useUpdateMunicipality();
  const putYear = usePutMunicipalityYear();
  const thisYear = Number(todayInSweden().slice(0, 4));
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? defaultYear(list.data, thisYear);
  // Figures are entered for next year's budget and now and then corrected for a past year.
  const first = Math.min(thisYear - 10, year, ...(list.data ?? []).flatMap((m) => m.years.map((y) => y.year)));
  const years = Array.from({ length: thisYear + 2 - first }, (_, i) => thisYear + 1 - i);
  const figures = (m: Municipality) => m.years.find((y) => y.year === year);
  const fields: FieldSpec[] = [
    { key: 'name', label: s.nameField, kind: 'text', required: true, maxLength: 200 },
    { key: 'population', label: s.population(year), kind: 'whole', required: false, hint: s.valueHint, min: 0, max: 50_000_000 },
    { key: 'feeSek', label: s.fee(year), kind: 'whole', required: false, hint: s.valueHint, min: 0, max: 1_000_000_000 },
    { key: 'sortOrder', label: s.sortOrder, kind: 'whole', required: false, hint: s.sortOrderHint, min: 0, max: 10_000 },
  ];

  async function save(v: Values, row: Municipality | null): Promise<Municipality> {
    const name = v.name!.trim();
    const sortOrder = wholeOrNull(v.sortOrder);
    const body = { population: wholeOrNull(v.population), feeSek: wholeOrNull(v.feeSek) };
    if (!row) {
      const last = Math.max(0, ...(list.data ?? []).map((m) => m.sortOrder));
      const created = await create.mutateAsync({ code: codeFromName(name), name, sortOrder: sortOrder ?? Math.min(last + 1, 10_000) });
      return body.population === null && body.feeSek === null ? created : putYear.mutateAsync({ id: created.id, year, body });
    }
    let saved = row;
    const changed = { ...(name !== row.name ? { name } : {}), ...(sortOrder !== null && sortOrder !== row.sortOrder ? { sortOrder } : {}) };
    if (Object.keys(changed).length) saved = await update.mutateAsync({ id: row.id, body: changed });
    const before = figures(row);
    if ((before?.population ?? null) !== body.population || (before?.feeSek ?? null) !== body.feeSek) {
      saved = await putYear.mutateAsync({ id: row.id, year, body });
    }
    return saved;
  }

  return (
    <RegisterList
      resetOn={year}
      id="kommuner"
      text={{ ...s, caption: s.caption(year), nameHeader: s.name, editTitle: (name) => s.editTitle(name, year) }}
      rows={list.data}
      loadFailed={list.isError}
      name={(x) => x.name}
      columns={[
        { header: s.population(year), cell: (x) => { const n = figures(x)?.population; return n == null ? r.missing : number(n); }, num: true },
        { header: s.fee(year), cell: (x) => { const n = figures(x)?.feeSek; return n == null ? r.missing : number(n); }, num: true },
      ]}
      fields={fields}
      values={(x) => ({ name: x.name, population: fromNumber(figures(x)?.population), feeSek: fromNumber(figures(x)?.feeSek), sortOrder: String(x.sortOrder) })}
      check={(v) => (codeFromName(v.name ?? '') ? {} : { name: r.errors.noLetters })}
      save={save}
      setActive={(row, active) => update.mutateAsync({ id: row.id, body: { active } })}
    >
      <div className="field register-year">
        <label htmlFor="kommuner-year" className="field__label">
          {s.year}
        </label>
        <select id="kommuner-year" className="input" value={year} onChange={(e) => setChosen(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
    </RegisterList>
  );
}

function AreaRegister() {
  const { t } = useI18n();
  const r = t.registers;
  const s = r.areas;
  const list = useAreaList();
  const create = useCreateArea();
  const update = useUpdateArea();
  const byId = new Map((list.data ?? []).map((a) => [a.id, a]));
  // Two levels only: a new area goes under a top-level one or stands on its own.
  const groups = (list.data ?? []).filter((a) => a.parentId === null && a.active);
  const fields: FieldSpec[] = [
    { key: 'name', label: s.name, kind: 'text', required: true, maxLength: 200 },
    nameEnField(r),
    {
      key: 'parentId', label: s.parent, kind: 'select', required: false, hint: s.parentHint, onlyOnAdd: true,
      options: [{ value: '', label: s.noParent }, ...groups.map((g) => ({ value: String(g.id), label: g.name }))],
    },
    { key: 'reportLabel', label: s.reportLabel, kind: 'text', required: false, hint: s.reportLabelHint, maxLength: 200 },
    { key: 'sortOrder', label: s.sortOrder, kind: 'whole', required: false, hint: s.sortOrderHint, min: 0, max: 10_000 },
  ];
  return (
    <RegisterList
      id="omraden"
      text={{ ...s, caption: s.title, nameHeader: s.name }}
      rows={list.data}
      loadFailed={list.isError}
      name={(x: Area) => x.name}
      columns={[
        { header: s.parent, cell: (x) => (x.parentId === null ? r.missing : (byId.get(x.parentId)?.name ?? r.missing)) },
        { header: s.reportLabel, cell: (x) => x.reportLabel ?? r.missing },
        nameEnColumn(r),
      ]}
      fields={fields}
      values={(x) => ({ name: x.name, nameEn: x.nameEn ?? '', reportLabel: x.reportLabel ?? '', sortOrder: String(x.sortOrder) })}
      check={(v) => (codeFromName(v.name ?? '') ? {} : { name: r.errors.noLetters })}
      save={(v, row) => {
        const name = v.name!.trim();
        const nameEn = textOrNull(v.nameEn);
        const reportLabel = textOrNull(v.reportLabel);
        const sortOrder = wholeOrNull(v.sortOrder);
        if (row) return update.mutateAsync({ id: row.id, body: { name, nameEn, reportLabel, ...(sortOrder === null ? {} : { sortOrder }) } });
        const parentId = v.parentId ? Number(v.parentId) : null;
        const siblings = (list.data ?? []).filter((a) => a.parentId === parentId);
        const last = Math.max(0, ...siblings.map((a) => a.sortOrder));
        return create.mutateAsync({ code: codeFromName(name), name, nameEn, parentId, reportLabel, sortOrder: sortOrder ?? Math.min(last + 1, 10_000) });
      }}
      setActive={(row, active) => update.mutateAsync({ id: row.id, body: { active } })}
    />
  );
}

type Confirming = { kind: 'lock' | 'unlock'; year: number } | null;

function PeriodLocks() {
  const { t, lang } = useI18n();
  const l = t.registers.locks;
  const me = useSignedIn();
  const locks = usePeriodLocks();
  // Who locked a year is a user id; the names are there for those who may read the accounts.
  const users = useUsers(can(me.role, 'account:manage'));
  const lock = useLockYear();
  const unlock = useUnlockYear();
  const [year, setYear] = useState(String(Number(todayInSweden().slice(0, 4)) - 1));
  const [yearError, setYearError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [notice, setNotice] = useState<{ text: string } | null>(null);
  const [failure, setFailure] = useState<{ text: string } | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) statusRef.current?.focus();
  }, [notice]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);
  const fieldName = 'lasta-ar-year';

  function submit(e: FormEvent) {
    e.preventDefault();
    const y = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : NaN;
    const problem = !isActivityYear(y) ? l.yearRange : locks.data?.some((x) => x.year === y) ? l.alreadyLocked(y) : undefined;
    setYearError(problem);
    if (problem) {
      document.getElementById(fieldId(fieldName))?.focus();
      return;
    }
    setNotice(null);
    setFailure(null);
    setConfirming({ kind: 'lock', year: y });
  }

  function failed(err: unknown) {
    const field = err instanceof ApiCallError ? err.body?.fields?.find((f) => f.field === 'year') : undefined;
    if (field) {
      setYearError(fieldErrorText(field, t));
      document.getElementById(fieldId(fieldName))?.focus();
      return;
    }
    setFailure({ text: apiErrorText(err, t) ?? l.failed });
  }

  function confirmed(c: NonNullable<Confirming>) {
    setConfirming(null);
    if (c.kind === 'lock') lock.mutate(c.year, { onSuccess: () => setNotice({ text: l.locked(c.year) }), onError: failed });
    else unlock.mutate(c.year, { onSuccess: () => setNotice({ text: l.unlocked(c.year) }), onError: failed });
  }

  const lockedBy = (id: number | null) => (id === null ? null : (users.data?.find((u) => u.id === id)?.displayName ?? null));

  return (
    <section id="lasta-ar" className="register" aria-labelledby="lasta-ar-heading">
      <h2 id="lasta-ar-heading">{l.title}</h2>
      <p>{l.intro}</p>
      {locks.isError ? (
        <p role="alert">{t.common.loadError}</p>
      ) : locks.isPending || (users.isPending && users.fetchStatus !== 'idle') ? (
        // The names of who locked each year come with the list, not after it (a name wraps the row on a phone).
        <p role="status">{t.common.loading}</p>
      ) : locks.data.length === 0 ? (
        <p>{l.none}</p>
      ) : (
        <div className="table-wrap register-wrap">
          <table className="data-table register-table">
            <caption className="visually-hidden">{l.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{l.year}</th>
                <th scope="col">{l.lockedAt}</th>
                <th scope="col">{l.lockedBy}</th>
                <th scope="col">{t.registers.actions}</th>
              </tr>
            </thead>
            <tbody>
              {locks.data.map((x) => (
                <tr key={x.year}>
                  <th scope="row">{x.year}</th>
                  <td data-label={l.lockedAt}>{formatDateTime(x.lockedAt, lang)}</td>
                  <td data-label={l.lockedBy}>{lockedBy(x.lockedBy) ?? t.registers.missing}</td>
                  <td className="register-actions">
                    <button type="button" className="button button--small" disabled={unlock.isPending} onClick={() => setConfirming({ kind: 'unlock', year: x.year })}>
                      {l.unlock}
                      {' '}
                      <span className="visually-hidden">{x.year}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div role="status" tabIndex={-1} ref={statusRef}>
        {notice ? <p className="confirmation">{notice.text}</p> : null}
      </div>
      {failure ? (
        <p role="alert" className="error-summary" tabIndex={-1} ref={failureRef}>
          {failure.text}
        </p>
      ) : null}
      {/* With the list, not before it: the list arriving above would push the form down. */}
      {locks.isPending ? null : (
        <form className="register-form" aria-labelledby="lasta-ar-form-heading" noValidate onSubmit={submit}>
          <h3 id="lasta-ar-form-heading">{l.lockHeading}</h3>
          <Field name={fieldName} label={l.lockYear} required hint={l.lockYearHint} error={yearError}>
            {(a) => <input {...a} type="text" inputMode="numeric" autoComplete="off" className="input input--short" value={year} onChange={(e) => setYear(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={lock.isPending}>
              {lock.isPending ? t.common.saving : l.lock}
            </button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? (confirming.kind === 'lock' ? l.lockTitle(confirming.year) : l.unlockTitle(confirming.year)) : ''}
        text={confirming ? (confirming.kind === 'lock' ? l.lockText(confirming.year) : l.unlockText(confirming.year)) : ''}
        confirmLabel={confirming ? (confirming.kind === 'lock' ? l.lockConfirm(confirming.year) : l.unlockConfirm(confirming.year)) : ''}
        cancelLabel={t.common.cancel}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && confirmed(confirming)}
      />
    </section>
  );
}

/** Counts only: how often the activity form's warnings about client data were saved past, per year and kind. */
function TextWarningOverrides() {
  const { t, number } = useI18n();
  const w = t.registers.textWarnings;
  const q = useTextWarningOverrides();
  const years = [...new Set((q.data?.items ?? []).map((x) => x.year))].sort((a, b) => b - a);
  const n = (year: number, kind: string) => q.data?.items.find((x) => x.year === year && x.kind === kind)?.count ?? 0;
  return (
    <section id="textvarningar" className="register" aria-labelledby="textvarningar-heading">
      <h2 id="textvarningar-heading">{w.title}</h2>
      <p>{w.intro}</p>
      {q.isError ? (
        <p role="alert">{t.common.loadError}</p>
      ) : q.isPending ? (
        <p role="status">{t.common.loading}</p>
      ) : years.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <div className="table-wrap register-wrap">
          <table className="data-table register-table">
            <caption className="visually-hidden">{w.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{w.year}</th>
                <th scope="col" className="num">{w.mistyped}</th>
                <th scope="col" className="num">{w.clientName}</th>
                <th scope="col" className="num">{w.total}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => {
                const mistyped = n(y, 'mistyped_personal_identity_number');
                const clientName = n(y, 'client_name');
                return (
                  <tr key={y}>
                    <th scope="row">{y}</th>
                    <td data-label={w.mistyped} className="num">{number(mistyped)}</td>
                    <td data-label={w.clientName} className="num">{number(clientName)}</td>
                    <td data-label={w.total} className="num">{number(mistyped + clientName)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
