import { LoginPage } from '@codexion/web';
import { CortexBrand } from './cortex-brand.js';

/**
 * The framework's sign-in page with Cortex's brand; its own chunk, loaded only when someone needs
 * to sign in.
 *
 * @example
 * { path: '/login', lazy: async () => ({ element: <CortexLoginPage /> }) }
 */
export function CortexLoginPage() {
  return (
    <CortexBrand>
      <LoginPage />
    </CortexBrand>
  );
}
