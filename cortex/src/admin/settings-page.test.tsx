import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TenantSettings } from '../../core/generated/client/types.gen.js';
import { acmeTenant, errorOf, invalid, renderAdmin } from './admin-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

const acme = acmeTenant();

function settingsRoutes(
  saved: TenantSettings = {
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
    currency: 'CHF',
    theme: { dark: { primary: '#22aa88' } },
  },
  put: FakeRoute['handle'] = ({ body }) => ({ body }),
): FakeRoute[] {
  return [
    { method: 'GET', path: '/cortex/settings', handle: () => ({ body: saved }) },
    { method: 'PUT', path: '/cortex/settings', handle: put },
    { method: 'GET', path: '/tenancy/tenant', handle: () => ({ body: acme }) },
    {
      method: 'PATCH',
      path: '/tenancy/tenant',
      handle: ({ body }) => ({ body: { ...acme, ...(body as object) } }),
    },
  ];
}

const preview = () => {
  const panel = document.querySelector<HTMLElement>('[data-slot="theme-preview"]');
  if (!panel) throw new Error('no theme preview');
  return panel;
};

describe('settings page', () => {
  it("shows the tenant's name, locale, time zone, currency and its saved overrides", async () => {
    renderAdmin({ path: '/settings', routes: settingsRoutes() });
    expect(((await screen.findByRole('textbox', { name: /Tenant name/ })) as HTMLInputElement).value).toBe(
      'Acme',
    );
    expect(screen.getByRole('combobox', { name: 'Locale' }).textContent).toContain('de-DE');
    expect(screen.getByRole('combobox', { name: 'Time zone' }).textContent).toContain('Europe/Berlin');
    expect(screen.getByRole('combobox', { name: 'Default currency' }).textContent).toContain('CHF');
    // the light tab: nothing overridden, the defaults as placeholders
    const primary = screen.getByRole('textbox', { name: 'primary' }) as HTMLInputElement;
    expect(primary.value).toBe('');
    expect(primary.placeholder).toBe('oklch(0.511 0.262 276.966)');
    await user().click(screen.getByRole('tab', { name: 'Dark' }));
    expect((screen.getByRole('textbox', { name: 'primary' }) as HTMLInputElement).value).toBe('#22aa88');
  });

  it('previews the edited overrides on the preview panel only, before saving', async () => {
    const { requests } = renderAdmin({ path: '/settings', routes: settingsRoutes() });
    const u = user();
    await u.type(await screen.findByRole('textbox', { name: 'primary' }), '#ff0000');
    await waitFor(() => expect(preview().style.getPropertyValue('--light-primary')).toBe('#ff0000'));
    expect(preview().getAttribute('data-theme')).toBe('light');
    expect(document.documentElement.style.getPropertyValue('--light-primary')).toBe('');
    expect(document.body.style.getPropertyValue('--light-primary')).toBe('');
    expect(requests().some((request) => request.method === 'PUT')).toBe(false);

    // the dark tab previews the dark mode with its saved override
    await u.click(screen.getByRole('tab', { name: 'Dark' }));
    await waitFor(() => expect(preview().getAttribute('data-theme')).toBe('dark'));
    expect(preview().style.getPropertyValue('--dark-primary')).toBe('#22aa88');
    expect(document.documentElement.style.getPropertyValue('--dark-primary')).toBe('');
  });

  it('refuses an unsafe value as it is typed and keeps it out of the preview', async () => {
    renderAdmin({ path: '/settings', routes: settingsRoutes() });
    const u = user();
    const ring = await screen.findByRole('textbox', { name: 'ring' });
    await u.click(ring);
    await u.paste('red;background:url(x)');
    await waitFor(() => expect(errorOf(ring)).toContain('contains characters or functions'));
    expect(preview().style.getPropertyValue('--light-ring')).toBe('');
  });

  it('saves the settings with the cleaned theme and reloads the session', async () => {
    const { sent, session } = renderAdmin({ path: '/settings', routes: settingsRoutes() });
    const u = user();
    await u.type(await screen.findByRole('textbox', { name: 'primary' }), '  #ff0000 ');
    await u.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(sent('PUT', '/api/cortex/settings')).toEqual([
        {
          locale: 'de-DE',
          timeZone: 'Europe/Berlin',
          currency: 'CHF',
          theme: { light: { primary: '#ff0000' }, dark: { primary: '#22aa88' } },
        },
      ]),
    );
    await waitFor(() => expect(session.refresh).toHaveBeenCalled());
    // the name did not change: no rename
    expect(sent('PATCH', '/api/tenancy/tenant')).toEqual([]);
  });

  it("puts the server's 422 on the theme token and the currency it names", async () => {
    renderAdmin({
      path: '/settings',
      routes: settingsRoutes(undefined, () => ({
        status: 422,
        body: {
          code: 'VALIDATION_FAILED',
          errors: [
            {
              path: '/body/theme/light/primary',
              code: 'unsafe-value',
              message: 'may not call the CSS function env()',
            },
            { path: '/body/currency', code: 'enum', message: 'is not an ISO 4217 code' },
          ],
        },
      })),
    });
    const u = user();
    const primary = await screen.findByRole('textbox', { name: 'primary' });
    await u.type(primary, '#ff0000');
    await u.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(errorOf(primary)).toBe('may not call the CSS function env()'));
    expect(errorOf(screen.getByRole('combobox', { name: 'Default currency' }))).toBe(
      'is not an ISO 4217 code',
    );
  });

  it('renames the tenant along with the settings, its refusal on the name', async () => {
    const { sent } = renderAdmin({
      path: '/settings',
      routes: [
        { method: 'PATCH', path: '/tenancy/tenant', handle: () => invalid('/body/name', 'is already taken') },
        ...settingsRoutes(),
      ],
    });
    const u = user();
    const name = await screen.findByRole('textbox', { name: /Tenant name/ });
    await u.clear(name);
    await u.type(name, 'Globex');
    await u.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(errorOf(name)).toBe('is already taken'));
    expect(sent('PATCH', '/api/tenancy/tenant')).toEqual([{ name: 'Globex' }]);
    // nothing else is saved while the name is refused
    expect(sent('PUT', '/api/cortex/settings')).toEqual([]);
  });

  it('resets the theme to the defaults', async () => {
    const { sent } = renderAdmin({ path: '/settings', routes: settingsRoutes() });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Reset theme to default' }));
    await u.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(sent('PUT', '/api/cortex/settings')).toHaveLength(1));
    expect((sent('PUT', '/api/cortex/settings')[0] as TenantSettings).theme).toEqual({});
  });

  it('shows a reader the settings without a way to save them', async () => {
    renderAdmin({
      path: '/settings',
      routes: settingsRoutes(),
      permissions: ['cortex:setting:read', 'prefiq:tenant:read'],
    });
    const primary = await screen.findByRole('textbox', { name: 'primary' });
    expect(primary.hasAttribute('readonly')).toBe(true);
    expect(screen.getByRole('textbox', { name: /Tenant name/ }).hasAttribute('readonly')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reset theme to default' })).toBeNull();
    expect((screen.getByRole('combobox', { name: 'Locale' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(document.body).getByRole('region', { name: 'Theme preview, Light' })).toBeTruthy();
  });
});
