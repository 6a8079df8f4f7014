import { describe, expect, it } from 'vitest';
import { summariseActivities } from './activity-summary.ts';

const solna = { code: 'solna', name: 'Solna' };
const ekero = { code: 'ekero', name: 'Ekerö' };
const act = (type: string, municipalities: { code: string; name: string }[], participants: number | null) => ({ type: { name: type }, municipalities, participants });

describe('summariseActivities', () => {
  it('counts types commonest first, each municipality once per activity, and the participants recorded', () => {
    const s = summariseActivities([act('Seminarium', [solna, ekero], 10), act('Nätverksträff', [solna], null), act('Seminarium', [], 5)], ['ekero', 'solna']);
    expect(s).toEqual({
      count: 3,
      types: [{ name: 'Seminarium', count: 2 }, { name: 'Nätverksträff', count: 1 }],
      municipalities: [{ code: 'ekero', name: 'Ekerö', count: 1 }, { code: 'solna', name: 'Solna', count: 2 }],
      participants: 15,
      withParticipants: 2,
    });
  });
  it('is empty for no activities', () => {
    expect(summariseActivities([])).toEqual({ count: 0, types: [], municipalities: [], participants: 0, withParticipants: 0 });
  });
});
