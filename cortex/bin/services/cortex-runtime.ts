import type { Database, Db } from '@codexion/framework/data';
import type { Container, KernelConfig } from '@codexion/framework/foundation';
import type { ReadinessCheck } from '@codexion/framework/http';
import { type Identity, IdentityToken } from '@codexion/framework/identity';
import {
  DatabaseToken,
  KernelConfigToken,
  MetricsToken,
  PluginRegistryToken,
} from '@codexion/framework/kernel';
import type { Metrics } from '@codexion/framework/observability';
import type { PluginRegistry } from '@codexion/framework/plugins';
import { type Tenancy, TenancyToken } from '@codexion/framework/tenancy';
import { sql } from 'drizzle-orm';
import { type InstalledAppAccess, installedAppAccess } from './installed-app-access.js';

/** The kernel's state (`kernel.state`): `/readyz`'s `kernel` check. */
export type KernelStateSource = () => string;

/**
 * What Cortex's actions use of the kernel, resolved from its container when first asked (the
 * identity exists only once the routes are built, the tenancy once migrations ran).
 */
export interface CortexRuntime {
  readonly startedAt: Date;
  readonly appAccess: InstalledAppAccess;
  /** called by Cortex's service provider with the kernel's container */
  attach(container: Container): void;
  registry(): PluginRegistry;
  tenancy(): Tenancy;
  identity(): Identity;
  metrics(): Metrics;
  config(): KernelConfig;
  database(): Database;
  /**
   * The checks of `/readyz`, from inside an action: the kernel's state, and the database reached
   * through the action's own transaction (the kernel's `readiness()` pings outside it, which on
   * PGlite would wait for the transaction to end).
   */
  readiness(tx: Db): Promise<Record<string, ReadinessCheck>>;
  now(): Date;
}

export interface CortexRuntimeOptions {
  /** the kernel's state (the host passes `() => kernel.state`); no `kernel` check unless given */
  kernelState?: KernelStateSource;
  /** the clock; tests move it to expire invitations */
  now?: () => Date;
  /** how long a node caches which apps a tenant has on */
  appAccessTtlMs?: number;
}

/**
 * The bridge between Cortex's plugin and the kernel it runs in.
 *
 * @example
 * const runtime = createCortexRuntime({ kernelState: () => kernel.state });
 * defineProvider({ name: 'cortex', register: (container) => runtime.attach(container) });
 */
export function createCortexRuntime({
  kernelState,
  now = () => new Date(),
  appAccessTtlMs,
}: CortexRuntimeOptions = {}): CortexRuntime {
  let container: Container | undefined;
  const attached = (): Container => {
    if (container === undefined) throw new Error('the Cortex plugin is not attached to a kernel yet');
    return container;
  };
  const database = () => attached().resolve(DatabaseToken);
  return {
    startedAt: now(),
    appAccess: installedAppAccess({
      database,
      ...(appAccessTtlMs === undefined ? {} : { ttlMs: appAccessTtlMs }),
    }),
    attach(kernelContainer) {
      container = kernelContainer;
    },
    registry: () => attached().resolve(PluginRegistryToken),
    tenancy: () => attached().resolve(TenancyToken),
    identity: () => attached().resolve(IdentityToken),
    metrics: () => attached().resolve(MetricsToken),
    config: () => attached().resolve(KernelConfigToken),
    database,
    async readiness(tx) {
      const checks: Record<string, ReadinessCheck> = {};
      if (kernelState) {
        const state = kernelState();
        checks.kernel = state === 'ready' ? { ok: true } : { ok: false, detail: `kernel is ${state}` };
      }
      try {
        await tx.execute(sql`select 1`);
        checks.database = { ok: true };
      } catch (error) {
        checks.database = { ok: false, detail: (error as Error).message };
      }
      return checks;
    },
    now,
  };
}
