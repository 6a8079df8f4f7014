import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { ReferenceData } from '../api/client.ts';
import { reference } from '../test/reference-fixture.ts';

/** A stand-in API; openapi-fetch takes globalThis.fetch when the client is created. */
const server = vi.hoisted(() => {
  const s = {
    reference: null as unknown as ReferenceData,
    requests: [] as { method: string; path: string; body: unknown }[],
    answers: new Map<string, { status: number; body: unknown }>(),
    history: [] as { name: string; shortName: string | null; replacedOn: string }[],
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    const body = ['POST', 'PATCH', 'PUT'].includes(input.method) ? await input.json() : undefined;
    s.requests.push({ method: input.method, path: url.pathname, body });
    const canned = s.answers.get(`${input.method} ${url.pathname}`);
    if (canned) return json(canned.status, canned.body);
    if (url.pathname === '/api/v1/reference') return json(200, s.reference);
    const names = url.pathname.match(/^\/api\/v1\/goals\/(\d+)\/names$/);
    if (names) return json(200, { goalId: Number(names[1]), name: 'x', shortName: null, history: s.history });
    const goal = url.pathname.match(/^\/api\/v1\/goals\/(\d+)$/);
    if (goal && input.method === 'PATCH') {
      const id = Number(goal[1]);
      s.reference = {
        ...s.reference,
        goalFrameworks: s.reference.goalFrameworks.map((f) => ({ ...f, goals: f.goals.map((g) => (g.id === id ? { ...g, ...(body as object) } : g)) })),
      };
      return json(200, s.reference.goalFrameworks.flatMap((f) => f.goals).find((g) => g.id === id));
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: 'okänd' });
  }) as typeof fetch;
  return s;
});

import { GoalFrameworksPage, NewFrameworkPage } from './GoalFrameworksPage.tsx';
import { RequirePermission } from '../auth/RequireAuth.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';
import type { Role } from '../api/client.ts';

const vp2024 = reference.goalFrameworks.find((f) => f.code === 'vp2024')!;

beforeEach(() => {
  localStorage.setItem('fou.lang', 'sv');
  server.reference = structuredClone(reference);
  server.requests.length = 0;
  server.answers.clear();
  server.history = [];
});
afterEach(cleanup);

function renderAt(path: string, role: Role = 'chef') {
  const router = createMemoryRouter(
    [
      { path: '/malramverk', element: <RequirePermission action="reference:write"><GoalFrameworksPage /></RequirePermission> },
      { path: '/malramverk/nytt', element: <RequirePermission action="reference:write"><NewFrameworkPage /></RequirePermission> },
    ],
    { initialEntries: [path] },
  );
  render(
    <Providers me={meAs(role)}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

describe('goal frameworks page', () => {
  it('shows goals by their names: no internal key or code, but which goal of the other framework each is counted with', async () => {
    renderAt('/malramverk');
    const vp2018 = reference.goalFrameworks.find((f) => f.code === 'vp2018')!;
    const metod18 = vp2018.goals.find((g) => g.key === 'metodstod')!;
    const metod24 = vp2024.goals.find((g) => g.key === 'metodstod')!;
    const section = (await screen.findByRole('heading', { level: 2, name: vp2018.name })).closest('section')!;
    const entry = within(section).getByText(metod18.name).closest('li')!;
    expect(entry.textContent).toContain(`Räknas som samma mål som ”${metod24.name}” i ${vp2024.name} när rapporterna jämför år`);
    const page = document.body.textContent!;
    for (const code of [/\bmetodstod\b/, /\bspridning\b/, /\bvp2018\b/, /\bvp2024\b/]) expect(page).not.toMatch(code);
  });

  it('is the chief’s: the council gets a refusal and no framework', async () => {
    renderAt('/malramverk', 'rad');
    expect(screen.queryByRole('heading', { name: 'Målramverk', level: 1 })).toBeNull();
    expect(server.requests.filter((r) => r.path === '/api/v1/reference')).toEqual([]);
  });

  it('lists every framework with its period and goals, marking the one in force', async () => {
    renderAt('/malramverk');
    const section = (await screen.findByRole('heading', { name: vp2024.name, level: 2 })).closest('section')!;
    expect(within(section).getByText(/Gäller från 2024-01-01 och tills vidare/)).toBeTruthy();
    expect(within(section).getByText('Gäller i dag')).toBeTruthy();
    for (const g of vp2024.goals) expect(within(section).getByText(g.name)).toBeTruthy();
  });

  it('renames a goal, keeping its key, and shows the names it had before', async () => {
    const user = userEvent.setup();
    server.history = [{ name: 'Ett äldre namn', shortName: null, replacedOn: '2025-03-01' }];
    renderAt('/malramverk');
    const goal = vp2024.goals[0]!;
    await user.click(await screen.findByRole('button', { name: `Byt namn på ${goal.name}` }));
    const form = screen.getByRole('form', { name: `Byt namn på ${goal.name}` });
    expect(await within(form).findByText('Ett äldre namn (ersatt 2025-03-01)')).toBeTruthy();
    const name = within(form).getByLabelText(/^Namn/);
    expect(document.activeElement).toBe(name);
    await user.clear(name);
    await user.click(within(form).getByRole('button', { name: 'Spara' }));
    expect(within(form).getByText('Fyll i fältet.')).toBeTruthy();
    expect(server.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
    await user.type(name, 'Kunskapsutveckling i praktiken');
    await user.click(within(form).getByRole('button', { name: 'Spara' }));
    expect((await screen.findByText('Målet är ändrat.')).closest('[role="status"]')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'PATCH')).toEqual({
      method: 'PATCH', path: `/api/v1/goals/${goal.id}`, body: { name: 'Kunskapsutveckling i praktiken', shortName: goal.shortName, nameEn: goal.nameEn, description: goal.description },
    });
    expect(await screen.findByText('Kunskapsutveckling i praktiken')).toBeTruthy();
  });

  it('sends a new framework with the copied goals and tells the server’s refusal of an overlap in its words', async () => {
    const user = userEvent.setup();
    const overlap = 'Perioden överlappar Resultatmål VP 2024 (2024-01-01 – tills vidare): bara ett målramverk kan gälla per dag. Avsluta det först.';
    server.answers.set('POST /api/v1/goal-frameworks', { status: 409, body: { statusCode: 409, error: 'Conflict', message: overlap } });
    renderAt('/malramverk/nytt');
    await user.type(await screen.findByLabelText(/^Ramverkets namn/), 'Resultatmål VP 2028');
    await user.type(screen.getByLabelText(/^Kod/), 'vp2028');
    await user.clear(screen.getByLabelText(/^Gäller från/));
    await user.type(screen.getByLabelText(/^Gäller från/), '2028-01-01');
    await user.click(screen.getByRole('button', { name: 'Ta bort mål 4' }));
    await user.click(screen.getByRole('button', { name: 'Spara ramverket' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(overlap);
    expect(document.activeElement).toBe(alert);
    const sent = server.requests.find((r) => r.method === 'POST')!.body as { goals: { key: string }[] };
    const keys = [...vp2024.goals].sort((a, b) => a.sortOrder - b.sortOrder).map((g) => g.key).slice(0, 3);
    expect(sent).toMatchObject({ name: 'Resultatmål VP 2028', code: 'vp2028', validFrom: '2028-01-01', validTo: null });
    expect(sent.goals.map((g) => g.key)).toEqual(keys);
  });

  it('checks the form before sending and links each error to its field', async () => {
    const user = userEvent.setup();
    renderAt('/malramverk/nytt');
    await screen.findByLabelText(/^Ramverkets namn/);
    await user.click(screen.getByRole('button', { name: 'Lägg till ett mål' }));
    await user.click(screen.getByRole('button', { name: 'Spara ramverket' }));
    const alert = await screen.findByRole('alert');
    const n = vp2024.goals.length + 1;
    expect(within(alert).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Ramverkets namn: Fyll i fältet.', 'Kod: Fyll i fältet.', `Mål ${n}, Nyckel: Fyll i fältet.`, `Mål ${n}, Namn: Fyll i fältet.`,
    ]);
    await user.click(within(alert).getByRole('link', { name: `Mål ${n}, Nyckel: Fyll i fältet.` }));
    expect(document.activeElement?.id).toBe(`field-goals-${n - 1}-key`);
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });
});
