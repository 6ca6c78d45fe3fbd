import type { Container } from './container.js';

/**
 * Puts services into the kernel's container, Laravel-style: every provider's `register` runs
 * (bind factories, resolve nothing of others) before any provider's `boot` (use what others bound).
 */
export interface ServiceProvider {
  /** for logs and errors */
  name: string;
  register(container: Container): Promise<void> | void;
  boot?(container: Container): Promise<void> | void;
}

/**
 * Declares a provider; returns it unchanged, typed.
 *
 * @example
 * export const mailProvider = defineProvider({
 *   name: 'mail',
 *   register: (c) => void c.singleton(Mailer, (c) => createMailer(c.resolve(KernelConfig))),
 * });
 */
export function defineProvider(provider: ServiceProvider): ServiceProvider {
  return provider;
}

/**
 * Runs the providers: all `register`s in order, then all `boot`s in order. A failure names the
 * provider and the phase.
 *
 * @example
 * await runProviders(container, [databaseProvider, ...plugin.providers]);
 */
export async function runProviders(
  container: Container,
  providers: readonly ServiceProvider[],
): Promise<void> {
  for (const provider of providers) {
    try {
      await provider.register(container);
    } catch (error) {
      throw new Error(`service provider "${provider.name}" failed to register: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  for (const provider of providers) {
    if (!provider.boot) continue;
    try {
      await provider.boot(container);
    } catch (error) {
      throw new Error(`service provider "${provider.name}" failed to boot: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
