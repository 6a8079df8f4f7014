import { describe, expect, it } from 'vitest';
import { defaultYear } from './default-year.ts';

describe('defaultYear', () => {
  it('opens on the current year when it has data (April to December)', () => {
    expect(defaultYear('2026-04-01', [2024, 2025, 2026])).toEqual({ year: 2026, reason: 'current' });
    expect(defaultYear('2026-12-31', [2026])).toEqual({ year: 2026, reason: 'current' });
  });

  it('opens on the latest earlier year with data when the current year has none, e.g. the demo in 2026', () => {
    expect(defaultYear('2026-12-01', [2017, 2018, 2025, 2019])).toEqual({ year: 2025, reason: 'latest' });
    expect(defaultYear('2026-06-15', [2018])).toEqual({ year: 2018, reason: 'latest' });
  });

  it('offers last year first from January to March, the annual report season', () => {
    expect(defaultYear('2026-01-01', [2025, 2026])).toEqual({ year: 2025, reason: 'lastYearReport' });
    expect(defaultYear('2026-03-31', [2025, 2026])).toEqual({ year: 2025, reason: 'lastYearReport' });
    expect(defaultYear('2026-04-01', [2025, 2026])).toEqual({ year: 2026, reason: 'current' });
  });

  it('in the report season without last year: the current year if it has data, else the latest', () => {
    expect(defaultYear('2026-02-10', [2023, 2026])).toEqual({ year: 2026, reason: 'current' });
    expect(defaultYear('2026-02-10', [2021, 2023])).toEqual({ year: 2023, reason: 'latest' });
  });

  it('never defaults to a later year (next year planned ahead), and falls back to the current year without data', () => {
    expect(defaultYear('2026-10-01', [2027])).toEqual({ year: 2026, reason: 'empty' });
    expect(defaultYear('2026-10-01', [2024, 2027])).toEqual({ year: 2024, reason: 'latest' });
    expect(defaultYear('2026-10-01', [])).toEqual({ year: 2026, reason: 'empty' });
  });
});
