/** The new goal framework form: its state, client-side checks and the mapping to and from the API. */
import { isIsoDate } from '@fou/domain';
import type { Messages } from '../i18n/messages.ts';
import { fieldMessage } from './activity-form-model.ts';
import type { FieldError, FrameworkCreate, GoalFramework } from '../api/client.ts';
import { byValidFromDesc } from './iso-order.ts';

export interface GoalRow {
  /** A stable React key for the row; rows are added and removed. */
  uid: number;
  key: string;
  name: string;
  shortName: string;
  description: string;
}

export interface FrameworkFormState {
  name: string;
  code: string;
  validFrom: string;
  validTo: string;
  goals: GoalRow[];
}

/**
 * Errors by the API's field path: "name", "validTo", "goals" (the list as a whole), "goals.2.key" (one cell).
 * "form" holds what belongs to no field.
 */
export type FrameworkErrors = Record<string, string>;

export interface FrameworkErrorTexts {
  required: string;
  code: string;
  key: string;
  date: string;
  endBeforeStart: string;
  duplicateKey: string;
  noGoals: string;
}

const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;
const KEY = /^[a-z][a-z0-9-]{0,39}$/;

let nextUid = 1;
export function goalRow(from: Partial<Omit<GoalRow, 'uid'>> = {}): GoalRow {
  return { uid: nextUid++, key: '', name: '', shortName: '', description: '', ...from };
}

/**
 * A new framework usually re-frames the goals of the latest one, so its goals start as a copy of that one's
 * (same keys, so reports keep matching them across years).
 */
export function newFrameworkForm(frameworks: readonly GoalFramework[], today: string): FrameworkFormState {
  const latest = [...frameworks].sort((a, b) => byValidFromDesc(a.validFrom, b.validFrom))[0];
  const goals = latest
    ? [...latest.goals].sort((a, b) => a.sortOrder - b.sortOrder).map((g) => goalRow({ key: g.key, name: g.name, shortName: g.shortName ?? '', description: g.description ?? '' }))
    : [goalRow()];
  // If the latest one already has an end, the new one takes over the day after; otherwise from next 1 January.
  const validFrom = latest?.validTo ? dayAfter(latest.validTo) : `${Number(today.slice(0, 4)) + 1}-01-01`;
  return { name: '', code: '', validFrom, validTo: '', goals };
}

export function dayAfter(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function validateFramework(f: FrameworkFormState, t: FrameworkErrorTexts): FrameworkErrors {
  const e: FrameworkErrors = {};
  if (!f.name.trim()) e.name = t.required;
  if (!f.code.trim()) e.code = t.required;
  else if (!CODE.test(f.code.trim())) e.code = t.code;
  if (!isIsoDate(f.validFrom.trim())) e.validFrom = f.validFrom.trim() ? t.date : t.required;
  if (f.validTo.trim()) {
    if (!isIsoDate(f.validTo.trim())) e.validTo = t.date;
    else if (!e.validFrom && f.validTo.trim() < f.validFrom.trim()) e.validTo = t.endBeforeStart;
  }
  if (f.goals.length === 0) e.goals = t.noGoals;
  const seen = new Set<string>();
  f.goals.forEach((g, i) => {
    const key = g.key.trim();
    if (!key) e[`goals.${i}.key`] = t.required;
    else if (!KEY.test(key)) e[`goals.${i}.key`] = t.key;
    else if (seen.has(key)) e[`goals.${i}.key`] = t.duplicateKey;
    seen.add(key);
    if (!g.name.trim()) e[`goals.${i}.name`] = t.required;
  });
  return e;
}

export function toFrameworkInput(f: FrameworkFormState): FrameworkCreate {
  return {
    name: f.name.trim(),
    code: f.code.trim(),
    validFrom: f.validFrom.trim(),
    validTo: f.validTo.trim() || null,
    goals: f.goals.map((g) => ({
      key: g.key.trim(),
      name: g.name.trim(),
      shortName: g.shortName.trim() || null,
      description: g.description.trim() || null,
    })),
  };
}

/** Known paths keep their place ("goals.1.name"); a deeper or unknown path goes to its nearest known parent. */
export function frameworkErrorsFromApi(fields: readonly FieldError[], t?: Messages): FrameworkErrors {
  const e: FrameworkErrors = {};
  const add = (k: string, m: string) => (e[k] = e[k] ? `${e[k]} ${m}` : m);
  for (const f of fields) {
    const parts = f.field.split('.');
    const message = fieldMessage(f, t);
    if (parts[0] === 'goals' && parts.length >= 3 && ['key', 'name', 'shortName', 'description'].includes(parts[2]!)) add(parts.slice(0, 3).join('.'), message);
    else if (parts[0] === 'goals') add('goals', message);
    else if (['name', 'code', 'validFrom', 'validTo'].includes(parts[0]!)) add(parts[0]!, message);
    else add('form', message);
  }
  return e;
}
