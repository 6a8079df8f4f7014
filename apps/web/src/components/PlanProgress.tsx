/** How far a plan item has come: status as words, linked activities against the target, and the council's flag. */
import type { PlanStatus } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return <span className={`status-badge status-badge--${status}`}>{t.plan.statuses[status]}</span>;
}

interface ProgressProps {
  title: string;
  activityCount: number;
  targetCount: number | null;
  lastActivityDate: string | null;
  flagged: boolean;
  /** The follow-up date the count and the flag are as of. */
  asOf: string;
}

export function PlanProgress({ title, activityCount, targetCount, lastActivityDate, flagged, asOf }: ProgressProps) {
  const { t, number, date } = useI18n();
  const hasTarget = targetCount !== null && targetCount > 0;
  const text = hasTarget ? t.plan.progress(number(activityCount), number(targetCount)) : t.plan.activityCount(activityCount);
  // More activities than planned is good news, but the bar itself stops at full.
  const filled = hasTarget ? Math.min(100, Math.round((activityCount / targetCount) * 100)) : 0;
  return (
    <div className="plan-progress">
      {hasTarget ? (
        <div
          className="plan-progress__bar"
          role="progressbar"
          aria-label={t.plan.progressLabel(title)}
          aria-valuemin={0}
          aria-valuemax={targetCount}
          aria-valuenow={Math.min(activityCount, targetCount)}
          aria-valuetext={text}
        >
          <span className="plan-progress__fill" style={{ width: `${filled}%` }} />
        </div>
      ) : null}
      <p className="plan-progress__text">
        <span className="plan-progress__count">{text}</span>
        {hasTarget ? null : <span className="muted"> · {t.plan.noTarget}</span>}
        {lastActivityDate ? <span className="muted"> · {t.plan.lastActivity(date(lastActivityDate))}</span> : null}
      </p>
      {flagged ? (
        <p className="plan-flag">
          <span aria-hidden="true">⚠ </span>
          {t.plan.flagged(date(asOf))}
        </p>
      ) : null}
    </div>
  );
}
