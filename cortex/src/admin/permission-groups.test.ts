import type { Permission } from '@codexion/contracts/tenancy/types';
import { describe, expect, it } from 'vitest';
import {
  groupPermissions,
  isGranted,
  permissionAction,
  withoutPermissions,
  withPermissions,
} from './permission-groups.js';

const catalog: Permission[] = [
  { name: 'crm:deal:read', kind: 'crud', app: 'crm' },
  { name: 'crm:deal:delete', kind: 'crud', app: 'crm' },
  { name: 'crm:deal:owner-id:write', kind: 'field', app: 'crm' },
  { name: 'crm:company:read', kind: 'crud', app: 'crm', description: 'See companies' },
  { name: 'prefiq:member:read', kind: 'framework', app: 'prefiq' },
];

describe('permission groups', () => {
  it('groups the catalogue by app and resource, in catalogue order, and filters it', () => {
    expect(groupPermissions(catalog).map((group) => [group.id, group.permissions.length])).toEqual([
      ['crm:deal', 3],
      ['crm:company', 1],
      ['prefiq:member', 1],
    ]);
    expect(groupPermissions(catalog, 'COMPANIES').map((group) => group.id)).toEqual(['crm:company']);
    expect(
      groupPermissions(catalog, 'owner').flatMap((group) => group.permissions.map((p) => p.name)),
    ).toEqual(['crm:deal:owner-id:write']);
    expect(permissionAction('crm:deal:owner-id:write')).toBe('owner-id:write');
  });

  it('reads wildcards as granting what they cover', () => {
    expect(isGranted(['crm:*'], 'crm:deal:read')).toBe(true);
    expect(isGranted(['crm:deal:*'], 'crm:company:read')).toBe(false);
    expect(isGranted(['*'], 'prefiq:member:read')).toBe(true);
  });

  it('adds only what is not covered yet', () => {
    expect(withPermissions(['crm:deal:*'], ['crm:deal:read', 'crm:company:read'])).toEqual([
      'crm:deal:*',
      'crm:company:read',
    ]);
  });

  it('spells a wildcard out when one of the permissions it covers is taken away', () => {
    expect(withoutPermissions(['crm:deal:*', 'prefiq:member:read'], ['crm:deal:delete'], catalog)).toEqual([
      'crm:deal:read',
      'crm:deal:owner-id:write',
      'prefiq:member:read',
    ]);
    expect(withoutPermissions(['crm:deal:read', 'crm:company:read'], ['crm:deal:read'], catalog)).toEqual([
      'crm:company:read',
    ]);
  });
});
