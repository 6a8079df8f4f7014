import { useState, type FormEvent } from 'react';
import type { Lang } from '../i18n/messages.ts';
import { localName, localShortName, useReferenceNames } from '../i18n/reference-names.ts';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { staffLabels } from '@fou/domain';
import type { ReferenceData } from '../api/client.ts';
import { activityExportUrl, useActivityList, useReference, type ActivityFilters } from '../api/queries.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { byValidFromDesc } from '../components/iso-order.ts';
import { useOneMorePerTask } from '../components/useOneMorePerTask.ts';

/** The filter's URL parameters; the page's address is the filter, so a view can be bookmarked or shared. */
const PARAMS = ['year', 'from', 'to', 'goal', 'area', 'municipality', 'staff', 'type', 'q', 'order'] as const;
type Param = (typeof PARAMS)[number];
type FilterValues = Record<Param, string>;

function valuesFrom(sp: URLSearchParams): FilterValues {
  return Object.fromEntries(PARAMS.map((p) => [p, sp.get(p) ?? ''])) as FilterValues;
}

export function filtersFrom(v: FilterValues): ActivityFilters {
  const f: ActivityFilters = { order: v.order === 'asc' ? 'asc' : 'desc' };
  if (/^\d{4}$/.test(v.year)) {
    f.from = `${v.year}-01-01`;
    f.to = `${v.year}-12-31`;
  } else {
    if (v.from) f.from = v.from;
    if (v.to) f.to = v.to;
  }
  if (v.goal) f.goal = v.goal;
  if (v.area) f.area = v.area;
  if (v.municipality) f.municipality = v.municipality;
  if (/^\d+$/.test(v.staff)) f.staff = Number(v.staff);
  if (/^\d+$/.test(v.type)) f.type = Number(v.type);
  if (v.q.trim()) f.q = v.q.trim();
  return f;
}

/** Goal keys are shared across frameworks ("spridning" in VP 2018 and VP 2024); list each key once. */
function goalOptions(ref: ReferenceData, lang: Lang) {
  const seen = new Map<string, string>();
  for (const fw of [...ref.goalFrameworks].sort((a, b) => byValidFromDesc(a.validFrom, b.validFrom))) {
    for (const g of fw.goals) if (!seen.has(g.key)) seen.set(g.key, localShortName(g, lang));
  }
  return [...seen].map(([key, label]) => ({ key, label }));
}

const ROWS_PER_PART = 10;

export function ActivityListPage() {
  const { t, lang, date, number } = useI18n();
  const names = useReferenceNames();
  useDocumentTitle(t.list.title);
  const [sp, setSp] = useSearchParams();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const applied = valuesFrom(sp);
  const [draft, setDraft] = useState<FilterValues>(applied);
  const reference = useReference();
  const list = useActivityList(filtersFrom(applied));
  const set = (p: Param, v: string) => setDraft((d) => ({ ...d, [p]: v }));
  const activeCount = PARAMS.filter((p) => p !== 'order' && applied[p]).length;
  // On a phone the filter panel would push the list out of sight: it starts closed there.
  const [filtersOpen, setFiltersOpen] = useState(() => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 44rem)').matches);

  function apply(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const p of PARAMS) if (draft[p].trim()) next.set(p, draft[p].trim());
    setSp(next);
  }

  const ref = reference.data;
  // Namesakes in the register read apart in the filter: "Maria Svensson (utvecklingsledare)".
  const staffLabel = staffLabels(ref?.staff ?? []);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // The rows ROWS_PER_PART at a time, one part per task: the first page's 50 rows in one render made it a long
  // task on a phone. The first part fills a screen; the rest follow below it, and the button for more waits for
  // them, so nothing in view moves.
  const parts = useOneMorePerTask(Math.ceil(items.length / ROWS_PER_PART) - 1, items.length > 0);
  const shownItems = items.slice(0, (parts + 1) * ROWS_PER_PART);
  const allShown = shownItems.length === items.length;
  const total = list.data?.pages[0]?.total;
  const municipalityCount = ref?.municipalities.filter((m) => m.active).length ?? 0;
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2015 }, (_, i) => String(thisYear - i));

  return (
    <>
      <h1>{t.list.title}</h1>
      {notice ? (
        <p role="status" className="confirmation">
          {notice}
        </p>
      ) : null}
      <details className="filters" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
        <summary className="filters__heading">
          {t.list.filters}
          {activeCount ? ` (${t.list.active(activeCount)})` : ''}
        </summary>
      <form onSubmit={apply} aria-label={t.list.filters}>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="f-year">{t.list.year}</label>
            <select id="f-year" className="input" value={draft.year} onChange={(e) => set('year', e.target.value)}>
              <option value="">{t.list.allYears}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-from">{t.list.from}</label>
            <input id="f-from" type="date" className="input" value={draft.from} disabled={Boolean(draft.year)} onChange={(e) => set('from', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="f-to">{t.list.to}</label>
            <input id="f-to" type="date" className="input" value={draft.to} disabled={Boolean(draft.year)} onChange={(e) => set('to', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="f-goal">{t.list.goal}</label>
            <select id="f-goal" className="input" value={draft.goal} onChange={(e) => set('goal', e.target.value)}>
              <option value="">{t.list.all}</option>
              {ref ? goalOptions(ref, lang).map((g) => <option key={g.key} value={g.key}>{g.label}</option>) : null}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-area">{t.list.area}</label>
            <select id="f-area" className="input" value={draft.area} onChange={(e) => set('area', e.target.value)}>
              <option value="">{t.list.all}</option>
              {ref?.areas
                .filter((a) => a.parentId === null)
                .sort((a, b) => a.sortOrder - b.sortOrder)
                .flatMap((top) => [
                  <option key={top.code} value={top.code}>{localName(top, lang)}</option>,
                  ...ref.areas
                    .filter((a) => a.parentId === top.id)
                    .sort((a, b) => a.sortOrder - b.sortOrder)
                    .map((leaf) => <option key={leaf.code} value={leaf.code}>{`– ${localName(leaf, lang)}`}</option>),
                ])}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-municipality">{t.list.municipality}</label>
            <select id="f-municipality" className="input" value={draft.municipality} onChange={(e) => set('municipality', e.target.value)}>
              <option value="">{t.list.all}</option>
              {ref?.municipalities.map((m) => <option key={m.code} value={m.code}>{m.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-staff">{t.list.staff}</label>
            <select id="f-staff" className="input" value={draft.staff} onChange={(e) => set('staff', e.target.value)}>
              <option value="">{t.list.all}</option>
              {ref?.staff.map((s) => <option key={s.id} value={s.id}>{staffLabel.get(s.id)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-type">{t.list.type}</label>
            <select id="f-type" className="input" value={draft.type} onChange={(e) => set('type', e.target.value)}>
              <option value="">{t.list.all}</option>
              {ref?.activityTypes.map((x) => <option key={x.id} value={x.id}>{localName(x, lang)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-q">{t.list.text}</label>
            <input id="f-q" type="search" className="input" value={draft.q} onChange={(e) => set('q', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="f-order">{t.list.sort}</label>
            <select id="f-order" className="input" value={draft.order || 'desc'} onChange={(e) => set('order', e.target.value)}>
              <option value="desc">{t.list.newestFirst}</option>
              <option value="asc">{t.list.oldestFirst}</option>
            </select>
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t.list.apply}
          </button>
          <Link
            to="/aktiviteter"
            className="button"
            onClick={() => setDraft(valuesFrom(new URLSearchParams()))}
          >
            {t.list.clear}
          </Link>
        </div>
      </form>
      </details>

      {list.isError ? <p role="alert">{t.common.loadError}</p> : null}
      <p className="list-count" role="status" aria-live="polite">
        {list.isPending ? t.common.loading : total !== undefined ? `${t.list.total(total, number(total))}${items.length < total ? ` · ${t.list.showing(number(items.length), number(total))}` : ''}` : ''}
      </p>
      {list.isSuccess && items.length > 0 ? (
        <p className="exports">
          <a className="button button--small" href={activityExportUrl(filtersFrom(applied), 'csv', lang)} download>
            {t.list.exportCsv}
          </a>
          <a className="button button--small" href={activityExportUrl(filtersFrom(applied), 'xlsx', lang)} download>
            {t.list.exportXlsx}
          </a>
          <span className="muted">{t.list.exportNote}</span>
        </p>
      ) : null}
      {list.isSuccess && items.length === 0 ? <p>{t.list.empty}</p> : null}
      {items.length ? (
        <div className="table-wrap">
          <table className="data-table activity-table">
            <caption className="visually-hidden">{t.list.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.list.columns.date}</th>
                <th scope="col">{t.list.columns.title}</th>
                <th scope="col">{t.list.columns.goal}</th>
                <th scope="col">{t.list.columns.area}</th>
                <th scope="col">{t.list.columns.municipalities}</th>
                <th scope="col">{t.list.columns.staff}</th>
              </tr>
            </thead>
            <tbody>
              {shownItems.map((a) => (
                <tr key={a.id}>
                  <td data-label={t.list.columns.date} className="nowrap">{date(a.date)}</td>
                  <th scope="row" data-label={t.list.columns.title}>
                    <Link to={`/aktiviteter/${a.id}`}>{a.title}</Link>
                  </th>
                  <td data-label={t.list.columns.goal}>{names.shortName(a.goal)}</td>
                  <td data-label={t.list.columns.area}>{names.name('area', a.area)}</td>
                  <td data-label={t.list.columns.municipalities}>
                    {municipalityCount > 0 && a.municipalities.length === municipalityCount ? t.list.allEight : a.municipalities.map((m) => m.name).join(', ')}
                  </td>
                  <td data-label={t.list.columns.staff}>{a.staff.map((s) => s.name).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage && allShown ? (
        <p>
          <button type="button" className="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? t.common.loading : t.list.more}
          </button>
        </p>
      ) : null}
    </>
  );
}
