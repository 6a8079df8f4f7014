import { useMemo, useState } from 'react';
import { localName, localShortName, useReferenceNames } from '../i18n/reference-names.ts';
import { Link, useLocation } from 'react-router-dom';
import { useChoiceParams } from '../components/useChoiceParams.ts';
import { can, frameworkForDate, isIsoDate, todayInSweden } from '@fou/domain';
import type { PlanFollowup, PlanFollowupItem, PlanItem, ReferenceData } from '../api/client.ts';
import { usePlanFollowup, usePlanItems, useCopyPlan } from '../api/plan-queries.ts';
import { useReference } from '../api/queries.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { PlanProgress, PlanStatusBadge } from '../components/PlanProgress.tsx';
import { noHistoryAtAll, PlanStatusOnDate, PlanStatusRemark, statusOnDate } from '../features/plan-status/PlanStatusCheck.tsx';
import { useStaffLabel } from '../features/staff/staff-labels.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSignedIn } from '../auth/RequireAuth.tsx';
import { FIRST_PAGE_YEAR as FIRST_YEAR, requestedYear, useDefaultYear } from '../years/useDefaultYear.ts';
import { apiErrorText } from '../i18n/api-errors.ts';
import { pagePaths } from '../boot/page-paths.ts';
import { useOneMorePerTask } from '../components/useOneMorePerTask.ts';

/** The follow-up counts up to today while the year runs, the whole year once it is over, nothing before it starts. */
export const defaultAsOf = pagePaths().defaultAsOf;

function goalOptions(ref: ReferenceData, year: number) {
  const fw = frameworkForDate(ref.goalFrameworks, `${year}-01-01`);
  return [...(fw?.goals ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
}

function groupByGoal(items: readonly PlanItem[]) {
  const groups: { key: string; name: string; items: PlanItem[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last?.key === item.goal.key) last.items.push(item);
    else groups.push({ key: item.goal.key, name: item.goal.name, items: [item] });
  }
  return groups;
}

export function PlanPage() {
  const { t } = useI18n();
  const [sp] = useChoiceParams();
  const thisYear = Number(todayInSweden().slice(0, 4));
  const requested = requestedYear(sp, thisYear + 1);
  const chosen = useDefaultYear(requested, 'planItems');
  useDocumentTitle(chosen.year === undefined ? t.plan.title : t.plan.titleYear(chosen.year));
  if (chosen.isError) return <p role="alert">{t.common.loadError}</p>;
  if (chosen.year === undefined) return <p role="status">{t.common.loading}</p>;
  return <PlanYear year={chosen.year} reason={chosen.reason} />;
}

function PlanYear({ year, reason }: { year: number; reason: 'latest' | 'lastYearReport' | null }) {
  // Only the chief changes the plan; the council and the staff follow it read-only.
  const canEditPlan = can(useSignedIn().role, 'plan:write');
  const { t, lang, date } = useI18n();
  const names = useReferenceNames();
  const [sp, setSp] = useChoiceParams();
  const today = todayInSweden();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: thisYear + 1 - FIRST_YEAR + 1 }, (_, i) => thisYear + 1 - i);
  const goal = sp.get('goal') ?? '';
  const area = sp.get('area') ?? '';
  const asOfParam = sp.get('asOf') ?? '';
  const asOf = isIsoDate(asOfParam) && asOfParam.startsWith(`${year}-`) ? asOfParam : defaultAsOf(year, today);

  const reference = useReference();
  const items = usePlanItems({ year, ...(goal ? { goal } : {}), ...(area ? { area } : {}) });
  const followup = usePlanFollowup(year, asOf);
  const copy = useCopyPlan();
  const [confirming, setConfirming] = useState(false);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const byId = useMemo(() => new Map((followup.data?.items ?? []).map((i) => [i.id, i])), [followup.data]);
  const groups = useMemo(() => groupByGoal(items.data ?? []), [items.data]);
  // A goal's items per task: the year's 36 cards in one render were a long task on a phone.
  const shownGroups = useOneMorePerTask(groups.length, items.data !== undefined && followup.data !== undefined);

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.set('year', String(changes.year ?? year));
    setSp(next, { replace: true });
  }

  const exportHref = (output: 'csv' | 'xlsx') => `/api/v1/plan-followup?${new URLSearchParams({ year: String(year), asOf, output, lang })}`;
  const ref = reference.data;

  return (
    <>
      <div className="page-head">
        <h1>{t.plan.titleYear(year)}</h1>
        {canEditPlan ? (
          <Link className="button button--primary" to={`/plan/ny?year=${year}`}>
            {t.plan.newItem}
          </Link>
        ) : null}
      </div>
      {reason ? <p className="year-note">{reason === 'latest' ? t.plan.yearLatest(year) : t.plan.yearLastYear(year)}</p> : null}
      {notice ? (
        <p role="status" className="confirmation">
          {notice}
        </p>
      ) : null}
      <div className="filters filters--plan">
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="plan-year">{t.plan.year}</label>
            <select id="plan-year" className="input" value={year} onChange={(e) => update({ year: e.target.value, goal: '', asOf: '' })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="plan-goal">{t.plan.goal}</label>
            <select id="plan-goal" className="input" value={goal} onChange={(e) => update({ goal: e.target.value })}>
              <option value="">{t.plan.all}</option>
              {ref ? goalOptions(ref, year).map((g) => <option key={g.key} value={g.key}>{localShortName(g, lang)}</option>) : null}
            </select>
          </div>
          <div className="field">
            <label htmlFor="plan-area">{t.plan.area}</label>
            <select id="plan-area" className="input" value={area} onChange={(e) => update({ area: e.target.value })}>
              <option value="">{t.plan.all}</option>
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
          <div className="field field--asof">
            <label htmlFor="plan-asof">{t.plan.asOf}</label>
            <input
              id="plan-asof"
              type="date"
              className="input input--date"
              aria-describedby="plan-asof-hint"
              min={`${year}-01-01`}
              max={`${year}-12-31`}
              value={asOf}
              onChange={(e) => {
                if (isIsoDate(e.target.value) && e.target.value.startsWith(`${year}-`)) update({ asOf: e.target.value });
              }}
            />
            <p id="plan-asof-hint" className="field__hint">{t.plan.asOfHint}</p>
          </div>
          <div className="field" role="group" aria-labelledby="plan-asof-presets">
            <span id="plan-asof-presets" className="field__label">{t.plan.asOfPresets}</span>
            <div className="asof-presets">
              {[[`${year}-06-30`, t.plan.asOfMidYear], [`${year}-12-31`, t.plan.asOfYearEnd]].map(([d, label]) => (
                <button key={d} type="button" className="button button--small" aria-pressed={asOf === d} onClick={() => update({ asOf: d! })}>
                  {label}
                </button>
              ))}
            </div>
          </div>
        </div>
      </div>

      <div className="exports">
        <a className="button button--small" href={exportHref('csv')} download>
          {t.plan.downloadCsv}
        </a>
        <a className="button button--small" href={exportHref('xlsx')} download>
          {t.plan.downloadXlsx}
        </a>
        {canEditPlan ? (
          <button type="button" className="button button--small" onClick={() => setConfirming(true)} disabled={copy.isPending}>
            {t.plan.copy(year + 1)}
          </button>
        ) : null}
      </div>
      <div role="status">
        {copy.isSuccess ? (
          <p className="confirmation">
            {t.plan.copied(copy.data.copied, copy.data.toYear)}{' '}
            <Link to={`/plan?year=${copy.data.toYear}`}>{t.plan.showYear(copy.data.toYear)}</Link>
          </p>
        ) : null}
      </div>
      {copy.isError ? (
        <p className="error-summary" role="alert">
          {apiErrorText(copy.error, t) ?? t.plan.copyError}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t.plan.copyTitle(year, year + 1)}
        text={t.plan.copyText}
        confirmLabel={t.plan.copyConfirm}
        cancelLabel={t.common.cancel}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          copy.mutate({ fromYear: year, toYear: year + 1 });
        }}
      />

      {/* The items wait for their follow-up: the coverage tables above them would otherwise push them down. */}
      {items.isError || followup.isError ? (
        <p role="alert">{t.common.loadError}</p>
      ) : items.isPending || followup.isPending ? (
        <p role="status">{t.common.loading}</p>
      ) : (
        <>
          <p className="lead">
            {followup.data
              ? t.plan.summary(
                  items.data.length,
                  items.data.filter((i) => (byId.get(i.id)?.activityCount ?? 0) > 0).length,
                  items.data.filter((i) => byId.get(i.id)?.flagged).length,
                  date(asOf),
                )
              : null}
          </p>
          {followup.data && noHistoryAtAll(followup.data.items, asOf, today) ? <p className="muted">{t.plan.statusNoHistoryAll(date(asOf))}</p> : null}
          {/* The council reads the coverage first, then the items. */}
          {followup.data && followup.data.totals.flagged > 0 ? <p className="muted">{t.plan.flagExplained}</p> : null}
          {followup.data ? <CoverageTables data={followup.data} /> : null}
          {items.data.length === 0 ? <p>{t.plan.empty}</p> : null}
          {groups.slice(0, shownGroups).map((g) => (
            <section key={g.key} className="plan-goal" aria-labelledby={`plan-goal-${g.key}`}>
              <h2 id={`plan-goal-${g.key}`}>{names.goalByKey(g.key, g.name)}</h2>
              <ul className="plan-items">
                {g.items.map((item) => (
                  <PlanItemCard key={item.id} item={item} followup={byId.get(item.id)} asOf={followup.data?.asOf ?? asOf} today={today} sayNoHistory={!followup.data || !noHistoryAtAll(followup.data.items, asOf, today)} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}

function PlanItemCard({ item, followup, asOf, today, sayNoHistory }: { item: PlanItem; followup: PlanFollowupItem | undefined; asOf: string; today: string; sayNoHistory: boolean }) {
  const { t } = useI18n();
  const staffLabel = useStaffLabel(item.staff);
  const shown = followup ? statusOnDate(followup, asOf, today) : null;
  const names = useReferenceNames();
  return (
    <li className={`plan-item${followup?.flagged ? ' plan-item--flagged' : ''}`}>
      <div className="plan-item__head">
        <h3 className="plan-item__title">
          <Link to={`/plan/${item.id}`}>{item.title}</Link>
        </h3>
        {followup ? <PlanStatusOnDate item={followup} asOf={asOf} today={today} sayNoHistory={sayNoHistory} /> : <PlanStatusBadge status={item.status} />}
      </div>
      <p className="plan-item__meta muted">
        {t.plan.area}: {names.name('area', item.area)}
        {item.staff.length ? ` · ${t.plan.staff}: ${item.staff.map(staffLabel).join(', ')}` : null}
      </p>
      {followup ? (
        <PlanProgress
          title={item.title}
          activityCount={followup.activityCount}
          targetCount={followup.targetCount}
          lastActivityDate={followup.lastActivityDate}
          flagged={followup.flagged}
          asOf={asOf}
        />
      ) : null}
      {followup && shown ? <PlanStatusRemark status={shown.status} activityCount={shown.activityCount} targetCount={followup.targetCount} /> : null}
    </li>
  );
}

function CoverageTables({ data }: { data: PlanFollowup }) {
  const { t, number, date } = useI18n();
  const names = useReferenceNames();
  const tables = [
    { id: 'goal', title: t.plan.byGoal(date(data.asOf)), column: t.plan.goal, rows: data.goals },
    { id: 'area', title: t.plan.byArea(date(data.asOf)), column: t.plan.area, rows: data.areaGroups },
  ];
  return (
    <div className="plan-coverage">
      {tables.map((tb) => (
        <section key={tb.id} className="report-section" aria-labelledby={`coverage-${tb.id}`}>
          <h2 id={`coverage-${tb.id}`}>{tb.title}</h2>
          <div className="table-wrap">
            <table className="data-table" data-table={`coverage-${tb.id}`}>
              <caption className="visually-hidden">{tb.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{tb.column}</th>
                  <th scope="col" className="num">{t.plan.planned}</th>
                  <th scope="col" className="num">{t.plan.withActivity}</th>
                </tr>
              </thead>
              <tbody>
                {tb.rows.map((r) => (
                  <tr key={'key' in r ? r.key : r.code}>
                    <th scope="row">{'key' in r ? names.goalByKey(r.key, r.name) : names.areaByCode(r.code, r.name)}</th>
                    <td className="num">{number(r.planned)}</td>
                    <td className="num">{number(r.withActivity)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t.plan.total}</th>
                  <td className="num">{number(data.totals.planned)}</td>
                  <td className="num">{number(data.totals.withActivity)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
