import { describe, expect, it } from 'vitest';
import type { GoalFramework } from '../api/client.ts';
import { dayAfter, frameworkErrorsFromApi, goalRow, newFrameworkForm, toFrameworkInput, validateFramework, type FrameworkFormState } from './framework-form-model.ts';

const texts = { required: 'R', code: 'C', key: 'K', date: 'D', endBeforeStart: 'E', duplicateKey: 'U', noGoals: 'N' };
const fw = (id: number, validFrom: string, keys: string[]): GoalFramework => ({
  id, code: `fw${id}`, name: `Ramverk ${id}`, nameEn: null, validFrom, validTo: null,
  goals: keys.map((key, i) => ({ id: id * 10 + i, frameworkId: id, key, name: `Mål ${key}`, shortName: i === 0 ? 'Kort' : null, nameEn: null, description: null, sortOrder: keys.length - i })),
});
const valid = (): FrameworkFormState => ({ name: 'VP 2028', code: 'vp2028', validFrom: '2028-01-01', validTo: '', goals: [goalRow({ key: 'spridning', name: 'Spridning' })] });

describe('new goal framework form', () => {
  it('starts from the latest framework’s goals, in their order, from next 1 January', () => {
    const f = newFrameworkForm([fw(1, '2017-09-01', ['a', 'b']), fw(2, '2024-01-01', ['x', 'y', 'z'])], '2026-11-23');
    expect(f.validFrom).toBe('2027-01-01');
    expect(f.validTo).toBe('');
    // sortOrder runs backwards in the fixture: z (1), y (2), x (3).
    expect(f.goals.map((g) => g.key)).toEqual(['z', 'y', 'x']);
    expect(f.goals.map((g) => g.shortName)).toEqual(['', '', 'Kort']);
    expect(new Set(f.goals.map((g) => g.uid)).size).toBe(3);
  });

  it('starts the day after the latest framework ends, when it has an end', () => {
    const ended = { ...fw(2, '2024-01-01', ['x']), validTo: '2027-12-31' };
    expect(newFrameworkForm([fw(1, '2017-09-01', ['a']), ended], '2026-11-23').validFrom).toBe('2028-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2027-02-28')).toBe('2027-03-01');
  });

  it('accepts a complete form and names each problem by its field path', () => {
    expect(validateFramework(valid(), texts)).toEqual({});
    const bad: FrameworkFormState = {
      name: ' ', code: 'VP 2028', validFrom: '2028-02-30', validTo: '2027-12-31',
      goals: [goalRow({ key: 'spridning', name: 'A' }), goalRow({ key: 'spridning', name: '' }), goalRow({ key: '1mal', name: 'C' }), goalRow({ key: '', name: 'D' })],
    };
    expect(validateFramework(bad, texts)).toEqual({
      name: 'R', code: 'C', validFrom: 'D', 'goals.1.key': 'U', 'goals.1.name': 'R', 'goals.2.key': 'K', 'goals.3.key': 'R',
    });
    expect(validateFramework({ ...valid(), validTo: '2027-12-31' }, texts)).toEqual({ validTo: 'E' });
    expect(validateFramework({ ...valid(), goals: [] }, texts)).toEqual({ goals: 'N' });
  });

  it('sends trimmed values, empty optional fields as null and an open end as null', () => {
    const f = { ...valid(), name: ' VP 2028 ', goals: [goalRow({ key: ' spridning ', name: ' Spridning ', shortName: ' ', description: ' Sprida kunskap ' })] };
    expect(toFrameworkInput(f)).toEqual({
      name: 'VP 2028', code: 'vp2028', validFrom: '2028-01-01', validTo: null,
      goals: [{ key: 'spridning', name: 'Spridning', shortName: null, description: 'Sprida kunskap' }],
    });
  });

  it('places the API’s errors on the cell, the goal list, the field or the form', () => {
    const at = (field: string, message: string) => ({ field, in: 'body' as const, code: 'x', message });
    expect(frameworkErrorsFromApi([at('goals.2.key', 'Ogiltig.'), at('goals', 'Dubbel nyckel.'), at('goals.1', 'Fel.'), at('validTo', 'Före start.'), at('unit', 'Okänt.')])).toEqual({
      'goals.2.key': 'Ogiltig.', goals: 'Dubbel nyckel. Fel.', validTo: 'Före start.', form: 'Okänt.',
    });
  });
});
