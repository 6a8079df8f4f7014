import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { Me } from './api/client.ts';
import { makeQueryClient, routes } from './App.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { meAs } from './test/signed-in.tsx';

/** A stand-in API that knows only the session question; it records what was asked and how it answered. */
const server = vi.hoisted(() => {
  const s = { me: null as Me | null, calls: [] as { path: string; status: number }[], holdFrom: null as string | null, release: null as null | (() => void) };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const { pathname, searchParams } = new URL(input.url);
    // The comparison answers the range asked for (2024 alone when none); one starting at `holdFrom` waits for release.
    const from = Number(searchParams.get('from') ?? 2024);
    const to = Number(searchParams.get('to') ?? 2024);
    if (pathname === '/api/v1/region/comparison' && s.holdFrom !== null && searchParams.get('from') === s.holdFrom) await new Promise<void>((r) => (s.release = r));
    const [status, body]: [number, unknown] =
      pathname === '/api/v1/auth/session' ? [200, s.me ? { signedIn: true, me: s.me } : { signedIn: false }]
        : pathname === '/api/v1/auth/demo-accounts' ? [404, { statusCode: 404, error: 'Not Found', message: 'Demokonton finns bara i demoläge.' }]
        : pathname === '/api/v1/region/comparison' ? [200, { from, to, years: Array.from({ length: to - from + 1 }, (_, i) => from + i), viewer: { role: 'region', county: 'Stockholms län', unitShares: null }, units: [], goals: [], areaGroups: [], rows: [] }]
          : [401, { statusCode: 401, error: 'Unauthorized', message: 'Du är inte inloggad.' }];
    s.calls.push({ path: pathname, status });
    return json(status, body);
  }) as typeof fetch;
  return s;
});

beforeEach(() => {
  localStorage.setItem('fou.lang', 'sv');
  server.calls.length = 0;
  server.me = null;
  server.holdFrom = null;
  document.title = '';
});
afterEach(cleanup);

/** The whole app's routes, asking the (stand-in) API who is signed in as the real app does. */
function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <I18nProvider>
      <QueryClientProvider client={makeQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>,
  );
  return router;
}

describe('the session question', () => {
  it('the login page asks /auth/session, which answers 200 signed out: no 401 to log, no /auth/me', async () => {
    renderApp('/logga-in');
    await screen.findByRole('heading', { level: 1, name: 'Logga in' });
    await vi.waitFor(() => expect(server.calls.map((c) => c.path)).toContain('/api/v1/auth/session'));
    expect(server.calls.filter((c) => c.path === '/api/v1/auth/me')).toEqual([]);
    expect(server.calls.filter((c) => c.status === 401)).toEqual([]);
  });

  it('a page behind the login sends a signed-out visitor to the login page, with the way back', async () => {
    const router = renderApp('/oversikt?year=2018');
    await screen.findByRole('heading', { level: 1, name: 'Logga in' });
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(`/logga-in?next=${encodeURIComponent('/oversikt?year=2018')}`);
  });
});

describe('pages that say what happened', () => {
  it('an unknown address: a heading and a title saying the page does not exist', async () => {
    server.me = meAs('chef');
    renderApp('/finns-inte');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Sidan finns inte');
    // The title is set in an effect after the heading is drawn: waited for, not read at once.
    await vi.waitFor(() => expect(document.title).toBe('Sidan finns inte – FoU-uppföljning'));
    expect(screen.getByRole('link', { name: 'Till startsidan' })).toBeTruthy();
  });

  it('a page the role may not see: a heading, a title and the reason', async () => {
    server.me = meAs('rad');
    renderApp('/konton');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Ingen behörighet');
    await vi.waitFor(() => expect(document.title).toBe('Ingen behörighet – FoU-uppföljning'));
    expect(screen.getByRole('alert').textContent).toBe('Du har inte behörighet till den här sidan.');
  });
});

describe('the regional comparison in the app', () => {
  it('a region account starts at the comparison, and its menu offers nothing of a unit', async () => {
    server.me = meAs('region');
    const router = renderApp('/');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Regional jämförelse');
    expect(router.state.location.pathname).toBe('/region');
    await screen.findByText('Ingen enhet delar sina siffror ännu.');
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Regional jämförelse']);
  });

  it('a new start year shows in its select at once, while the old figures wait for the new answer', async () => {
    server.me = meAs('region');
    server.holdFrom = '2022';
    const router = renderApp('/region?from=2024&to=2024');
    const from = (await screen.findByLabelText('Från år')) as HTMLSelectElement;
    const to = screen.getByLabelText('Till år') as HTMLSelectElement;
    expect([from.value, to.value]).toEqual(['2024', '2024']);
    fireEvent.change(from, { target: { value: '2022' } });
    await vi.waitFor(() => expect(router.state.location.search).toBe('?from=2022&to=2024'));
    // The answer for 2022–2024 is held: the selects say what was asked, not the old answer's 2024–2024.
    expect(server.release).not.toBeNull();
    expect([from.value, to.value]).toEqual(['2022', '2024']);
    await act(async () => server.release?.());
    await vi.waitFor(() => expect(server.calls.filter((c) => c.path === '/api/v1/region/comparison')).toHaveLength(2));
    await act(async () => undefined);
    expect([from.value, to.value]).toEqual(['2022', '2024']);
  });

  it('a chief has the comparison and the unit settings in the menu; the council has neither', async () => {
    server.me = meAs('chef');
    renderApp('/finns-inte');
    await screen.findByRole('heading', { level: 1 });
    const links = () => [...screen.getByRole('navigation', { name: 'Huvudmeny' }).querySelectorAll('a')].map((a) => a.textContent);
    expect(links()).toEqual(expect.arrayContaining(['Regional jämförelse', 'Inställningar']));
    cleanup();
    server.me = meAs('rad');
    renderApp('/finns-inte');
    await screen.findByRole('heading', { level: 1 });
    expect(links()).not.toContain('Regional jämförelse');
    expect(links()).not.toContain('Inställningar');
  });
});
