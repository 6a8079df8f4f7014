/**
 * Pages in English: the registers' English names where the rows have them (never the Swedish one beside it),
 * dates the English way and the API's errors by their code in English. The API's answers are the seed's own
 * registers (test/reference-fixture.ts) with their English names, as GET /reference gives them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { Activity } from '../api/client.ts';
import { areaByCode, reference, vp2018Goal } from '../test/reference-fixture.ts';

const server = vi.hoisted(() => {
  const s = { activity: null as unknown as Activity, reference: null as unknown, nextPutAnswer: null as null | { status: number; body: unknown } };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    if (url.pathname === '/api/v1/reference') return json(200, s.reference);
    if (url.pathname === '/api/v1/activities/goal-suggestions') return json(200, { basedOn: 0, items: [] });
    if (url.pathname === '/api/v1/activities') return json(200, { items: [s.activity], nextCursor: null, total: 1 });
    if (url.pathname === '/api/v1/plan-items') return json(200, []);
    if (url.pathname === `/api/v1/activities/${s.activity.id}`) {
      if (input.method === 'GET') return json(200, s.activity);
      const a = s.nextPutAnswer;
      if (a) return json(a.status, a.body);
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: 'okänd' });
  }) as typeof fetch;
  return s;
});

import { EditPage } from '../pages/ActivityFormPage.tsx';
import { ActivityListPage } from '../pages/ActivityListPage.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';

const spridning = vp2018Goal('spridning');
const bou = areaByCode('bou');
const type = reference.activityTypes[0]!;

beforeEach(() => {
  localStorage.setItem('fou.lang', 'en');
  server.reference = reference;
  server.nextPutAnswer = null;
  server.activity = {
    id: 12, date: '2018-05-14', year: 2018, title: 'Nätverksträff barn och unga', description: null,
    goal: { id: spridning.id, key: 'spridning', name: spridning.name, shortName: spridning.shortName, frameworkCode: 'vp2018' },
    area: { id: bou.id, code: 'bou', name: bou.name, groupCode: 'bou', groupName: bou.name },
    type: { id: type.id, name: type.name }, format: 'fysiskt', participants: 20, assignment: null, line: null, planItem: null,
    municipalities: [{ id: reference.municipalities[0]!.id, code: reference.municipalities[0]!.code, name: reference.municipalities[0]!.name, participants: null }],
    noOwnerMunicipality: false, targetGroups: [], staff: [{ id: reference.staff[0]!.id, name: reference.staff[0]!.name }],
    createdAt: '2018-05-14T10:00:00Z', updatedAt: '2018-05-14T10:00:00Z', version: 3,
  };
});
afterEach(() => {
  cleanup();
  localStorage.setItem('fou.lang', 'sv');
});

function mount(path: string, element: React.ReactNode, route: string) {
  const router = createMemoryRouter([{ path: route, element }], { initialEntries: [path] });
  render(<Providers me={meAs('chef')}><RouterProvider router={router} /></Providers>);
}

/** The Swedish names of every register row the seed gives an English name of its own. */
const swedishWithEnglish = [
  ...reference.areas, ...reference.activityTypes, ...reference.targetGroups, ...reference.formats, ...reference.lines,
  ...reference.goalFrameworks.filter((f) => f.code === 'vp2018').flatMap((f) => f.goals),
].filter((x) => x.nameEn && x.nameEn !== x.name).map((x) => x.name);

describe('the activity form in English', () => {
  it('offers areas, goals, types, formats, target groups and lines by their English names, never the Swedish', async () => {
    mount('/aktiviteter/12', <EditPage />, '/aktiviteter/:id');
    await screen.findByLabelText(/^Title/);
    const text = document.body.textContent!;
    for (const en of ['Children, young people and families', 'Substance misuse', 'Support for spreading knowledge', 'Seminar', 'In person', 'Online', 'Unit managers', 'Second-line R&D']) {
      expect(text, en).toContain(en);
    }
    const shown = swedishWithEnglish.filter((sv) => [...document.querySelectorAll('label, option, legend')].some((el) => el.textContent?.trim() === sv));
    expect(shown).toEqual([]);
  });

  it('says a locked year in English, by the code and year the API sent', async () => {
    const user = userEvent.setup();
    mount('/aktiviteter/12', <EditPage />, '/aktiviteter/:id');
    await screen.findByLabelText(/^Title/);
    server.nextPutAnswer = { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'År 2018 är låst eftersom årsredovisningen för 2018 är fastställd.', code: 'year_locked', params: { year: 2018 } } };
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('2018 is locked because its annual report has been adopted.');
    expect(alert.textContent).not.toContain('låst');
  });

  it('puts a field error beside its field in English, worded around the limit', async () => {
    const user = userEvent.setup();
    mount('/aktiviteter/12', <EditPage />, '/aktiviteter/:id');
    await screen.findByLabelText(/^Title/);
    server.nextPutAnswer = { status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Ogiltig indata: se fields.', fields: [{ field: 'title', in: 'body', code: 'too_big', message: 'Titeln får vara högst 200 tecken.', params: { max: 200, origin: 'string' } }] } };
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // The summary at the top and, since the form learnt to warn early, possibly other notices: one of them says it.
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent).join(' ')).toContain('At most 200 characters.');
    expect(document.body.textContent).not.toContain('Titeln får vara högst');
  });
});

describe('the activity list in English', () => {
  it('shows the goal and area by their English names and the date as 14 May 2018', async () => {
    mount('/aktiviteter', <ActivityListPage />, '/aktiviteter');
    const row = await screen.findByRole('row', { name: /Nätverksträff barn och unga/ });
    expect(row.textContent).toContain('14 May 2018');
    expect(row.textContent).toContain('Support for spreading knowledge');
    expect(row.textContent).toContain('Children, young people and families');
    expect(row.textContent).not.toContain(bou.name);
    expect(row.textContent).not.toContain(spridning.shortName!);
    // The filters' options too.
    const options = [...document.querySelectorAll('option')].map((o) => o.textContent!.replace(/^– /, ''));
    expect(options.filter((o) => swedishWithEnglish.includes(o))).toEqual([]);
    // The exports ask for English files.
    expect([...document.querySelectorAll('a[download]')].map((a) => new URL(a.getAttribute('href')!, 'http://x').searchParams.get('lang'))).toEqual(['en', 'en']);
  });
});
