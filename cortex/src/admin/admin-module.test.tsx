import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import adminModule from './admin-module.js';
import { listRoute, members, renderAdmin, roles } from './admin-test-data.test-helper.js';

describe('admin module', () => {
  it('names its pages in the nav, each behind its read permission', () => {
    expect(adminModule.name).toBe('admin');
    expect(adminModule.title).toBe('Administration');
    expect(adminModule.nav.map((item) => [item.path, item.permission])).toEqual([
      ['users', 'prefiq:member:read'],
      ['roles', 'prefiq:role:read'],
      ['tenants', 'prefiq:tenant:read'],
      ['apps', 'cortex:app:manage'],
      ['settings', 'cortex:setting:update'],
      ['audit', 'prefiq:audit:read'],
      ['jobs', 'prefiq:jobs:read'],
      ['dead-letters', 'prefiq:events:manage'],
      ['webhooks', 'prefiq:webhooks:read'],
      ['health', 'cortex:system:read'],
    ]);
    expect(Object.keys(adminModule.translations ?? {})).toEqual(['en', 'de']);
  });

  it('loads every page lazily', () => {
    const pages = adminModule.routes[0]?.children?.filter((route) => !route.index) ?? [];
    expect(pages.map((route) => route.path)).toEqual([
      'users',
      'roles',
      'tenants',
      'apps',
      'settings',
      'audit',
      'audit/:entity/:id',
      'jobs',
      'dead-letters',
      'webhooks',
      'health',
    ]);
    expect(pages.every((route) => typeof route.lazy === 'function' && route.element === undefined)).toBe(
      true,
    );
  });

  it('speaks German from its own catalog', async () => {
    renderAdmin({
      path: '/users',
      locale: 'de-DE',
      routes: [
        listRoute('/tenancy/members', members),
        listRoute('/tenancy/roles', roles),
        listRoute('/cortex/invitations', () => []),
      ],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Benutzer' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Mitglieder' });
    // the built-in roles, which the server names in English, in German
    expect(within(table).getByRole('combobox', { name: 'Rolle von Ada Lovelace' }).textContent).toContain(
      'Inhaber',
    );
    expect(screen.getByRole('button', { name: 'Einladen' })).toBeTruthy();
  });

  it("takes the session's permissions for its buttons, whatever the shell put above", async () => {
    renderAdmin({
      path: '/users',
      permissions: ['*'],
      session: { permissions: ['prefiq:member:read'] },
      routes: [listRoute('/tenancy/members', members), listRoute('/tenancy/roles', roles)],
    });
    expect(await screen.findByRole('table', { name: 'Members' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Invite' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Remove Grace Hopper' })).toBeNull();
  });
});
