import { describe, expect, it } from 'vitest';
import { checkParticipantSplit, knownParticipants, ownerReach } from './owner-reach.ts';

describe('ownerReach', () => {
  const owners = new Set([1, 2, 3]);
  it('own, shared, open, or not taking part', () => {
    expect(ownerReach([2], owners, 2)).toBe('own');
    expect(ownerReach([1, 2], owners, 2)).toBe('shared');
    expect(ownerReach([3, 2, 1], owners, 2)).toBe('open');
    expect(ownerReach([1, 3], owners, 2)).toBeNull();
  });
  it('a non-owner beside every owner is still open; a non-owner beside one owner is shared', () => {
    expect(ownerReach([1, 2, 3, 9], owners, 1)).toBe('open');
    expect(ownerReach([1, 9], owners, 1)).toBe('shared');
  });
});

describe('checkParticipantSplit', () => {
  it('accepts a split under or at the total, and blanks', () => {
    expect(checkParticipantSplit(10, [{ municipalityId: 1, participants: 4 }, { municipalityId: 2, participants: null }], [1, 2])).toEqual([]);
    expect(checkParticipantSplit(10, [{ municipalityId: 1, participants: 4 }, { municipalityId: 2, participants: 6 }], [1, 2])).toEqual([]);
  });
  it('refuses more than the total, numbers without a total, and municipalities the activity does not name', () => {
    expect(checkParticipantSplit(10, [{ municipalityId: 1, participants: 7 }, { municipalityId: 2, participants: 4 }], [1, 2])).toEqual([{ code: 'split_exceeds_total', sum: 11, total: 10 }]);
    expect(checkParticipantSplit(null, [{ municipalityId: 1, participants: 1 }], [1, 2])).toEqual([{ code: 'split_without_total' }]);
    expect(checkParticipantSplit(5, [{ municipalityId: 3, participants: 1 }], [1, 2])).toEqual([{ code: 'split_unknown_municipality', index: 0 }]);
  });
});

describe('knownParticipants', () => {
  it('own activity: the total; split: its number; otherwise unknown', () => {
    expect(knownParticipants(12, 1, null)).toBe(12);
    expect(knownParticipants(12, 3, 5)).toBe(5);
    expect(knownParticipants(12, 3, null)).toBeNull();
    expect(knownParticipants(null, 1, null)).toBeNull();
  });
});
