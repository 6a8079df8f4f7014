import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { Layout } from './Layout.tsx';
import type { Role } from '../api/client.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { makeQueryClient } from '../App.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { meAs, Providers } from '../test/signed-in.tsx';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

function renderAs(role: Role) {
  render(
    <Providers me={meAs(role)}>
      <MemoryRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/" element={<p>start</p>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
  return within(nav).getAllByRole('link').map((l) => l.textContent);
}

describe('menus by role', () => {
  it('the council representative reads the activities, the overview and the plan', () => {
    expect(renderAs('rad')).toEqual(['Aktiviteter', 'Översikt', 'Verksamhetsplan']);
  });

  it('a medarbetare can record but not manage accounts', () => {
    expect(renderAs('medarbetare')).toEqual(['Registrera', 'Aktiviteter', 'Översikt', 'Verksamhetsplan']);
  });

  it('the chief sees everything', () => {
    expect(renderAs('chef')).toEqual(['Registrera', 'Aktiviteter', 'Översikt', 'Verksamhetsplan', 'Målramverk', 'Register', 'Regional jämförelse', 'Inställningar', 'Konton']);
  });

  it('a region account sees only the regional comparison', () => {
    expect(renderAs('region')).toEqual(['Regional jämförelse']);
  });

  it('the administrator gets the accounts but no Registrera', () => {
    expect(renderAs('admin')).toEqual(['Aktiviteter', 'Översikt', 'Verksamhetsplan', 'Konton']);
  });

  it('the header names the user and the role in Swedish and offers a logout', () => {
    renderAs('rad');
    expect(screen.getByText('Test rad')).toBeTruthy();
    expect(screen.getByText('Rådsrepresentant')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Logga ut' })).toBeTruthy();
  });

  it('nobody signed in: no menu, no logout', () => {
    render(
      <Providers me={null}>
        <MemoryRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route path="/" element={<p>start</p>} />
            </Route>
          </Routes>
        </MemoryRouter>
      </Providers>,
    );
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Logga ut' })).toBeNull();
  });

  it('the phone menu button says whether the menu is open, and a new page folds it again', async () => {
    const user = userEvent.setup();
    render(
      <Providers me={meAs('chef')}>
        <MemoryRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route path="/" element={<p>start</p>} />
              <Route path="/aktiviteter" element={<p>lista</p>} />
            </Route>
          </Routes>
        </MemoryRouter>
      </Providers>,
    );
    const toggle = screen.getByRole('button', { name: 'Meny' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)?.contains(screen.getByRole('navigation'))).toBe(true);
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Stäng menyn' }).getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById('site-menu')?.className).toContain('site-menu--open');
    await user.click(screen.getByRole('link', { name: 'Aktiviteter' }));
    expect(await screen.findByText('lista')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Meny' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('keeps the menu row’s place while the session answer is on its way, except on the login page', () => {
    // The session question never answers here: the header as drawn before it does.
    const pending = vi.spyOn(globalThis, 'fetch').mockImplementation(() => new Promise<Response>(() => undefined));
    const renderAt = (path: string) =>
      render(
        <I18nProvider>
          <QueryClientProvider client={makeQueryClient()}>
            <MemoryRouter initialEntries={[path]}>
              <Routes>
                <Route element={<Layout />}>
                  <Route path="/" element={<p>start</p>} />
                  <Route path="/logga-in" element={<p>login</p>} />
                </Route>
              </Routes>
            </MemoryRouter>
          </QueryClientProvider>
        </I18nProvider>,
      );
    renderAt('/');
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(document.querySelectorAll('#site-menu > .nav-placeholder[aria-hidden="true"]')).toHaveLength(1);
    cleanup();
    renderAt('/logga-in');
    expect(document.querySelector('.nav-placeholder')).toBeNull();
    pending.mockRestore();
  });

  it('the placeholder gives way to the menu once signed in', () => {
    renderAs('chef');
    expect(document.querySelector('.nav-placeholder')).toBeNull();
  });
});
