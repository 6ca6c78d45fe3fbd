import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { filterCommands } from './cortex-command-palette.js';
import { ids, renderCortex, viewerPermissions } from './fake-host.test-helper.js';

const user = () => userEvent.setup({ delay: null });

async function openPalette(u: ReturnType<typeof user>) {
  await screen.findByRole('heading', { level: 1 });
  await u.keyboard('{Control>}k{/Control}');
  return screen.findByRole('dialog', { name: 'Command palette' });
}

/** The options of the palette, by group heading. */
function groups(dialog: HTMLElement) {
  return [...dialog.querySelectorAll('[cmdk-group]')].map((group) => ({
    heading: group.querySelector('[cmdk-group-heading]')?.textContent,
    options: within(group as HTMLElement)
      .queryAllByRole('option')
      .map((option) => option.textContent),
  }));
}

describe('the command palette', () => {
  it('opens with Ctrl+K and goes to any page the session may open', async () => {
    const { router } = renderCortex('/');
    const u = user();
    const dialog = await openPalette(u);
    const input = within(dialog).getByRole('combobox');
    expect(document.activeElement).toBe(input);
    await u.type(input, 'audit');
    await within(dialog).findByRole('option', { name: 'Audit log' });
    expect(groups(dialog)).toEqual([{ heading: 'Go to', options: ['Audit log'] }]);
    await u.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/audit'));
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
  });

  it('finds records across the apps as the user types, grouped by entity, and opens one', async () => {
    const { router, host } = renderCortex('/');
    const u = user();
    const dialog = await openPalette(u);
    await u.type(within(dialog).getByRole('combobox'), 'acme');
    await within(dialog).findByRole('option', { name: /Acme renewal/ });
    expect(
      groups(dialog).filter((group) => group.heading !== 'Create' && group.heading !== 'Actions'),
    ).toEqual([
      { heading: 'Deals', options: ['Acme renewal'] },
      { heading: 'Companies', options: ['Acme Corpacme.example'] },
      { heading: 'People', options: ['Jane Doejane@acme.example'] },
    ]);
    const searches = host.requests.filter((request) => request.url.includes('?q='));
    expect(searches.map((request) => request.url).sort()).toEqual([
      '/api/crm/activities?q=acme&pageSize=5',
      '/api/crm/companies?q=acme&pageSize=5',
      '/api/crm/deals?q=acme&pageSize=5',
      '/api/crm/people?q=acme&pageSize=5',
    ]);
    await u.click(within(dialog).getByRole('option', { name: /Acme renewal/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/crm/deals/${ids.renewal}`));
    expect(await screen.findByRole('heading', { name: 'Acme renewal', level: 1 })).toBeTruthy();
  });

  it('creates a record of an entity the session may create', async () => {
    const { router } = renderCortex('/');
    const u = user();
    const dialog = await openPalette(u);
    await u.type(within(dialog).getByRole('combobox'), 'new');
    expect(groups(dialog).find((group) => group.heading === 'Create')?.options).toEqual([
      'New Deal',
      'New Company',
      'New Person',
      'New Activity',
    ]);
    await u.click(within(dialog).getByRole('option', { name: 'New Company' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/crm/companies/new'));
  });

  it('offers no creation and no admin page to a viewer', async () => {
    renderCortex('/', {
      tenants: [
        { id: ids.acme, name: 'Acme', role: 'viewer', permissions: viewerPermissions, enabled: ['crm'] },
      ],
    });
    const u = user();
    const dialog = await openPalette(u);
    await within(dialog).findByRole('option', { name: 'Deals' });
    const headings = groups(dialog).map((group) => group.heading);
    expect(headings).toEqual(['Go to', 'Actions']);
    const pages = groups(dialog)[0]?.options ?? [];
    expect(pages).toContain('Tenants');
    expect(pages).not.toContain('Users');
    expect(pages).not.toContain('Settings');
  });

  it('switches tenant, changes the theme and logs out', async () => {
    const { host, router } = renderCortex('/');
    const u = user();
    let dialog = await openPalette(u);
    await u.type(within(dialog).getByRole('combobox'), 'theme');
    const toggle = within(dialog).getByRole('option', { name: /Switch to (dark|light) theme/ });
    const dark = toggle.textContent === 'Switch to dark theme';
    await u.click(toggle);
    expect(document.documentElement.classList.contains('dark')).toBe(dark);

    dialog = await openPalette(u);
    await u.click(within(dialog).getByRole('option', { name: 'Switch to Globex' }));
    expect(await screen.findByText('You are working in Globex.')).toBeTruthy();
    expect(host.state.tenantId).toBe(ids.globex);

    dialog = await openPalette(u);
    await u.type(within(dialog).getByRole('combobox'), 'log out');
    await u.click(within(dialog).getByRole('option', { name: 'Log out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(host.state.signedIn).toBe(false);
  });

  it("opens from the top bar's search button; an app's own search box gives way to it", async () => {
    renderCortex('/crm/deals');
    const u = user();
    await screen.findByRole('heading', { name: 'Deals', level: 1 });
    await u.click(screen.getByRole('button', { name: /Search or jump to/ }));
    expect(await screen.findByRole('dialog', { name: 'Command palette' })).toBeTruthy();
    await u.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // the CRM's own top-bar search steps aside: the palette searches every app, Ctrl+K opens it once
    expect(screen.queryByRole('button', { name: /^Search…/ })).toBeNull();
    await u.keyboard('{Control>}k{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Command palette' })).toBeTruthy();
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
  });
});

describe('filterCommands', () => {
  it('keeps the commands containing every word typed, in label or keywords', () => {
    const run = () => undefined;
    const commands = [
      { id: 'a', label: 'New Deal', keywords: ['CRM', 'create'], run },
      { id: 'b', label: 'Deals', keywords: ['CRM'], run },
      { id: 'c', label: 'Switch to Globex', keywords: ['tenant'], run },
    ];
    expect(filterCommands(commands, 'deal').map((command) => command.id)).toEqual(['a', 'b']);
    expect(filterCommands(commands, 'crm  create').map((command) => command.id)).toEqual(['a']);
    expect(filterCommands(commands, 'TENANT glo').map((command) => command.id)).toEqual(['c']);
    expect(filterCommands(commands, '   ')).toHaveLength(3);
    expect(filterCommands(commands, 'nothing')).toEqual([]);
  });
});
