import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderCortex, viewerPermissions } from './fake-host.test-helper.js';

describe('booting the session', () => {
  it('sends a visitor to the sign-in page, remembering where they were going', async () => {
    const { router } = renderCortex('/crm/deals?status=open', { signedIn: false });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe(`?returnTo=${encodeURIComponent('/crm/deals?status=open')}`);
    expect(screen.getByLabelText(/Email/)).toBeTruthy();
  });

  it('says so when the server cannot be asked, and tries again on request', async () => {
    const { host } = renderCortex('/', { meStatus: 503 });
    expect(await screen.findByRole('heading', { name: 'Codexion cannot start' })).toBeTruthy();
    const asked = host.requests.filter((request) => request.url === '/api/auth/me').length;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(host.requests.filter((request) => request.url === '/api/auth/me').length).toBe(asked + 1),
    );
  });

  it('greets a signed-in user in their tenant with its enabled apps', async () => {
    const { host } = renderCortex('/');
    expect(await screen.findByRole('heading', { name: 'Welcome, Ada' })).toBeTruthy();
    expect(screen.getByText('You are working in Acme.')).toBeTruthy();
    const apps = screen.getByRole('region', { name: 'Apps' });
    expect(await within(apps).findByRole('heading', { name: 'CRM' })).toBeTruthy();
    expect(within(apps).getByRole('link', { name: 'Open CRM' }).getAttribute('href')).toBe('/crm');
    expect(within(apps).getByText('v0.1.0')).toBeTruthy();
    const booted = host.requests.map((request) => request.url);
    expect(booted).toEqual(
      expect.arrayContaining([
        '/api/auth/me',
        '/api/tenancy/memberships',
        '/api/cortex/apps',
        '/api/cortex/display-settings',
      ]),
    );
    // the administration's settings are the settings page's business, not the shell's
    expect(booted).not.toContain('/api/cortex/settings');
  });

  it("speaks the tenant's language and applies its theme overrides", async () => {
    renderCortex('/', {
      tenants: [
        {
          id: ids.acme,
          name: 'Acme',
          role: 'owner',
          permissions: ['cortex:app:read', 'cortex:display-settings:read', 'crm:*'],
          enabled: ['crm'],
          settings: {
            locale: 'de-DE',
            theme: {
              light: { primary: 'oklch(0.55 0.2 150)', radius: '0.25rem' },
              dark: { primary: '#22c55e' },
            },
          },
        },
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Willkommen, Ada' })).toBeTruthy();
    const style = document.documentElement.style;
    await waitFor(() => expect(style.getPropertyValue('--light-primary')).toBe('oklch(0.55 0.2 150)'));
    expect(style.getPropertyValue('--dark-primary')).toBe('#22c55e');
  });

  it("gives a viewer, who may not read the tenant's settings, a shell in the tenant's language and theme", async () => {
    const { host } = renderCortex('/', {
      tenants: [
        {
          id: ids.acme,
          name: 'Acme',
          role: 'viewer',
          permissions: viewerPermissions,
          enabled: ['crm'],
          settings: { locale: 'de-DE', theme: { light: { primary: '#0f766e' } } },
        },
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Willkommen, Ada' })).toBeTruthy();
    await waitFor(() =>
      expect(document.documentElement.style.getPropertyValue('--light-primary')).toBe('#0f766e'),
    );
    expect(await screen.findByRole('link', { name: 'CRM öffnen' })).toBeTruthy();
    const settings = await host.fetch('/api/cortex/settings');
    expect(settings.status).toBe(403);
    // nor does the administration's Settings page show in its navigation
    expect(screen.queryByRole('link', { name: /Settings|Einstellungen/ })).toBeNull();
  });

  it('boots a session that may not read the apps or settings: apps from its permissions, default settings', async () => {
    renderCortex('/', {
      tenants: [
        {
          id: ids.acme,
          name: 'Acme',
          role: 'viewer',
          permissions: ['prefiq:tenant:read', 'crm:deal:read'],
          enabled: ['crm'],
        },
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Welcome, Ada' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Open CRM' })).toBeTruthy();
  });
});
