import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { useI18n } from './I18nProvider.tsx';
import { Layout } from '../components/Layout.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

function Probe() {
  const { t, date, percent, number } = useI18n();
  return (
    <p data-testid="probe">
      {t.form.titleNew}|{date('2018-03-14')}|{percent(42)}|{number(1234)}
    </p>
  );
}

function renderApp() {
  return render(
    <Providers me={meAs('chef')}>
      <MemoryRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/" element={<Probe />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

describe('i18n', () => {
  it('speaks Swedish by default with sv-SE dates and "42 %"', () => {
    renderApp();
    // Intl separates the number and the sign with a no-break space (U+00A0).
    expect(screen.getByTestId('probe').textContent).toBe('Registrera aktivitet|2018-03-14|42\u00a0%|1\u00a0234');
    expect(screen.getByRole('link', { name: 'Aktiviteter' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('sv');
  });

  it('switches to English, and the choice survives a reload', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByTestId('probe').textContent).toMatch(/^Record an activity\|14 Mar 2018\|42%\|1,234$/);
    expect(screen.getByRole('link', { name: 'Activities' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    cleanup();
    renderApp();
    expect(screen.getByRole('link', { name: 'Activities' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Svenska' }));
    expect(screen.getByRole('link', { name: 'Aktiviteter' })).toBeTruthy();
  });
});
