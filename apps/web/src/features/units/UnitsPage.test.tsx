import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { InstallAccount, Unit } from './units-queries.ts';

/** A stand-in API for the install administrator: two units, two install accounts; it records what was sent. */
const server = vi.hoisted(() => {
  const s = { units: [] as Unit[], accounts: [] as InstallAccount[], posts: [] as { path: string; body: Record<string, unknown> }[] };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    if (input.method === 'GET' && url.pathname === '/api/v1/units') return json(200, s.units);
    if (input.method === 'GET' && url.pathname === '/api/v1/install/accounts') return json(200, s.accounts);
    const body = input.method === 'GET' ? {} : ((await input.json()) as Record<string, unknown>);
    s.posts.push({ path: `${input.method} ${url.pathname}`, body });
    if (input.method === 'POST' && url.pathname === '/api/v1/units') {
      if (body.name === 'FoU Nordväst') return json(409, { statusCode: 409, error: 'Conflict', message: 'Det finns redan en enhet som heter FoU Nordväst.', code: 'already_exists' });
      const unit = { id: 9, code: 'ny', name: body.name, shortName: body.shortName, county: body.county, sharesComparison: false, accounts: 0, activities: 0, createdAt: '2026-01-01' } as Unit;
      s.units = [...s.units, unit];
      return json(201, unit);
    }
    const admins = url.pathname.match(/^\/api\/v1\/units\/(\d+)\/admins$/);
    if (admins) return json(201, { user: { id: 50, username: body.username, displayName: body.displayName, role: 'admin', unitId: Number(admins[1]) }, oneTimePassword: 'Eng4ngs-L0senord-x' });
    return json(404, { statusCode: 404, error: 'Not Found', message: 'okänd' });
  }) as typeof fetch;
  return s;
});

import { UnitsPage } from './UnitsPage.tsx';
import { meAs, Providers } from '../../test/signed-in.tsx';

const unit = (id: number, name: string, shortName: string, activities: number): Unit =>
  ({ id, code: shortName.toLowerCase(), name, shortName, county: 'Stockholms län', sharesComparison: true, accounts: 4, activities, createdAt: '2026-01-01' }) as Unit;

beforeEach(() => {
  localStorage.setItem('fou.lang', 'sv');
  server.posts.length = 0;
  server.units = [unit(1, 'FoU Nordväst', 'Nordväst', 2467), unit(2, 'FoU Södertörn', 'Södertörn', 146)];
  server.accounts = [
    { id: 1, username: 'test-installation', displayName: 'Test installation', role: 'installation', county: null, active: true, mustChangePassword: false, lastLoginAt: null, createdAt: '2026-01-01' },
    { id: 2, username: 'region', displayName: 'Region Stockholm', role: 'region', county: 'Stockholms län', active: true, mustChangePassword: false, lastLoginAt: null, createdAt: '2026-01-01' },
  ];
});
afterEach(cleanup);

function renderPage() {
  const router = createMemoryRouter([{ path: '/enheter', element: <UnitsPage /> }], { initialEntries: ['/enheter'] });
  render(
    <Providers me={meAs('installation')}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

describe('units page', () => {
  it('lists the units with their counts and the install’s accounts', async () => {
    renderPage();
    const row = (await screen.findByRole('rowheader', { name: 'FoU Nordväst' })).closest('tr')!;
    expect(within(row).getByText(/2\s467/)).toBeTruthy();
    expect(within(row).getByText('Ja')).toBeTruthy();
    const accounts = (await screen.findByRole('rowheader', { name: 'Region Stockholm' })).closest('tr')!;
    expect(within(accounts).getByText('Stockholms län')).toBeTruthy();
    expect(within(accounts).getByRole('button', { name: /Inaktivera/ })).toBeTruthy();
  });

  it('creates a unit, and says so; a taken name shows the API’s message', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('rowheader', { name: 'FoU Nordväst' });
    const form = screen.getByRole('button', { name: 'Skapa enheten' }).closest('form')!;
    await user.type(within(form).getByLabelText(/^Namn/), 'FoU Nordväst');
    await user.type(within(form).getByLabelText(/^Kortnamn/), 'NV');
    await user.type(within(form).getByLabelText(/^Län/), 'Stockholms län');
    await user.click(within(form).getByRole('button', { name: 'Skapa enheten' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/redan en enhet/);
    await user.clear(within(form).getByLabelText(/^Namn/));
    await user.type(within(form).getByLabelText(/^Namn/), 'FoU Ny');
    await user.click(within(form).getByRole('button', { name: 'Skapa enheten' }));
    await screen.findByText('FoU Ny är skapad.');
    expect(server.posts.at(-1)).toEqual({ path: 'POST /api/v1/units', body: { name: 'FoU Ny', shortName: 'NV', county: 'Stockholms län' } });
  });

  it('creates a unit’s first administrator and shows the one-time password once', async () => {
    const user = userEvent.setup();
    renderPage();
    const row = (await screen.findByRole('rowheader', { name: 'FoU Södertörn' })).closest('tr')!;
    await user.click(within(row).getByText('Skapa första administratör'));
    const form = within(row).getByRole('form', { name: 'Första administratören för FoU Södertörn' });
    await user.type(within(form).getByLabelText(/^Namn/), 'Sara Admin');
    await user.type(within(form).getByLabelText(/^Användarnamn/), 'sara.admin');
    await user.click(within(form).getByRole('button', { name: 'Skapa administratören' }));
    expect(await within(row).findByText('Eng4ngs-L0senord-x')).toBeTruthy();
    expect(within(row).getByText(/Kontot sara.admin är skapat/)).toBeTruthy();
    expect(server.posts.at(-1)).toEqual({ path: 'POST /api/v1/units/2/admins', body: { username: 'sara.admin', displayName: 'Sara Admin' } });
  });
});
