import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { Evaluation } from './evaluation-queries.ts';

/** A stand-in API: one evaluation with answers and a comment; the comments route refuses when not allowed. */
const server = vi.hoisted(() => {
  const s = { evaluation: null as unknown, asked: [] as string[] };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    s.asked.push(url.pathname);
    if (url.pathname === '/api/v1/activities/5/evaluation') return json(200, s.evaluation);
    if (url.pathname === '/api/v1/evaluations/9/count') return json(200, { answers: 3, state: 'open' });
    if (url.pathname === '/api/v1/evaluations/9/comments') return json(200, { items: [{ answerId: 1, answeredOn: '2023-11-16', comment: 'Bra föreläsning' }] });
    if (url.pathname === '/api/v1/reports/evaluations') return json(200, { groupBy: 'series', year: 2023, events: [], groups: [], note: null });
    return json(404, { statusCode: 404, error: 'Not Found', message: 'okänd' });
  }) as typeof fetch;
  return s;
});

import { EvaluationSection } from './EvaluationSection.tsx';
import { meAs, Providers } from '../../test/signed-in.tsx';

function evaluation(over: Partial<Evaluation>): Evaluation {
  return {
    id: 9, activity: { id: 5, title: 'FoU-frukost', date: '2023-11-16', year: 2023, type: 'FoU-frukost' }, registered: 92, attending: 80,
    opensOn: '2023-11-16', closesOn: '2099-12-31', state: 'open', questions: ['rating', 'useful', 'comment'], source: 'answers', aggregate: null,
    figures: { source: 'answers', answers: 3, ratingMean: 8, ratingCounts: [0, 0, 0, 0, 0, 0, 1, 1, 1, 0], useful: { helt: 66.7, hog: 33.3, delvis: 0, inte: 0 }, usefulFullyOrHigh: 100, affects: { ja: null, delvis: null, nej: null }, affectsYesOrPartly: null },
    responseRate: 3.8, publicToken: 'abcdefghijklmnopqrstuvwxyz0', canEdit: true, canReadComments: true, version: 1, ...over,
  };
}

function renderSection(role: 'chef' | 'rad', editable: boolean) {
  render(
    <Providers me={meAs(role)}>
      <MemoryRouter>
        <EvaluationSection activityId={5} activityDate="2023-11-16" editable={editable} />
      </MemoryRouter>
    </Providers>,
  );
}

beforeEach(() => {
  localStorage.setItem('fou.lang', 'sv');
  server.asked.length = 0;
});
afterEach(cleanup);

describe('the activity page\'s evaluation', () => {
  it('shows the chief the link, the QR code, the live count and the comments', async () => {
    server.evaluation = evaluation({});
    renderSection('chef', true);
    expect((await screen.findByTestId('evaluation-count')).textContent).toContain('3 svar hittills');
    expect(screen.getByRole('img', { name: 'QR-kod till utvärderingens svarssida' }).getAttribute('src')).toBe('/api/v1/evaluations/9/qr?format=svg');
    expect(screen.getByRole('link', { name: /\/svar\/abcdefghijklmnopqrstuvwxyz0$/ })).toBeTruthy();
    expect(await screen.findByText('Bra föreläsning')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ta bort svaret' })).toBeTruthy();
  });

  it('shows the council the figures only: no link, no comments, and never asks for them', async () => {
    server.evaluation = evaluation({ publicToken: null, canEdit: false, canReadComments: false });
    renderSection('rad', false);
    await screen.findByRole('heading', { name: 'Resultat' });
    expect(screen.getByRole('rowheader', { name: 'Instämmer helt eller i hög grad' }).closest('tr')!.textContent).toContain('100');
    expect(screen.queryByRole('heading', { name: 'Kommentarer' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Länk och QR-kod' })).toBeNull();
    expect(server.asked).not.toContain('/api/v1/evaluations/9/comments');
  });

  it('offers the form to create one when the activity has none and the user may', async () => {
    server.evaluation = null;
    renderSection('chef', true);
    expect(await screen.findByRole('button', { name: 'Skapa utvärdering' })).toBeTruthy();
    cleanup();
    renderSection('rad', false);
    expect(await screen.findByText('Aktiviteten har ingen utvärdering.')).toBeTruthy();
  });
});
