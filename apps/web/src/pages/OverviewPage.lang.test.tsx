/**
 * The overview's downloads carry the chosen language: the chart images (drawn on the server with their titles, n
 * and legends) and the Word document. The API's VB answer is written out here; the other sections are not needed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';

vi.hoisted(() => {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    if (url.pathname === '/api/v1/reports/years') return json(200, { years: [{ year: 2018, activities: 3, planItems: 0 }], opensOn: { overview: 2018, plan: 2018 } });
    if (url.pathname === '/api/v1/reports/vb/2018') {
      return json(200, { year: 2018, activityCount: 3, tables: [{
        id: 'verksamhetsomrade', title: 'Activity area', columnTitle: 'Activities 2018',
        rows: [{ key: 'bou', label: 'Children, young people and families', count: 3, share: 1, percent: 100 }],
        total: { label: 'Total', count: 3, percent: 100 }, percentSum: 100, note: null,
      }] });
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: 'okänd' });
  }) as typeof fetch;
});

// jsdom has no canvas: the chart stands in as its image download, which is what is under test.
vi.mock('../components/Chart.tsx', () => ({
  Chart: ({ table, imageUrl }: { table: unknown; imageUrl?: (format: 'png' | 'svg') => string }) => (
    <div>{imageUrl ? <a href={imageUrl('png')}>chart image</a> : null}{table as never}</div>
  ),
  usePreloadCharts: () => undefined,
}));

import { OverviewPage } from './OverviewPage.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';

afterEach(() => {
  cleanup();
  localStorage.setItem('fou.lang', 'sv');
});

function mount() {
  const router = createMemoryRouter([{ path: '/oversikt', element: <OverviewPage /> }], { initialEntries: ['/oversikt?year=2018'] });
  render(<Providers me={meAs('chef')}><RouterProvider router={router} /></Providers>);
}

describe('the overview’s downloads in the chosen language', () => {
  it('in English the chart image and the Word document are asked for with lang=en', async () => {
    localStorage.setItem('fou.lang', 'en');
    mount();
    const chart = new URL((await screen.findByRole('link', { name: 'chart image' })).getAttribute('href')!, 'http://x');
    expect(chart.pathname).toBe('/api/v1/reports/charts/verksamhetsomrade');
    expect(chart.searchParams.get('lang')).toBe('en');
    expect(chart.searchParams.get('year')).toBe('2018');
    const docx = new URL(screen.getByRole('link', { name: 'Download Word document' }).getAttribute('href')!, 'http://x');
    expect(docx.searchParams.get('lang')).toBe('en');
  });

  it('in Swedish with lang=sv', async () => {
    mount();
    const chart = new URL((await screen.findByRole('link', { name: 'chart image' })).getAttribute('href')!, 'http://x');
    expect(chart.searchParams.get('lang')).toBe('sv');
  });
});
