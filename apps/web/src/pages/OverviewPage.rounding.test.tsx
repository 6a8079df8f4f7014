/**
 * A choice drawn from the address shows at once. The router changes the address in a transition, which commits
 * a scheduler task later (on a busy phone, many); until then React put the controlled radio back to the old
 * choice, so a tap seemed not to take and an e2e `check()` failed under load. Here the click is a plain DOM event
 * outside act(), and the radio is read after the microtasks that follow it but before any task: it must be the
 * new choice already, while the new figures are still on their way and the old ones stay.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';

const held = vi.hoisted(() => ({ release: null as null | (() => void) }));

vi.hoisted(() => {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const vb = (percent: number) => ({
    year: 2018, activityCount: 3, tables: [{
      id: 'resultatmal', title: 'Resultatmål', columnTitle: 'Aktiviteter 2018',
      rows: [{ key: 'kunskap', label: 'Kunskapsutveckling', count: 3, share: 1, percent }],
      total: { label: 'Totalt', count: 3, percent }, percentSum: percent, note: null,
    }],
  });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    if (url.pathname === '/api/v1/reports/years') return json(200, { years: [{ year: 2018, activities: 3, planItems: 0 }], opensOn: { overview: 2018, plan: 2018 } });
    if (url.pathname === '/api/v1/reports/vb/2018') {
      if (url.searchParams.get('rounding') !== 'largestRemainder') return json(200, vb(100));
      // The answer for the other rounding is held until the test lets it go.
      await new Promise<void>((resolve) => (held.release = resolve));
      return json(200, vb(99));
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: 'okänd' });
  }) as typeof fetch;
});

vi.mock('../components/Chart.tsx', () => ({
  Chart: ({ table }: { table: unknown }) => <div>{table as never}</div>,
  usePreloadCharts: () => undefined,
}));

import { OverviewPage } from './OverviewPage.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';

const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
beforeEach(() => localStorage.setItem('fou.lang', 'sv'));
afterEach(() => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
  held.release?.();
  cleanup();
});

const microtasks = async (n = 20) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

describe('the overview’s rounding choice', () => {
  it('shows the chosen rounding in the same event, keeps the old figures until the new ones come, then shows them', async () => {
    const router = createMemoryRouter([{ path: '/oversikt', element: <OverviewPage /> }], { initialEntries: ['/oversikt?year=2018'] });
    render(<Providers me={meAs('chef')}><RouterProvider router={router} /></Providers>);
    const largest = (await screen.findByRole('radio', { name: 'Summerar till 100 %' })) as HTMLInputElement;
    const halfUp = screen.getByRole('radio', { name: 'Som i verksamhetsberättelsen' }) as HTMLInputElement;
    expect(halfUp.checked).toBe(true);
    expect(largest.checked).toBe(false);

    // As a browser: no act() around the click, so React's scheduler runs in tasks of its own, as it does there.
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    largest.click();
    await microtasks();
    expect(router.state.location.search).toContain('avrundning=100');
    expect(largest.checked).toBe(true);
    expect(halfUp.checked).toBe(false);
    // The new answer is held: the old figures are still there.
    expect(document.querySelector('td[data-percent]')?.getAttribute('data-percent')).toBe('100');
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;

    await act(async () => held.release?.());
    await vi.waitFor(() => expect(document.querySelector('td[data-percent]')?.getAttribute('data-percent')).toBe('99'));
    expect((screen.getByRole('radio', { name: 'Summerar till 100 %' }) as HTMLInputElement).checked).toBe(true);
  });
});
