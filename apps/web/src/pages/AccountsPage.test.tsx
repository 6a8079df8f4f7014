import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { User } from '../api/client.ts';
import { reference } from '../test/reference-fixture.ts';

/** A stand-in API with two accounts; openapi-fetch takes globalThis.fetch when the client is created. */
const server = vi.hoisted(() => {
  const s = { users: [] as User[], reference: null as unknown, patches: [] as { id: number; body: Record<string, unknown> }[] };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    if (url.pathname === '/api/v1/reference') return json(200, s.reference);
    if (url.pathname === '/api/v1/users') return json(200, s.users);
    const m = url.pathname.match(/^\/api\/v1\/users\/(\d+)$/);
    if (m && input.method === 'PATCH') {
      const id = Number(m[1]);
      const body = (await input.json()) as Record<string, unknown>;
      s.patches.push({ id, body });
      s.users = s.users.map((u) => (u.id === id ? { ...u, ...body } : u));
      return json(200, s.users.find((u) => u.id === id));
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: 'okänd' });
  }) as typeof fetch;
  return s;
});

import { AccountsPage } from './AccountsPage.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';

const [anna, bjorn] = reference.staff;
const account = (id: number, displayName: string, role: User['role'], staffId: number | null): User =>
  ({ id, username: displayName.toLowerCase().replace(/ /g, '.'), displayName, role, staffId, active: true, mustChangePassword: false }) as User;

beforeEach(() => {
  localStorage.setItem('fou.lang', 'sv');
  server.reference = reference;
  server.patches.length = 0;
  // Account 1 is the signed-in chief (meAs gives user id 1).
  server.users = [account(1, 'Test chef', 'chef', null), account(2, 'Kim Karlsson', 'medarbetare', anna!.id)];
});
afterEach(cleanup);

function renderPage() {
  const router = createMemoryRouter([{ path: '/konton', element: <AccountsPage /> }], { initialEntries: ['/konton'] });
  render(
    <Providers me={meAs('chef')}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

describe('accounts page', () => {
  it('changes another account’s name, role and staff link', async () => {
    const user = userEvent.setup();
    renderPage();
    const row = (await screen.findByRole('rowheader', { name: 'Kim Karlsson' })).closest('tr')!;
    await user.click(within(row).getByText('Ändra uppgifter'));
    const name = within(row).getByLabelText(/^Namn/);
    await user.clear(name);
    await user.type(name, 'Kim Berg');
    await user.selectOptions(within(row).getByLabelText(/^Roll/), 'chef');
    await user.selectOptions(within(row).getByLabelText(/^Medarbetare/), String(bjorn!.id));
    await user.click(within(row).getByRole('button', { name: 'Spara uppgifterna' }));
    expect((await screen.findByText('Kontot för Kim Berg är ändrat.')).closest('[role="status"]')).toBeTruthy();
    expect(server.patches).toEqual([{ id: 2, body: { displayName: 'Kim Berg', role: 'chef', staffId: bjorn!.id, municipalityId: null } }]);
  });

  it('tells two active staff of one name apart by title in the staff pickers and the account list', async () => {
    const user = userEvent.setup();
    server.reference = {
      ...reference,
      staff: [{ ...anna!, title: 'utvecklingsledare' }, { id: 9901, name: anna!.name, title: 'forskare', active: true }, bjorn!],
    };
    renderPage();
    const row = (await screen.findByRole('rowheader', { name: 'Kim Karlsson' })).closest('tr')!;
    expect(within(row).getByRole('cell', { name: `${anna!.name} (utvecklingsledare)` })).toBeTruthy();
    await user.click(within(row).getByText('Ändra uppgifter'));
    const options = [...(within(row).getByLabelText(/^Medarbetare/) as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options.slice(1)).toEqual([`${anna!.name} (utvecklingsledare)`, `${anna!.name} (forskare)`, bjorn!.name]);
  });

  it('lets the signed-in user change their own name but not their own role', async () => {
    const user = userEvent.setup();
    renderPage();
    const row = (await screen.findByRole('rowheader', { name: /Test chef/ })).closest('tr')!;
    await user.click(within(row).getByText('Ändra uppgifter'));
    expect(within(row).queryByLabelText(/^Roll/)).toBeNull();
    await user.click(within(row).getByRole('button', { name: 'Spara uppgifterna' }));
    await screen.findByText('Kontot för Test chef är ändrat.');
    expect(server.patches).toEqual([{ id: 1, body: { displayName: 'Test chef', staffId: null, municipalityId: null } }]);
  });
});
