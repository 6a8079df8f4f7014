import type { PlanItem } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Field } from './fields.tsx';

interface Props {
  /** The items of the activity's year's plan; nothing is shown when the year has none. */
  items: readonly PlanItem[] | undefined;
  value: number | null;
  onChange: (planItemId: number | null) => void;
  error: string | undefined;
}

/** The optional link from an activity to an item of its year's plan. */
export function PlanItemSelect({ items, value, onChange, error }: Props) {
  const { t } = useI18n();
  if (!items?.length) return null;
  return (
    <Field name="planItemId" label={t.plan.formPlanItem} required={false} hint={t.plan.formPlanItemHint} error={error}>
      {(a) => (
        <select {...a} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} className="input">
          <option value="">{t.plan.formNoPlanItem}</option>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
