import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { PlanItem } from '../api/client.ts';
import { areaByCode, reference, vp2018Goal } from '../test/reference-fixture.ts';

/** A stand-in API holding one plan item; openapi-fetch takes globalThis.fetch when the client is created. */
const server = vi.hoisted(() => {
  const s = {
    item: null as unknown as PlanItem,
    activities: [] as unknown[],
    reference: null as unknown,
    requests: [] as { method: string; path: string; body: unknown }[],
    /** The next PUT answers with this instead of saving. */
    nextPutAnswer: null as null | { status: number; body: unknown },
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    const body = input.method === 'PUT' || input.method === 'POST' ? await input.json() : undefined;
    s.requests.push({ method: input.method, path: url.pathname, body });
    if (url.pathname === '/api/v1/reference') return json(200, s.reference);
    if (url.pathname === '/api/v1/activities') return json(200, { items: s.activities, nextCursor: null });
    if (url.pathname === `/api/v1/plan-items/${s.item.id}`) {
      if (input.method === 'GET') return json(200, s.item);
      if (input.method === 'PUT') {
        if (s.nextPutAnswer) {
          const a = s.nextPutAnswer;
          s.nextPutAnswer = null;
          return json(a.status, a.body);
        }
        const b = body as { version: number; title: string; status: PlanItem['status']; outcome: string | null; targetCount: number | null; planned: string[] };
        s.item = { ...s.item, title: b.title, status: b.status, outcome: b.outcome, targetCount: b.targetCount, planned: b.planned, version: s.item.version + 1 };
        return json(200, s.item);
      }
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: 'okänd' });
  }) as typeof fetch;
  return s;
});

import { PlanItemPage } from './PlanItemPage.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';
import type { Role } from '../api/client.ts';

const spridning = vp2018Goal('spridning');
const bou = areaByCode('bou');
const anna = reference.staff[0]!;

beforeEach(() => {
  localStorage.setItem('fou.lang', 'sv');
  server.reference = reference;
  server.requests.length = 0;
  server.nextPutAnswer = null;
  server.activities = [];
  server.item = {
    id: 7, year: 2018, title: 'Fältkurs', goal: { id: spridning.id, key: 'spridning', name: spridning.name, shortName: null, frameworkCode: 'vp2018' },
    area: { id: bou.id, code: 'bou', name: bou.name, groupCode: 'bou', groupName: bou.name }, planned: ['Två kurstillfällen'], targetCount: 2,
    status: 'pagar', outcome: null, staff: [{ id: anna.id, name: anna.name }], carriedFrom: null, assignment: null, sortOrder: 3,
    createdAt: '2018-01-10T10:00:00Z', updatedAt: '2018-01-10T10:00:00Z', version: 4,
  };
});
afterEach(cleanup);

function renderAs(role: Role) {
  const router = createMemoryRouter([{ path: '/plan/:id', element: <PlanItemPage /> }], { initialEntries: ['/plan/7'] });
  render(
    <Providers me={meAs(role)}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

describe('plan item page', () => {
  it('sums up the linked activities: types, municipalities reached, participants, and offers them as files', async () => {
    const [m1, m2] = reference.municipalities as { id: number; code: string; name: string }[];
    const act = (id: number, type: string, munis: { id: number; code: string; name: string }[], participants: number | null) => ({
      id, date: `2018-0${id}-01`, year: 2018, title: `Träff ${id}`, description: null, goal: server.item.goal, area: server.item.area,
      type: { id, name: type }, format: 'fysiskt', participants, assignment: null, line: null, planItem: { id: 7, title: 'Fältkurs' },
      municipalities: munis, staff: [], createdAt: '', updatedAt: '', version: 1,
    });
    server.activities = [act(1, 'Seminarium', [m1!, m2!], 10), act(2, 'Seminarium', [m1!], null), act(3, 'Nätverksträff', [m2!], 4)];
    renderAs('rad');
    await screen.findByText('Seminarium 2, Nätverksträff 1');
    // Each municipality once per activity it took part in: m1 in activities 1 and 2, m2 in 1 and 3.
    expect(screen.getByText(`${m1!.name} (2), ${m2!.name} (2)`)).toBeTruthy();
    expect(screen.getByText('14 (summan av deltagarantalen på 2 av 3 aktiviteter)')).toBeTruthy();
    const xlsx = screen.getByRole('link', { name: /Ladda ner Excel/ });
    expect(xlsx.getAttribute('href')).toBe('/api/v1/activities/export?planItem=7&order=asc&output=xlsx&lang=sv');
  });

  it('remarks on a genomförd item with fewer linked activities than planned, and on one with none', async () => {
    const act = (id: number) => ({
      id, date: `2018-0${id}-01`, year: 2018, title: `Träff ${id}`, description: null, goal: server.item.goal, area: server.item.area,
      type: { id: 1, name: 'Seminarium' }, format: 'fysiskt', participants: null, assignment: null, line: null, planItem: { id: 7, title: 'Fältkurs' },
      municipalities: [], staff: [], createdAt: '', updatedAt: '', version: 1,
    });
    server.item = { ...server.item, status: 'genomford' };
    server.activities = [act(1)];
    renderAs('chef');
    expect(await screen.findByText('Markerad som genomförd men har 1 av 2 planerade aktiviteter.')).toBeTruthy();
    cleanup();
    server.activities = [];
    renderAs('chef');
    expect(await screen.findByText('Markerad som genomförd men har ingen kopplad aktivitet.')).toBeTruthy();
    cleanup();
    // Pågår with one activity of two says nothing a count contradicts.
    server.item = { ...server.item, status: 'pagar' };
    server.activities = [act(1)];
    renderAs('chef');
    await screen.findByText('Seminarium 1');
    expect(screen.queryByText(/Markerad som|Står fortfarande/)).toBeNull();
  });

  it('names a responsible person by title too when an active colleague has the same name', async () => {
    server.reference = {
      ...reference,
      staff: [{ ...anna, title: 'utvecklingsledare' }, { id: 9901, name: anna.name, title: 'forskare', active: true }, ...reference.staff.slice(1)],
    };
    renderAs('rad');
    expect(await screen.findByText(`${anna.name} (utvecklingsledare)`)).toBeTruthy();
  });

  it.each(['rad', 'medarbetare'] as const)('shows %s the item without any control to change or delete it', async (role) => {
    renderAs(role);
    await screen.findByRole('heading', { level: 1, name: 'Fältkurs' });
    expect(screen.getByText('Två kurstillfällen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Spara' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ta bort punkten' })).toBeNull();
    expect(document.querySelectorAll('input, select, textarea')).toHaveLength(0);
    expect(server.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('lets the chief change every field and sends them with the version read', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    const title = await screen.findByLabelText(/^Punktens rubrik/);
    await user.clear(title);
    await user.type(title, 'Fältkurs för nyanställda');
    await user.clear(screen.getByLabelText(/^Planerat/));
    await user.type(screen.getByLabelText(/^Planerat/), 'Kurs i mars{Enter}{Enter}Kurs i oktober');
    await user.selectOptions(screen.getByLabelText(/^Status/), 'genomford');
    await user.clear(screen.getByLabelText(/^Mål för antal/));
    await user.type(screen.getByLabelText(/^Utfall/), 'Båda kurserna hölls.');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect((await screen.findByRole('status')).textContent).toContain('Ändringarna är sparade.');
    const put = server.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({
      year: 2018, title: 'Fältkurs för nyanställda', goalId: spridning.id, areaId: bou.id, planned: ['Kurs i mars', 'Kurs i oktober'],
      staffIds: [anna.id], assignmentId: null, targetCount: null, status: 'genomford', outcome: 'Båda kurserna hölls.', sortOrder: 3, version: 4,
    });
    // The page now shows what the server saved.
    expect(await screen.findByRole('heading', { level: 1, name: 'Fältkurs för nyanställda' })).toBeTruthy();
  });

  it('refuses a target that is not a whole number without calling the API, and names the field', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    const target = await screen.findByLabelText(/^Mål för antal/);
    await user.clear(target);
    await user.type(target, 'fyra');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Mål för antal aktiviteter: Skriv ett heltal, 0 eller mer.');
    expect(server.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('puts a field error from the server beside its field', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    await screen.findByLabelText(/^Punktens rubrik/);
    server.nextPutAnswer = {
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'Ogiltiga fält', fields: [{ field: 'planned.0', in: 'body', code: 'too_big', message: 'En planerad rad får vara högst 500 tecken.' }] },
    };
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Planerat: En planerad rad får vara högst 500 tecken.');
    const field = screen.getByLabelText(/^Planerat/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('En planerad rad får vara högst 500 tecken.');
  });

  it('explains a 409 in Swedish and reloads the other person’s version on request', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    await screen.findByLabelText(/^Punktens rubrik/);
    server.nextPutAnswer = { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Planpunkten har ändrats', currentVersion: 5 } };
    server.item = { ...server.item, status: 'inte_genomford', version: 5 };
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Någon annan har ändrat punkten');
    await user.click(within(alert).getByRole('button', { name: 'Ladda om punkten' }));
    await vi.waitFor(() => expect((screen.getByLabelText(/^Status/) as HTMLSelectElement).value).toBe('inte_genomford'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a locked year’s refusal as the server words it', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    await screen.findByLabelText(/^Punktens rubrik/);
    const message = 'År 2018 är låst eftersom verksamhetsberättelsen för 2018 är fastställd.';
    server.nextPutAnswer = { status: 409, body: { statusCode: 409, error: 'Conflict', message } };
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(message);
    expect(within(alert).queryByRole('button')).toBeNull();
  });
});
