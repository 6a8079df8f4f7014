import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActivityForm } from './ActivityForm.tsx';
import { emptyForm, errorsFromApi } from './activity-form-model.ts';
import { Providers } from '../test/signed-in.tsx';
import type { ReferenceData } from '../api/client.ts';
import { reference } from '../test/reference-fixture.ts';

afterEach(cleanup);

function renderForm(date: string, overrides: Partial<Parameters<typeof ActivityForm>[0]> = {}) {
  const onSubmit = vi.fn();
  render(
    <Providers me={null}>
      <ActivityForm reference={reference} initial={emptyForm(date)} goalSuggestions={[]} saving={false} serverErrors={{}} onSubmit={onSubmit} {...overrides} />
    </Providers>,
  );
  return { onSubmit };
}

const goalGroup = () => screen.getByRole('group', { name: /^Resultatmål/ });
const goalLabels = () => within(goalGroup()).getAllByRole('radio').map((r) => r.closest('.choice')!.querySelector('.choice__label')!.textContent);
const frameworkGoals = (code: string, ref: ReferenceData = reference) =>
  ref.goalFrameworks.find((f) => f.code === code)!.goals.sort((a, b) => a.sortOrder - b.sortOrder).map((g) => g.name);

describe('ActivityForm', () => {
  it('offers the VP 2024 goals on 2024-01-01 and the VP 2018 goals on 2023-12-31', async () => {
    renderForm('2024-01-01');
    expect(goalLabels()).toEqual(frameworkGoals('vp2024'));
    cleanup();
    renderForm('2023-12-31');
    expect(goalLabels()).toEqual(frameworkGoals('vp2018'));
    expect(frameworkGoals('vp2018')).not.toEqual(frameworkGoals('vp2024'));
  });

  it('switches the goals when the date moves across the framework boundary', async () => {
    const user = userEvent.setup();
    renderForm('2023-12-31');
    const date = screen.getByLabelText(/^Datum/);
    await user.clear(date);
    await user.type(date, '2024-02-01');
    expect(goalLabels()).toEqual(frameworkGoals('vp2024'));
  });

  it('keeps the chosen goal by its key when the date moves into the next framework, and says so when it cannot', async () => {
    const user = userEvent.setup();
    const checkedGoal = () => within(goalGroup()).getAllByRole('radio').find((r) => (r as HTMLInputElement).checked);
    const samverkan = (ref: ReferenceData, code: string) => ref.goalFrameworks.find((f) => f.code === code)!.goals.find((g) => g.key === 'samverkan');
    renderForm('2023-12-31');
    await user.click(within(goalGroup()).getByRole('radio', { name: new RegExp(`^${samverkan(reference, 'vp2018')!.name}`) }));
    const date = screen.getByLabelText(/^Datum/);
    await user.clear(date);
    await user.type(date, '2024-02-01');
    expect(checkedGoal()?.getAttribute('id')).toBe(`goal-${samverkan(reference, 'vp2024')!.id}`);
    cleanup();

    // A framework without the goal's key: the goal is dropped, and the hint says which one must be chosen again.
    const fewer: ReferenceData = { ...reference, goalFrameworks: reference.goalFrameworks.map((f) => (f.code === 'vp2024' ? { ...f, goals: f.goals.filter((g) => g.key !== 'samverkan') } : f)) };
    renderForm('2023-12-31', { reference: fewer });
    const old = samverkan(fewer, 'vp2018')!;
    await user.click(within(goalGroup()).getByRole('radio', { name: new RegExp(`^${old.name}`) }));
    const date2 = screen.getByLabelText(/^Datum/);
    await user.clear(date2);
    await user.type(date2, '2024-02-01');
    expect(checkedGoal()).toBeUndefined();
    const vp2024Name = fewer.goalFrameworks.find((f) => f.code === 'vp2024')!.name;
    expect(within(goalGroup()).getByText(`Målet ”${old.shortName ?? old.name}” finns inte i ${vp2024Name}, som gäller på det nya datumet. Välj mål igen.`)).toBeTruthy();
    await user.click(within(goalGroup()).getAllByRole('radio')[0]!);
    expect(within(goalGroup()).queryByText(/Välj mål igen/)).toBeNull();
  });

  it('says a date field holding no real date (30 February) does not exist, instead of asking to fill it in', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm('2018-03-14');
    const date = screen.getByLabelText(/^Datum/) as HTMLInputElement;
    // A browser's date field gives '' with badInput for 30 February; jsdom knows no badInput, so it is set here.
    Object.defineProperty(date, 'validity', { configurable: true, value: { badInput: true, valid: false } });
    fireEvent.change(date, { target: { value: '' } });
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(within(summary).getByText('Datum: Det datumet finns inte i kalendern. Kontrollera dag och månad.')).toBeTruthy();
    expect(within(summary).queryByText(/Datum: Fyll i fältet/)).toBeNull();
    // 1899 was written as ÅÅÅÅ-MM-DD: the message says what is wrong with it.
    Object.defineProperty(date, 'validity', { configurable: true, value: { badInput: false, valid: false } });
    fireEvent.change(date, { target: { value: '1899-01-01' } });
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(within(screen.getByRole('alert')).getByText('Datum: Datumet ligger före 1 januari 2000, det tidigaste som går att registrera.')).toBeTruthy();
  });

  it('names the format Genomförande and explains the line in one line', () => {
    renderForm('2024-03-01');
    expect(screen.getByRole('group', { name: /^Genomförande/ })).toBeTruthy();
    expect(within(screen.getByRole('group', { name: /^Linje/ })).getByText(/^Första linjen: snabbt stöd som alla ägarkommuner kan ta del av\./)).toBeTruthy();
  });

  it('warns softly, in the date\'s description, when the date is more than a year ahead, and limits the picker to the range', async () => {
    const year = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()));
    const user = userEvent.setup();
    const { onSubmit } = renderForm(`${year}-03-01`);
    const date = screen.getByLabelText(/^Datum/);
    expect(date.getAttribute('min')).toBe('2000-01-01');
    expect(date.getAttribute('max')).toBe(`${year + 5}-12-31`);
    expect(screen.queryByText(/mer än ett år fram/)).toBeNull();
    await user.clear(date);
    await user.type(date, `${year + 2}-03-01`);
    const warning = screen.getByText('Datumet ligger mer än ett år fram i tiden. Stämmer året?');
    // Read out with the field (aria-describedby), and no error: the date may still be saved.
    expect(date.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent).join(' ')).toContain(warning.textContent);
    expect(date.getAttribute('aria-invalid')).toBeNull();
    await user.clear(date);
    await user.type(date, `${year + 6}-01-01`);
    await user.click(screen.getByRole('button', { name: /Spara/ }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect((await screen.findAllByText(`Datumet ligger efter 31 december ${year + 5}, det senaste som går att registrera.`, { exact: false })).length).toBeGreaterThan(0);
  });

  it('checks and unchecks all eight municipalities with "Alla"', async () => {
    const user = userEvent.setup();
    renderForm('2024-03-01');
    const group = screen.getByRole('group', { name: /^Deltagande kommuner/ });
    const all = within(group).getByRole('checkbox', { name: 'Alla' });
    const none = within(group).getByRole('checkbox', { name: 'Ingen ägarkommun (t.ex. ett nationellt nätverk)' });
    const each = within(group).getAllByRole('checkbox').filter((c) => c !== all && c !== none);
    expect(each).toHaveLength(reference.municipalities.length);
    await user.click(all);
    expect(each.every((c) => (c as HTMLInputElement).checked)).toBe(true);
    await user.click(each[0]!);
    expect((all as HTMLInputElement).checked).toBe(false);
    await user.click(each[0]!);
    expect((all as HTMLInputElement).checked).toBe(true);
    await user.click(all);
    expect(each.some((c) => (c as HTMLInputElement).checked)).toBe(false);
  });

  it('shows the server’s field errors beside their fields, described and marked invalid', () => {
    const serverErrors = errorsFromApi([
      { field: 'title', in: 'body', code: 'too_small', message: 'Titeln får inte vara tom.' },
      { field: 'staffIds', in: 'body', code: 'too_small', message: 'Minst en medarbetare.' },
    ]);
    renderForm('2024-03-01', { serverErrors });
    const title = screen.getByLabelText(/^Titel/);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = title.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(describedBy).toContain('Titeln får inte vara tom.');
    const staff = screen.getByRole('group', { name: /^Medarbetare/ });
    expect(within(staff).getByText('Minst en medarbetare.')).toBeTruthy();
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).toContain('Titeln får inte vara tom.');
  });

  it('blocks submission with Swedish messages when required fields are empty', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm('2024-03-01');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    for (const label of ['Titel', 'Typ av aktivitet', 'Resultatmål', 'Verksamhetsområde', 'Medarbetare', 'Genomförande']) {
      expect(within(summary).getByText(new RegExp(`^${label}:`))).toBeTruthy();
    }
  });

  it('suggests the goal most used with the chosen type, and the user may change it', async () => {
    const user = userEvent.setup();
    const vp2024 = reference.goalFrameworks.find((f) => f.code === 'vp2024')!;
    const [first, second] = [...vp2024.goals].sort((a, b) => a.sortOrder - b.sortOrder);
    const type = reference.activityTypes[0]!;
    const other = reference.activityTypes[1]!;
    // The API counted the second goal's key (maybe from the old framework) as the type's most used; another type the first.
    renderForm('2024-03-01', { goalSuggestions: [{ typeId: other.id, goalKey: first!.key, count: 3 }, { typeId: type.id, goalKey: second!.key, count: 2 }] });
    await user.selectOptions(screen.getByLabelText(/^Typ av aktivitet/), String(type.id));
    expect((screen.getByRole('radio', { name: new RegExp(second!.name) }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: new RegExp(first!.name) }));
    expect((screen.getByRole('radio', { name: new RegExp(second!.name) }) as HTMLInputElement).checked).toBe(false);
  });

  it('does not offer deactivated rows for a new activity, but keeps and marks them on an old one', async () => {
    const user = userEvent.setup();
    const [anna, bjorn] = reference.staff;
    const type = reference.activityTypes[1]!;
    const ekero = reference.municipalities[0]!;
    const missbruk = reference.areas.find((a) => a.code === 'missbruk')!;
    const off = <T extends { id: number; active: boolean }>(list: T[], id: number) => list.map((x) => (x.id === id ? { ...x, active: false } : x));
    const ref: ReferenceData = {
      ...reference,
      staff: off(reference.staff, bjorn!.id),
      activityTypes: off(reference.activityTypes, type.id),
      municipalities: off(reference.municipalities, ekero.id),
      areas: off(reference.areas, missbruk.id),
      assignments: [{ id: 900, title: 'BAS-utbildning', description: null, line: null, startYear: 2018, endYear: 2019, active: false }],
    };
    const boxNames = (group: RegExp) => within(screen.getByRole('group', { name: group })).getAllByRole('checkbox').map((c) => c.closest('.choice')!.querySelector('.choice__label')!.textContent);
    const options = (label: RegExp) => within(screen.getByLabelText(label)).getAllByRole('option').map((o) => o.textContent);

    renderForm('2024-03-01', { reference: ref });
    expect(boxNames(/^Medarbetare/)).toEqual([anna!.name]);
    expect(options(/^Typ av aktivitet/)).not.toContain(type.name);
    expect(options(/^Typ av aktivitet/).some((o) => o?.includes('inaktiv'))).toBe(false);
    expect(boxNames(/^Deltagande kommuner/)).toEqual(['Alla', ...reference.municipalities.slice(1).map((m) => m.name), 'Ingen ägarkommun (t.ex. ett nationellt nätverk)']);
    expect(screen.queryByRole('radio', { name: missbruk.name })).toBeNull();
    expect(options(/^Uppdrag/)).toEqual(['Inget uppdrag']);
    // "Alla" ticks the owners taking part now, and is ticked when all of them are.
    await user.click(screen.getByRole('checkbox', { name: 'Alla' }));
    expect((screen.getByRole('checkbox', { name: 'Alla' }) as HTMLInputElement).checked).toBe(true);
    cleanup();

    const old = { ...emptyForm('2018-05-14'), typeId: type.id, areaId: missbruk.id, municipalityIds: [ekero.id], staffIds: [bjorn!.id], assignmentId: 900 };
    renderForm('2018-05-14', { reference: ref, initial: old });
    const bjornBox = screen.getByRole('checkbox', { name: `${bjorn!.name} (inaktiv)` }) as HTMLInputElement;
    expect(bjornBox.checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: `${ekero.name} (inaktiv)` }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: `${missbruk.name} (inaktiv)` }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/^Typ av aktivitet/) as HTMLSelectElement).selectedOptions[0]!.textContent).toBe(`${type.name} (inaktiv)`);
    expect((screen.getByLabelText(/^Uppdrag/) as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('BAS-utbildning (inaktiv)');
    // Unticked by mistake, the inactive one stays in the list to be ticked again.
    await user.click(bjornBox);
    await user.click(screen.getByRole('checkbox', { name: `${bjorn!.name} (inaktiv)` }));
    expect((screen.getByRole('checkbox', { name: `${bjorn!.name} (inaktiv)` }) as HTMLInputElement).checked).toBe(true);
  });
});
