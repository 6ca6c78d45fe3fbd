import { type AuthBrand, AuthBrandProvider, useTranslation } from '@codexion/web';
import { Orbit } from 'lucide-react';
import { type ReactNode, useMemo } from 'react';

/**
 * Cortex's name and mark on the framework's pages before the shell (sign-in, no tenant, a failed
 * start) and on the invitation page. Each of those wraps itself: they load lazily, and so does
 * the icon with them.
 *
 * @example
 * <CortexBrand><LoginPage /></CortexBrand>
 */
export function CortexBrand({ children }: { children: ReactNode }) {
  const { t } = useTranslation('cortex');
  const name = t('brand');
  const brand = useMemo<AuthBrand>(() => ({ name, icon: Orbit }), [name]);
  return <AuthBrandProvider brand={brand}>{children}</AuthBrandProvider>;
}
