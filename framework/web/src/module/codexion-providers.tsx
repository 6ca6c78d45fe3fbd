import { ThemeProvider, type UiStrings, UiStringsProvider } from '@codexion/resources';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProvider } from '../api/api-provider.js';
import { LocaleProvider, type LocaleSettings } from '../locale/locale-provider.js';
import { PermissionsProvider } from '../permissions/permissions-provider.js';

/** The design system's built-in strings, from the framework's catalog. */
function FrameworkUiStrings({ children }: { children: ReactNode }) {
  const { t, i18n: instance } = useTranslation('codexion');
  // biome-ignore lint/correctness/useExhaustiveDependencies: a language change changes what `t` returns
  const strings = useMemo<Partial<UiStrings>>(
    () => ({
      close: t('ui.close'),
      previous: t('ui.previous'),
      next: t('ui.next'),
      previousPage: t('ui.previousPage'),
      nextPage: t('ui.nextPage'),
      morePages: t('ui.morePages'),
      pagination: t('ui.pagination'),
      goToPage: (page) => t('ui.goToPage', { page }),
      pageStatus: (page, pageCount) =>
        pageCount === undefined ? t('ui.pageStatus', { page }) : t('ui.pageStatusOf', { page, pageCount }),
      rowsPerPage: t('ui.rowsPerPage'),
      breadcrumb: t('ui.breadcrumb'),
      noResults: t('ui.noResults'),
      loading: t('ui.loading'),
      search: t('ui.search'),
      select: t('ui.select'),
      clear: t('ui.clear'),
      pickDate: t('ui.pickDate'),
      previousMonth: t('ui.previousMonth'),
      nextMonth: t('ui.nextMonth'),
      toggleSidebar: t('ui.toggleSidebar'),
      navigation: t('ui.navigation'),
      theme: t('ui.theme'),
      themeLight: t('ui.themeLight'),
      themeDark: t('ui.themeDark'),
      themeSystem: t('ui.themeSystem'),
      commandPalette: t('ui.commandPalette'),
      commandPlaceholder: t('ui.commandPlaceholder'),
      notifications: t('ui.notifications'),
    }),
    [t, instance.language],
  );
  return <UiStringsProvider strings={strings}>{children}</UiStringsProvider>;
}

export interface CodexionProvidersProps extends Partial<LocaleSettings> {
  apiBaseUrl: string;
  /** replaces the global fetch (tests, demos with an in-memory API) */
  fetch?: typeof fetch;
  queryClient?: QueryClient;
  i18n?: i18n;
  /** the session's `app:resource:action` permissions */
  permissions?: Iterable<string>;
  children: ReactNode;
}

const allPermissions = ['*'];
const Toaster = /* @__PURE__ */ lazy(() =>
  import('./deferred-shell-parts.js').then((parts) => ({ default: parts.DeferredToaster })),
);

/**
 * Everything a Codexion page expects above it: theme, language and formats, translated
 * design-system strings, the API and its query client, the session's permissions and toasts. The standalone shell uses it; Cortex wraps its shell in it too.
 *
 * @example
 * <CodexionProviders apiBaseUrl="/api/sales" locale="de-DE" currency="EUR" permissions={session.permissions}>
 *   <RouterProvider router={router} />
 * </CodexionProviders>
 */
export function CodexionProviders({
  apiBaseUrl,
  fetch: fetchImpl,
  queryClient,
  i18n,
  permissions = allPermissions,
  locale,
  timeZone,
  currency,
  children,
}: CodexionProvidersProps) {
  return (
    <ThemeProvider>
      <LocaleProvider locale={locale} timeZone={timeZone} currency={currency} i18n={i18n}>
        <FrameworkUiStrings>
          <ApiProvider baseUrl={apiBaseUrl} fetch={fetchImpl} queryClient={queryClient}>
            <PermissionsProvider permissions={permissions}>
              {children}
              <Suspense fallback={null}>
                <Toaster />
              </Suspense>
            </PermissionsProvider>
          </ApiProvider>
        </FrameworkUiStrings>
      </LocaleProvider>
    </ThemeProvider>
  );
}
