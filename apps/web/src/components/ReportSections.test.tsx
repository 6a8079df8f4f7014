import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../i18n/I18nProvider.tsx';

// The tables are what is under test; the chart beside them needs a canvas jsdom does not have.
vi.mock('./Chart.tsx', () => ({ Chart: ({ table }: { table: unknown }) => <div>{table as never}</div> }));

import { CrosstabSection, VbTableSection } from './ReportSections.tsx';

afterEach(cleanup);

/** The scrolling box around the table (the section around it is a region of the same name). */
const tableRegion = (name: string) => screen.getAllByRole('region', { name }).find((el) => el.classList.contains('table-wrap'))!;

const crosstab = {
  rows: [{ key: 'spridning', label: 'Stöd till kunskapsspridning' }],
  columns: [{ key: 'ifo', label: 'Berör hela IFO' }, { key: 'bou', label: 'Barn, unga och familj' }, { key: 'vuxen', label: 'Vuxen' }],
  counts: [[42, 30, 30]], rowTotals: [102], columnTotals: [42, 30, 30], grandTotal: 102, percents: [[41, 29, 29]],
};

describe('report tables on a small screen', () => {
  it('the cross table sits in a named, focusable scroll region with a hint that it scrolls sideways', () => {
    render(<I18nProvider><CrosstabSection data={crosstab} year={2018} /></I18nProvider>);
    const region = tableRegion('Mål per område');
    expect(region.tabIndex).toBe(0);
    expect(region.className).toContain('table-wrap--wide');
    expect(screen.getByText('Tabellen är bredare än skärmen. Svep eller rulla i sidled för att se alla kolumner.')).toBeTruthy();
    expect(within(region).getByRole('table')).toBeTruthy();
  });

  it('a VB table (three columns, meant to fit) gets no scroll hint', () => {
    const table = {
      id: 'resultatmal', title: 'Resultatmål i VP2018', columnTitle: 'Aktiviteter 2018',
      rows: [{ key: 'spridning', label: 'Stöd till kunskapsspridning', count: 102, percent: 33 }],
      total: { label: 'Totalt', count: 102, percent: 100 },
    };
    render(<I18nProvider><VbTableSection table={table} year={2018} /></I18nProvider>);
    const region = tableRegion('Resultatmål i VP2018');
    expect(region.className).not.toContain('table-wrap--wide');
    expect(screen.queryByText(/rulla i sidled/)).toBeNull();
    expect(within(region).getByText('33 %')).toBeTruthy();
  });
});
