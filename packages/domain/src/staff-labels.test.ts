import { describe, expect, it } from 'vitest';
import { staffLabels } from './staff-labels.ts';

describe('staffLabels', () => {
  it('leaves distinct names bare', () => {
    const labels = staffLabels([
      { id: 1, name: 'Maria Svensson', title: 'utvecklingsledare' },
      { id: 2, name: 'Anna Andersson', title: null },
    ]);
    expect([...labels]).toEqual([[1, 'Maria Svensson'], [2, 'Anna Andersson']]);
  });

  it('adds the title to each of two namesakes, folded for case and spacing', () => {
    const labels = staffLabels([
      { id: 1, name: 'Maria Svensson', title: 'utvecklingsledare' },
      { id: 2, name: 'maria  svensson', title: 'forskare' },
      { id: 3, name: 'Björn Berg', title: 'forskare' },
    ]);
    expect(labels.get(1)).toBe('Maria Svensson (utvecklingsledare)');
    expect(labels.get(2)).toBe('maria  svensson (forskare)');
    expect(labels.get(3)).toBe('Björn Berg');
  });

  it('numbers namesakes in id order when the titles do not tell them apart', () => {
    const labels = staffLabels([
      { id: 9, name: 'Maria Svensson', title: 'Forskare' },
      { id: 4, name: 'Maria Svensson', title: 'forskare ' },
      { id: 5, name: 'Maria Svensson', title: null },
      { id: 6, name: 'Maria Svensson', title: 'utredare' },
    ]);
    expect(labels.get(4)).toBe('Maria Svensson (forskare, 1)');
    expect(labels.get(9)).toBe('Maria Svensson (Forskare, 2)');
    expect(labels.get(5)).toBe('Maria Svensson (1)');
    expect(labels.get(6)).toBe('Maria Svensson (utredare)');
  });

  it('keeps the order of the list', () => {
    const labels = staffLabels([
      { id: 3, name: 'Maria Svensson', title: 'forskare' },
      { id: 1, name: 'Anna Andersson', title: null },
      { id: 2, name: 'Maria Svensson', title: 'utredare' },
    ]);
    expect([...labels.keys()]).toEqual([3, 1, 2]);
  });

  it('gives every entry a different label', () => {
    const staff = [
      { id: 1, name: 'Ali Khan', title: null },
      { id: 2, name: 'Ali Khan', title: null },
      { id: 3, name: 'Ali Khan', title: 'forskare' },
    ];
    const labels = [...staffLabels(staff).values()];
    expect(new Set(labels).size).toBe(3);
    expect(labels).toEqual(['Ali Khan (1)', 'Ali Khan (2)', 'Ali Khan (forskare)']);
  });
});
