import { describe, expect, it } from 'vitest';
import { wrapLabel } from './chart-style.ts';

describe('wrapLabel', () => {
  it('breaks a long goal name into lines of at most the given width, keeping every word', () => {
    const label = 'Stöd i arbetet med kunskapsanvändning och kunskapsutveckling';
    const lines = wrapLabel(label, 22, 5);
    expect(lines.every((l) => l.length <= 22)).toBe(true);
    expect(lines.join(' ')).toBe(label);
  });

  it('breaks an over-long word after its slashes', () => {
    expect(wrapLabel('Vuxen (ek bistånd/missbruk/socialpsykiatri)', 22)).toEqual(['Vuxen (ek bistånd/', 'missbruk/', 'socialpsykiatri)']);
  });

  it('ends a label that needs more lines than allowed with an ellipsis', () => {
    const lines = wrapLabel('ett två tre fyra fem sex sju åtta nio tio', 8, 2);
    expect(lines).toEqual(['ett två', 'tre fyra…']);
  });
});
