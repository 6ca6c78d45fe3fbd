import type { Membership } from '@codexion/contracts/tenancy/types';
import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { acmeTenant, errorOf, ids, invalid, listRoute, renderAdmin } from './admin-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

const acme = acmeTenant();

const memberships: Membership[] = [
  {
    tenantId: ids.tenant,
    tenantName: 'Acme',
    tenantSlug: 'acme',
    tenantStatus: 'active',
    role: 'owner',
    roleName: 'Owner',
  },
  {
    tenantId: ids.otherTenant,
    tenantName: 'Globex',
    tenantSlug: 'globex',
    tenantStatus: 'active',
    role: 'member',
    roleName: 'Member',
  },
];

function tenantRoutes(extra: FakeRoute[] = []): FakeRoute[] {
  return [
    ...extra,
    { method: 'GET', path: '/tenancy/tenant', handle: () => ({ body: acme }) },
    listRoute('/tenancy/memberships', () => memberships),
  ];
}

describe('tenants page', () => {
  it('shows the current tenant and the other tenants to switch to', async () => {
    const { session } = renderAdmin({ path: '/tenants', routes: tenantRoutes() });
    expect(((await screen.findByRole('textbox', { name: /Name/ })) as HTMLInputElement).value).toBe('Acme');
    expect(screen.getByText('acme')).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Your tenants' });
    const [current, other] = within(table).getAllByRole('row').slice(1);
    expect(current?.textContent).toContain('Current');
    expect(other?.textContent).toContain('Globex');
    expect(other?.textContent).toContain('Member');
    await user().click(within(other as HTMLElement).getByRole('button', { name: 'Switch to Globex' }));
    await waitFor(() => expect(session.switchTenant).toHaveBeenCalledWith(ids.otherTenant));
  });

  it('renames with a merge patch and shows the server refusing the name on its field', async () => {
    let refuse = true;
    const { requests, session } = renderAdmin({
      path: '/tenants',
      routes: tenantRoutes([
        {
          method: 'PATCH',
          path: '/tenancy/tenant',
          handle: ({ body }) =>
            refuse
              ? invalid('/body/name', 'must be at most 200 characters long')
              : { body: { ...acme, ...(body as object) } },
        },
      ]),
    });
    const u = user();
    const name = await screen.findByRole('textbox', { name: /Name/ });
    await u.clear(name);
    await u.type(name, 'Acme Holding');
    await u.click(screen.getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(errorOf(name)).toBe('must be at most 200 characters long'));

    refuse = false;
    await u.click(screen.getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(session.refresh).toHaveBeenCalled());
    await waitFor(() => expect(errorOf(name)).toBe(''));
    const patches = requests().filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => request.body)).toEqual([
      { name: 'Acme Holding' },
      { name: 'Acme Holding' },
    ]);
    expect(patches[0]?.headers['content-type']).toBe('application/merge-patch+json');
  });

  it('suspends only once the tenant name is typed', async () => {
    const { sent } = renderAdmin({
      path: '/tenants',
      routes: tenantRoutes([
        {
          method: 'POST',
          path: '/tenancy/tenant/suspend',
          handle: () => ({ body: { ...acme, status: 'suspended' } }),
        },
      ]),
    });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Suspend…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Suspend Acme?' });
    const confirm = within(dialog).getByRole('button', { name: 'Suspend the tenant' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await u.type(within(dialog).getByRole('textbox', { name: 'Type “Acme” to confirm' }), 'Acm');
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await u.type(within(dialog).getByRole('textbox', { name: 'Type “Acme” to confirm' }), 'e');
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    await u.click(confirm);
    await waitFor(() => expect(sent('POST', '/api/tenancy/tenant/suspend')).toHaveLength(1));
  });

  it('creates a tenant, shows a refused name on its field, then offers to switch to it', async () => {
    const created = '10000000-0000-4000-8000-000000000009';
    const { sent, session } = renderAdmin({
      path: '/tenants',
      routes: tenantRoutes([
        {
          method: 'POST',
          path: '/cortex/tenants',
          handle: ({ body }) => {
            const { name } = body as { name: string };
            return name === 'x'
              ? invalid('/body/name', 'must be at least 2 characters long')
              : { status: 201, body: { id: created, name, status: 'active' } };
          },
        },
      ]),
    });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'New tenant' }));
    const dialog = await screen.findByRole('dialog', { name: 'New tenant' });
    const name = within(dialog).getByRole('textbox', { name: /Name/ });
    await u.type(name, 'x');
    await u.click(within(dialog).getByRole('button', { name: 'New tenant' }));
    await waitFor(() => expect(errorOf(name)).toBe('must be at least 2 characters long'));

    await u.clear(name);
    await u.type(name, 'Initech');
    await u.click(within(dialog).getByRole('button', { name: 'New tenant' }));
    await u.click(await screen.findByRole('button', { name: 'Switch to Initech' }));
    await waitFor(() => expect(session.switchTenant).toHaveBeenCalledWith(created));
    expect(sent('POST', '/api/cortex/tenants')).toEqual([{ name: 'x' }, { name: 'Initech' }]);
  });

  it('lets a member without rights read the tenant but not change it', async () => {
    renderAdmin({ path: '/tenants', routes: tenantRoutes(), permissions: ['prefiq:tenant:read'] });
    const name = await screen.findByRole('textbox', { name: /Name/ });
    expect(name.hasAttribute('readonly')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Rename' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Suspend…' })).toBeNull();
    expect(screen.getByRole('button', { name: 'New tenant' }).getAttribute('aria-disabled')).toBe('true');
  });
});
