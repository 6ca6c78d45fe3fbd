import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InvitationInfo } from '../../core/generated/client/types.gen.js';
import {
  errorOf,
  ids,
  invalid,
  listRoute,
  members,
  renderAdmin,
  roles,
} from './admin-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

const pending: InvitationInfo = {
  id: ids.invitation,
  email: 'linus@acme.test',
  role: 'admin',
  status: 'pending',
  expiresAt: '2025-03-10T12:00:00Z',
  invitedBy: ids.ada,
  acceptedAt: null,
  createdAt: '2025-03-03T12:00:00Z',
};

function usersRoutes(extra: FakeRoute[] = []): FakeRoute[] {
  return [
    ...extra,
    listRoute('/tenancy/members', members),
    listRoute('/tenancy/roles', roles),
    listRoute('/cortex/invitations', () => [
      pending,
      {
        ...pending,
        id: 'old',
        email: 'old@acme.test',
        status: 'accepted',
        createdAt: '2025-01-01T00:00:00Z',
      },
    ]),
  ];
}

describe('users page', () => {
  it('lists the members with role and join date, and the invitations with their status', async () => {
    renderAdmin({ path: '/users', routes: usersRoutes() });
    const table = await screen.findByRole('table', { name: 'Members' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Ada Lovelace');
    expect(rows[0]?.textContent).toContain('You');
    expect(rows[0]?.textContent).toContain('Jan 2, 2025');
    expect(
      within(rows[1] as HTMLElement).getByRole('combobox', { name: 'Role of Grace Hopper' }).textContent,
    ).toContain('Member');
    const invitations = await screen.findByRole('table', { name: 'Invitations' });
    const [first, second] = within(invitations).getAllByRole('row').slice(1);
    // pending first, with the inviter's name and the role's
    expect(first?.textContent).toContain('linus@acme.test');
    expect(first?.textContent).toContain('Admin');
    expect(first?.textContent).toContain('Pending');
    expect(first?.textContent).toContain('Ada Lovelace');
    expect(second?.textContent).toContain('Accepted');
    expect(within(second as HTMLElement).queryByRole('button', { name: /Revoke/ })).toBeNull();
  });

  it('invites by email and role, then shows the link to copy', async () => {
    const { sent } = renderAdmin({
      path: '/users',
      routes: usersRoutes([
        {
          method: 'POST',
          path: '/cortex/invitations',
          handle: ({ body }) => ({
            status: 201,
            body: {
              invitation: { ...pending, ...(body as object), id: 'new' },
              link: '/invite/abc.def',
            },
          }),
        },
      ]),
    });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Invite' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite someone' });
    await u.type(within(dialog).getByRole('textbox', { name: /Email/ }), 'new@acme.test');
    await u.click(within(dialog).getByRole('combobox', { name: /Role/ }));
    await u.click(await screen.findByRole('option', { name: 'Viewer' }));
    await u.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    const link = await screen.findByRole('textbox', { name: 'Invitation link' });
    expect((link as HTMLInputElement).value).toBe(`${window.location.origin}/invite/abc.def`);
    expect(sent('POST', '/api/cortex/invitations')).toEqual([{ email: 'new@acme.test', role: 'viewer' }]);
    await u.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/invite/abc.def`);
  });

  it("shows the server's 422 on the email field and keeps the form", async () => {
    const { sent } = renderAdmin({
      path: '/users',
      routes: usersRoutes([
        {
          method: 'POST',
          path: '/cortex/invitations',
          handle: () => invalid('/body/email', 'must be a valid email'),
        },
      ]),
    });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Invite' }));
    const email = await screen.findByRole('textbox', { name: /Email/ });
    await u.type(email, 'not-an-email');
    await u.click(screen.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(errorOf(email)).toBe('must be a valid email'));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('textbox', { name: 'Invitation link' })).toBeNull();
    expect(sent('POST', '/api/cortex/invitations')).toHaveLength(1);
  });

  it("changes a member's role with a merge patch, and shows a refusal on that member's role", async () => {
    let answer: 'ok' | 'invalid' = 'invalid';
    const { requests } = renderAdmin({
      path: '/users',
      routes: usersRoutes([
        {
          method: 'PATCH',
          path: '/tenancy/members/{userId}',
          handle: () =>
            answer === 'ok' ? { status: 204 } : invalid('/body/role', 'is not a role of this tenant'),
        },
      ]),
    });
    const u = user();
    const role = await screen.findByRole('combobox', { name: 'Role of Grace Hopper' });
    await u.click(role);
    await u.click(await screen.findByRole('option', { name: 'Sales rep' }));
    await waitFor(() => expect(errorOf(role)).toBe('is not a role of this tenant'));

    answer = 'ok';
    await u.click(role);
    await u.click(await screen.findByRole('option', { name: 'Admin' }));
    await waitFor(() => expect(errorOf(role)).toBe(''));
    const patches = requests().filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => [request.url, request.body])).toEqual([
      [`/api/tenancy/members/${ids.grace}`, { role: 'sales-rep' }],
      [`/api/tenancy/members/${ids.grace}`, { role: 'admin' }],
    ]);
    expect(patches[0]?.headers['content-type']).toBe('application/merge-patch+json');
  });

  it('removes a member only after confirming', async () => {
    const { requests } = renderAdmin({
      path: '/users',
      routes: usersRoutes([
        { method: 'DELETE', path: '/tenancy/members/{userId}', handle: () => ({ status: 204 }) },
      ]),
    });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Remove Grace Hopper' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Grace Hopper from this tenant?' });
    expect(requests().some((request) => request.method === 'DELETE')).toBe(false);
    await u.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() =>
      expect(
        requests()
          .filter((request) => request.method === 'DELETE')
          .map((request) => request.url),
      ).toEqual([`/api/tenancy/members/${ids.grace}`]),
    );
  });

  it('revokes a pending invitation after confirming', async () => {
    const { sent } = renderAdmin({
      path: '/users',
      routes: usersRoutes([
        {
          method: 'POST',
          path: '/cortex/invitations/{id}/revoke',
          handle: () => ({ body: { ...pending, status: 'revoked' } }),
        },
      ]),
    });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Revoke the invitation of linus@acme.test' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke the invitation of linus@acme.test?' });
    await u.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await waitFor(() =>
      expect(sent('POST', `/api/cortex/invitations/${ids.invitation}/revoke`)).toHaveLength(1),
    );
  });

  it('offers no write to a session that may only read the members', async () => {
    renderAdmin({
      path: '/users',
      routes: usersRoutes(),
      permissions: ['prefiq:member:read', 'prefiq:role:read'],
    });
    const table = await screen.findByRole('table', { name: 'Members' });
    expect(within(table).getByText('Member')).toBeTruthy();
    expect(within(table).queryByRole('combobox')).toBeNull();
    expect(within(table).queryByRole('button')).toBeNull();
    expect(screen.getByRole('button', { name: 'Invite' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('table', { name: 'Invitations' })).toBeNull();
  });
});
