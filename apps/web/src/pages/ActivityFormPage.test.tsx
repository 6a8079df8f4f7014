import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import type { Activity } from '../api/client.ts';
import { todayInSweden } from '@fou/domain';
import { formFromActivity } from '../components/activity-form-model.ts';
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
    /** What GET /activities/similar and GET /period-locks answer. */
    similar: [] as unknown[],
    locks: [] as unknown[],
    /** What GET /plan-items answers, and what POST /activities received. */
    planItems: [] as unknown[],
    posts: [] as Record<string, unknown>[],
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    s.requests.push(`${input.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/api/v1/reference') return json(200, s.reference);
    if (url.pathname === '/api/v1/activities/goal-suggestions') return json(200, { basedOn: 40, items: [{ typeId: s.activity.type.id, goalKey: 'samverkan', count: 7 }] });
    if (url.pathname === '/api/v1/activities' && input.method === 'POST') {
      const body = (await input.json()) as Record<string, unknown>;
      s.posts.push(body);
      return json(201, { ...s.activity, id: 100 + s.posts.length, title: body.title, date: body.date, version: 1 });
    }
    if (url.pathname === '/api/v1/activities') return json(200, { items: [], nextCursor: null });
    if (url.pathname === '/api/v1/activities/similar') return json(200, { items: s.similar });
    if (url.pathname === '/api/v1/period-locks') return json(200, s.locks);
    if (url.pathname === '/api/v1/plan-items') return json(200, s.planItems);
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
import { installDialogPolyfill } from '../test/dialog-polyfill.ts';

beforeAll(installDialogPolyfill);

const spridning = vp2018Goal('spridning');
const bou = areaByCode('bou');
const type = reference.activityTypes[0]!;
const anna = reference.staff[0]!;
const ekero = reference.municipalities[0]!;

beforeEach(() => {
  // Drafts of one test are no business of the next.
  localStorage.clear();
  localStorage.setItem('fou.lang', 'sv');
  server.reference = reference;
  server.puts.length = 0;
  server.requests.length = 0;
  server.nextPutAnswer = null;
  server.similar = [];
  server.locks = [];
  server.planItems = [];
  server.posts.length = 0;
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

  it('shows the council every field, Genomförande, Uppdrag and Linje too, titled Aktivitet, and asks for no suggestions', async () => {
    server.activity = { ...server.activity, format: 'digitalt', assignment: { id: 5, title: 'BBIC-uppdraget' }, line: 'andra' };
    renderEdit('/aktiviteter/12', meAs('rad'));
    await screen.findByRole('heading', { level: 1, name: 'Nätverksträff barn och unga' });
    const value = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Genomförande')).toBe('Digitalt');
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

/** The app's activity routes, so links and the leave question work as in the app. */
function renderApp(path: string, me = meAs('chef')) {
  const router = createMemoryRouter([
    { path: '/', element: <RegisterPage /> },
    { path: '/aktiviteter', element: <h1>Listan</h1> },
    { path: '/aktiviteter/:id', element: <EditPage /> },
  ], { initialEntries: [path] });
  render(
    <Providers me={me}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

const planItem = (id: number, title: string, assignment: { id: number; title: string } | null) => ({
  id, year: 2018, title, goal: { id: spridning.id, key: 'spridning', name: spridning.name, shortName: null, frameworkCode: 'vp2018' },
  area: { id: bou.id, code: 'bou', name: bou.name, groupCode: 'bou', groupName: bou.name }, planned: [], targetCount: null, status: 'pagar',
  outcome: null, staff: [], carriedFrom: null, assignment, sortOrder: id, createdAt: '2018-01-01T00:00:00Z', updatedAt: '2018-01-01T00:00:00Z', version: 1,
});

describe('the form keeps what repeats and never loses work', () => {
  it('"Registrera en till" keeps the date, type, goal, area, format, staff, assignment and plan item, and clears title and participants', async () => {
    const user = userEvent.setup();
    server.reference = { ...reference, assignments: [{ id: 50, title: 'BBIC-samordning', description: null, line: null, startYear: null, endYear: null, active: true }] };
    server.planItems = [planItem(60, 'BBIC-samordning', { id: 50, title: 'BBIC-samordning' })];
    renderApp('/', meAs('medarbetare', anna.id));
    const date = await screen.findByLabelText(/^Datum/);
    await user.clear(date);
    await user.type(date, '2018-04-10');
    await user.type(screen.getByLabelText(/^Titel/), 'Nätverksträff grupp 1');
    await user.selectOptions(screen.getByLabelText(/^Typ av aktivitet/), String(type.id));
    await user.click(screen.getByRole('radio', { name: new RegExp(`^${spridning.name}`) }));
    await user.click(screen.getByRole('radio', { name: bou.name }));
    await user.click(screen.getByRole('checkbox', { name: ekero.name }));
    await user.click(screen.getByRole('radio', { name: 'Digitalt' }));
    await user.type(screen.getByLabelText(/^Antal deltagare/), '9');
    // Choosing the assignment picks the plan's one item of it.
    await user.selectOptions(screen.getByLabelText(/^Uppdrag/), '50');
    expect((await screen.findByLabelText(/^Punkt i verksamhetsplanen/) as HTMLSelectElement).value).toBe('60');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await user.click(await screen.findByRole('button', { name: 'Registrera en till' }));
    expect(server.posts[0]).toMatchObject({ date: '2018-04-10', assignmentId: 50, planItemId: 60, participants: 9 });

    expect((screen.getByLabelText(/^Datum/) as HTMLInputElement).value).toBe('2018-04-10');
    expect((screen.getByLabelText(/^Titel/) as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText(/^Titel/));
    expect((screen.getByLabelText(/^Antal deltagare/) as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText(/^Typ av aktivitet/) as HTMLSelectElement).value).toBe(String(type.id));
    expect((screen.getByRole('radio', { name: new RegExp(`^${spridning.name}`) }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: bou.name }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Digitalt' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: anna.name }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: ekero.name }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText(/^Uppdrag/) as HTMLSelectElement).value).toBe('50');
    expect((await screen.findByLabelText(/^Punkt i verksamhetsplanen/) as HTMLSelectElement).value).toBe('60');
    expect(screen.getByText(/är kvar från förra aktiviteten/)).toBeTruthy();
  });

  it('choosing a plan item of an assignment sets the assignment when none is chosen', async () => {
    const user = userEvent.setup();
    server.reference = { ...reference, assignments: [{ id: 50, title: 'Öppna jämförelser', description: null, line: null, startYear: null, endYear: null, active: true }] };
    server.planItems = [planItem(61, 'Öppna jämförelser', { id: 50, title: 'Öppna jämförelser' }), planItem(62, 'Fältkurs', null)];
    renderEdit();
    await user.selectOptions(await screen.findByLabelText(/^Punkt i verksamhetsplanen/), '61');
    expect((screen.getByLabelText(/^Uppdrag/) as HTMLSelectElement).value).toBe('50');
    // Each list says in one line what it is.
    expect(screen.getByText(/^Ett uppdrag från ägarkommunerna eller styrgruppen som pågår över tid/)).toBeTruthy();
    expect(screen.getByText(/^Det som årets verksamhetsplan har planerat och som aktiviteten följer upp/)).toBeTruthy();
    expect(screen.getByText(/^Första linjen: snabbt stöd som alla ägarkommuner kan ta del av\. Andra linjen: större uppdrag som styrgruppen beslutar om\.$/)).toBeTruthy();
  });

  it('says at once that the date is in a locked year, and that the chief can unlock it', async () => {
    server.locks = [{ year: 2018, lockedAt: '2019-03-01T10:00:00Z', lockedBy: 1 }];
    renderEdit('/aktiviteter/12', meAs('medarbetare', anna.id));
    const hint = await screen.findByText(/^År 2018 är låst eftersom verksamhetsberättelsen för 2018 är fastställd\./);
    expect(hint.textContent).toContain('Bara FoU-chefen kan låsa upp året.');
    expect(hint.textContent).not.toMatch(/årsredovisning/);
    expect(server.puts).toHaveLength(0);
  });

  it('warns of a double as soon as date and title are filled, asks on save, and still saves', async () => {
    const user = userEvent.setup();
    server.similar = [{ id: 40, date: '2018-05-14', title: 'Nätverksträff: barn och unga', typeName: 'Nätverksträff' }];
    renderApp('/aktiviteter/12');
    const warning = await screen.findByRole('heading', { name: 'Kan det vara samma aktivitet?' });
    const box = warning.closest('.double-warning') as HTMLElement;
    const link = within(box).getByRole('link');
    expect(link.textContent).toBe('Nätverksträff: barn och unga (öppnas i en ny flik, så att formuläret står kvar)');
    expect(link.getAttribute('href')).toBe('/aktiviteter/40');
    const asked = server.requests.find((r) => r.startsWith('GET /api/v1/activities/similar?'))!;
    expect(Object.fromEntries(new URLSearchParams(asked.split('?')[1]))).toEqual({ date: '2018-05-14', title: 'Nätverksträff barn och unga', excludeId: '12' });
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(server.puts).toHaveLength(0);
    await user.click(within(box).getByRole('button', { name: 'Spara ändå' }));
    expect(server.puts).toHaveLength(1);
  });

  it('asks before leaving a changed form, keeps a draft, and offers it on return', async () => {
    const user = userEvent.setup();
    const router = renderApp('/aktiviteter/12');
    const title = await screen.findByLabelText(/^Titel/);
    await user.type(title, ' (utkast)');
    await user.click(screen.getByRole('link', { name: /Till aktivitetslistan/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Lämna formuläret?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stanna kvar' }));
    expect(router.state.location.pathname).toBe('/aktiviteter/12');
    expect(JSON.parse(localStorage.getItem('fou.draft.1.1.edit-12')!).state.title).toBe('Nätverksträff barn och unga (utkast)');
    await user.click(screen.getByRole('link', { name: /Till aktivitetslistan/ }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Lämna formuläret?' })).getByRole('button', { name: 'Lämna formuläret' }));
    await screen.findByRole('heading', { name: 'Listan' });

    await router.navigate('/aktiviteter/12');
    await user.click(await screen.findByRole('button', { name: 'Fortsätt med utkastet' }));
    expect((screen.getByLabelText(/^Titel/) as HTMLInputElement).value).toBe('Nätverksträff barn och unga (utkast)');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await screen.findByText(/Ändringarna i/);
    expect(server.puts.at(-1)).toMatchObject({ title: 'Nätverksträff barn och unga (utkast)', version: 3 });
    expect(localStorage.getItem('fou.draft.1.1.edit-12')).toBeNull();
  });

  it('a discarded draft is gone, and the form starts from the saved activity', async () => {
    const user = userEvent.setup();
    localStorage.setItem('fou.draft.1.1.edit-12', JSON.stringify({ state: { ...formFromActivity(server.activity), title: 'Halvfärdig' }, savedAt: '2026-12-01T09:00:00Z', version: 3 }));
    renderApp('/aktiviteter/12');
    await user.click(await screen.findByRole('button', { name: 'Släng utkastet' }));
    expect((screen.getByLabelText(/^Titel/) as HTMLInputElement).value).toBe('Nätverksträff barn och unga');
    expect(localStorage.getItem('fou.draft.1.1.edit-12')).toBeNull();
  });

  it('"Kopiera" opens a new form prefilled from the activity, dated today, saved only on submit', async () => {
    const user = userEvent.setup();
    const router = renderApp('/aktiviteter/12');
    await user.click(await screen.findByRole('link', { name: 'Kopiera: Nätverksträff barn och unga' }));
    expect(router.state.location.pathname + router.state.location.search).toBe('/?kopia=12');
    const title = await screen.findByLabelText(/^Titel/);
    expect((title as HTMLInputElement).value).toBe('Nätverksträff barn och unga');
    expect((screen.getByLabelText(/^Datum/) as HTMLInputElement).value).toBe(todayInSweden());
    expect((screen.getByRole('checkbox', { name: ekero.name }) as HTMLInputElement).checked).toBe(true);
    expect(server.posts).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await screen.findByRole('button', { name: 'Registrera en till' });
    expect(server.posts).toHaveLength(1);
    expect(server.posts[0]).toMatchObject({ title: 'Nätverksträff barn och unga', date: todayInSweden(), municipalityIds: [ekero.id] });
  });
});
