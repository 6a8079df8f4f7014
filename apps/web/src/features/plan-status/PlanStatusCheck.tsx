/**
 * What the chief should look at in a plan item's status before the annual report quotes it: a status its linked
 * activities do not bear out (the rule is planStatusContradiction in @fou/domain), and on the plan page the status
 * the item had on the follow-up date, which can differ from today's.
 */
import { planStatusContradiction } from '@fou/domain';
import type { PlanFollowupItem, PlanStatus } from '../../api/client.ts';
import { PlanStatusBadge } from '../../components/PlanProgress.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function PlanStatusRemark({ status, activityCount, targetCount }: { status: PlanStatus; activityCount: number; targetCount: number | null }) {
  const { t, number } = useI18n();
  const c = planStatusContradiction(status, activityCount, targetCount);
  if (!c) return null;
  const r = t.plan.statusRemarks;
  const text = c.kind === 'done_without_activity' ? r.doneWithoutActivity
    : c.kind === 'done_below_target' ? r.doneBelowTarget(number(c.activityCount), number(c.targetCount))
    : c.kind === 'partly_done_without_activity' ? r.partlyDoneWithoutActivity
    : r.plannedWithActivities(c.activityCount);
  return (
    <p className="plan-remark">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}

/**
 * The plan page's status for one item on the follow-up date. Before today it is the status from the change
 * history; where the history cannot tell, today's status, said plainly. `activityCount` is what that status is
 * held against: the activities up to the date for the status then, all of them for today's.
 */
export function statusOnDate(item: PlanFollowupItem, asOf: string, today: string) {
  const then = asOf < today && item.statusAsOf !== null ? item.statusAsOf : null;
  return then !== null
    ? { status: then, fromHistory: true, activityCount: item.activityCount }
    : { status: item.status, fromHistory: false, activityCount: item.activityCountAll };
}

/** True when no item's history tells its status on the date: the page then says so once, not on every item. */
export function noHistoryAtAll(items: readonly PlanFollowupItem[], asOf: string, today: string): boolean {
  return asOf < today && items.length > 0 && items.every((i) => i.statusAsOfBasis === 'no_history');
}

/** The badge of the status on the date, with today's beside it when it has changed since, or why it is today's. */
export function PlanStatusOnDate({ item, asOf, today, sayNoHistory = true }: { item: PlanFollowupItem; asOf: string; today: string; sayNoHistory?: boolean }) {
  const { t, date } = useI18n();
  const shown = statusOnDate(item, asOf, today);
  const note = asOf >= today ? null
    : shown.fromHistory ? (shown.status === item.status ? null : t.plan.statusToday(t.plan.statuses[item.status]))
    : item.statusAsOfBasis === 'not_created' ? t.plan.statusNotCreated(date(asOf))
    : sayNoHistory ? t.plan.statusNoHistory(date(asOf)) : null;
  return (
    <span className="plan-item__status">
      <PlanStatusBadge status={shown.status} />
      {note ? <span className="muted plan-item__status-note">{note}</span> : null}
    </span>
  );
}
