import type { AppModule, IconComponent } from '@codexion/web';
import type { CortexI18n } from './create-cortex-i18n.js';

/** One page the session may open: a sidebar link and a "go to" command of the palette. */
export interface ShellNavEntry {
  /** `<module>:<path>` */
  id: string;
  module: string;
  label: string;
  /** absolute: `/crm/deals` */
  href: string;
  icon?: IconComponent;
}

/** A module's section of the sidebar. */
export interface ShellNavSection {
  module: string;
  title: string;
  icon?: IconComponent;
  entries: ShellNavEntry[];
}

/**
 * The title of a module in the user's language (`<module>:title`, else what it declares).
 *
 * @example
 * moduleTitle(i18n, crmModule) // 'CRM'
 */
export function moduleTitle(i18n: CortexI18n, module: AppModule): string {
  return i18n.t('title', { ns: module.name, defaultValue: module.title });
}

/**
 * A module's navigation as the session may see it: entries without their permission left out,
 * labels translated in the module's namespace, paths made absolute under `/<module>`.
 *
 * @example
 * moduleNav(i18n, crmModule, can).entries.map((entry) => entry.href) // ['/crm', '/crm/deals/board', …]
 */
export function moduleNav(
  i18n: CortexI18n,
  module: AppModule,
  can: (permission: string) => boolean,
): ShellNavSection {
  return {
    module: module.name,
    title: moduleTitle(i18n, module),
    icon: module.icon,
    entries: module.nav
      .filter((item) => !item.permission || can(item.permission))
      .map((item) => ({
        id: `${module.name}:${item.path}`,
        module: module.name,
        label: item.labelKey
          ? i18n.t(item.labelKey, { ns: module.name, defaultValue: item.label })
          : item.label,
        href: `/${module.name}/${item.path}`.replace(/\/+$/, ''),
        icon: item.icon,
      })),
  };
}

/**
 * The entry the current page belongs to: the most specific one whose path is the page's or a
 * parent of it; a module's home entry (`/crm`) only on that very page.
 *
 * @example
 * activeHref(['/crm', '/crm/deals', '/crm/deals/board'], '/crm/deals/board') // '/crm/deals/board'
 */
export function activeHref(hrefs: readonly string[], pathname: string): string | undefined {
  const path = pathname.replace(/(.)\/+$/, '$1');
  const homes = new Set(hrefs.filter((href) => href.split('/').length === 2));
  return hrefs
    .filter((href) => path === href || (!homes.has(href) && path.startsWith(`${href}/`)))
    .sort((a, b) => b.length - a.length)[0];
}
