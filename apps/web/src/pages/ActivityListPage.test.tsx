import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { ActivityListPage, filtersFrom } from './ActivityListPage.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { makeQueryClient } from '../App.tsx';

afterEach(cleanup);

const values = (v: Partial<Record<string, string>>) =>
  ({ year: '', from: '', to: '', goal: '', area: '', municipality: '', staff: '', type: '', q: '', order: '', ...v }) as Parameters<typeof filtersFrom>[0];

describe('activity list filters', () => {
  it('turns a year into its first and last day, and a year wins over from/to', () => {
    expect(filtersFrom(values({ year: '2018', from: '2017-01-01' }))).toEqual({ order: 'desc', from: '2018-01-01', to: '2018-12-31' });
  });

  it('passes the other filters on and drops what is empty or malformed', () => {
    expect(filtersFrom(values({ from: '2019-02-01', goal: 'spridning', staff: '3', type: 'x', q: '  nätverk ', order: 'asc' }))).toEqual({
      order: 'asc', from: '2019-02-01', goal: 'spridning', staff: 3, q: 'nätverk',
    });
  });

  it('writes the chosen filter into the address, so the view can be bookmarked', async () => {
    const user = userEvent.setup();
    const router = createMemoryRouter([{ path: '/aktiviteter', element: <ActivityListPage /> }], { initialEntries: ['/aktiviteter?year=2018'] });
    render(
      <I18nProvider>
        <QueryClientProvider client={makeQueryClient()}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nProvider>,
    );
    expect((screen.getByLabelText('År') as HTMLSelectElement).value).toBe('2018');
    await user.type(screen.getByLabelText('Sök i titel'), 'seminarium');
    await user.selectOptions(screen.getByLabelText('Sortering'), 'asc');
    await user.click(screen.getByRole('button', { name: 'Visa' }));
    const sp = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(sp)).toEqual({ year: '2018', q: 'seminarium', order: 'asc' });
  });
});
