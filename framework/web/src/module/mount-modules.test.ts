import { describe, expect, it } from 'vitest';
import { createPermissions } from '../permissions/permissions-provider.js';
import { salesCatalog } from '../testing/sales-fixture.js';
import { defineAppModule } from './define-app-module.js';
import { mountModules } from './mount-modules.js';

const crm = defineAppModule({
  name: 'crm',
  title: 'CRM',
  routes: [{ path: 'deals', element: null }],
  nav: [{ label: 'Deals', path: 'deals', permission: 'crm:deal:read' }],
});

describe('mountModules', () => {
  it('mounts each module under /<app> and lists its navigation with absolute paths', () => {
    const mounted = mountModules([crm]);
    expect(mounted.routes).toEqual([{ id: 'module:crm', path: 'crm', children: crm.routes }]);
    expect(mounted.nav).toEqual([
      {
        module: 'crm',
        title: 'CRM',
        icon: undefined,
        items: [{ label: 'Deals', path: 'deals', permission: 'crm:deal:read', href: '/crm/deals' }],
      },
    ]);
  });

  it('adds a lazy module’s routes on the first visit under it, once', async () => {
    let loads = 0;
    const mounted = mountModules([
      crm,
      {
        name: 'erp',
        title: 'ERP',
        nav: [{ label: 'Invoices', path: 'invoices' }],
        load: async () => {
          loads += 1;
          return {
            default: defineAppModule({ name: 'erp', title: 'ERP', routes: [{ path: 'invoices' }], nav: [] }),
          };
        },
      },
    ]);
    expect(mounted.routes.map((route) => route.path)).toEqual(['crm']);
    const patches: unknown[] = [];
    const patch = (parent: string | null, children: unknown[]) => patches.push([parent, children]);
    await mounted.patchRoutesOnNavigation({ path: '/crm/deals', patch });
    await mounted.patchRoutesOnNavigation({ path: '/erp/invoices', patch });
    await mounted.patchRoutesOnNavigation({ path: '/erp/invoices/2', patch });
    expect(loads).toBe(1);
    expect(patches).toEqual([
      ['shell', [{ id: 'module:erp', path: 'erp', children: [{ path: 'invoices' }] }]],
    ]);
  });

  it('refuses two modules of one name and nav paths that leave the module', () => {
    expect(() => mountModules([crm, crm])).toThrow('Two app modules are named "crm"');
    expect(() => defineAppModule({ ...crm, nav: [{ label: 'X', path: '/x' }] })).toThrow('must be relative');
    expect(() => defineAppModule({ ...crm, name: 'My App' })).toThrow('kebab-case');
    const [account] = salesCatalog().entities;
    if (!account) throw new Error('the sales fixture has entities');
    expect(() => defineAppModule({ ...crm, search: [account] })).toThrow('belongs to app "sales"');
  });
});

describe('permissions', () => {
  it('grants by exact name and wildcards', () => {
    const { can } = createPermissions(['sales:account:read', 'crm:*', 'erp:invoice:*']);
    expect(can('sales:account:read')).toBe(true);
    expect(can('sales:account:delete')).toBe(false);
    expect(can('crm:deal:delete')).toBe(true);
    expect(can('erp:invoice:post')).toBe(true);
    expect(can('erp:order:read')).toBe(false);
    expect(createPermissions(['*']).can('anything:at:all')).toBe(true);
  });
});
