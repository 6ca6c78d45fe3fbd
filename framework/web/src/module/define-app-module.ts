import { camelCase, type NavItem } from '@codexion/schema';
import type { Resource } from 'i18next';
import type { ComponentType } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';
import type { EntityCatalog, EntityConfig } from '../entity/define-entities.js';

/** An icon component (lucide-react's, or any that takes a className). */
export type IconComponent = ComponentType<{ className?: string; 'aria-hidden'?: boolean | 'true' }>;

/** One entry of a module's navigation, as the shells draw it. */
export interface ModuleNavItem {
  /** shown as is unless `labelKey` finds a translation in the module's namespace */
  label: string;
  /** i18n key in the module's namespace (its name) */
  labelKey?: string;
  /** relative to the module's root: `accounts` */
  path: string;
  icon?: IconComponent;
  /** `app:resource:action` the entry needs; hidden without it */
  permission?: string;
}

/**
 * What a module is described by in its app's `core/app.json`: its name, title, icon and
 * navigation. An app passes the manifest itself, so the navigation is declared once.
 */
export interface ModuleManifest {
  name: string;
  title: string;
  /** an icon name (lucide's kebab-case names), resolved by the module's `icons` */
  icon?: string;
  /** entries with absolute paths inside the module: `/`, `/deals`, `/deals/board` */
  nav?: readonly NavItem[];
}

/** What an app's `src/module.tsx` exports: everything a shell needs to mount the app's pages. */
export interface AppModule {
  /** the app's name: its URL segment under Cortex (`/crm/*`), its i18n namespace, its permission prefix */
  name: string;
  title: string;
  icon?: IconComponent;
  /** route objects relative to the module's root; pages load lazily (`lazy`) */
  routes: RouteObject[];
  nav: ModuleNavItem[];
  /** the app's translations by language: `{ de: { 'account.title': 'Firma', … } }` */
  translations?: Record<string, Record<string, unknown>>;
  /**
   * what the app adds to the shell's top bar (search, a quick-add button), loaded after the first
   * paint: `() => import('./components/crm-shell-actions.js').then((m) => m.CrmShellActions)`
   */
  shellActions?: () => Promise<ComponentType<ShellActionsProps>>;
  /**
   * the entities a host shell's search finds records of (Cortex's command palette), in the order
   * their groups are shown: `[crm.entity('company'), crm.entity('person'), crm.entity('deal')]`;
   * each also gets a "new …" command when the session may create it
   */
  search?: readonly EntityConfig[];
}

/** What `defineAppModule` is given: the manifest for what it declares, the code for the rest. */
export interface AppModuleDefinition {
  /** the app's `core/app.json`: the module's name, title, icon and navigation come from it */
  manifest: ModuleManifest;
  /** the components of the icon names the manifest uses: `{ handshake: Handshake }` */
  icons?: Readonly<Record<string, IconComponent>>;
  /** route objects relative to the module's root; every nav path must reach one */
  routes: RouteObject[];
  /**
   * the app's entity catalog: unless `search` says otherwise, the host's search finds records of
   * its entities that have search fields (`x-codexion.search`) and a page in the navigation
   */
  entities?: EntityCatalog;
  /** the searched entities, when they are not those `entities` gives */
  search?: readonly EntityConfig[];
  translations?: AppModule['translations'];
  shellActions?: AppModule['shellActions'];
}

/** What a shell gives an app's top-bar actions. */
export interface ShellActionsProps {
  /** the URL the module's routes hang under: `''` standalone, `/crm` in Cortex */
  basePath: string;
}

/**
 * The i18n key of a nav entry's label in the module's namespace, from its path: `nav.home` for the
 * module's root, `nav.deals`, `nav.dealsBoard`.
 *
 * @example
 * navLabelKey('deals/board') // 'nav.dealsBoard'
 */
export function navLabelKey(path: string): string {
  return `nav.${camelCase(path) || 'home'}`;
}

/**
 * The entities a host's search finds by default: those of the catalog with search fields and a
 * page of their own in the navigation (the CRM's deals, companies, people and activities; not its
 * pipelines and tags behind Settings), in navigation order.
 *
 * @example
 * searchedEntities(crmEntities, crmModule.nav).map((entity) => entity.name) // ['deal', 'company', 'person', 'activity']
 */
export function searchedEntities(catalog: EntityCatalog, nav: readonly ModuleNavItem[]): EntityConfig[] {
  return nav.flatMap((item) => {
    const entity = catalog.entities.find((candidate) => candidate.resource === item.path);
    return entity?.annotations.search?.length ? [entity] : [];
  });
}

/**
 * Declares an app's frontend module from its manifest (`core/app.json`: name, title, icon and the
 * navigation, with paths made relative to the module) and its code (routes, icons, entities,
 * translations). Checks what would otherwise fail far from here: a name that cannot be a URL
 * segment, a nav path no route serves, an icon name without its component, a search entity of
 * another app.
 *
 * @example
 * import manifest from '../core/app.json' with { type: 'json' };
 * export default defineAppModule({
 *   manifest, // { name: 'sales', title: 'Sales', icon: 'briefcase', nav: [{ label: 'Accounts', path: '/accounts', icon: 'building' }] }
 *   icons: { briefcase: Briefcase, building: Building },
 *   routes: [...createResourceRoutes(sales.entity('account'))],
 *   entities: sales,
 * });
 */
export function defineAppModule({
  manifest,
  icons = {},
  routes,
  entities,
  search,
  translations,
  shellActions,
}: AppModuleDefinition): AppModule {
  const { name, title } = manifest;
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new Error(`App module name "${name}" must be kebab-case: it becomes a URL segment`);
  }
  const iconOf = (icon: string | undefined, what: string): { icon?: IconComponent } => {
    if (icon === undefined) return {};
    const component = icons[icon];
    if (component === undefined) {
      throw new Error(`${what} of "${name}" has the icon "${icon}", which is not among the module's icons`);
    }
    return { icon: component };
  };
  const nav = (manifest.nav ?? []).map((item): ModuleNavItem => {
    if (!item.path.startsWith('/')) {
      throw new Error(`Nav entry "${item.label}" of "${name}" must start with "/" (not "${item.path}")`);
    }
    const path = item.path.replace(/^\/+|\/+$/g, '');
    if (matchRoutes(routes, `/${path}`) === null) {
      throw new Error(
        `Nav entry "${item.label}" of "${name}" goes to /${path}, which no route of the module serves`,
      );
    }
    return {
      label: item.label,
      labelKey: navLabelKey(path),
      path,
      ...iconOf(item.icon, `Nav entry "${item.label}"`),
      ...(item.permission === undefined ? {} : { permission: item.permission }),
    };
  });
  const searched = search ?? (entities === undefined ? undefined : searchedEntities(entities, nav));
  for (const entity of searched ?? []) {
    if (entity.app !== name) {
      throw new Error(`Search entity "${entity.name}" of "${name}" belongs to app "${entity.app}"`);
    }
  }
  return {
    name,
    title,
    ...iconOf(manifest.icon, 'The module'),
    routes,
    nav,
    ...(translations === undefined ? {} : { translations }),
    ...(shellActions === undefined ? {} : { shellActions }),
    ...(searched === undefined ? {} : { search: searched }),
  };
}

/** The module's translations as i18next resources, under the module's namespace. */
export function moduleResources(module: AppModule): Resource {
  const resources: Resource = {};
  for (const [language, catalog] of Object.entries(module.translations ?? {})) {
    resources[language] = { [module.name]: catalog as Resource[string][string] };
  }
  return resources;
}
