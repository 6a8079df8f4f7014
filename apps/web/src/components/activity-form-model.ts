/** The follow-up form's state, its client-side checks and the mapping to and from the API. */
import { activityDateProblem, findClientNamePhrases, findMistypedPersonalIdentityNumbers, frameworkForDate, isIsoDate, type TextWarningKind } from '@fou/domain';
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
  'targetGroupIds', 'assignmentId', 'planItemId', 'line', 'description',
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

/**
 * After "Registrera en till": what usually repeats from the activity just saved stays (date, type, goal, area,
 * format, staff, assignment, line, plan item); what differs from one event to the next is cleared (title,
 * description, participants, who took part, target groups).
 */
export function anotherFrom(f: FormState): FormState {
  return {
    ...emptyForm(f.date),
    typeId: f.typeId, goalId: f.goalId, areaId: f.areaId, format: f.format, staffIds: [...f.staffIds],
    assignmentId: f.assignmentId, line: f.line, planItemId: f.planItemId,
  };
}

type Frameworks = ReferenceData['goalFrameworks'];

/**
 * The goal after the date moved: the same goal when the date's framework has it, else the goal with the same
 * key in the new framework (a key is the goal across frameworks), else none. `lost` names a goal that could
 * not follow, so the form can say it must be chosen again.
 */
export function goalForDate(frameworks: Frameworks, goalId: number | null, date: string): { goalId: number | null; lost: string | null } {
  if (goalId === null) return { goalId: null, lost: null };
  const framework = isIsoDate(date) ? frameworkForDate(frameworks, date) : undefined;
  if (!framework) return { goalId, lost: null }; // no framework yet (date half typed): keep it until there is one
  if (framework.goals.some((g) => g.id === goalId)) return { goalId, lost: null };
  const old = frameworks.flatMap((fw) => fw.goals).find((g) => g.id === goalId);
  const same = old ? framework.goals.find((g) => g.key === old.key) : undefined;
  return same ? { goalId: same.id, lost: null } : { goalId: null, lost: old ? (old.shortName ?? old.name) : null };
}

/**
 * A new activity prefilled from another ("Kopiera"), dated `today`: the goal follows the date by key, and
 * deactivated types, areas, assignments, staff, municipalities and target groups are left out (a new activity
 * cannot have them). Not saved until submitted.
 */
export function copyOf(a: Activity, today: string, ref: ReferenceData): FormState {
  const f = formFromActivity(a);
  const active = (rows: readonly { id: number; active: boolean }[]) => new Set(rows.filter((r) => r.active).map((r) => r.id));
  const [types, areas, assignments, staff, municipalities, groups] = [ref.activityTypes, ref.areas, ref.assignments, ref.staff, ref.municipalities, ref.targetGroups].map(active);
  const municipalityIds = f.municipalityIds.filter((id) => municipalities!.has(id));
  return {
    ...f,
    date: today,
    goalId: goalForDate(ref.goalFrameworks, f.goalId, today).goalId,
    typeId: f.typeId !== null && types!.has(f.typeId) ? f.typeId : null,
    areaId: f.areaId !== null && areas!.has(f.areaId) ? f.areaId : null,
    assignmentId: f.assignmentId !== null && assignments!.has(f.assignmentId) ? f.assignmentId : null,
    staffIds: f.staffIds.filter((id) => staff!.has(id)),
    municipalityIds,
    split: Object.fromEntries(Object.entries(f.split).filter(([id]) => municipalityIds.includes(Number(id)))),
    targetGroupIds: f.targetGroupIds.filter((id) => groups!.has(id)),
    // An item belongs to its year's plan; the plan item select drops it when today is in another year.
    planItemId: f.planItemId,
  };
}

/** What the date field holds beyond its value: a browser's date field reports '' for a date that does not exist. */
export interface DateContext {
  /** The field holds something that is not a date (30 February typed into a date field). */
  badInput?: boolean;
  /** The unit's first goal framework's start: an activity cannot be older than the follow-up. */
  followUpStart?: string | null;
  /** How the message writes that start (the UI's date format). */
  formatDate?: (iso: string) => string;
}

/** The first day of the unit's follow-up: where its earliest goal framework begins. */
export function followUpStartOf(frameworks: Frameworks): string | null {
  return frameworks.reduce<string | null>((first, f) => (first === null || f.validFrom < first ? f.validFrom : first), null);
}

export function dateError(value: string, t: Messages['form']['errors'], ctx: DateContext = {}): string | undefined {
  const v = value.trim();
  if (!v) return ctx.badInput ? t.dateNonexistent : t.required;
  switch (activityDateProblem(v, { followUpStart: ctx.followUpStart ?? null })) {
    case null: return undefined;
    case 'date_format': return t.invalidDate;
    case 'date_nonexistent': return t.dateNonexistent;
    case 'date_before_start': return t.dateBeforeStart;
    case 'date_before_follow_up': return t.dateBeforeFollowUp((ctx.formatDate ?? String)(ctx.followUpStart!));
    case 'date_after_end': return t.dateAfterEnd;
  }
}

export function validate(f: FormState, t: Messages['form']['errors'], dateCtx: DateContext = {}): Errors {
  const e: Errors = {};
  const date = dateError(f.date, t, dateCtx);
  if (date) e.date = date;
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

/** Whether two form states hold the same activity (the order things were ticked in does not count). */
export function sameForm(a: FormState, b: FormState): boolean {
  const norm = (f: FormState) => JSON.stringify([
    f.date, f.title, f.description, f.goalId, f.areaId, f.typeId, f.format, f.participants, f.assignmentId, f.line, f.noOwnerMunicipality, f.planItemId,
    [...f.municipalityIds].sort((x, y) => x - y), [...f.staffIds].sort((x, y) => x - y), [...f.targetGroupIds].sort((x, y) => x - y),
    Object.entries(f.split).filter(([, v]) => v.trim() !== '').sort(([x], [y]) => Number(x) - Number(y)),
  ]);
  return norm(a) === norm(b);
}
