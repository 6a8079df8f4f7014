import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';

// openapi-fetch takes globalThis.fetch when the client is created, so the stand-in must exist before the import.
const calls = vi.hoisted(() => {
  const list: string[] = [];
  globalThis.fetch = (async (input: Request) => {
    list.push(`${input.method} ${new URL(input.url).pathname}`);
    return new Response(null, { status: 204 });
  }) as typeof fetch;
  return list;
});

import { PasswordPage } from './PasswordPage.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';

afterEach(cleanup);

function renderPage() {
  const router = createMemoryRouter([{ path: '/losenord', element: <PasswordPage /> }], { initialEntries: ['/losenord'] });
  render(
    <Providers me={meAs('medarbetare', 3)}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

describe('password change form', () => {
  it('refuses a short new password and a repeat that differs, without calling the API', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.type(screen.getByLabelText(/^Nuvarande lösenord/), 'gammalt-lösenord');
    await user.type(screen.getByLabelText(/^Nytt lösenord/), 'kort');
    await user.type(screen.getByLabelText(/^Upprepa/), 'annat');
    await user.click(screen.getByRole('button', { name: 'Byt lösenord' }));
    const alert = await screen.findByRole('alert');
    expect(document.activeElement).toBe(alert);
    expect(alert.textContent).toContain('Lösenordet måste ha minst 12 tecken.');
    expect(alert.textContent).toContain('Lösenorden är inte lika.');
    expect(calls.filter((c) => c.endsWith('/auth/password'))).toEqual([]);
  });

  it('sends a valid change and confirms it', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.type(screen.getByLabelText(/^Nuvarande lösenord/), 'gammalt-lösenord');
    await user.type(screen.getByLabelText(/^Nytt lösenord/), 'ett-nytt-långt-lösenord');
    await user.type(screen.getByLabelText(/^Upprepa/), 'ett-nytt-långt-lösenord');
    await user.click(screen.getByRole('button', { name: 'Byt lösenord' }));
    expect((await screen.findByRole('status')).textContent).toBe('Lösenordet är bytt.');
    expect(calls).toContain('POST /api/v1/auth/password');
  });
});
