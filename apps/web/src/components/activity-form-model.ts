/** The follow-up form's state, its client-side checks and the mapping to and from the API. */
import { findClientNamePhrases, findMistypedPersonalIdentityNumbers, isActivityDate, isIsoDate, type TextWarningKind } from '@fou/domain';
import type { Activity, ActivityInput, FieldError, GoalSuggestion, ReferenceData } from '../api/client.ts';
import type { Messages } from '../i18n/messages.ts';
import { fieldErrorText } from '../i18n/api-errors.ts';

export type Format = ActivityInput['format'];
export type Line = NonNullable<ActivityInput['line']>;

export interface FormState {
  date: string;
  title: string;
  description: string;
  goalId: number | null;
  areaId: number | null;
  typeId: number | null;
  format: Format | null;
  participants: string;
  assignmentId: number | null;
  line: Line | null;
  municipalityIds: number[];
  /** The explicit choice "ingen ägarkommun" (a national network): instead of naming a municipality. */
  noOwnerMunicipality: boolean;
  /** Participants per municipality as typed (optional, only offered for two or more municipalities). */
  split: Record<number, string>;
  targetGroupIds: number[];
  staffIds: number[];
  planItemId: number | null;
  /** Soft warnings about the texts that the user saved past ("Spara ändå"); the server counts them. */
  textWarningsOverridden?: TextWarningKind[];
}

/** Form fields in the order they appear; the error summary lists errors in this order. */
export const FIELD_ORDER = [
  'date', 'title', 'typeId', 'goalId', 'areaId', 'municipalityIds', 'noOwnerMunicipality', 'staffIds', 'format', 'participants', 'municipalityParticipants',
  'targetGroupIds', 'assignmentId', 'line', 'planItemId', 'description',
] as const;
export type FieldName = (typeof FIELD_ORDER)[number];
export type Errors = Partial<Record<FieldName | 'form', string>>;

export function emptyForm(date: string): FormState {
  return {
    date, title: '', description: '', goalId: null, areaId: null, typeId: null, format: null, participants: '',
    assignmentId: null, line: null, municipalityIds: [], noOwnerMunicipality: false, split: {}, targetGroupIds: [], staffIds: [], planItemId: null,
  };
}

export function formFromActivity(a: Activity): FormState {
  return {
    date: a.date,
    title: a.title,
    description: a.description ?? '',
    goalId: a.goal.id,
    areaId: a.area.id,
    typeId: a.type.id,
    format: a.format,
    participants: a.participants === null ? '' : String(a.participants),
    assignmentId: a.assignment?.id ?? null,
    line: a.line,
    municipalityIds: a.municipalities.map((m) => m.id),
    noOwnerMunicipality: a.noOwnerMunicipality,
    split: Object.fromEntries(a.municipalities.filter((m) => m.participants !== null).map((m) => [m.id, String(m.participants)])),
    targetGroupIds: a.targetGroups.map((g) => g.id),
    staffIds: a.staff.map((s) => s.id),
    planItemId: a.planItem?.id ?? null,
  };
}

export function validate(f: FormState, t: Messages['form']['errors']): Errors {
  const e: Errors = {};
  if (!f.date.trim()) e.date = t.required;
  else if (!isIsoDate(f.date.trim())) e.date = t.invalidDate;
  else if (!isActivityDate(f.date.trim())) e.date = t.dateRange;
  if (!f.title.trim()) e.title = t.required;
  if (f.typeId === null) e.typeId = t.chooseOne;
  if (f.goalId === null) e.goalId = t.chooseOne;
  if (f.areaId === null) e.areaId = t.chooseOne;
  if (f.staffIds.length === 0) e.staffIds = t.chooseStaff;
  if (f.format === null) e.format = t.chooseOne;
  if (f.municipalityIds.length === 0 && !f.noOwnerMunicipality) e.municipalityIds = t.chooseMunicipality;
  if (f.participants.trim() && !/^\d+$/.test(f.participants.trim())) e.participants = t.participants;
  const split = splitOf(f);
  if (split.some((s) => s.participants === undefined)) e.municipalityParticipants = t.participants;
  else {
    const sum = split.reduce((acc, s) => acc + (s.participants ?? 0), 0);
    const total = f.participants.trim() ? Number(f.participants.trim()) : null;
    if (sum > 0 && total === null) e.participants = t.splitNeedsTotal;
    else if (total !== null && sum > total) e.municipalityParticipants = t.splitTooLarge(sum, total);
  }
  return e;
}

/**
 * The split as the API wants it: for each chosen municipality its number, null where left blank, undefined where
 * not a whole number. Only for two or more municipalities (one municipality has every participant anyway).
 */
export function splitOf(f: Pick<FormState, 'municipalityIds' | 'split'>): { municipalityId: number; participants: number | null | undefined }[] {
  if (f.municipalityIds.length < 2) return [];
  return f.municipalityIds
    .map((id) => ({ id, text: (f.split[id] ?? '').trim() }))
    .filter((x) => x.text !== '')
    .map((x) => ({ municipalityId: x.id, participants: /^\d+$/.test(x.text) ? Number(x.text) : undefined }));
}

export function toInput(f: FormState): ActivityInput {
  return {
    date: f.date.trim(),
    title: f.title.trim(),
    description: f.description.trim() || null,
    goalId: f.goalId!,
    areaId: f.areaId!,
    typeId: f.typeId!,
    format: f.format!,
    participants: f.participants.trim() ? Number(f.participants.trim()) : null,
    assignmentId: f.assignmentId,
    line: f.line,
    municipalityIds: f.municipalityIds,
    noOwnerMunicipality: f.noOwnerMunicipality,
    municipalityParticipants: splitOf(f).map((s) => ({ municipalityId: s.municipalityId, participants: s.participants ?? null })),
    targetGroupIds: f.targetGroupIds,
    staffIds: f.staffIds,
    planItemId: f.planItemId,
    ...(f.textWarningsOverridden?.length ? { textWarningsOverridden: f.textWarningsOverridden } : {}),
  };
}

export interface TextWarning { kind: TextWarningKind; text: string }

/** What in the title and description looks like client data without being refused: each phrase once. */
export function textWarningsOf(f: Pick<FormState, 'title' | 'description'>): TextWarning[] {
  const found: TextWarning[] = [];
  for (const text of [f.title, f.description]) {
    for (const m of findMistypedPersonalIdentityNumbers(text)) found.push({ kind: 'mistyped_personal_identity_number', text: m });
    for (const m of findClientNamePhrases(text)) found.push({ kind: 'client_name', text: m });
  }
  return found.filter((w, i) => found.findIndex((x) => x.kind === w.kind && x.text === w.text) === i);
}

/** The UI's words for a field error's stable code in the chosen language, else the server's message. */
export function fieldMessage(f: Pick<FieldError, 'code' | 'message' | 'params'>, t?: Messages): string {
  return t ? fieldErrorText(f, t) : f.message;
}

/** The API names fields by path ("staffIds.0"); each error belongs beside the control of its first segment. */
export function errorsFromApi(fields: readonly FieldError[], t?: Messages): Errors {
  const e: Errors = {};
  for (const f of fields) {
    const head = f.field.split('.')[0] as FieldName;
    const key: FieldName | 'form' = (FIELD_ORDER as readonly string[]).includes(head) ? head : 'form';
    const message = fieldMessage(f, t);
    e[key] = e[key] ? `${e[key]} ${message}` : message;
  }
  return e;
}

/** The goal most often recorded with a type among recent activities (by key, so it survives a framework change). */
export function suggestedGoalKey(suggestions: readonly GoalSuggestion[], typeId: number): string | undefined {
  return suggestions.find((s) => s.typeId === typeId)?.goalKey;
}

/**
 * Areas an activity may use: leaves, grouped under their parent; a childless top-level area is its own group.
 * Deactivated areas are not offered, except the one an existing activity already has (`keep`), so that
 * editing it neither hides nor silently changes its area.
 */
export function areaGroups(ref: ReferenceData, keep: number | null = null) {
  const kept = ref.areas.find((a) => a.id === keep);
  const active = ref.areas.filter((a) => a.active || a.id === keep || a.id === kept?.parentId);
  return active
    .filter((a) => a.parentId === null)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((top) => ({
      group: top,
      leaves: top.isLeaf ? [] : active.filter((a) => a.parentId === top.id && a.isLeaf).sort((a, b) => a.sortOrder - b.sortOrder),
    }));
}
