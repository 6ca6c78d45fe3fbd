import { describe, expect, it } from 'vitest';
import type { EntityConfig } from '../entity/define-entities.js';
import { createResourceRoutes } from '../pages/create-resource-routes.js';
import { createPermissions } from '../permissions/permissions-provider.js';
import { salesCatalog } from '../testing/sales-fixture.js';
import { defineAppModule } from './define-app-module.js';
import { mountModules } from './mount-modules.js';

const crm = defineAppModule({
  manifest: {
    name: 'crm',
    title: 'CRM',
    nav: [{ label: 'Deals', path: '/deals', permission: 'crm:deal:read' }],
  },
  routes: [{ path: 'deals', element: null }],
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
        items: [
          {
            label: 'Deals',
            labelKey: 'nav.deals',
            path: 'deals',
            permission: 'crm:deal:read',
            href: '/crm/deals',
          },
        ],
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
            default: defineAppModule({
              manifest: { name: 'erp', title: 'ERP' },
              routes: [{ path: 'invoices' }],
            }),
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

  it('refuses two modules of one name', () => {
    expect(() => mountModules([crm, crm])).toThrow('Two app modules are named "crm"');
  });
});

describe('defineAppModule', () => {
  const manifest = {
    name: 'crm',
    title: 'CRM',
    icon: 'handshake',
    nav: [
      { label: 'Dashboard', path: '/', icon: 'gauge', permission: 'crm:deal:read' },
      { label: 'Pipeline', path: '/deals/board', icon: 'handshake', permission: 'crm:deal:read' },
    ],
  };
  const routes = [{ index: true }, { path: 'deals', children: [{ index: true }, { path: 'board' }] }];
  const icons = { handshake: () => null, gauge: () => null };

  it('takes name, title, icon and navigation from the manifest, paths relative and label keys from the paths', () => {
    const module = defineAppModule({ manifest, icons, routes });
    expect(module).toMatchObject({ name: 'crm', title: 'CRM', icon: icons.handshake });
    expect(module.nav).toEqual([
      { label: 'Dashboard', labelKey: 'nav.home', path: '', icon: icons.gauge, permission: 'crm:deal:read' },
      {
        label: 'Pipeline',
        labelKey: 'nav.dealsBoard',
        path: 'deals/board',
        icon: icons.handshake,
        permission: 'crm:deal:read',
      },
    ]);
  });

  it('refuses what would fail far from here: a nav path no route serves, an icon without its component, a bad name', () => {
    expect(() => defineAppModule({ manifest, icons, routes: [{ index: true }, { path: 'deals' }] })).toThrow(
      'Nav entry "Pipeline" of "crm" goes to /deals/board, which no route of the module serves',
    );
    expect(() => defineAppModule({ manifest, icons: { handshake: icons.handshake }, routes })).toThrow(
      'Nav entry "Dashboard" of "crm" has the icon "gauge", which is not among the module\'s icons',
    );
    expect(() => defineAppModule({ manifest: { ...manifest, nav: [] }, routes })).toThrow(
      'The module of "crm" has the icon "handshake"',
    );
    expect(() =>
      defineAppModule({ manifest: { name: 'crm', title: 'CRM', nav: [{ label: 'X', path: 'x' }] }, routes }),
    ).toThrow('must start with "/"');
    expect(() => defineAppModule({ manifest: { name: 'My App', title: 'My App' }, routes })).toThrow(
      'kebab-case',
    );
  });

  it("searches the catalog's entities with search fields and a page in the navigation, unless told otherwise", () => {
    const catalog = salesCatalog();
    const sales = (nav: { label: string; path: string }[], search?: EntityConfig[]) =>
      defineAppModule({
        manifest: { name: 'sales', title: 'Sales', nav },
        routes: catalog.entities.flatMap((entity) => createResourceRoutes(entity)),
        entities: catalog,
        ...(search === undefined ? {} : { search }),
      });
    const both = sales([
      { label: 'Opportunities', path: '/opportunities' },
      { label: 'Accounts', path: '/accounts' },
    ]);
    expect(both.search?.map((entity) => entity.name)).toEqual(['opportunity', 'account']);
    expect(sales([{ label: 'Accounts', path: '/accounts' }]).search?.map((entity) => entity.name)).toEqual([
      'account',
    ]);
    expect(sales([], [catalog.entity('opportunity')]).search?.map((entity) => entity.name)).toEqual([
      'opportunity',
    ]);
    const [account] = catalog.entities;
    if (!account) throw new Error('the sales fixture has entities');
    expect(() =>
      defineAppModule({ manifest: { name: 'crm', title: 'CRM' }, routes, search: [account] }),
    ).toThrow('belongs to app "sales"');
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
