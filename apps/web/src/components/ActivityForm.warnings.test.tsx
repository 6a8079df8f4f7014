import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActivityForm } from './ActivityForm.tsx';
import { emptyForm, errorsFromApi, toInput, type FormState } from './activity-form-model.ts';
import { Providers } from '../test/signed-in.tsx';
import { messages } from '../i18n/messages-both.ts';
import { areaByCode, reference, vp2018Goal } from '../test/reference-fixture.ts';

afterEach(cleanup);

/** A form that passes the client's checks, so only the text warnings stand between it and a save. */
function filled(over: Partial<FormState> = {}): FormState {
  return {
    ...emptyForm('2018-03-14'), title: 'Nätverksträff', typeId: reference.activityTypes[0]!.id, goalId: vp2018Goal('spridning').id,
    areaId: areaByCode('bou').id, staffIds: [reference.staff[0]!.id], format: 'fysiskt', municipalityIds: [reference.municipalities[0]!.id], ...over,
  };
}

function renderForm(initial: FormState) {
  const onSubmit = vi.fn();
  render(
    <Providers me={null}>
      <ActivityForm reference={reference} initial={initial} goalSuggestions={[]} saving={false} serverErrors={{}} onSubmit={onSubmit} />
    </Providers>,
  );
  return { onSubmit };
}

const region = () => document.querySelector('.text-warning-region') as HTMLElement;

describe('soft warnings about client data', () => {
  it('warns in a live status region as a client word and a name are typed, asks once on save, and saves with "Spara ändå"', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm(filled());
    expect(region().getAttribute('role')).toBe('status');
    expect(region().getAttribute('aria-live')).toBe('polite');
    expect(region().textContent).toBe('');
    await user.type(screen.getByLabelText(/^Beskrivning/), 'Samtal med klienten Anna om stödet');
    expect(region().textContent).toContain('Kontrollera att texten inte innehåller klientuppgifter');
    expect(region().textContent).toContain('”klienten Anna” ser ut som ett namn på en enskild person.');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(region().querySelector('.text-warning'));
    await user.click(within(region()).getByRole('button', { name: 'Spara ändå' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const saved = onSubmit.mock.calls[0]![0] as FormState;
    expect(saved.textWarningsOverridden).toEqual(['client_name']);
    expect(toInput(saved).textWarningsOverridden).toEqual(['client_name']);
  });

  it('can be dismissed; the save then goes straight through and says what was overridden', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm(filled({ title: 'Möte 19850312-1234' }));
    expect(region().textContent).toContain('”19850312-1234” liknar ett personnummer.');
    await user.click(within(region()).getByRole('button', { name: 'Det är inga klientuppgifter' }));
    expect(region().textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect((onSubmit.mock.calls[0]![0] as FormState).textWarningsOverridden).toEqual(['mistyped_personal_identity_number']);
  });

  it('"Ändra texten" goes back to the title without saving', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm(filled({ title: 'Hembesök hos barnet Kalle' }));
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await user.click(within(region()).getByRole('button', { name: 'Ändra texten' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Titel/));
  });

  it('says nothing about ordinary texts, phone numbers and dates', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm(filled({ title: 'Nätverksträff 2018-03-14', description: 'Ring 070-123 45 67. Dnr SN 2018/123-4.' }));
    expect(region().textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(toInput(onSubmit.mock.calls[0]![0] as FormState)).not.toHaveProperty('textWarningsOverridden');
  });

  it('shows a refused text in the UI language by its code', () => {
    const fields = [
      { field: 'title', in: 'body' as const, code: 'personal_identity_number', message: 'server' },
      { field: 'description', in: 'body' as const, code: 'bidi_control', message: 'server' },
      { field: 'participants', in: 'body' as const, code: 'too_big', message: 'För stort.' },
    ];
    expect(errorsFromApi(fields, messages.sv)).toEqual({
      title: 'Texten innehåller ett personnummer eller samordningsnummer. Klientuppgifter får inte registreras. Är det ett telefonnummer, skriv det med mellanslag, t.ex. 070-123 45 02.',
      description: 'Texten innehåller ett osynligt tecken som ändrar skrivriktningen. Ta bort det eller skriv texten på nytt.',
      participants: 'För stort.',
    });
    expect(errorsFromApi(fields, messages.en).title).toMatch(/^The text contains a personal identity number/);
  });
});
