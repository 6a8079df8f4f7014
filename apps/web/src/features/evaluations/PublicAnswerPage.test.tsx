import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';

/** A stand-in for the public API: one open evaluation with three questions; it records the answers sent. */
const server = vi.hoisted(() => {
  const s = { sent: [] as Record<string, unknown>[], state: 'open' as string, refuse: null as null | { status: number; body: unknown } };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    if (url.pathname === '/api/v1/public/evaluations/unknowntoken000000000000') return json(404, { statusCode: 404, error: 'Not Found', message: 'finns inte', code: 'unknown_evaluation' });
    if (input.method === 'GET') {
      return json(200, {
        title: 'FoU-frukost: Heder i förskolan', date: '2023-11-16', unitName: 'FoU Nordväst', state: s.state, opensOn: '2023-11-16', closesOn: '2023-11-30',
        questions: [
          { key: 'rating', text: 'Vilket betyg ger du seminariet som helhet?', options: Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })) },
          { key: 'useful', text: 'Innehållet var användbart i mitt arbete', options: [{ value: 'helt', label: 'Instämmer helt' }, { value: 'delvis', label: 'Instämmer delvis' }] },
          { key: 'comment', text: 'Har du någon kommentar?', options: [] },
        ],
      });
    }
    const body = (await input.json()) as Record<string, unknown>;
    s.sent.push(body);
    if (s.refuse) return json(s.refuse.status, s.refuse.body);
    return json(201, { received: true });
  }) as typeof fetch;
  return s;
});

import { PublicAnswerPage } from './PublicAnswerPage.tsx';
import { Providers } from '../../test/signed-in.tsx';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0';
function renderPage(token = TOKEN) {
  const router = createMemoryRouter([{ path: '/svar/:token', element: <PublicAnswerPage /> }], { initialEntries: [`/svar/${token}`] });
  render(<Providers me={null}><RouterProvider router={router} /></Providers>);
}

beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('fou.lang', 'sv');
  server.sent.length = 0;
  server.state = 'open';
  server.refuse = null;
});
afterEach(cleanup);

describe('the public answer page', () => {
  it('sends the chosen answers with a device token, then thanks and remembers it', async () => {
    renderPage();
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'FoU-frukost: Heder i förskolan' });
    await user.click(screen.getByRole('radio', { name: '8' }));
    await user.click(screen.getByRole('radio', { name: 'Instämmer helt' }));
    await user.type(screen.getByRole('textbox', { name: 'Har du någon kommentar?' }), 'Bra!');
    await user.click(screen.getByRole('button', { name: 'Skicka svaret' }));
    await screen.findByText('Tack! Ditt svar är skickat.');
    expect(server.sent).toHaveLength(1);
    expect(server.sent[0]).toMatchObject({ rating: 8, useful: 'helt', comment: 'Bra!' });
    expect(String(server.sent[0]!.deviceToken)).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    cleanup();
    renderPage();
    await screen.findByText(/Du har redan svarat/);
    expect(screen.queryByRole('button', { name: 'Skicka svaret' })).toBeNull();
  });

  it('asks for at least one answer before sending anything', async () => {
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Skicka svaret' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Svara på minst en fråga');
    expect(server.sent).toHaveLength(0);
  });

  it('shows the server\'s words when the comment is refused', async () => {
    server.refuse = { status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Ogiltig indata', fields: [{ field: 'comment', in: 'body', code: 'personal_identity_number', message: 'Texten innehåller ett personnummer.' }] } };
    renderPage();
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Har du någon kommentar?' }), 'x');
    await user.click(screen.getByRole('button', { name: 'Skicka svaret' }));
    expect((await screen.findByRole('alert')).textContent).toContain('personnummer');
  });

  it('says so plainly when the evaluation is closed or the link unknown', async () => {
    server.state = 'closed';
    renderPage();
    await screen.findByText(/Utvärderingen är stängd/);
    expect(screen.queryByRole('button', { name: 'Skicka svaret' })).toBeNull();
    cleanup();
    renderPage('unknowntoken000000000000');
    expect((await screen.findByRole('alert')).textContent).toContain('Utvärderingen finns inte');
  });
});
