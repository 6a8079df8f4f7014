/**
 * A half-filled activity form kept in the browser (localStorage) until it is saved or discarded, so leaving the
 * page, a reload or a closed tab loses nothing. One draft per account and unit, and per form: the new-activity
 * form, or the edit form of one activity.
 *
 * The draft stays on this computer, but municipal computers are often shared: a title or description that the
 * server's personnummer guard would refuse is not written to the draft (that field is kept empty in it).
 */
import { containsPersonalIdentityNumber } from '@fou/domain';
import type { Me } from '../../api/client.ts';
import type { FormState } from '../../components/activity-form-model.ts';

export interface Draft {
  state: FormState;
  /** When it was last written (ISO). */
  savedAt: string;
  /** The version of the activity the edit began from (edit form only). */
  version?: number;
}

const PREFIX = 'fou.draft';

/** Null for an account of no unit (it records no activities). */
export function draftKey(me: Pick<Me, 'user' | 'unit'>, form: 'new' | number): string | null {
  if (!me.unit) return null;
  return `${PREFIX}.${me.unit.id}.${me.user.id}.${form === 'new' ? 'new' : `edit-${form}`}`;
}

/** A text the guard refuses never reaches storage. */
export function storableState(f: FormState): FormState {
  const { textWarningsOverridden: _, ...rest } = f;
  return {
    ...rest,
    title: containsPersonalIdentityNumber(f.title) ? '' : f.title,
    description: containsPersonalIdentityNumber(f.description) ? '' : f.description,
  };
}

function looksLikeForm(x: unknown): x is FormState {
  const f = x as Partial<FormState> | null;
  return !!f && typeof f.date === 'string' && typeof f.title === 'string' && typeof f.description === 'string' && Array.isArray(f.municipalityIds)
    && Array.isArray(f.staffIds) && Array.isArray(f.targetGroupIds) && typeof f.split === 'object' && f.split !== null && typeof f.participants === 'string';
}

export function readDraft(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    // Something else (an older format, a hand edit) is no draft: ignore it rather than fill the form with it.
    return looksLikeForm(d.state) && typeof d.savedAt === 'string' ? (d as Draft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, state: FormState, version?: number, now: Date = new Date()): void {
  const draft: Draft = { state: storableState(state), savedAt: now.toISOString(), ...(version === undefined ? {} : { version }) };
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or turned off: the form still works, only without a draft.
  }
}

export function removeDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // As above.
  }
}
