import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';

// openapi-fetch takes globalThis.fetch when the client is created, so the stand-in must exist before the import.
const { calls, answer } = vi.hoisted(() => {
  const list: string[] = [];
  const next: { body: unknown; status: number } = { body: null, status: 204 };
  globalThis.fetch = (async (input: Request) => {
    list.push(`${input.method} ${new URL(input.url).pathname}`);
    const res = next.body === null
      ? new Response(null, { status: next.status })
      : new Response(JSON.stringify(next.body), { status: next.status, headers: { 'content-type': 'application/json' } });
    next.body = null;
    next.status = 204;
    return res;
  }) as typeof fetch;
  return { calls: list, answer: next };
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

  it('refuses a password of mostly one character or with one\'s own name at once, in Swedish', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.type(screen.getByLabelText(/^Nuvarande lösenord/), 'gammalt-lösenord');
    await user.type(screen.getByLabelText(/^Nytt lösenord/), 'aaaaaaaaaaaa');
    await user.type(screen.getByLabelText(/^Upprepa/), 'aaaaaaaaaaaa');
    await user.click(screen.getByRole('button', { name: 'Byt lösenord' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Lösenordet består mest av samma tecken.');
    // meAs('medarbetare') is test-medarbetare, "Test medarbetare".
    await user.clear(screen.getByLabelText(/^Nytt lösenord/));
    await user.type(screen.getByLabelText(/^Nytt lösenord/), 'Test-Medarbetare-99');
    await user.clear(screen.getByLabelText(/^Upprepa/));
    await user.type(screen.getByLabelText(/^Upprepa/), 'Test-Medarbetare-99');
    await user.click(screen.getByRole('button', { name: 'Byt lösenord' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Lösenordet får inte innehålla användarnamnet.');
    expect(calls.filter((c) => c.endsWith('/auth/password'))).toEqual([]);
  });

  it('shows the API\'s refusal of a common password by its code', async () => {
    const user = userEvent.setup();
    renderPage();
    answer.status = 400;
    answer.body = { statusCode: 400, error: 'Bad Request', message: 'Ogiltig indata: se fields.', fields: [{ field: 'newPassword', in: 'body', code: 'common_password', message: 'x' }] };
    await user.type(screen.getByLabelText(/^Nuvarande lösenord/), 'gammalt-lösenord');
    await user.type(screen.getByLabelText(/^Nytt lösenord/), 'qwertyuiop123');
    await user.type(screen.getByLabelText(/^Upprepa/), 'qwertyuiop123');
    await user.click(screen.getByRole('button', { name: 'Byt lösenord' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Lösenordet är för lätt att gissa');
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
