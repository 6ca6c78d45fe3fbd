import { type AppModule, createI18n, moduleResources } from '@codexion/web';
import de from './i18n/de.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

/** Namespace of the shell's own strings. */
export const cortexNamespace = 'cortex';

/** The i18next instance the shell and every module translate through. */
export type CortexI18n = ReturnType<typeof createI18n>;

/**
 * The shell's i18next: the framework's `codexion` catalog and the shell's `cortex` one, in English
 * and German; modules add theirs as they load ({@link addModuleTranslations}).
 *
 * @example
 * const i18n = createCortexI18n('de-DE');
 * i18n.t('login.title', { ns: 'cortex' }) // 'Anmelden'
 */
export function createCortexI18n(locale: string): CortexI18n {
  return createI18n({ locale, resources: { en: { [cortexNamespace]: en }, de: { [cortexNamespace]: de } } });
}

/**
 * Adds a module's catalogs (under its name) to the shell's i18next, before its pages render.
 *
 * @example
 * addModuleTranslations(i18n, crmModule); // i18n.t('crm:nav.deals')
 */
export function addModuleTranslations(i18n: CortexI18n, module: AppModule): void {
  for (const [language, namespaces] of Object.entries(moduleResources(module))) {
    for (const [namespace, catalog] of Object.entries(namespaces)) {
      i18n.addResourceBundle(language, namespace, catalog, true, true);
    }
  }
}

/**
 * The browser's language when Cortex supports it, for the pages shown before a tenant's settings
 * are known (sign-in, invitations).
 *
 * @example
 * browserLocale() // 'de-DE' in a German browser, else 'en-US'
 */
export function browserLocale(): string {
  const language = typeof navigator === 'undefined' ? 'en-US' : navigator.language;
  return language.toLowerCase().startsWith('de') ? 'de-DE' : 'en-US';
}
