import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';

// openapi-fetch takes globalThis.fetch when the client is created, so the stand-in must exist before the import.
const server = vi.hoisted(() => {
  const state = { calls: [] as { url: string; method: string; body: string }[], answer: (_url: string): [number, unknown] => [404, {}] };
  globalThis.fetch = (async (input: Request) => {
    const body = await input.clone().text();
    state.calls.push({ url: input.url, method: input.method, body });
    const [status, json] = state.answer(input.url);
    return new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return state;
});

import { LoginPage } from './LoginPage.tsx';
import { safeNext } from '../auth/RequireAuth.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';

beforeEach(() => {
  server.calls.length = 0;
  localStorage.clear();
});
afterEach(cleanup);

function renderLogin(path = '/logga-in', me: ReturnType<typeof meAs> | null = null) {
  const router = createMemoryRouter(
    [
      { path: '/logga-in', element: <LoginPage /> },
      { path: '*', element: <p>inne</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <Providers me={me}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

describe('login form', () => {
  it('puts the focus in the username field', () => {
    renderLogin();
    expect(document.activeElement).toBe(screen.getByLabelText('Användarnamn'));
  });

  it('asks for both fields without calling the API, in an alert that takes the focus', async () => {
    const user = userEvent.setup();
    renderLogin();
    await user.type(screen.getByLabelText('Användarnamn'), 'chef');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Fyll i både användarnamn och lösenord.');
    expect(document.activeElement).toBe(alert);
    expect(server.calls.filter((c) => c.url.endsWith('/auth/login'))).toEqual([]);
  });

  it('says so when the password is wrong (401), and keeps the user on the page', async () => {
    server.answer = (url) => (url.endsWith('/auth/login') ? [401, { statusCode: 401, error: 'Unauthorized', message: 'Fel användarnamn eller lösenord.' }] : [404, {}]);
    const user = userEvent.setup();
    const router = renderLogin();
    await user.type(screen.getByLabelText('Användarnamn'), 'chef');
    await user.type(screen.getByLabelText('Lösenord'), 'fel-lösenord');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Fel användarnamn eller lösenord.');
    const sent = server.calls.find((c) => c.url.endsWith('/auth/login'))!;
    expect(sent.method).toBe('POST');
    expect(JSON.parse(sent.body)).toEqual({ username: 'chef', password: 'fel-lösenord' });
    expect(router.state.location.pathname).toBe('/logga-in');
  });

  it('shows the rate limit message from the API on 429', async () => {
    server.answer = (url) => (url.endsWith('/auth/login') ? [429, { statusCode: 429, error: 'Too Many Requests', message: 'För många inloggningsförsök.' }] : [404, {}]);
    const user = userEvent.setup();
    renderLogin();
    await user.type(screen.getByLabelText('Användarnamn'), 'chef');
    await user.type(screen.getByLabelText('Lösenord'), 'något-lösenord');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('För många inloggningsförsök.');
  });

  it('after a good login goes back to the page in ?next=', async () => {
    server.answer = (url) => (url.endsWith('/auth/login') ? [200, meAs('chef')] : [404, {}]);
    const user = userEvent.setup();
    const router = renderLogin('/logga-in?next=%2Foversikt%3Fyear%3D2018');
    await user.type(screen.getByLabelText('Användarnamn'), 'chef');
    await user.type(screen.getByLabelText('Lösenord'), 'rätt-lösenord-123');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    await screen.findByText('inne');
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/oversikt?year=2018');
  });

  it('lists the demo accounts when the API has them', async () => {
    server.answer = (url) => (url.endsWith('/auth/demo-accounts') ? [200, [{ username: 'rad', password: 'demo-rad-2018', role: 'rad', displayName: 'Råd' }]] : [404, {}]);
    renderLogin();
    expect(await screen.findByText('demo-rad-2018')).toBeTruthy();
    expect(screen.getByText('Rådsrepresentant')).toBeTruthy();
  });

  // Each of these, read back from ?next=, would lead to another site: a backslash counts as a slash in browsers.
  const offsite = ['/%5Cevil.example', '//evil.example', '/%5C%5Cevil.example', '/\\evil.example', '%2F%2Fevil.example', 'https://evil.example/',
    '/%09/evil.example', '/%5C/evil.example', 'javascript:alert(1)'];

  it('sends a signed-in user to the start page, not off the site nor into an error, for a hostile ?next=', async () => {
    for (const next of offsite) {
      const router = renderLogin(`/logga-in?next=${next}`, meAs('chef'));
      await screen.findByText('inne');
      expect(router.state.location.pathname, next).toBe('/');
      cleanup();
    }
  });

  it('after a good login with a hostile ?next= goes to the start page', async () => {
    server.answer = (url) => (url.endsWith('/auth/login') ? [200, meAs('chef')] : [404, {}]);
    const user = userEvent.setup();
    const router = renderLogin('/logga-in?next=/%5Cevil.example');
    await user.type(screen.getByLabelText('Användarnamn'), 'chef');
    await user.type(screen.getByLabelText('Lösenord'), 'rätt-lösenord-123');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    await screen.findByText('inne');
    expect(router.state.location.pathname).toBe('/');
  });

  it('keeps a same-origin path with its query and hash, and nothing else', () => {
    expect(safeNext('/oversikt?year=2018#mal')).toBe('/oversikt?year=2018#mal');
    expect(safeNext('/aktiviteter/12')).toBe('/aktiviteter/12');
    for (const next of ['/\\evil.example', '//evil.example', '/\\/evil', '/\t/evil.example', 'https://evil.example', '', null, '/logga-in?next=/x']) {
      expect(safeNext(next), String(next)).toBe('/');
    }
  });
});
