/**
 * The print view asks the API for the chosen language (lang) and draws what comes back; its Word and owners'
 * downloads carry the language too. The API's answer here is written out in English (and one in Swedish): what
 * is under test is that the page asks for and passes on the chosen language, and shows the English headings.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';

const server = vi.hoisted(() => {
  const s = { asked: [] as URL[] };
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  const en = (url: URL) => url.searchParams.get('lang') === 'en';
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    s.asked.push(url);
    if (url.pathname === '/api/v1/annual-report/2018') {
      const english = en(url);
      const row = { key: 'bou', label: english ? 'Children, young people and families' : 'Barn, ungdom & familj', count: 3, share: 0.75, percent: 75 };
      return json({
        year: 2018, unitName: 'FoU Nordväst', lang: english ? 'en' : 'sv',
        vb: { year: 2018, activityCount: 3, tables: [{
          id: 'verksamhetsomrade', title: english ? 'Activity area' : 'Verksamhetsområde', columnTitle: english ? 'Activities 2018' : 'Aktiviteter 2018',
          rows: [row], total: { label: english ? 'Total' : 'Totalt', count: 3, percent: 100 }, percentSum: 100, note: null,
        }] },
        reach: { total: 0, reachedCount: 0, municipalityCount: 8, municipalities: [], notReached: [] },
        plan: {
          year: 2018, asOf: '2018-12-31',
          items: [{
            id: 7, title: 'BBIC-samordning', goal: { key: 'spridning', name: english ? 'Support for spreading knowledge' : 'Stöd till kunskapsspridning' },
            area: { code: 'missbruk', name: english ? 'Substance misuse' : 'Missbruk', groupCode: 'vuxen', groupName: english ? 'Adults' : 'Vuxen' },
            status: 'planerad', statusAsOf: 'planerad', statusAsOfBasis: 'history', targetCount: null, activityCount: 0, activityCountAll: 0, progress: null,
            lastActivityDate: null, flagged: true, planned: [], outcome: null, staff: [],
            summary: { types: [], municipalities: [], participants: 0, activitiesWithParticipants: 0 },
          }],
          goals: [{ key: 'spridning', name: english ? 'Support for spreading knowledge' : 'Stöd till kunskapsspridning', planned: 1, withActivity: 0 }],
          areaGroups: [], totals: { planned: 1, withActivity: 0, flagged: 1 },
        },
      });
    }
    if (url.pathname === '/api/v1/reports/owners') {
      return json({
        year: 2018, ownersDefinition: '', owners: [], targetGroups: [],
        totals: { activities: 0, withOwner: 0, noOwnerMunicipality: 0, noMunicipalityGiven: 0, feeSek: 0, participants: 0, sharedWithoutSplit: 0, withoutTargetGroup: 0 },
      });
    }
    return new Response(JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'okänd' }), { status: 404, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return s;
});

// The charts need a canvas jsdom does not have; the tables beside them are what is drawn here.
vi.mock('../../components/Chart.tsx', () => ({ Chart: ({ table }: { table: unknown }) => <div>{table as never}</div>, usePreloadCharts: () => undefined }));

import { AnnualReportPage } from './AnnualReportPage.tsx';
import { meAs, Providers } from '../../test/signed-in.tsx';

function mount() {
  const router = createMemoryRouter([{ path: '/verksamhetsberattelse/:year', element: <AnnualReportPage /> }], { initialEntries: ['/verksamhetsberattelse/2018'] });
  render(<Providers me={meAs('chef')}><RouterProvider router={router} /></Providers>);
}

afterEach(() => {
  cleanup();
  server.asked = [];
  localStorage.setItem('fou.lang', 'sv');
});

describe('the annual report print view', () => {
  it('in English asks for lang=en, shows the English headings and names, and its downloads carry lang=en', async () => {
    localStorage.setItem('fou.lang', 'en');
    mount();
    expect(await screen.findByRole('heading', { name: 'Activity area' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Annual report 2018: print view' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Internal follow-up of the plan' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Support for spreading knowledge' })).toBeTruthy();
    expect(screen.getByText('Children, young people and families')).toBeTruthy();
    expect(screen.getByText('Planned')).toBeTruthy();
    expect(server.asked.find((u) => u.pathname === '/api/v1/annual-report/2018')!.searchParams.get('lang')).toBe('en');
    const docx = screen.getByRole('link', { name: 'Download the Word document' }).getAttribute('href')!;
    expect(new URL(docx, 'http://x').searchParams.get('lang')).toBe('en');
    expect(new URL(docx, 'http://x').searchParams.get('output')).toBe('docx');
    const csv = (await screen.findAllByRole('link', { name: /^Download CSV/ }))[0]!.getAttribute('href')!;
    expect(csv).toContain('/api/v1/reports/owners?');
    expect(csv).toContain('lang=en');
    expect(screen.queryByText('Verksamhetsområde')).toBeNull();
  });

  it('in Swedish asks for lang=sv and its Word document is the Swedish one', async () => {
    mount();
    expect(await screen.findByRole('heading', { name: 'Verksamhetsområde' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Stöd till kunskapsspridning' })).toBeTruthy();
    expect(server.asked.find((u) => u.pathname === '/api/v1/annual-report/2018')!.searchParams.get('lang')).toBe('sv');
    const docx = screen.getByRole('link', { name: 'Ladda ner Word-dokumentet' }).getAttribute('href')!;
    expect(new URL(docx, 'http://x').searchParams.get('lang')).toBe('sv');
  });
});
