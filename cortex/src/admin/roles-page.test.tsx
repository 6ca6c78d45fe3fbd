import type { Permission, Role } from '@codexion/contracts/tenancy/types';
import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { invalid, listRoute, renderAdmin, roles } from './admin-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

const catalog: Permission[] = [
  { name: 'crm:deal:read', kind: 'crud', app: 'crm' },
  { name: 'crm:deal:create', kind: 'crud', app: 'crm' },
  { name: 'crm:deal:win', kind: 'action', app: 'crm', description: 'Mark a deal won' },
  { name: 'crm:deal:owner-id:write', kind: 'field', app: 'crm' },
  { name: 'crm:company:read', kind: 'crud', app: 'crm' },
  { name: 'prefiq:member:read', kind: 'framework', app: 'prefiq' },
  { name: 'prefiq:audit:read', kind: 'framework', app: 'prefiq' },
];

function rolesRoutes(list: Role[] = roles(), extra: FakeRoute[] = []): FakeRoute[] {
  return [
    ...extra,
    listRoute('/tenancy/roles', () => list),
    listRoute('/tenancy/permissions', () => catalog),
  ];
}

const matrix = () => screen.findByRole('table', { name: 'Permission matrix' });

describe('roles page', () => {
  it('shows the matrix: permissions grouped by app and resource, a column per role, checks where held', async () => {
    renderAdmin({ path: '/roles', routes: rolesRoutes() });
    const table = await matrix();
    const columns = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(columns).toEqual([
      'Permission',
      'OwnerBuilt-in',
      'AdminBuilt-in',
      'MemberBuilt-in',
      'ViewerBuilt-in',
      'Sales repCustom',
    ]);
    const groups = within(table)
      .getAllByRole('rowheader')
      .filter((header) => header.getAttribute('scope') === 'rowgroup')
      .map((header) => header.textContent);
    expect(groups).toEqual(['crm·deal(4)', 'crm·company(1)', 'prefiq·member(1)', 'prefiq·audit(1)']);
    // built-in roles show; `*` covers everything
    expect(within(table).getByRole('img', { name: 'Owner holds crm:deal:owner-id:write' })).toBeTruthy();
    expect(within(table).getByRole('img', { name: 'Admin holds crm:deal:win' })).toBeTruthy();
    expect(within(table).getByText('Viewer does not hold crm:deal:win')).toBeTruthy();
    // the custom role is edited in place
    const read = within(table).getByRole('checkbox', { name: 'Sales rep: crm:deal:read' });
    expect(read.getAttribute('aria-checked')).toBe('true');
    expect(
      within(table).getByRole('checkbox', { name: 'Sales rep: crm:deal:win' }).getAttribute('aria-checked'),
    ).toBe('false');
    expect(
      within(table)
        .getByRole('checkbox', { name: 'Sales rep: all of crm:deal' })
        .getAttribute('aria-checked'),
    ).toBe('mixed');
  });

  it("saves a toggled cell of a custom role with the role's whole permission list", async () => {
    const list = roles();
    const { sent } = renderAdmin({
      path: '/roles',
      routes: rolesRoutes(list, [
        {
          method: 'PUT',
          path: '/tenancy/roles/{key}/permissions',
          handle: ({ params, body }) => {
            const role = list.find((candidate) => candidate.key === params.key);
            if (role) role.permissions = (body as { permissions: string[] }).permissions;
            return { body: role };
          },
        },
      ]),
    });
    const u = user();
    const table = await matrix();
    await u.click(within(table).getByRole('checkbox', { name: 'Sales rep: crm:deal:win' }));
    await waitFor(() =>
      expect(sent('PUT', '/api/tenancy/roles/sales-rep/permissions')).toEqual([
        { permissions: ['crm:deal:read', 'crm:deal:win'] },
      ]),
    );
    await waitFor(() =>
      expect(
        within(table).getByRole('checkbox', { name: 'Sales rep: crm:deal:win' }).getAttribute('aria-checked'),
      ).toBe('true'),
    );
    // a whole group at once
    await u.click(within(table).getByRole('checkbox', { name: 'Sales rep: all of prefiq:member' }));
    await waitFor(() => expect(sent('PUT', '/api/tenancy/roles/sales-rep/permissions')).toHaveLength(2));
    expect(sent('PUT', '/api/tenancy/roles/sales-rep/permissions')[1]).toEqual({
      permissions: ['crm:deal:read', 'crm:deal:win', 'prefiq:member:read'],
    });
  });

  it('puts a refusal on the cell that was toggled and rolls the check back', async () => {
    renderAdmin({
      path: '/roles',
      routes: rolesRoutes(roles(), [
        {
          method: 'PUT',
          path: '/tenancy/roles/{key}/permissions',
          handle: () => invalid('/body/permissions/1', 'grants prefiq:audit:read, which you do not hold'),
        },
      ]),
    });
    const u = user();
    const table = await matrix();
    const cell = within(table).getByRole('checkbox', { name: 'Sales rep: prefiq:audit:read' });
    await u.click(cell);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Sales rep was not changed: grants prefiq:audit:read, which you do not hold',
    );
    await waitFor(() => {
      const after = within(table).getByRole('checkbox', { name: 'Sales rep: prefiq:audit:read' });
      expect(after.getAttribute('aria-checked')).toBe('false');
      expect(after.getAttribute('aria-invalid')).toBe('true');
      expect(after.getAttribute('aria-describedby')).toBe(alert.id);
    });
  });

  it('narrows the rows with the filter and folds a group', async () => {
    renderAdmin({ path: '/roles', routes: rolesRoutes() });
    const u = user();
    const table = await matrix();
    expect(within(table).getAllByRole('checkbox', { name: /^Sales rep: crm:/ })).toHaveLength(5);
    await u.type(screen.getByRole('searchbox', { name: 'Filter permissions' }), 'won');
    // matches the description "Mark a deal won"
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('checkbox', { name: /^Sales rep: [a-z]+:[a-z]+:/ })
          .map((box) => box.getAttribute('aria-label')),
      ).toEqual(['Sales rep: crm:deal:win']),
    );
    await u.clear(screen.getByRole('searchbox', { name: 'Filter permissions' }));
    await u.click(within(table).getByRole('button', { name: /^crm\s*·\s*deal/ }));
    expect(within(table).queryByRole('checkbox', { name: 'Sales rep: crm:deal:read' })).toBeNull();
    expect(within(table).getByRole('checkbox', { name: 'Sales rep: crm:company:read' })).toBeTruthy();
    expect(
      within(table)
        .getByRole('button', { name: /^crm\s*·\s*deal/ })
        .getAttribute('aria-expanded'),
    ).toBe('false');
  });

  it('creates a role from an existing one, and shows a taken key on the key field', async () => {
    let taken = true;
    const { sent } = renderAdmin({
      path: '/roles',
      routes: rolesRoutes(roles(), [
        {
          method: 'POST',
          path: '/tenancy/roles',
          handle: ({ body }) =>
            taken
              ? {
                  status: 409,
                  body: {
                    code: 'UNIQUE_VIOLATION',
                    errors: [
                      { path: '/body/key', code: 'unique', message: 'is already used by another role' },
                    ],
                  },
                }
              : { status: 201, body: { ...(body as object), builtIn: false, members: 0, description: null } },
        },
      ]),
    });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'New role' }));
    const dialog = await screen.findByRole('dialog', { name: 'New role' });
    await u.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Sales rep');
    const key = within(dialog).getByRole('textbox', { name: /Key/ });
    expect((key as HTMLInputElement).value).toBe('sales-rep');
    await u.click(within(dialog).getByRole('combobox', { name: /Start with/ }));
    await u.click(await screen.findByRole('option', { name: 'Viewer' }));
    await u.click(within(dialog).getByRole('button', { name: 'New role' }));
    await waitFor(() => expect(key.getAttribute('aria-invalid')).toBe('true'));
    expect(
      document.getElementById(key.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent,
    ).toBe('is already used by another role');

    taken = false;
    await u.clear(key);
    await u.type(key, 'field-sales');
    await u.click(within(dialog).getByRole('button', { name: 'New role' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent('POST', '/api/tenancy/roles')).toEqual([
      { key: 'sales-rep', name: 'Sales rep', permissions: ['crm:deal:read'] },
      { key: 'field-sales', name: 'Sales rep', permissions: ['crm:deal:read'] },
    ]);
  });

  it('deletes a custom role after confirming; built-in roles have no delete', async () => {
    const { requests } = renderAdmin({
      path: '/roles',
      routes: rolesRoutes(roles(), [
        { method: 'DELETE', path: '/tenancy/roles/{key}', handle: () => ({ status: 204 }) },
      ]),
    });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Delete role Sales rep' }));
    expect(screen.queryByRole('button', { name: 'Delete role Owner' })).toBeNull();
    const dialog = await screen.findByRole('dialog', { name: 'Delete the role Sales rep?' });
    await u.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(
        requests()
          .filter((request) => request.method === 'DELETE')
          .map((request) => request.url),
      ).toEqual(['/api/tenancy/roles/sales-rep']),
    );
  });

  it('shows a session that may only read the roles no control to change them', async () => {
    renderAdmin({ path: '/roles', routes: rolesRoutes(), permissions: ['prefiq:role:read'] });
    const table = await matrix();
    expect(within(table).queryByRole('checkbox')).toBeNull();
    expect(within(table).getByRole('img', { name: 'Sales rep holds crm:deal:read' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New role' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Delete role Sales rep' })).toBeNull();
  });
});
