import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Link, RouterProvider } from 'react-router-dom';
import { todayInSweden } from '@fou/domain';
import type { ActivityType, Area, Municipality, PeriodLock, Staff } from '../api/reference-queries.ts';
import { reference } from '../test/reference-fixture.ts';

/**
 * A stand-in API holding the registers in memory; openapi-fetch takes globalThis.fetch when the client is created.
 * Writes change the lists, so what the page shows after a save is what a later GET answers.
 */
const server = vi.hoisted(() => {
  const s = {
    staff: [] as Staff[],
    types: [] as ActivityType[],
    municipalities: [] as Municipality[],
    areas: [] as Area[],
    locks: [] as PeriodLock[],
    overrides: [] as { year: number; kind: string; count: number }[],
    reference: null as unknown as Record<string, unknown>,
    nextId: 1000,
    requests: [] as { method: string; path: string; body: unknown }[],
    /** The next write answers with this instead of saving. */
    nextWriteAnswer: null as null | { status: number; body: unknown },
  };
  const json = (status: number, body: unknown) => new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = (async (input: Request) => {
    const url = new URL(input.url);
    const path = url.pathname.replace('/api/v1', '');
    const text = input.method === 'GET' ? '' : await input.text();
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    s.requests.push({ method: input.method, path, body });
    if (input.method !== 'GET' && s.nextWriteAnswer) {
      const a = s.nextWriteAnswer;
      s.nextWriteAnswer = null;
      return json(a.status, a.body);
    }
    const id = Number(path.split('/')[2]);
    if (path === '/staff') {
      if (input.method === 'GET') return json(200, s.staff);
      // As the API: a namesake (case and spacing aside) is a 409 until the request confirms it.
      const key = (n: string) => n.toLowerCase().replace(/\s+/g, ' ').trim();
      if (!body!.confirmDuplicateName && s.staff.some((x) => key(x.name) === key(String(body!.name)))) {
        return json(409, { statusCode: 409, error: 'Conflict', message: 'Det finns redan en medarbetare som heter så.', code: 'duplicate_name' });
      }
      const row = { id: s.nextId++, name: String(body!.name), title: (body!.title as string | null) ?? null, active: true };
      s.staff.push(row);
      s.staff.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
      return json(201, row);
    }
    if (path.startsWith('/staff/')) {
      s.staff = s.staff.map((x) => (x.id === id ? { ...x, ...body } : x));
      return json(200, s.staff.find((x) => x.id === id));
    }
    if (path === '/reference') return json(200, { ...s.reference, staff: s.staff });
    if (path === '/activity-types') return json(200, s.types);
    if (path === '/assignments') return json(200, []);
    if (path === '/municipalities') return json(200, s.municipalities);
    if (/^\/municipalities\/\d+$/.test(path)) {
      s.municipalities = s.municipalities.map((x) => (x.id === id ? { ...x, ...body } : x));
      return json(200, s.municipalities.find((x) => x.id === id));
    }
    if (path === '/areas') {
      if (input.method === 'GET') return json(200, s.areas);
      const row = { id: s.nextId++, code: String(body!.code), name: String(body!.name), nameEn: (body!.nameEn as string | null) ?? null, reportLabel: (body!.reportLabel as string | null) ?? null, parentId: (body!.parentId as number | null) ?? null, sortOrder: Number(body!.sortOrder ?? 0), active: true, isLeaf: true };
      s.areas.push(row);
      return json(201, row);
    }
    if (path.startsWith('/areas/')) {
      s.areas = s.areas.map((x) => (x.id === id ? { ...x, ...body } : x));
      return json(200, s.areas.find((x) => x.id === id));
    }
    const yearPut = /^\/municipalities\/(\d+)\/years\/(\d+)$/.exec(path);
    if (yearPut) {
      const year = Number(yearPut[2]);
      s.municipalities = s.municipalities.map((m) =>
        m.id === Number(yearPut[1]) ? { ...m, years: [...m.years.filter((y) => y.year !== year), { year, population: body!.population as number | null, feeSek: body!.feeSek as number | null }] } : m,
      );
      return json(200, s.municipalities.find((m) => m.id === Number(yearPut[1])));
    }
    if (path === '/period-locks') return json(200, s.locks);
    if (path === '/activities/text-warning-overrides') return json(200, { items: s.overrides });
    if (path.startsWith('/period-locks/')) {
      const year = Number(path.split('/')[2]);
      if (input.method === 'DELETE') {
        s.locks = s.locks.filter((l) => l.year !== year);
        return json(204, null);
      }
      const lock = { year, lockedAt: '2026-02-10T09:30:00.000Z', lockedBy: 1 };
      s.locks.push(lock);
      return json(200, lock);
    }
    if (path === '/users') return json(200, [{ id: 1, username: 'test-chef', displayName: 'Test chef', role: 'chef', staffId: null, mustChangePassword: false, active: true, lastLoginAt: null, createdAt: '2026-01-01T00:00:00Z' }]);
    return json(404, { statusCode: 404, error: 'Not Found', message: 'okänd' });
  }) as typeof fetch;
  return s;
});

import { routes } from '../App.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';
import { installDialogPolyfill } from '../test/dialog-polyfill.ts';
import type { Role } from '../api/client.ts';
import { useReference } from '../api/queries.ts';
import { RegistersPage } from './RegistersPage.tsx';

beforeAll(installDialogPolyfill);

beforeEach(() => {
  localStorage.setItem('fou.lang', 'sv');
  server.staff = reference.staff.map((x) => ({ ...x }));
  server.types = reference.activityTypes.map((x) => ({ ...x }));
  server.municipalities = reference.municipalities.map((m) => ({ ...m, years: [...m.years] }));
  server.areas = reference.areas.map((x) => ({ ...x }));
  server.locks = [];
  server.overrides = [];
  server.reference = reference;
  server.requests.length = 0;
  server.nextWriteAnswer = null;
});
afterEach(cleanup);

function renderAs(role: Role, path = '/register') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <Providers me={meAs(role)}>
      <RouterProvider router={router} />
    </Providers>,
  );
}

const writes = () => server.requests.filter((r) => r.method !== 'GET');
// The page is a lazy route: its sections appear once its code has loaded.
const section = (name: string) => screen.findByRole('region', { name });

describe('registers page', () => {
  it.each(['medarbetare', 'rad'] as const)('refuses a %s and asks the API for nothing', async (role) => {
    renderAs(role);
    expect((await screen.findByRole('alert')).textContent).toBe('Du har inte behörighet till den här sidan.');
    expect(screen.queryByRole('heading', { level: 1, name: 'Register' })).toBeNull();
    expect(within(screen.getByRole('navigation', { name: 'Huvudmeny' })).queryByRole('link', { name: 'Register' })).toBeNull();
    expect(server.requests).toEqual([]);
  });

  it('shows one register at a time, chosen from the page’s own menu', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    await screen.findByRole('heading', { level: 1, name: 'Register' });
    const menu = screen.getByRole('navigation', { name: 'Välj register' });
    expect(within(menu).getAllByRole('link').map((l) => l.textContent)).toEqual(['Medarbetare', 'Aktivitetstyper', 'Målgrupper', 'Uppdrag', 'Kommuner', 'Verksamhetsområden', 'Låsta år', 'Varningar om klientuppgifter']);
    expect(within(menu).getByRole('link', { current: 'page' }).textContent).toBe('Medarbetare');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Medarbetare']);
    await user.type(await within(await section('Medarbetare')).findByLabelText(/^Namn/), 'Halvfärdig');
    await user.click(within(menu).getByRole('link', { name: 'Uppdrag' }));
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Uppdrag']);
    expect(within(menu).getByRole('link', { current: 'page' }).textContent).toBe('Uppdrag');
    expect(document.title).toBe('Uppdrag – Register – FoU-uppföljning');
    await user.click(within(menu).getByRole('link', { name: 'Medarbetare' }));
    expect((within(await section('Medarbetare')).getByLabelText(/^Namn/) as HTMLInputElement).value).toBe('');
  });

  it('adds a staff member with the body the API takes and lists them', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    await screen.findByRole('heading', { level: 1, name: 'Register' });
    const staff = await section('Medarbetare');
    await within(staff).findByRole('rowheader', { name: reference.staff[0]!.name });
    await user.type(within(staff).getByLabelText(/^Namn/), 'Eva Ek');
    await user.type(within(staff).getByLabelText(/^Titel/), 'Utredare ');
    await user.click(within(staff).getByRole('button', { name: 'Lägg till' }));
    expect(await within(staff).findByRole('rowheader', { name: 'Eva Ek' })).toBeTruthy();
    expect(writes()).toEqual([{ method: 'POST', path: '/staff', body: { name: 'Eva Ek', title: 'Utredare' } }]);
    expect(within(staff).getByRole('status').textContent).toBe('”Eva Ek” är tillagd och erbjuds i formulären.');
    // The form is empty again, with the focus in its first field for the next one.
    expect((within(staff).getByLabelText(/^Namn/) as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(within(staff).getByLabelText(/^Namn/));
  });

  it('warns of a namesake and adds them only once the chief confirms, sending the confirmation', async () => {
    const user = userEvent.setup();
    server.staff = [{ id: 1, name: 'Maria Svensson', title: 'utvecklingsledare', active: true }, { id: 2, name: 'Maria svensson', title: null, active: false }];
    renderAs('chef');
    const staff = await section('Medarbetare');
    await within(staff).findAllByRole('rowheader', { name: /Maria Svensson/i });
    await user.type(within(staff).getByLabelText(/^Namn/), ' maria  svensson');
    await user.type(within(staff).getByLabelText(/^Titel/), 'forskare');
    await user.click(within(staff).getByRole('button', { name: 'Lägg till' }));
    const warning = await within(staff).findByRole('alert');
    expect(warning.textContent).toContain('Det finns redan en medarbetare som heter Maria Svensson (utvecklingsledare), Maria svensson (inaktiv). Är det en annan person med samma namn kan du spara ändå.');
    expect(document.activeElement).toBe(warning);
    expect(within(staff).getAllByRole('rowheader')).toHaveLength(2);
    await user.click(within(warning).getByRole('button', { name: 'Spara ändå' }));
    expect(await within(staff).findByRole('status')).toHaveProperty('textContent', '”maria  svensson” är tillagd och erbjuds i formulären.');
    expect(within(staff).getAllByRole('rowheader')).toHaveLength(3);
    expect(writes()).toEqual([
      { method: 'POST', path: '/staff', body: { name: 'maria  svensson', title: 'forskare' } },
      { method: 'POST', path: '/staff', body: { name: 'maria  svensson', title: 'forskare', confirmDuplicateName: true } },
    ]);
    expect(within(staff).queryByRole('alert')).toBeNull();
  });

  it('withdraws the namesake warning when the name is changed', async () => {
    const user = userEvent.setup();
    server.staff = [{ id: 1, name: 'Maria Svensson', title: null, active: true }];
    renderAs('chef');
    const staff = await section('Medarbetare');
    await within(staff).findByRole('rowheader', { name: 'Maria Svensson' });
    await user.type(within(staff).getByLabelText(/^Namn/), 'Maria Svensson');
    await user.click(within(staff).getByRole('button', { name: 'Lägg till' }));
    expect((await within(staff).findByRole('alert')).textContent).toContain('heter Maria Svensson.');
    await user.type(within(staff).getByLabelText(/^Namn/), ' Ek');
    expect(within(staff).queryByRole('alert')).toBeNull();
    await user.click(within(staff).getByRole('button', { name: 'Lägg till' }));
    expect(await within(staff).findByRole('rowheader', { name: 'Maria Svensson Ek' })).toBeTruthy();
  });

  it('a new staff member reaches the reference data the activity form is built from', async () => {
    const user = userEvent.setup();
    // What the activity form reads: the reference bundle, fetched before the change and cached.
    function FormStaff() {
      const names = useReference().data?.staff.map((x) => x.name);
      return names ? <p data-testid="form-staff">{names.join(', ')}</p> : null;
    }
    const router = createMemoryRouter([{ path: '/register', element: <><RegistersPage /><FormStaff /></> }], { initialEntries: ['/register'] });
    render(
      <Providers me={meAs('chef')}>
        <RouterProvider router={router} />
      </Providers>,
    );
    expect((await screen.findByTestId('form-staff')).textContent).toBe(reference.staff.map((x) => x.name).join(', '));
    const staff = await section('Medarbetare');
    await user.type(await within(staff).findByLabelText(/^Namn/), 'Eva Ek');
    await user.click(within(staff).getByRole('button', { name: 'Lägg till' }));
    await vi.waitFor(() => expect(screen.getByTestId('form-staff').textContent).toContain('Eva Ek'));
  });

  it('a deactivation reaches a form opened afterwards, without a moment of the old list', async () => {
    const user = userEvent.setup();
    const anna = reference.staff[0]!;
    // The activity form's staff as it first renders, from whatever the cache holds.
    function FormStaff() {
      const names = useReference().data?.staff.filter((x) => x.active).map((x) => x.name);
      return names ? <p data-testid="form-staff">{names.join(', ')}</p> : null;
    }
    const router = createMemoryRouter(
      [
        { path: '/form', element: <><FormStaff /><Link to="/register">Register</Link></> },
        { path: '/register', element: <><RegistersPage /><Link to="/form">Formuläret</Link></> },
      ],
      { initialEntries: ['/form'] },
    );
    render(
      <Providers me={meAs('chef')}>
        <RouterProvider router={router} />
      </Providers>,
    );
    expect((await screen.findByTestId('form-staff')).textContent).toContain(anna.name);
    await user.click(screen.getByRole('link', { name: 'Register' }));
    await user.click(await within(await section('Medarbetare')).findByRole('button', { name: `Inaktivera ${anna.name}` }));
    await within(await section('Medarbetare')).findByText(`”${anna.name}” är inaktiverad och erbjuds inte längre i formulären.`);
    // With no form on screen the bundle was fetched anew before the change was confirmed.
    const paths = server.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths.slice(paths.indexOf(`PATCH /staff/${anna.id}`))).toContain('GET /reference');
    await user.click(screen.getByRole('link', { name: 'Formuläret' }));
    expect(screen.getByTestId('form-staff').textContent).not.toContain(anna.name);
  });

  it('asks for a name without calling the API', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    const staff = await section('Medarbetare');
    await within(staff).findByRole('rowheader', { name: reference.staff[0]!.name });
    await user.click(within(staff).getByRole('button', { name: 'Lägg till' }));
    const name = within(staff).getByLabelText(/^Namn/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe('Fyll i fältet.');
    expect(document.activeElement).toBe(name);
    expect(writes()).toEqual([]);
  });

  it('puts the API’s 400 field error beside its field and moves the focus there', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    const staff = await section('Medarbetare');
    await within(staff).findByRole('rowheader', { name: reference.staff[0]!.name });
    const message = 'Titeln får vara högst 100 tecken.';
    server.nextWriteAnswer = {
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'Ogiltig indata: se fields.', fields: [{ field: 'title', in: 'body', code: 'too_big', message }] },
    };
    await user.type(within(staff).getByLabelText(/^Namn/), 'Eva Ek');
    await user.type(within(staff).getByLabelText(/^Titel/), 'Utredare');
    await user.click(within(staff).getByRole('button', { name: 'Lägg till' }));
    const title = within(staff).getByLabelText(/^Titel/);
    await vi.waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    const described = title.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain(message);
    expect(document.activeElement).toBe(title);
    expect(within(staff).getByLabelText(/^Namn/).getAttribute('aria-invalid')).toBeNull();
    // What was typed stays, to be corrected.
    expect((within(staff).getByLabelText(/^Namn/) as HTMLInputElement).value).toBe('Eva Ek');
  });

  it('shows a personnummer refusal in Swedish beside the field, by its code', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    const staff = await section('Medarbetare');
    await within(staff).findByRole('rowheader', { name: reference.staff[0]!.name });
    server.nextWriteAnswer = {
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'Ogiltig indata: se fields.', fields: [{ field: 'name', in: 'body', code: 'personal_identity_number', message: 'x' }] },
    };
    await user.type(within(staff).getByLabelText(/^Namn/), 'Eva 19121212-1212');
    await user.click(within(staff).getByRole('button', { name: 'Lägg till' }));
    const name = within(staff).getByLabelText(/^Namn/);
    await vi.waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const described = name.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Texten innehåller ett personnummer eller samordningsnummer. Klientuppgifter får inte registreras. Är det ett telefonnummer, skriv det med mellanslag, t.ex. 070-123 45 02.');
  });

  it('shows the chief how often the client-data warnings were saved past: counts per year, no texts', async () => {
    server.overrides = [
      { year: 2025, kind: 'client_name', count: 4 },
      { year: 2026, kind: 'client_name', count: 2 },
      { year: 2026, kind: 'mistyped_personal_identity_number', count: 1 },
    ];
    renderAs('chef', '/register?visa=textvarningar');
    const region = await section('Varningar om klientuppgifter');
    const rows = await within(region).findAllByRole('row');
    expect(rows.map((r) => within(r).queryAllByRole('cell').map((c) => c.textContent))).toEqual([[], ['1', '2', '3'], ['0', '4', '4']]);
    expect(rows.slice(1).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['2026', '2025']);
    expect(within(region).getByRole('table', { name: 'Sparade trots varning, per år' })).toBeTruthy();
  });

  it('says so when no warning was ever saved past', async () => {
    renderAs('chef', '/register?visa=textvarningar');
    const region = await section('Varningar om klientuppgifter');
    expect(await within(region).findByText('Ingen har sparat en aktivitet trots en varning.')).toBeTruthy();
  });

  it('says in words when an activity type already exists (409)', async () => {
    const user = userEvent.setup();
    renderAs('chef', '/register?visa=aktivitetstyper');
    const types = await section('Aktivitetstyper');
    const existing = reference.activityTypes[0]!.name;
    await within(types).findByRole('rowheader', { name: existing });
    server.nextWriteAnswer = { status: 409, body: { statusCode: 409, error: 'Conflict', message: `Aktivitetstypen ${existing} finns redan.`, code: 'already_exists' } };
    await user.type(within(types).getByLabelText(/^Namn/), existing);
    await user.click(within(types).getByRole('button', { name: 'Lägg till' }));
    const alert = await within(types).findByRole('alert');
    expect(alert.textContent).toBe(`Aktivitetstypen ${existing} finns redan. Står den som inaktiv i listan ovan kan du aktivera den i stället.`);
    expect(document.activeElement).toBe(alert);
    // Without a place given, the new type goes after the last one.
    expect(writes()[0]!.body).toEqual({ name: existing, nameEn: null, sortOrder: Math.max(...reference.activityTypes.map((x) => x.sortOrder)) + 1 });
  });

  it('a long list offers a link straight to its add form, and the short staff list needs none', async () => {
    const user = userEvent.setup();
    expect(reference.activityTypes.length).toBeGreaterThan(10);
    renderAs('chef', '/register?visa=aktivitetstyper');
    const types = await section('Aktivitetstyper');
    await within(types).findByRole('rowheader', { name: reference.activityTypes[0]!.name });
    await user.click(within(types).getByRole('link', { name: 'Lägg till en aktivitetstyp' }));
    expect(document.activeElement).toBe(within(types).getByLabelText(/^Namn/));
    cleanup();
    renderAs('chef');
    const staff = await section('Medarbetare');
    await within(staff).findByRole('rowheader', { name: reference.staff[0]!.name });
    expect(within(staff).queryByRole('link')).toBeNull();
  });

  it('deactivates a staff member with active: false, keeps them listed as Inaktiv, and can bring them back', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    const anna = reference.staff[0]!;
    const staff = await section('Medarbetare');
    await user.click(await within(staff).findByRole('button', { name: `Inaktivera ${anna.name}` }));
    const row = await within(staff).findByRole('row', { name: new RegExp(`^${anna.name} Inaktiv`) });
    expect(writes()).toEqual([{ method: 'PATCH', path: `/staff/${anna.id}`, body: { active: false } }]);
    expect(within(staff).getByRole('status').textContent).toContain('inte längre');
    await user.click(within(row).getByRole('button', { name: `Aktivera ${anna.name}` }));
    await within(staff).findByRole('button', { name: `Inaktivera ${anna.name}` });
    expect(writes().at(-1)).toEqual({ method: 'PATCH', path: `/staff/${anna.id}`, body: { active: true } });
  });

  it('changes a staff member’s name through “Ändra” and returns the focus to the row', async () => {
    const user = userEvent.setup();
    renderAs('chef');
    const bjorn = reference.staff[1]!;
    const staff = await section('Medarbetare');
    await user.click(await within(staff).findByRole('button', { name: `Ändra ${bjorn.name}` }));
    const name = within(staff).getByLabelText(/^Namn/) as HTMLInputElement;
    expect(within(staff).getByRole('heading', { level: 3 }).textContent).toBe(`Ändra ${bjorn.name}`);
    await vi.waitFor(() => expect(document.activeElement).toBe(name));
    expect(name.value).toBe(bjorn.name);
    await user.clear(name);
    await user.type(name, 'Björn Bergström');
    await user.click(within(staff).getByRole('button', { name: 'Spara' }));
    await within(staff).findByRole('rowheader', { name: 'Björn Bergström' });
    expect(writes()).toEqual([{ method: 'PATCH', path: `/staff/${bjorn.id}`, body: { name: 'Björn Bergström', title: null } }]);
    await vi.waitFor(() => expect(document.activeElement).toBe(within(staff).getByRole('button', { name: 'Ändra Björn Bergström' })));
  });

  it('saves a municipality’s population and fee for the chosen year, written the Swedish way', async () => {
    const user = userEvent.setup();
    renderAs('chef', '/register?visa=kommuner');
    const kommuner = await section('Kommuner');
    const ekero = reference.municipalities[0]!;
    await within(kommuner).findByRole('button', { name: `Ändra ${ekero.name}` });
    await user.selectOptions(within(kommuner).getByLabelText('År'), '2019');
    await user.click(within(kommuner).getByRole('button', { name: `Ändra ${ekero.name}` }));
    await user.type(within(kommuner).getByLabelText(/^Befolkning 2019/), '27 500');
    await user.type(within(kommuner).getByLabelText(/^Avgift 2019/), '250000');
    await user.click(within(kommuner).getByRole('button', { name: 'Spara' }));
    const row = await within(kommuner).findByRole('row', { name: new RegExp(`^${ekero.name} `) });
    await vi.waitFor(() => expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['27\u00a0500', '250\u00a0000', expect.any(String)]));
    expect(writes()).toEqual([{ method: 'PUT', path: `/municipalities/${ekero.id}/years/2019`, body: { population: 27500, feeSek: 250000 } }]);
  });

  it('locks a year only after the confirmation, and unlocks after another', async () => {
    const user = userEvent.setup();
    renderAs('chef', '/register?visa=lasta-ar');
    const locks = await section('Låsta år');
    const field = await within(locks).findByLabelText(/^År att låsa/);
    expect((field as HTMLInputElement).value).toBe(String(Number(todayInSweden().slice(0, 4)) - 1));
    await user.clear(field);
    await user.type(field, '2018');
    await user.click(within(locks).getByRole('button', { name: 'Lås året' }));
    const dialog = screen.getByRole('dialog', { name: 'Lås år 2018?' });
    expect(dialog.textContent).toContain('verksamhetsberättelsen för 2018 är fastställd');
    expect(writes()).toEqual([]);
    // Cancelling sends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(writes()).toEqual([]);

    await user.click(within(locks).getByRole('button', { name: 'Lås året' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Ja, lås 2018' }));
    expect((await within(locks).findByRole('status')).textContent).toBe('År 2018 är låst.');
    expect(writes()).toEqual([{ method: 'PUT', path: '/period-locks/2018', body: undefined }]);
    const row = await within(locks).findByRole('row', { name: /^2018 / });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2026-02-10 10:30', 'Test chef', 'Lås upp 2018']);

    await user.click(within(row).getByRole('button', { name: 'Lås upp 2018' }));
    const unlock = screen.getByRole('dialog', { name: 'Lås upp år 2018?' });
    expect(writes()).toHaveLength(1);
    await user.click(within(unlock).getByRole('button', { name: 'Ja, lås upp 2018' }));
    await within(locks).findByText('Inga år är låsta.');
    expect(writes().at(-1)).toEqual({ method: 'DELETE', path: '/period-locks/2018', body: undefined });
  });

  it('refuses to lock a year that is already locked, beside the field', async () => {
    const user = userEvent.setup();
    server.locks = [{ year: 2017, lockedAt: '2018-03-01T08:00:00.000Z', lockedBy: null }];
    renderAs('chef', '/register?visa=lasta-ar');
    const locks = await section('Låsta år');
    await within(locks).findByRole('rowheader', { name: '2017' });
    const field = within(locks).getByLabelText(/^År att låsa/);
    await user.clear(field);
    await user.type(field, '2017');
    await user.click(within(locks).getByRole('button', { name: 'Lås året' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('År 2017 är redan låst.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(writes()).toEqual([]);
  });

  it('adds a sub-area under the group chosen, with a code made from its name, and cannot move it afterwards', async () => {
    const user = userEvent.setup();
    renderAs('chef', '/register?visa=omraden');
    const areas = await section('Verksamhetsområden');
    const vuxen = reference.areas.find((a) => a.code === 'vuxen')!;
    const siblings = reference.areas.filter((a) => a.parentId === vuxen.id);
    // Each sub-area says which area it is part of.
    const missbruk = await within(areas).findByRole('row', { name: /^Missbruk / });
    expect(within(missbruk).getAllByRole('cell')[0]!.textContent).toBe(vuxen.name);
    await user.type(within(areas).getByLabelText(/^Namn \(/), 'Våld i nära relationer');
    await user.selectOptions(within(areas).getByLabelText(/^Ingår i/), vuxen.name);
    await user.click(within(areas).getByRole('button', { name: 'Lägg till' }));
    const row = await within(areas).findByRole('row', { name: /^Våld i nära relationer / });
    expect(within(row).getAllByRole('cell')[0]!.textContent).toBe(vuxen.name);
    expect(writes()).toEqual([{
      method: 'POST', path: '/areas',
      body: { code: 'vald-i-nara-relationer', name: 'Våld i nära relationer', nameEn: null, parentId: vuxen.id, reportLabel: null, sortOrder: Math.max(...siblings.map((a) => a.sortOrder)) + 1 },
    }]);
    expect(within(areas).getByRole('status').textContent).toBe('”Våld i nära relationer” är tillagd och erbjuds i formulären.');

    await user.click(within(areas).getByRole('button', { name: `Ändra ${vuxen.name}` }));
    expect(within(areas).queryByLabelText(/^Ingår i/)).toBeNull();
    const label = within(areas).getByLabelText(/^Namn i verksamhetsberättelsen/) as HTMLInputElement;
    expect(label.value).toBe(vuxen.reportLabel ?? '');
    await user.clear(label);
    await user.click(within(areas).getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(writes()).toHaveLength(2));
    expect(writes()[1]).toEqual({ method: 'PATCH', path: `/areas/${vuxen.id}`, body: { name: vuxen.name, nameEn: 'Adults', reportLabel: null, sortOrder: vuxen.sortOrder } });
  });

  it('explains a 409 that is not a taken name in the API’s words, without suggesting to reactivate', async () => {
    const user = userEvent.setup();
    renderAs('chef', '/register?visa=omraden');
    const areas = await section('Verksamhetsområden');
    const ifo = reference.areas.find((a) => a.code === 'ifo')!;
    await within(areas).findByRole('rowheader', { name: ifo.name });
    const message = `${ifo.name} har 120 aktiviteter och kan inte få underområden: flytta dem först.`;
    server.nextWriteAnswer = { status: 409, body: { statusCode: 409, error: 'Conflict', message } };
    await user.type(within(areas).getByLabelText(/^Namn \(/), 'Del av IFO');
    await user.selectOptions(within(areas).getByLabelText(/^Ingår i/), ifo.name);
    await user.click(within(areas).getByRole('button', { name: 'Lägg till' }));
    const alert = await within(areas).findByRole('alert');
    expect(alert.textContent).toBe(message);
    expect(document.activeElement).toBe(alert);
    // What was typed stays for another try.
    expect((within(areas).getByLabelText(/^Namn \(/) as HTMLInputElement).value).toBe('Del av IFO');
  });

  it('moves a municipality in the list with its place, and sends only what changed', async () => {
    const user = userEvent.setup();
    renderAs('chef', '/register?visa=kommuner');
    const kommuner = await section('Kommuner');
    const solna = reference.municipalities.find((m) => m.code === 'solna')!;
    await user.click(await within(kommuner).findByRole('button', { name: `Ändra ${solna.name}` }));
    const place = within(kommuner).getByLabelText(/^Plats i listan/) as HTMLInputElement;
    expect(place.value).toBe(String(solna.sortOrder));
    await user.clear(place);
    await user.type(place, '0');
    await user.click(within(kommuner).getByRole('button', { name: 'Spara' }));
    await within(kommuner).findByText(`Ändringarna för ”${solna.name}” är sparade.`);
    expect(writes()).toEqual([{ method: 'PATCH', path: `/municipalities/${solna.id}`, body: { sortOrder: 0 } }]);
  });
});
