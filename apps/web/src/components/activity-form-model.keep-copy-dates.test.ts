/** The form model's rules for keeping what repeats, copying, dates and goals across frameworks. */
import { describe, expect, it } from 'vitest';
import type { Activity, ReferenceData } from '../api/client.ts';
import { messages } from '../i18n/messages-both.ts';
import { areaByCode, reference, vp2018Goal } from '../test/reference-fixture.ts';
import { anotherFrom, copyOf, dateError, emptyForm, followUpStartOf, goalForDate, sameForm, type FormState } from './activity-form-model.ts';

const t = messages.sv.form.errors;
const vp2024 = (key: string) => reference.goalFrameworks.find((f) => f.code === 'vp2024')!.goals.find((g) => g.key === key)!;

const saved: FormState = {
  ...emptyForm('2018-03-14'), title: 'Nätverksträff BBIC', description: 'Om BBIC', participants: '12', typeId: 7, goalId: vp2018Goal('spridning').id,
  areaId: areaByCode('bou').id, format: 'digitalt', staffIds: [3, 4], assignmentId: 9, line: 'forsta', planItemId: 11,
  municipalityIds: [1, 2], split: { 1: '5' }, targetGroupIds: [5], textWarningsOverridden: ['client_name'],
};

describe('"Registrera en till"', () => {
  it('keeps date, type, goal, area, format, staff, assignment, line and plan item, and clears the rest', () => {
    expect(anotherFrom(saved)).toEqual({
      date: '2018-03-14', title: '', description: '', participants: '', typeId: 7, goalId: vp2018Goal('spridning').id, areaId: areaByCode('bou').id,
      format: 'digitalt', staffIds: [3, 4], assignmentId: 9, line: 'forsta', planItemId: 11,
      municipalityIds: [], noOwnerMunicipality: false, split: {}, targetGroupIds: [],
    });
  });
});

describe('a goal when the date moves', () => {
  const frameworks = reference.goalFrameworks;
  it('stays when the new date has the same framework', () => {
    expect(goalForDate(frameworks, vp2018Goal('samverkan').id, '2019-05-01')).toEqual({ goalId: vp2018Goal('samverkan').id, lost: null });
  });
  it('follows by key into the next framework', () => {
    expect(goalForDate(frameworks, vp2018Goal('samverkan').id, '2024-02-01')).toEqual({ goalId: vp2024('samverkan').id, lost: null });
    expect(goalForDate(frameworks, vp2024('metodstod').id, '2018-02-01')).toEqual({ goalId: vp2018Goal('metodstod').id, lost: null });
  });
  it('is named as lost when the new framework has no goal of its key', () => {
    const fewer: ReferenceData['goalFrameworks'] = frameworks.map((f) => (f.code === 'vp2024' ? { ...f, goals: f.goals.filter((g) => g.key !== 'samverkan') } : f));
    const old = vp2018Goal('samverkan');
    expect(goalForDate(fewer, old.id, '2024-02-01')).toEqual({ goalId: null, lost: old.shortName ?? old.name });
  });
  it('waits while the date is half typed or has no framework', () => {
    expect(goalForDate(frameworks, vp2018Goal('samverkan').id, '2024-0')).toEqual({ goalId: vp2018Goal('samverkan').id, lost: null });
  });
});

describe('date messages', () => {
  const ctx = { followUpStart: followUpStartOf(reference.goalFrameworks) };
  it('start from the unit’s first framework', () => expect(ctx.followUpStart).toBe('2017-09-01'));
  it.each([
    ['', false, t.required],
    ['', true, 'Det datumet finns inte i kalendern. Kontrollera dag och månad.'],
    ['2018-02-30', false, 'Det datumet finns inte i kalendern. Kontrollera dag och månad.'],
    ['1899-01-01', false, 'Datumet ligger före 1 januari 2000, det tidigaste som går att registrera.'],
    ['2017-08-31', false, 'Uppföljningen började 2017-09-01. Datumet ligger före det.'],
    ['9999-01-01', false, expect.stringMatching(/^Datumet ligger efter 31 december \d{4}, det senaste som går att registrera\.$/)],
    ['14/3/2018', false, 'Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2018-03-14.'],
    ['2017-09-01', false, undefined],
  ])('%j (bad input %s) → %s', (value, badInput, message) => {
    expect(dateError(value, t, { ...ctx, badInput })).toEqual(message);
  });
});

describe('"Kopiera"', () => {
  const activity = {
    id: 5, date: '2018-05-14', year: 2018, title: 'Seminarium om BBIC', description: 'Text', participants: 30, format: 'hybrid', line: 'andra',
    goal: { id: vp2018Goal('spridning').id }, area: { id: areaByCode('bou').id }, type: { id: reference.activityTypes[0]!.id },
    assignment: null, planItem: { id: 3, title: 'BBIC' }, noOwnerMunicipality: false, version: 2,
    municipalities: [{ id: reference.municipalities[0]!.id, participants: 10 }, { id: reference.municipalities[1]!.id, participants: null }],
    staff: [{ id: reference.staff[0]!.id }, { id: reference.staff[1]!.id }], targetGroups: [{ id: reference.targetGroups[0]!.id }],
  } as unknown as Activity;

  it('is the activity dated today, its goal by key in today’s framework', () => {
    const copy = copyOf(activity, '2026-12-02', reference);
    expect(copy).toMatchObject({
      date: '2026-12-02', title: 'Seminarium om BBIC', description: 'Text', participants: '30', format: 'hybrid', line: 'andra',
      goalId: vp2024('spridning').id, areaId: areaByCode('bou').id, planItemId: 3,
      municipalityIds: [reference.municipalities[0]!.id, reference.municipalities[1]!.id], split: { [reference.municipalities[0]!.id]: '10' },
      staffIds: [reference.staff[0]!.id, reference.staff[1]!.id],
    });
  });

  it('leaves out what a new activity cannot have: deactivated staff, municipalities and types', () => {
    const ref: ReferenceData = {
      ...reference,
      staff: reference.staff.map((s, i) => (i === 1 ? { ...s, active: false } : s)),
      municipalities: reference.municipalities.map((m, i) => (i === 0 ? { ...m, active: false } : m)),
      activityTypes: reference.activityTypes.map((x, i) => (i === 0 ? { ...x, active: false } : x)),
    };
    const copy = copyOf(activity, '2018-06-01', ref);
    expect(copy.staffIds).toEqual([reference.staff[0]!.id]);
    expect(copy.municipalityIds).toEqual([reference.municipalities[1]!.id]);
    expect(copy.split).toEqual({});
    expect(copy.typeId).toBeNull();
    expect(copy.goalId).toBe(vp2018Goal('spridning').id);
  });
});

describe('sameForm', () => {
  it('does not count the order things were ticked in, nor empty split entries', () => {
    expect(sameForm(saved, { ...saved, staffIds: [4, 3], municipalityIds: [2, 1], split: { 1: '5', 2: ' ' } })).toBe(true);
  });
  it('sees any change of a value', () => {
    expect(sameForm(saved, { ...saved, title: 'Nätverksträff BBIC!' })).toBe(false);
    expect(sameForm(saved, { ...saved, staffIds: [3] })).toBe(false);
    expect(sameForm(saved, { ...saved, planItemId: null })).toBe(false);
  });
});
