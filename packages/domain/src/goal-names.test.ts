import { describe, expect, it } from 'vitest';
import { goalLabelForYear, goalNameForYear } from './goal-names.ts';

const history = [
  { name: 'Tredje namnet', replacedOn: '2022-03-01' },
  { name: 'Första namnet', replacedOn: '2019-06-01' },
];

describe('goalNameForYear', () => {
  it('uses the current name when the goal was never renamed', () => {
    expect(goalNameForYear('Nu', [], 2018)).toBe('Nu');
  });
  it('labels a year with the name in force at its end', () => {
    expect(goalNameForYear('Nu', history, 2018)).toBe('Första namnet');
    // Renamed in June 2019: 2019 ends under the second name, which was replaced in 2022.
    expect(goalNameForYear('Nu', history, 2019)).toBe('Tredje namnet');
    expect(goalNameForYear('Nu', history, 2021)).toBe('Tredje namnet');
    expect(goalNameForYear('Nu', history, 2022)).toBe('Nu');
  });
  it('treats a rename on 1 January as the new year\'s name', () => {
    expect(goalNameForYear('Nu', [{ name: 'Förr', replacedOn: '2020-01-01' }], 2019)).toBe('Förr');
    expect(goalNameForYear('Nu', [{ name: 'Förr', replacedOn: '2020-01-01' }], 2020)).toBe('Nu');
    expect(goalNameForYear('Nu', [{ name: 'Förr', replacedOn: '2019-12-31' }], 2019)).toBe('Nu');
  });
});

describe('goalLabelForYear', () => {
  const renames = [
    { name: 'Stöd för systematisk metod- och kvalitetsutveckling', shortName: 'Metodstöd', replacedOn: '2021-03-01' },
  ];
  const current = { name: 'Stöd till metodutveckling', shortName: null };
  it('takes name and short name from the same former name', () => {
    expect(goalLabelForYear(current, renames, 2020)).toEqual({ name: 'Stöd för systematisk metod- och kvalitetsutveckling', shortName: 'Metodstöd' });
  });
  it('uses the current pair from the year of the rename on', () => {
    expect(goalLabelForYear(current, renames, 2021)).toEqual(current);
    expect(goalLabelForYear(current, [], 2018)).toEqual(current);
  });
});
