import type { i18n } from 'i18next';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/create-i18n.js';
import { createFormatters, type Formatters } from './create-formatters.js';

export interface LocaleSettings {
  /** BCP 47, e.g. `de-DE` */
  locale: string;
  /** IANA, e.g. `Europe/Berlin` */
  timeZone: string;
  /** ISO 4217, the tenant's default currency */
  currency: string;
}

const defaultFormatters = /* @__PURE__ */ createFormatters({
  locale: 'en-US',
  timeZone: 'UTC',
  currency: 'EUR',
});
const FormattersContext = /* @__PURE__ */ createContext<Formatters>(defaultFormatters);

export interface LocaleProviderProps extends Partial<LocaleSettings> {
  /** an i18next instance to use instead of a fresh one (apps with their own catalogs) */
  i18n?: i18n;
  children: ReactNode;
}

/**
 * Sets the tenant's language, time zone and currency for everything below: translated strings
 * (react-i18next) and `Intl` formatting of numbers, money and dates.
 *
 * @example
 * <LocaleProvider locale="de-DE" timeZone="Europe/Berlin" currency="EUR">{app}</LocaleProvider>
 */
export function LocaleProvider({
  locale = 'en-US',
  timeZone = 'UTC',
  currency = 'EUR',
  i18n: given,
  children,
}: LocaleProviderProps) {
  const [instance] = useState(() => given ?? createI18n({ locale }));
  useEffect(() => {
    if (instance.language !== locale) void instance.changeLanguage(locale);
  }, [instance, locale]);
  const formatters = useMemo(
    () => createFormatters({ locale, timeZone, currency }),
    [locale, timeZone, currency],
  );
  return (
    <I18nextProvider i18n={instance}>
      <FormattersContext.Provider value={formatters}>{children}</FormattersContext.Provider>
    </I18nextProvider>
  );
}

/**
 * The tenant's formatters.
 *
 * @example
 * const format = useFormatters();
 * format.money(1999, 'EUR') // '€19.99'
 */
export function useFormatters(): Formatters {
  return useContext(FormattersContext);
}
