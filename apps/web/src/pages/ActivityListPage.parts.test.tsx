/**
 * The list draws its first page in parts: the first ten rows in the first render, ten more per task, and the
 * button for the next page only once every row of the page is drawn (it would otherwise move down as rows come).
 * Every DOM change is watched, so a render that drew more at once, or the button early, is caught.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';

const PAGE = 50;
const TOTAL = 73;

vi.hoisted(() => {
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const { reference: ref } = await import('../test/reference-fixture.ts');
    if (url.pathname === '/api/v1/reference') return json(ref);
    if (url.pathname === '/api/v1/activities') {
      const goal = ref.goalFrameworks[0]!.goals[0]!;
      const area = ref.areas.find((a) => a.isLeaf)!;
      const items = Array.from({ length: 50 }, (_, i) => ({
        id: 1000 - i, date: '2018-05-04', year: 2018, title: `Seminarium ${i + 1}`,
        goal: { id: goal.id, key: goal.key, name: goal.name, shortName: goal.shortName ?? null, frameworkCode: 'vp2018' },
        area: { id: area.id, code: area.code, name: area.name, groupCode: area.code, groupName: area.name },
        municipalities: [], staff: [{ id: 1, name: 'Maria Svensson' }],
      }));
      return json({ items, nextCursor: 'next', total: 73 });
    }
    return new Response(JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'okänd' }), { status: 404, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
});

import { ActivityListPage } from './ActivityListPage.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';

afterEach(cleanup);

describe('the activity list’s first page', () => {
  it('draws ten rows first, then ten per task, and offers the next page only when all fifty are drawn', async () => {
    const seen: { rows: number; button: boolean }[] = [];
    const observer = new MutationObserver(() => {
      const rows = document.querySelectorAll('.activity-table tbody tr').length;
      const button = [...document.querySelectorAll('button')].some((b) => b.textContent === 'Visa fler');
      const last = seen.at(-1);
      if (!last || last.rows !== rows || last.button !== button) seen.push({ rows, button });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const router = createMemoryRouter([{ path: '/aktiviteter', element: <ActivityListPage /> }], { initialEntries: ['/aktiviteter'] });
    render(<Providers me={meAs('chef')}><RouterProvider router={router} /></Providers>);
    await screen.findByRole('button', { name: 'Visa fler' });
    observer.disconnect();

    const drawn = seen.filter((s) => s.rows > 0);
    // The button comes with the last ten rows, in the same render.
    expect(drawn.map((s) => s.rows)).toEqual([10, 20, 30, 40, PAGE]);
    expect(drawn.map((s) => s.button)).toEqual([false, false, false, false, true]);
    expect(screen.getByRole('status').textContent).toContain(String(TOTAL));
  });
});
