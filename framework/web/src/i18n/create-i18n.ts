import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** Namespace of the framework's own strings; apps add theirs beside it. */
export const frameworkNamespace = 'codexion';

/** The framework's catalogs by language. */
export const frameworkCatalogs = { en, de } as const;

export interface CreateI18nOptions {
  locale?: string;
  /** extra catalogs, e.g. an app's `{ de: { sales: {...} } }` */
  resources?: Resource;
}

/**
 * A fresh i18next instance with the framework's English and German catalogs, ready at once (the
 * catalogs are bundled, so nothing waits on a network load before the first render).
 *
 * @example
 * const i18n = createI18n({ locale: 'de' });
 * i18n.t('table.search', { ns: 'codexion' }) // 'Suchen'
 */
export function createI18n({ locale = 'en', resources = {} }: CreateI18nOptions = {}): i18n {
  const instance = i18next.createInstance();
  const merged: Resource = {};
  for (const [language, catalog] of Object.entries(frameworkCatalogs)) {
    merged[language] = { [frameworkNamespace]: catalog };
  }
  for (const [language, namespaces] of Object.entries(resources)) {
    merged[language] = { ...(merged[language] ?? {}), ...namespaces };
  }
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'en',
    // 'de-CH' falls back to 'de', then 'en'
    load: 'all',
    nonExplicitSupportedLngs: true,
    supportedLngs: false,
    defaultNS: frameworkNamespace,
    ns: [frameworkNamespace],
    resources: merged,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
