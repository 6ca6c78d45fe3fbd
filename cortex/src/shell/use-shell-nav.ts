import { usePermissions, useTranslation } from '@codexion/web';
import { appAvailability } from './app-availability.js';
import { adminEntry, type LoadedApp } from './app-registry.js';
import { useAuth } from './session-provider.js';
import { useShell } from './shell-context.js';
import { moduleNav, type ShellNavSection } from './shell-nav.js';
import { useLoadedModules } from './use-loaded-modules.js';

/** An app on for the tenant whose module has loaded. */
export interface ShellApp {
  name: string;
  /** in the user's language */
  title: string;
  app: LoadedApp;
}

export interface ShellNavigation {
  /** the sidebar's sections: each enabled app, then the administration; none without an entry */
  sections: ShellNavSection[];
  /** the enabled apps whose modules have loaded, in registry order */
  apps: ShellApp[];
  /** the names of the apps on for the tenant, loaded or not */
  enabled: string[];
}

/**
 * What the session may navigate to: the enabled apps (their modules loading as needed) and the
 * administration, each with the entries its permissions allow. The sidebar, the home page and the
 * palette read it alike.
 *
 * @example
 * const { sections, apps } = useShellNav();
 */
export function useShellNav(): ShellNavigation {
  const { t, i18n } = useTranslation('cortex');
  const { data } = useAuth();
  const { loader } = useShell();
  const { can } = usePermissions();
  const enabled = loader.entries
    .filter(
      (entry) =>
        entry.name !== adminEntry.name && data !== null && appAvailability(data, entry.name) === 'enabled',
    )
    .map((entry) => entry.name);
  const modules = useLoadedModules([...enabled, adminEntry.name]);
  const sections: ShellNavSection[] = [];
  const apps: ShellApp[] = [];
  for (const { name, app } of modules) {
    if (!app) continue;
    const section = moduleNav(i18n, app.module, can);
    // the shell names the administration, whatever its module calls itself
    if (name === adminEntry.name) section.title = t('nav.administration');
    else apps.push({ name, title: section.title, app });
    if (section.entries.length > 0) sections.push(section);
  }
  return { sections, apps, enabled };
}
