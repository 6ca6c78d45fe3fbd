import { createContext, type ReactNode, useContext } from 'react';
import type { IconComponent } from '../module/define-app-module.js';

/** Whose pages the sign-in pages are: a name and its mark. */
export interface AuthBrand {
  /** `Codexion` in Cortex, the app's title standalone */
  name: string;
  icon?: IconComponent;
}

const AuthBrandContext = /* @__PURE__ */ createContext<AuthBrand>({ name: 'Codexion' });

/**
 * Names the product on the pages before the shell (sign-in, no tenant, a failed start).
 *
 * @example
 * <AuthBrandProvider brand={{ name: 'CRM', icon: Handshake }}><RouterProvider router={router} /></AuthBrandProvider>
 */
export function AuthBrandProvider({ brand, children }: { brand: AuthBrand; children: ReactNode }) {
  return <AuthBrandContext.Provider value={brand}>{children}</AuthBrandContext.Provider>;
}

/**
 * The brand of the nearest {@link AuthBrandProvider}; `Codexion` without one.
 *
 * @example
 * const { name, icon: Icon } = useAuthBrand();
 */
export function useAuthBrand(): AuthBrand {
  return useContext(AuthBrandContext);
}
