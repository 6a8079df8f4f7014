import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { PlanFollowup, PlanItem, Role } from '../api/client.ts';
import { reference, vp2018Goal } from '../test/reference-fixture.ts';

/** A stand-in API with a two-item 2018 plan; it records each request so the test sees what the page asked for. */
const server = vi.hoisted(() => {
  // `over` changes an item of the follow-up for a test (its status today and on the date, its counts).
  const s = { reference: null as unknown, items: [] as unknown[], requests: [] as URL[], over: (() => ({})) as (id: number, asOf: string) => Record<string, unknown> };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    s.requests.push(url);
    if (url.pathname === '/api/v1/reference') return json(200, s.reference);
    // 2018 has the plan; later years have activities but no plan.
    if (url.pathname === '/api/v1/reports/years') {
      return json(200, { years: [{ year: 2025, activities: 40, planItems: 0 }, { year: 2019, activities: 12, planItems: 0 }, { year: 2018, activities: 312, planItems: 2 }] });
    }
    if (url.pathname === '/api/v1/plan-items') {
      const goal = url.searchParams.get('goal');
      return json(200, (s.items as { goal: { key: string } }[]).filter((i) => !goal || i.goal.key === goal));
    }
    if (url.pathname === '/api/v1/plan-followup') {
      const asOf = url.searchParams.get('asOf')!;
      // Item 1 has activities on 2018-03-01 and 2018-09-01 against a target of 4; item 2 has none.
      const dates = ['2018-03-01', '2018-09-01'].filter((d) => d <= asOf);
      const body: PlanFollowup = {
        year: 2018, asOf,
        items: [
          { id: 1, title: 'Nätverksträffar', goal: { key: 'spridning', name: 'Stöd till kunskapsspridning' }, area: { code: 'bou', name: 'Barn', groupCode: 'bou', groupName: 'Barn' }, status: 'pagar', statusAsOf: 'pagar', statusAsOfBasis: 'history', targetCount: 4, activityCount: dates.length, activityCountAll: 2, progress: dates.length / 4, lastActivityDate: dates.at(-1) ?? null, flagged: dates.length === 0, ...NO_SUMMARY, ...s.over(1, asOf) },
          { id: 2, title: 'Fältkurs', goal: { key: 'samverkan', name: 'Samverkan' }, area: { code: 'ifo', name: 'IFO', groupCode: 'ifo', groupName: 'IFO' }, status: 'planerad', statusAsOf: null, statusAsOfBasis: 'no_history', targetCount: null, activityCount: 0, activityCountAll: 0, progress: null, lastActivityDate: null, flagged: true, ...NO_SUMMARY, ...s.over(2, asOf) },
        ],
        goals: [{ key: 'spridning', name: 'Stöd till kunskapsspridning', planned: 1, withActivity: dates.length ? 1 : 0 }, { key: 'samverkan', name: 'Samverkan', planned: 1, withActivity: 0 }],
        areaGroups: [{ code: 'ifo', name: 'IFO', planned: 1, withActivity: 0 }, { code: 'bou', name: 'Barn', planned: 1, withActivity: dates.length ? 1 : 0 }],
        totals: { planned: 2, withActivity: dates.length ? 1 : 0, flagged: dates.length ? 1 : 2 },
      };
      return json(200, body);
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: 'okänd' });
  }) as typeof fetch;
  return s;
});

import { PlanPage } from './PlanPage.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';

/** The follow-up's per-item texts and activity summary, empty: this page's tests look at counts only. */
const NO_SUMMARY = { planned: [], outcome: null, staff: [], summary: { types: [], municipalities: [], participants: 0, activitiesWithParticipants: 0 } };

const goal = vp2018Goal;
const area = (code: string) => reference.areas.find((a) => a.code === code)!;
function item(id: number, title: string, goalKey: string, areaCode: string, status: PlanItem['status'], targetCount: number | null): PlanItem {
  const g = goal(goalKey);
  const a = area(areaCode);
  return {
    id, year: 2018, title, goal: { id: g.id, key: g.key, name: g.name, shortName: null, frameworkCode: 'vp2018' },
    area: { id: a.id, code: a.code, name: a.name, groupCode: a.code, groupName: a.name }, planned: [], targetCount, status, outcome: null,
    staff: [], carriedFrom: null, assignment: null, sortOrder: id, createdAt: '2018-01-01T00:00:00Z', updatedAt: '2018-01-01T00:00:00Z', version: 1,
  };
}

beforeEach(() => {
  localStorage.setItem('fou.lang', 'sv');
  server.reference = reference;
  server.items = [item(1, 'Nätverksträffar', 'spridning', 'bou', 'pagar', 4), item(2, 'Fältkurs', 'samverkan', 'ifo', 'planerad', null)];
  server.requests.length = 0;
  server.over = () => ({});
});
afterEach(cleanup);

function renderAs(role: Role, url = '/plan?year=2018&asOf=2018-06-30') {
  const router = createMemoryRouter([{ path: '/plan', element: <PlanPage /> }], { initialEntries: [url] });
  render(
    <Providers me={meAs(role)}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

describe('plan page', () => {
  it('shows each item with its status, progress as a bar and as text, and the flag in words with the date', async () => {
    renderAs('rad');
    const card = (await screen.findByRole('link', { name: 'Nätverksträffar' })).closest('li')!;
    expect(within(card).getByText('Pågår')).toBeTruthy();
    // 1 activity (2018-03-01) by 30 June against a target of 4.
    const bar = within(card).getByRole('progressbar', { name: 'Framsteg för Nätverksträffar' });
    expect(bar.getAttribute('aria-valuetext')).toBe('1 av 4');
    expect(within(card).getByText('1 av 4')).toBeTruthy();
    expect(within(card).queryByText(/Flaggad/)).toBeNull();

    // Goal by goal, one per task (useOneMorePerTask): the second goal's items come a moment after the first's.
    const flagged = (await screen.findByRole('link', { name: 'Fältkurs' })).closest('li')!;
    expect(within(flagged).getByText('Planerad')).toBeTruthy();
    expect(within(flagged).queryByRole('progressbar')).toBeNull();
    expect(within(flagged).getByText(/Planen anger inget antal/)).toBeTruthy();
    expect(within(flagged).getByText('Flaggad för rådet: ingen aktivitet till och med 2018-06-30')).toBeTruthy();
    expect(screen.getByText('2 punkter: 1 med aktivitet och 1 flaggade (utan aktivitet) till och med 2018-06-30.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Per mål till och med 2018-06-30' })).toBeTruthy();
  });

  it('the council and staff see no control that changes the plan; the chief sees new item and copy', async () => {
    for (const role of ['rad', 'medarbetare'] as const) {
      renderAs(role);
      await screen.findByRole('link', { name: 'Nätverksträffar' });
      expect(screen.queryByRole('link', { name: 'Ny punkt' }), role).toBeNull();
      expect(screen.queryByRole('button', { name: /Kopiera/ }), role).toBeNull();
      // They can still download the follow-up.
      expect(screen.getByRole('link', { name: 'Ladda ner uppföljningen som CSV' }).getAttribute('href')).toBe('/api/v1/plan-followup?year=2018&asOf=2018-06-30&output=csv&lang=sv');
      cleanup();
    }
    renderAs('chef');
    await screen.findByRole('link', { name: 'Nätverksträffar' });
    expect(screen.getByRole('link', { name: 'Ny punkt' }).getAttribute('href')).toBe('/plan/ny?year=2018');
    expect(screen.getByRole('button', { name: 'Kopiera till 2019' })).toBeTruthy();
  });

  it('filters by goal through the API and the address', async () => {
    const user = userEvent.setup();
    const router = renderAs('rad');
    await screen.findByRole('link', { name: 'Fältkurs' });
    await user.selectOptions(screen.getByLabelText('Mål'), 'spridning');
    await vi.waitFor(() => expect(screen.queryByRole('link', { name: 'Fältkurs' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Nätverksträffar' })).toBeTruthy();
    expect(router.state.location.search).toContain('goal=spridning');
    expect(server.requests.some((u) => u.pathname === '/api/v1/plan-items' && u.searchParams.get('goal') === 'spridning')).toBe(true);
  });

  it('the half-year and full-year choices set the follow-up date, and the counts follow it', async () => {
    const user = userEvent.setup();
    const router = renderAs('rad', '/plan?year=2018');
    await screen.findByRole('link', { name: 'Nätverksträffar' });
    // A past year defaults to its last day: both activities count.
    expect(await screen.findByText('2 av 4')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Helår (31 december)' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Halvår (30 juni)' }));
    expect(await screen.findByText('1 av 4')).toBeTruthy();
    expect(router.state.location.search).toContain('asOf=2018-06-30');
    expect((screen.getByLabelText('Aktiviteter till och med') as HTMLInputElement).value).toBe('2018-06-30');
    expect(screen.getByRole('button', { name: 'Halvår (30 juni)' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('without a year in the address opens on the latest year that has a plan, and says so', async () => {
    renderAs('rad', '/plan');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Verksamhetsplan 2018');
    expect(screen.getByText('Visar 2018, det senaste året med en verksamhetsplan.')).toBeTruthy();
    await screen.findByRole('link', { name: 'Nätverksträffar' });
    expect(server.requests.find((u) => u.pathname === '/api/v1/plan-items')?.searchParams.get('year')).toBe('2018');
  });

  it('with a year in the address shows that year, says nothing about the choice, and does not ask which years have data', async () => {
    renderAs('rad', '/plan?year=2018');
    await screen.findByRole('link', { name: 'Nätverksträffar' });
    expect(screen.queryByText(/^Visar 2018/)).toBeNull();
    expect(server.requests.some((u) => u.pathname === '/api/v1/reports/years')).toBe(false);
  });

  it('shows the status the history gives for the date, with today\'s beside it, and remarks on one the activities do not bear out', async () => {
    const user = userEvent.setup();
    // Nätverksträffar is genomförd today; the history has it pågår on 30 June and genomförd on 31 December.
    server.over = (id, asOf) => (id === 1 ? { status: 'genomford', statusAsOf: asOf < '2018-12-01' ? 'pagar' : 'genomford' } : {});
    renderAs('chef');
    let card = (await screen.findByRole('link', { name: 'Nätverksträffar' })).closest('li')!;
    expect(within(card).getByText('Pågår')).toBeTruthy();
    expect(within(card).getByText('I dag: Genomförd')).toBeTruthy();
    expect(within(card).queryByText(/Markerad som/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Helår (31 december)' }));
    await screen.findByText('2 av 4');
    card = screen.getByRole('link', { name: 'Nätverksträffar' }).closest('li')!;
    expect(within(card).getByText('Genomförd')).toBeTruthy();
    expect(within(card).queryByText(/^I dag/)).toBeNull();
    expect(within(card).getByText('Markerad som genomförd men har 2 av 4 planerade aktiviteter.')).toBeTruthy();
  });

  it('where the history says nothing, says the badge is today\'s and holds it against every linked activity', async () => {
    server.over = (id) => (id === 2 ? { status: 'genomford' } : id === 1 ? { statusAsOf: null, statusAsOfBasis: 'not_created', status: 'planerad' } : {});
    renderAs('chef');
    const done = (await screen.findByRole('link', { name: 'Fältkurs' })).closest('li')!;
    expect(within(done).getByText('Genomförd')).toBeTruthy();
    expect(within(done).getByText('Dagens status: ändringshistoriken visar inte vilken status punkten hade 2018-06-30.')).toBeTruthy();
    expect(within(done).getByText('Markerad som genomförd men har ingen kopplad aktivitet.')).toBeTruthy();
    // Added after the date, still planerad today with 2 linked activities in all (1 of them by 30 June).
    const later = screen.getByRole('link', { name: 'Nätverksträffar' }).closest('li')!;
    expect(within(later).getByText('Punkten lades till efter 2018-06-30. Statusen är dagens.')).toBeTruthy();
    expect(within(later).getByText('Står fortfarande som planerad men har 2 kopplade aktiviteter.')).toBeTruthy();
  });

  it('when no item has a history, says once that the statuses are today\'s instead of on every item', async () => {
    server.over = () => ({ statusAsOf: null, statusAsOfBasis: 'no_history' });
    renderAs('chef');
    await screen.findByRole('link', { name: 'Fältkurs' });
    expect(screen.getAllByText('Statusarna är dagens: ändringshistoriken visar inte vilken status punkterna hade 2018-06-30.')).toHaveLength(1);
    expect(screen.queryByText(/^Dagens status/)).toBeNull();
  });
});
