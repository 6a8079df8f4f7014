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
    /** Every path the page asked for, to check it loads only what it shows. */
    requests: [] as string[],
    /** The next PUT answers with this instead of saving. */
    nextPutAnswer: null as null | { status: number; body: unknown },
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    s.requests.push(`${input.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/api/v1/reference') return json(200, s.reference);
    if (url.pathname === '/api/v1/activities/goal-suggestions') return json(200, { basedOn: 40, items: [{ typeId: s.activity.type.id, goalKey: 'samverkan', count: 7 }] });
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

import { EditPage, RegisterPage } from './ActivityFormPage.tsx';
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
  server.requests.length = 0;
  server.nextPutAnswer = null;
  server.activity = {
    id: 12, date: '2018-05-14', year: 2018, title: 'Nätverksträff barn och unga', description: null,
    goal: { id: spridning.id, key: 'spridning', name: spridning.name, shortName: null, frameworkCode: 'vp2018' },
    area: { id: bou.id, code: 'bou', name: bou.name, groupCode: 'bou', groupName: bou.name },
    type: { id: type.id, name: type.name }, format: 'fysiskt', participants: 20, assignment: null, line: null, planItem: null,
    municipalities: [{ id: ekero.id, code: ekero.code, name: ekero.name, participants: null }], noOwnerMunicipality: false, targetGroups: [], staff: [{ id: anna.id, name: anna.name }],
    createdAt: '2018-05-14T10:00:00Z', updatedAt: '2018-05-14T10:00:00Z', version: 3,
  };
});
afterEach(cleanup);

function renderEdit(path = '/aktiviteter/12', me = meAs('chef')) {
  const router = createMemoryRouter([{ path: '/aktiviteter/:id', element: <EditPage /> }], { initialEntries: [path] });
  render(
    <Providers me={me}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

describe('activity edit page', () => {
  it('shows a locked year’s refusal as the server words it, without offering to reload', async () => {
    const user = userEvent.setup();
    renderEdit();
    await screen.findByLabelText(/^Titel/);
    const message = 'År 2018 är låst eftersom verksamhetsberättelsen för 2018 är fastställd. Aktiviteter och planpunkter det året kan inte läggas till, ändras eller tas bort.';
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

  it('says the activity does not exist when the API answers 404, in the heading and the title', async () => {
    renderEdit('/aktiviteter/999999');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Aktiviteten finns inte');
    expect(screen.queryByText(/Det gick inte att hämta/)).toBeNull();
    expect(document.title).toBe('Aktiviteten finns inte – FoU-uppföljning');
    expect(screen.getByRole('link', { name: 'Till aktivitetslistan' }).getAttribute('href')).toBe('/aktiviteter');
    // A 404 is not asked again.
    expect(server.requests.filter((r) => r === 'GET /api/v1/activities/999999')).toHaveLength(1);
  });

  it('says so for an address that is no activity id, without asking the API', async () => {
    renderEdit('/aktiviteter/abc');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Aktiviteten finns inte');
    expect(server.requests.filter((r) => r.includes('/activities/'))).toEqual([]);
  });

  it('shows the council every field, Form, Uppdrag and Linje too, titled Aktivitet, and asks for no suggestions', async () => {
    server.activity = { ...server.activity, format: 'digitalt', assignment: { id: 5, title: 'BBIC-uppdraget' }, line: 'andra' };
    renderEdit('/aktiviteter/12', meAs('rad'));
    await screen.findByRole('heading', { level: 1, name: 'Nätverksträff barn och unga' });
    const value = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Form')).toBe('Digitalt');
    expect(value('Uppdrag')).toBe('BBIC-uppdraget');
    expect(value('Linje')).toBe('Andra linjens FoU');
    expect(value('Antal deltagare')).toBe('20');
    expect(document.title).toBe('Aktivitet: Nätverksträff barn och unga – FoU-uppföljning');
    expect(screen.queryByRole('heading', { name: 'Ändra aktivitet' })).toBeNull();
    expect(server.requests.some((r) => r.includes('goal-suggestions'))).toBe(false);
  });
});

describe('registration page', () => {
  it('asks the API for the goal suggestions, never for a page of activities, and suggests from them', async () => {
    const user = userEvent.setup();
    const router = createMemoryRouter([{ path: '/', element: <RegisterPage /> }], { initialEntries: ['/'] });
    render(
      <Providers me={meAs('medarbetare', anna.id)}>
        <RouterProvider router={router} />
      </Providers>,
    );
    await screen.findByLabelText(/^Titel/);
    await user.selectOptions(screen.getByLabelText(/^Typ av aktivitet/), String(type.id));
    // The answer says "samverkan" for this type; on today's date that goal is in VP 2024.
    const samverkan = reference.goalFrameworks.find((f) => f.code === 'vp2024')!.goals.find((g) => g.key === 'samverkan')!;
    expect((screen.getByRole('radio', { name: new RegExp(samverkan.name) }) as HTMLInputElement).checked).toBe(true);
    expect(server.requests).toContain('GET /api/v1/activities/goal-suggestions');
    expect(server.requests.filter((r) => r.startsWith('GET /api/v1/activities?'))).toEqual([]);
  });
});
