import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminPermissions, ids, renderCortex, viewerPermissions } from './fake-host.test-helper.js';

const user = () => userEvent.setup({ delay: null });

/** The sidebar's sections, each as its title and its links' names. */
async function sidebar(expectedSections: number) {
  const nav = screen.getAllByRole('navigation', { name: 'Main navigation' })[0];
  if (!nav) throw new Error('no sidebar');
  await waitFor(() =>
    expect(nav.querySelectorAll('[data-slot="sidebar-nav-section"]').length).toBe(expectedSections),
  );
  return [...nav.querySelectorAll('[data-slot="sidebar-nav-section"]')].map((section) => ({
    title: section.querySelector('p')?.textContent ?? '',
    links: within(section as HTMLElement)
      .getAllByRole('link')
      .map((link) => [link.textContent, link.getAttribute('href')]),
  }));
}

describe('the shell', () => {
  it("lists each enabled app's navigation and the administration an owner may use", async () => {
    renderCortex('/');
    await screen.findByRole('heading', { name: 'Welcome, Ada' });
    expect(await sidebar(3)).toEqual([
      { title: '', links: [['Home', '/']] },
      {
        title: 'CRM',
        links: [
          ['Dashboard', '/crm'],
          ['Pipeline', '/crm/deals/board'],
          ['Deals', '/crm/deals'],
          ['Companies', '/crm/companies'],
          ['People', '/crm/people'],
          ['Activities', '/crm/activities'],
          ['Settings', '/crm/settings'],
        ],
      },
      {
        title: 'Administration',
        links: [
          ['Users', '/admin/users'],
          ['Roles', '/admin/roles'],
          ['Tenants', '/admin/tenants'],
          ['Apps', '/admin/apps'],
          ['Settings', '/admin/settings'],
          ['Audit log', '/admin/audit'],
          ['System health', '/admin/health'],
        ],
      },
    ]);
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
  });

  it('hides what a viewer may not open: the CRM settings and every admin page but the tenants', async () => {
    renderCortex('/', {
      tenants: [
        { id: ids.acme, name: 'Acme', role: 'viewer', permissions: viewerPermissions, enabled: ['crm'] },
      ],
    });
    await screen.findByRole('heading', { name: 'Welcome, Ada' });
    const sections = await sidebar(3);
    expect(sections[1]?.links.map(([label]) => label)).toEqual([
      'Dashboard',
      'Pipeline',
      'Deals',
      'Companies',
      'People',
      'Activities',
    ]);
    expect(sections[2]).toEqual({ title: 'Administration', links: [['Tenants', '/admin/tenants']] });
  });

  it('leaves a disabled app out of the sidebar and says so at its URL', async () => {
    renderCortex('/crm/deals', {
      tenants: [{ id: ids.acme, name: 'Acme', role: 'owner', permissions: adminPermissions, enabled: [] }],
    });
    expect(await screen.findByRole('heading', { name: 'CRM is disabled for Acme' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Manage apps' }).getAttribute('href')).toBe('/admin/apps');
    const sections = await sidebar(2);
    expect(sections.map((section) => section.title)).toEqual(['', 'Administration']);
  });

  it('shows an app as off once its API says so, for a session that may not list the apps', async () => {
    renderCortex('/crm/deals', {
      tenants: [{ id: ids.acme, name: 'Acme', role: 'viewer', permissions: viewerPermissions, enabled: [] }],
    });
    expect(await screen.findByRole('heading', { name: 'CRM is disabled for Acme' })).toBeTruthy();
    expect(screen.getByText('An administrator of Acme can turn it on.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Manage apps' })).toBeNull();
    const sections = await sidebar(2);
    expect(sections.map((section) => section.title)).toEqual(['', 'Administration']);
  });

  it('answers an unknown URL with a page inside the shell', async () => {
    renderCortex('/nowhere/at/all');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(
      screen.getByText('Nothing lives at /nowhere/at/all. The link may be old, or the page was moved.'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe('/');
  });

  it("shows the current app's top-bar actions inside the app only", async () => {
    const { router } = renderCortex('/crm/deals');
    expect(await screen.findByRole('button', { name: 'Add activity' })).toBeTruthy();
    await router.navigate('/');
    await screen.findByRole('heading', { name: 'Welcome, Ada' });
    expect(screen.queryByRole('button', { name: 'Add activity' })).toBeNull();
  });

  it('switches the tenant: asks the server, forgets the cached data, goes home with the new apps', async () => {
    const { router, host, queryClient } = renderCortex('/crm/deals');
    const u = user();
    expect(await screen.findByRole('heading', { name: 'Deals', level: 1 })).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Tenant: Acme. Switch tenant' }));
    await u.click(await screen.findByRole('menuitemradio', { name: 'Globex' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByText('You are working in Globex.')).toBeTruthy();
    expect(host.requests.find((request) => request.url === '/api/auth/switch-tenant')?.body).toEqual({
      tenantId: ids.globex,
    });
    expect(queryClient.getQueryCache().findAll({ queryKey: ['codexion', '/api/crm'] })).toEqual([]);
    expect(await screen.findByText('No apps are enabled for Globex')).toBeTruthy();
    const sections = await sidebar(2);
    expect(sections.map((section) => section.title)).toEqual(['', 'Administration']);
  });

  it('shows who is signed in and logs out, this session or everywhere', async () => {
    const { router, host } = renderCortex('/');
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Account menu of Ada Lovelace' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByText('ada@example.com')).toBeTruthy();
    expect(within(menu).getByRole('list', { name: 'Your roles' }).textContent).toBe('Owner');
    await u.click(within(menu).getByRole('menuitem', { name: 'Log out everywhere' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(host.requests.some((request) => request.url === '/api/auth/logout-all')).toBe(true);
    expect(host.state.signedIn).toBe(false);
  });

  it('signs out when the session already ended on the server (logout answers 401)', async () => {
    const { router, host } = renderCortex('/');
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Account menu of Ada Lovelace' }));
    const menu = await screen.findByRole('menu');
    // ended elsewhere meanwhile: another tab signed out, or an admin revoked it
    host.state.signedIn = false;
    await u.click(within(menu).getByRole('menuitem', { name: 'Log out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    const logout = host.requests.find((request) => request.url === '/api/auth/logout');
    expect(logout?.method).toBe('POST');
  });
});
