import { useTheme } from '@codexion/resources';
import { CodexionProviders } from '@codexion/web';
import type { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import type { CortexI18n } from './create-cortex-i18n.js';
import type { TenantSettings } from './session-context.js';
import { useAuth } from './session-provider.js';

const noPermissions: string[] = [];

/** Keeps the tenant's theme overrides on the page, for the mode shown. */
function TenantTheme({ theme }: { theme: TenantSettings['theme'] | undefined }) {
  const { resolvedTheme } = useTheme();
  useEffect(() => {
    const overrides = Object.keys(theme?.light ?? {}).length + Object.keys(theme?.dark ?? {}).length;
    if (!theme || overrides === 0) return;
    // the token catalog and its checks load only for a tenant that has overrides
    let cancelled = false;
    let reset: (() => void) | undefined;
    void import('./apply-tenant-theme.js').then(({ applyTenantTheme }) => {
      if (!cancelled) reset = applyTenantTheme(theme, resolvedTheme)?.reset;
    });
    return () => {
      cancelled = true;
      reset?.();
    };
  }, [theme, resolvedTheme]);
  return null;
}

export interface CortexProvidersProps {
  i18n: CortexI18n;
  queryClient: QueryClient;
  fetch?: typeof fetch;
  /** the language before a tenant's settings are known */
  fallbackLocale: string;
  children: ReactNode;
}

/**
 * The framework's providers set up for the session: the tenant's language, time zone, currency and
 * theme, the session's permissions, the `/api` root on the shell's one query client.
 *
 * @example
 * <CortexProviders i18n={i18n} queryClient={queryClient} fallbackLocale="en-US"><RouterProvider router={router} /></CortexProviders>
 */
export function CortexProviders({
  i18n,
  queryClient,
  fetch: fetchImpl,
  fallbackLocale,
  children,
}: CortexProvidersProps) {
  const { data } = useAuth();
  const settings = data?.settings;
  return (
    <CodexionProviders
      apiBaseUrl="/api"
      fetch={fetchImpl}
      i18n={i18n}
      queryClient={queryClient}
      permissions={data?.permissions ?? noPermissions}
      locale={settings?.locale ?? fallbackLocale}
      timeZone={settings?.timeZone}
      currency={settings?.currency}
    >
      <TenantTheme theme={settings?.theme} />
      {children}
    </CodexionProviders>
  );
}
