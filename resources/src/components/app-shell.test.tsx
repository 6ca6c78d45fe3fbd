import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UiStringsProvider } from '../lib/ui-strings.js';
import { AppShell } from './app-shell.js';
import type { NavSection } from './sidebar-nav.js';

const nav: NavSection[] = [
  {
    title: 'Sales',
    items: [
      { label: 'Deals', href: '/crm/deals', icon: <svg />, active: true },
      { label: 'Accounts', href: '/crm/accounts', icon: <svg /> },
    ],
  },
  { title: 'Admin', items: [{ label: 'Settings', href: '/settings' }] },
];

describe('AppShell', () => {
  it('renders the sidebar sections, the top bar slots and the content', () => {
    render(
      <AppShell
        nav={nav}
        brand="Codexion"
        breadcrumbs={<span>Crumbs</span>}
        search={<input aria-label="Search" />}
        userMenu={<button type="button">Me</button>}
        themeToggle={<button type="button">Theme</button>}
      >
        <h1>Deals page</h1>
      </AppShell>,
    );
    const sidebar = screen.getAllByRole('navigation', { name: 'Main navigation' })[0];
    if (sidebar === undefined) throw new Error('no sidebar');
    const sales = within(sidebar).getByRole('list', { name: 'Sales' });
    expect(within(sales).getByRole('link', { name: 'Deals' }).getAttribute('aria-current')).toBe('page');
    expect(within(sales).getByRole('link', { name: 'Accounts' }).getAttribute('href')).toBe('/crm/accounts');
    expect(screen.getByRole('banner').textContent).toContain('Crumbs');
    expect(screen.getByRole('textbox', { name: 'Search' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Me' })).toBeDefined();
    expect(screen.getByRole('main').textContent).toBe('Deals page');
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe(
      `#${screen.getByRole('main').id}`,
    );
  });

  it('collapses the sidebar to icons from the toggle button', async () => {
    const user = userEvent.setup();
    const onCollapsedChange = vi.fn();
    render(
      <AppShell nav={nav} onCollapsedChange={onCollapsedChange}>
        content
      </AppShell>,
    );
    const toggle = screen.getAllByRole('button', { name: 'Toggle sidebar' })[1];
    if (toggle === undefined) throw new Error('no collapse toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(onCollapsedChange).toHaveBeenCalledWith(true);
    const sidebar = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(sidebar?.dataset.collapsed).toBe('true');
    // labels stay for screen readers when only icons show
    expect(within(sidebar as HTMLElement).getByRole('link', { name: 'Accounts' })).toBeDefined();
  });

  it('opens the navigation in a sheet on small screens and closes it after a link is followed', async () => {
    const user = userEvent.setup();
    render(
      <UiStringsProvider strings={{ toggleSidebar: 'Menü', navigation: 'Hauptnavigation' }}>
        <AppShell nav={nav} renderLink={({ href, ...props }) => <a href={`#${href}`} {...props} />}>
          content
        </AppShell>
      </UiStringsProvider>,
    );
    const [menu] = screen.getAllByRole('button', { name: 'Menü' });
    if (menu === undefined) throw new Error('no menu button');
    await user.click(menu);
    const sheet = await screen.findByRole('dialog', { name: 'Hauptnavigation' });
    const link = within(sheet).getByRole('link', { name: 'Accounts' });
    expect(link.getAttribute('href')).toBe('#/crm/accounts');
    await user.click(link);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
