import { afterEach, describe, expect, it } from 'vitest';
import { emptyForm } from '../../components/activity-form-model.ts';
import { draftKey, readDraft, removeDraft, writeDraft } from './draft-storage.ts';

afterEach(() => localStorage.clear());

const me = (userId: number, unitId: number | null) => ({ user: { id: userId, username: 'u', displayName: 'U' }, unit: unitId === null ? null : { id: unitId, name: 'E', shortName: null } });

describe('form drafts in the browser', () => {
  it('are one per user, unit and form (new, or the edit of one activity)', () => {
    const keys = [draftKey(me(1, 1), 'new'), draftKey(me(2, 1), 'new'), draftKey(me(1, 2), 'new'), draftKey(me(1, 1), 12), draftKey(me(1, 1), 13)];
    expect(new Set(keys).size).toBe(5);
    expect(draftKey(me(1, null), 'new')).toBeNull();
  });

  it('come back as written, with the time and the version begun on', () => {
    const key = draftKey(me(1, 1), 12)!;
    const state = { ...emptyForm('2018-03-14'), title: 'Seminarium', staffIds: [3], municipalityIds: [1, 2], split: { 1: '4' } };
    writeDraft(key, state, 3, new Date('2026-12-02T10:00:00Z'));
    expect(readDraft(key)).toEqual({ state, savedAt: '2026-12-02T10:00:00.000Z', version: 3 });
    removeDraft(key);
    expect(readDraft(key)).toBeNull();
  });

  it('never hold a personnummer the server would refuse: that text is left empty in the draft', () => {
    const key = draftKey(me(1, 1), 'new')!;
    writeDraft(key, { ...emptyForm('2018-03-14'), title: 'Möte om 19121212-1212', description: 'Ring 070-123 45 67' });
    const d = readDraft(key)!;
    expect(d.state.title).toBe('');
    expect(d.state.description).toBe('Ring 070-123 45 67');
    expect(localStorage.getItem(key)).not.toContain('19121212');
  });

  it('ignore what is not a draft (another format, a hand edit)', () => {
    const key = draftKey(me(1, 1), 'new')!;
    localStorage.setItem(key, '{"state":{"date":5}}');
    expect(readDraft(key)).toBeNull();
    localStorage.setItem(key, 'not json');
    expect(readDraft(key)).toBeNull();
  });
});
