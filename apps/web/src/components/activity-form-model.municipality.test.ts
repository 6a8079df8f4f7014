import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages-both.ts';
import { emptyForm, toInput, validate, type FormState } from './activity-form-model.ts';

const t = messages.sv.form.errors;
const base = (over: Partial<FormState>): FormState => ({
  ...emptyForm('2018-03-14'), title: 'Seminarium', typeId: 1, goalId: 2, areaId: 3, staffIds: [4], format: 'fysiskt', ...over,
});

describe('the form accounts for a municipality and splits participants only when asked', () => {
  it('asks for a municipality or "ingen ägarkommun"', () => {
    expect(validate(base({}), t).municipalityIds).toBe(t.chooseMunicipality);
    expect(validate(base({ noOwnerMunicipality: true }), t).municipalityIds).toBeUndefined();
    expect(validate(base({ municipalityIds: [7] }), t).municipalityIds).toBeUndefined();
  });

  it('sends the split for two or more municipalities only, blanks left out, and refuses one above the total', () => {
    const f = base({ municipalityIds: [7, 8, 9], participants: '20', split: { 7: '5', 8: '', 9: '3' } });
    expect(validate(f, t)).toEqual({});
    expect(toInput(f).municipalityParticipants).toEqual([{ municipalityId: 7, participants: 5 }, { municipalityId: 9, participants: 3 }]);
    expect(toInput(base({ municipalityIds: [7], participants: '20', split: { 7: '5' } })).municipalityParticipants).toEqual([]);
    expect(validate({ ...f, participants: '6' }, t).municipalityParticipants).toBe(t.splitTooLarge(8, 6));
    expect(validate({ ...f, participants: '' }, t).participants).toBe(t.splitNeedsTotal);
  });
});
