import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { Layout } from './Layout.tsx';
import type { Role } from '../api/client.ts';
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
    expect(renderAs('chef')).toEqual(['Registrera', 'Aktiviteter', 'Översikt', 'Verksamhetsplan', 'Målramverk', 'Register', 'Konton']);
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
});
