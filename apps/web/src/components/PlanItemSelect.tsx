import { useEffect } from 'react';
import { usePlanItems } from '../api/plan-queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Field } from './fields.tsx';

interface Props {
  year: number;
  value: number | null;
  onChange: (planItemId: number | null) => void;
  error: string | undefined;
}

/** The optional link from an activity to an item of its year's plan. */
export function PlanItemSelect({ year, value, onChange, error }: Props) {
  const { t } = useI18n();
  const items = usePlanItems({ year });
  // Items of the year the list was fetched for: a placeholder list of the previous year must not count.
  const forYear = items.data && !items.isPlaceholderData ? items.data : undefined;
  // An item belongs to one year: moving the date into another year drops the link.
  useEffect(() => {
    if (forYear && value !== null && !forYear.some((i) => i.id === value)) onChange(null);
  }, [forYear, value, onChange]);
  if (!forYear?.length) return null;
  return (
    <Field name="planItemId" label={t.plan.formPlanItem} required={false} hint={t.plan.formPlanItemHint} error={error}>
      {(a) => (
        <select {...a} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} className="input">
          <option value="">{t.plan.formNoPlanItem}</option>
          {forYear.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
