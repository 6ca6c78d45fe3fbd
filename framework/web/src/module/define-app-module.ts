import type { Resource } from 'i18next';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { EntityConfig } from '../entity/define-entities.js';

/** An icon component (lucide-react's, or any that takes a className). */
export type IconComponent = ComponentType<{ className?: string; 'aria-hidden'?: boolean | 'true' }>;

/** One entry of a module's navigation. */
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

/** What the shell gives an app's top-bar actions. */
export interface ShellActionsProps {
  /** the URL the module's routes hang under: `''` standalone, `/crm` in Cortex */
  basePath: string;
}

/**
 * Declares an app's frontend module. Checks the parts that would otherwise fail far from here
 * (a nav entry with an absolute path, a name that cannot be a URL segment).
 *
 * @example
 * export default defineAppModule({
 *   name: 'sales', title: 'Sales', icon: Briefcase,
 *   routes: [...createResourceRoutes(sales.entity('account'))],
 *   nav: [{ label: 'Accounts', path: 'accounts', icon: Building }],
 * });
 */
export function defineAppModule(module: AppModule): AppModule {
  if (!/^[a-z][a-z0-9-]*$/.test(module.name)) {
    throw new Error(`App module name "${module.name}" must be kebab-case: it becomes a URL segment`);
  }
  for (const entity of module.search ?? []) {
    if (entity.app !== module.name) {
      throw new Error(`Search entity "${entity.name}" of "${module.name}" belongs to app "${entity.app}"`);
    }
  }
  for (const item of module.nav) {
    if (item.path.startsWith('/')) {
      throw new Error(
        `Nav entry "${item.label}" of "${module.name}" must be relative to the module (not "${item.path}")`,
      );
    }
  }
  return module;
}

/** The module's translations as i18next resources, under the module's namespace. */
export function moduleResources(module: AppModule): Resource {
  const resources: Resource = {};
  for (const [language, catalog] of Object.entries(module.translations ?? {})) {
    resources[language] = { [module.name]: catalog as Resource[string][string] };
  }
  return resources;
}
