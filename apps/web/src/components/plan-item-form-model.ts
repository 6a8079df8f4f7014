/** The plan item form's state, its client-side checks and the mapping to and from the API. */
import type { Messages } from '../i18n/messages.ts';
import { fieldMessage } from './activity-form-model.ts';
import type { FieldError, PlanItem, PlanItemInput, PlanStatus } from '../api/client.ts';

export interface PlanItemFormState {
  title: string;
  goalId: number | null;
  areaId: number | null;
  /** The planned activities as the plan words them, one per line. */
  planned: string;
  staffIds: number[];
  /** The assignment (uppdrag) the item is part of, if any: the activity form then links both at once. */
  assignmentId: number | null;
  targetCount: string;
  status: PlanStatus;
  outcome: string;
}

export const PLAN_STATUSES: readonly PlanStatus[] = ['planerad', 'pagar', 'genomford', 'delvis_genomford', 'inte_genomford', 'framflyttad'];

/** Fields in the order they appear; the error summary lists errors in this order. */
export const PLAN_FIELD_ORDER = ['title', 'goalId', 'areaId', 'planned', 'assignmentId', 'staffIds', 'targetCount', 'status', 'outcome'] as const;
export type PlanFieldName = (typeof PLAN_FIELD_ORDER)[number];
export type PlanErrors = Partial<Record<PlanFieldName | 'form', string>>;

export interface PlanErrorTexts {
  required: string;
  chooseOne: string;
  targetCount: string;
}

export function emptyPlanItemForm(): PlanItemFormState {
  return { title: '', goalId: null, areaId: null, planned: '', staffIds: [], assignmentId: null, targetCount: '', status: 'planerad', outcome: '' };
}

export function formFromPlanItem(item: PlanItem): PlanItemFormState {
  return {
    title: item.title,
    goalId: item.goal.id,
    areaId: item.area.id,
    planned: item.planned.join('\n'),
    staffIds: item.staff.map((s) => s.id),
    assignmentId: item.assignment?.id ?? null,
    targetCount: item.targetCount === null ? '' : String(item.targetCount),
    status: item.status,
    outcome: item.outcome ?? '',
  };
}

/** Lines the user typed, without the empty ones a stray Enter leaves behind. */
export function plannedLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

export function validatePlanItem(f: PlanItemFormState, t: PlanErrorTexts): PlanErrors {
  const e: PlanErrors = {};
  if (!f.title.trim()) e.title = t.required;
  if (f.goalId === null) e.goalId = t.chooseOne;
  if (f.areaId === null) e.areaId = t.chooseOne;
  if (f.targetCount.trim() && !/^\d+$/.test(f.targetCount.trim())) e.targetCount = t.targetCount;
  return e;
}

export function toPlanItemInput(f: PlanItemFormState, year: number, sortOrder?: number): PlanItemInput {
  return {
    year,
    title: f.title.trim(),
    goalId: f.goalId!,
    areaId: f.areaId!,
    planned: plannedLines(f.planned),
    staffIds: f.staffIds,
    assignmentId: f.assignmentId,
    targetCount: f.targetCount.trim() ? Number(f.targetCount.trim()) : null,
    status: f.status,
    outcome: f.outcome.trim() || null,
    ...(sortOrder === undefined ? {} : { sortOrder }),
  };
}

/** The API names fields by path ("planned.2"); each error belongs beside the control of its first segment. */
export function planErrorsFromApi(fields: readonly FieldError[], t?: Messages): PlanErrors {
  const e: PlanErrors = {};
  for (const f of fields) {
    const head = f.field.split('.')[0] as PlanFieldName;
    const key: PlanFieldName | 'form' = (PLAN_FIELD_ORDER as readonly string[]).includes(head) ? head : 'form';
    const message = fieldMessage(f, t);
    e[key] = e[key] ? `${e[key]} ${message}` : message;
  }
  return e;
}
