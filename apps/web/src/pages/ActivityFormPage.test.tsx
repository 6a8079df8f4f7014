import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { Activity } from '../api/client.ts';
import { areaByCode, reference, vp2018Goal } from '../test/reference-fixture.ts';

/** A stand-in API holding one activity; openapi-fetch takes globalThis.fetch when the client is created. */
const server = vi.hoisted(() => {
  const s = {
    activity: null as unknown as Activity,
    reference: null as unknown,
    puts: [] as unknown[],
    /** The next PUT answers with this instead of saving. */
    nextPutAnswer: null as null | { status: number; body: unknown },
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    if (url.pathname === '/api/v1/reference') return json(200, s.reference);
    if (url.pathname === '/api/v1/activities') return json(200, { items: [], nextCursor: null });
    if (url.pathname === '/api/v1/plan-items') return json(200, []);
    if (url.pathname === `/api/v1/activities/${s.activity.id}`) {
      if (input.method === 'GET') return json(200, s.activity);
      if (input.method === 'PUT') {
        s.puts.push(await input.json());
        const a = s.nextPutAnswer;
        s.nextPutAnswer = null;
        if (a) return json(a.status, a.body);
        s.activity = { ...s.activity, version: s.activity.version + 1 };
        return json(200, s.activity);
      }
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: 'okänd' });
  }) as typeof fetch;
  return s;
});

import { EditPage } from './ActivityFormPage.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';

const spridning = vp2018Goal('spridning');
const bou = areaByCode('bou');
const type = reference.activityTypes[0]!;
const anna = reference.staff[0]!;
const ekero = reference.municipalities[0]!;

beforeEach(() => {
  localStorage.setItem('fou.lang', 'sv');
  server.reference = reference;
  server.puts.length = 0;
  server.nextPutAnswer = null;
  server.activity = {
    id: 12, date: '2018-05-14', year: 2018, title: 'Nätverksträff barn och unga', description: null,
    goal: { id: spridning.id, key: 'spridning', name: spridning.name, shortName: null, frameworkCode: 'vp2018' },
    area: { id: bou.id, code: 'bou', name: bou.name, groupCode: 'bou', groupName: bou.name },
    type: { id: type.id, name: type.name }, format: 'fysiskt', participants: 20, assignment: null, line: null, planItem: null,
    municipalities: [{ id: ekero.id, code: ekero.code, name: ekero.name }], staff: [{ id: anna.id, name: anna.name }],
    createdAt: '2018-05-14T10:00:00Z', updatedAt: '2018-05-14T10:00:00Z', version: 3,
  };
});
afterEach(cleanup);

function renderEdit() {
  const router = createMemoryRouter([{ path: '/aktiviteter/:id', element: <EditPage /> }], { initialEntries: ['/aktiviteter/12'] });
  render(
    <Providers me={meAs('chef')}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

describe('activity edit page', () => {
  it('shows a locked year’s refusal as the server words it, without offering to reload', async () => {
    const user = userEvent.setup();
    renderEdit();
    await screen.findByLabelText(/^Titel/);
    const message = 'År 2018 är låst eftersom årsredovisningen för 2018 är fastställd. Aktiviteter och planpunkter det året kan inte läggas till, ändras eller tas bort.';
    server.nextPutAnswer = { status: 409, body: { statusCode: 409, error: 'Conflict', message } };
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).not.toContain('Någon annan');
    expect(screen.queryByRole('button', { name: 'Ladda om aktiviteten' })).toBeNull();
    expect(server.puts).toHaveLength(1);
  });

  it('calls a stale version someone else’s change and offers to reload', async () => {
    const user = userEvent.setup();
    renderEdit();
    await screen.findByLabelText(/^Titel/);
    server.nextPutAnswer = { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Aktiviteten har ändrats', currentVersion: 4 } };
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Någon annan har ändrat aktiviteten');
    expect(within(document.body).getByRole('button', { name: 'Ladda om aktiviteten' })).toBeTruthy();
  });
});
