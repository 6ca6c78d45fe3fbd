import type { RouteObject } from 'react-router';
import type { AppModule, IconComponent, ModuleNavItem } from './define-app-module.js';

/** A module known by its navigation only; its code (routes, pages) loads on the first visit. */
export interface LazyAppModule {
  name: string;
  title: string;
  icon?: IconComponent;
  nav: ModuleNavItem[];
  load: () => Promise<AppModule | { default: AppModule }>;
}

/** One module's navigation, with absolute paths, for the shell's sidebar. */
export interface MountedNavSection {
  module: string;
  title: string;
  icon?: IconComponent;
  items: (ModuleNavItem & { href: string })[];
}

export interface MountedModules {
  /** children for the shell's layout route: one `/<app>/*` subtree per loaded module */
  routes: RouteObject[];
  nav: MountedNavSection[];
  /**
   * For `createBrowserRouter(routes, { patchRoutesOnNavigation })`: adds a lazy module's routes
   * the first time a URL under it is visited.
   */
  patchRoutesOnNavigation: (args: {
    path: string;
    patch: (routeId: string | null, children: RouteObject[]) => void;
  }) => Promise<void>;
}

function isLazy(module: AppModule | LazyAppModule): module is LazyAppModule {
  return 'load' in module;
}

/**
 * What Cortex needs to mount many app modules: a route subtree under `/<app>` for each, and the
 * navigation sections of all. Modules given as {@link LazyAppModule} add their routes only when
 * first visited, so the shell's first load carries none of their code.
 *
 * @example
 * const mounted = mountModules([crmModule, { name: 'erp', title: 'ERP', nav, load: () => import('@codexion/erp/web') }]);
 * const router = createBrowserRouter([{ path: '/', element: <Shell nav={mounted.nav} />, id: 'shell', children: mounted.routes }],
 *   { patchRoutesOnNavigation: mounted.patchRoutesOnNavigation });
 */
export function mountModules(
  modules: readonly (AppModule | LazyAppModule)[],
  { parentRouteId = 'shell' } = {},
): MountedModules {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`Two app modules are named "${module.name}"`);
    names.add(module.name);
  }
  const routes: RouteObject[] = modules
    .filter((module): module is AppModule => !isLazy(module))
    .map((module) => ({ id: `module:${module.name}`, path: module.name, children: module.routes }));
  const nav: MountedNavSection[] = modules.map((module) => ({
    module: module.name,
    title: module.title,
    icon: module.icon,
    items: module.nav.map((item) => ({ ...item, href: `/${module.name}/${item.path}`.replace(/\/+$/, '') })),
  }));
  const lazy = new Map(modules.filter(isLazy).map((module) => [module.name, module]));
  const loaded = new Set<string>();
  return {
    routes,
    nav,
    async patchRoutesOnNavigation({ path, patch }) {
      const name = path.split('/').filter(Boolean)[0] ?? '';
      const module = lazy.get(name);
      if (!module || loaded.has(name)) return;
      const result = await module.load();
      const loadedModule = 'default' in result ? result.default : result;
      loaded.add(name);
      patch(parentRouteId, [{ id: `module:${name}`, path: name, children: loadedModule.routes }]);
    },
  };
}
