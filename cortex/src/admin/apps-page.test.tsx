import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { App } from '../../core/generated/client/types.gen.js';
import { listRoute, renderAdmin } from './admin-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

function apps(): App[] {
  return [
    {
      name: 'crm',
      title: 'CRM',
      description: 'Companies, people, deals and the pipeline.',
      version: '0.3.1',
      icon: 'handshake',
      enabled: true,
      removable: true,
      permissions: [
        { name: 'crm:deal:read', description: 'Read deals' },
        { name: 'crm:deal:win', description: 'Mark a deal won' },
      ],
    },
    {
      name: 'erp',
      title: 'ERP',
      description: 'Orders and invoices.',
      version: '0.1.0',
      icon: null,
      enabled: false,
      removable: true,
      permissions: [],
    },
  ];
}

function appRoutes(list = apps(), extra: FakeRoute[] = []): FakeRoute[] {
  const toggle = (enabled: boolean): FakeRoute => ({
    method: 'POST',
    path: `/cortex/apps/{name}/${enabled ? 'enable' : 'disable'}`,
    handle: ({ params }) => {
      const app = list.find((candidate) => candidate.name === params.name);
      if (!app) return { status: 404, body: { code: 'NOT_FOUND', detail: 'No such app' } };
      app.enabled = enabled;
      return { body: app };
    },
  });
  return [...extra, listRoute('/cortex/apps', () => list), toggle(true), toggle(false)];
}

const cardOf = async (title: string) => {
  const heading = await screen.findByRole('heading', { name: title });
  const card = heading.closest('[data-slot="app-card"]');
  if (!(card instanceof HTMLElement)) throw new Error(`no card ${title}`);
  return card;
};

describe('apps page', () => {
  it('shows each app with its version, state and declared permissions', async () => {
    renderAdmin({ path: '/apps', routes: appRoutes() });
    const crm = await cardOf('CRM');
    expect(crm.textContent).toContain('Companies, people, deals and the pipeline.');
    expect(crm.textContent).toContain('v0.3.1');
    expect(
      within(crm).getByRole('switch', { name: 'CRM enabled for this tenant' }).getAttribute('aria-checked'),
    ).toBe('true');
    const erp = await cardOf('ERP');
    expect(within(erp).getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(within(crm).queryByText('crm:deal:win')).toBeNull();
    await user().click(within(crm).getByRole('button', { name: '2 permissions' }));
    expect(within(crm).getByText('crm:deal:win')).toBeTruthy();
    expect(within(crm).getByText('Mark a deal won')).toBeTruthy();
  });

  it('switches an app off only after confirming, then reloads the session so the sidebar follows', async () => {
    const { sent, session } = renderAdmin({ path: '/apps', routes: appRoutes() });
    const u = user();
    const crm = await cardOf('CRM');
    await u.click(within(crm).getByRole('switch'));
    const dialog = await screen.findByRole('dialog', { name: 'Switch CRM off?' });
    expect(sent('POST', '/api/cortex/apps/crm/disable')).toHaveLength(0);
    await u.click(within(dialog).getByRole('button', { name: 'Switch off' }));
    await waitFor(() => expect(sent('POST', '/api/cortex/apps/crm/disable')).toHaveLength(1));
    await waitFor(() => expect(session.refresh).toHaveBeenCalled());
    await waitFor(() => expect(within(crm).getByRole('switch').getAttribute('aria-checked')).toBe('false'));
  });

  it('switches an app on at once', async () => {
    const { sent, session } = renderAdmin({ path: '/apps', routes: appRoutes() });
    await user().click(within(await cardOf('ERP')).getByRole('switch'));
    await waitFor(() => expect(sent('POST', '/api/cortex/apps/erp/enable')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(session.refresh).toHaveBeenCalled());
  });

  it("tells the server's refusal and keeps the app as it was", async () => {
    const { session } = renderAdmin({
      path: '/apps',
      routes: appRoutes(apps(), [
        {
          method: 'POST',
          path: '/cortex/apps/{name}/enable',
          handle: () => ({ status: 409, body: { code: 'APP_REQUIRED', detail: 'ERP needs the CRM' } }),
        },
      ]),
    });
    const erp = await cardOf('ERP');
    await user().click(within(erp).getByRole('switch'));
    expect(await screen.findByText('ERP needs the CRM')).toBeTruthy();
    expect(within(erp).getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(session.refresh).not.toHaveBeenCalled();
  });

  it('keeps the switches off limits without cortex:app:manage', async () => {
    renderAdmin({ path: '/apps', routes: appRoutes(), permissions: ['cortex:app:read'] });
    const crm = await cardOf('CRM');
    expect((within(crm).getByRole('switch') as HTMLButtonElement).disabled).toBe(true);
  });
});
