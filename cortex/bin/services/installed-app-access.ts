import type { Database } from '@codexion/framework/data';
import { createToken } from '@codexion/framework/foundation';
import type { AppAccess } from '@codexion/framework/kernel';
import { eq } from 'drizzle-orm';
import { appInstallations } from '../../core/generated/tables.js';

/** The apps that may never be switched off: the console itself. */
export const alwaysOn: ReadonlySet<string> = new Set(['cortex']);

export interface InstalledAppAccess extends AppAccess {
  /** the apps switched off for a tenant (no row: on), cached */
  disabledApps(tenantId: string): Promise<ReadonlySet<string>>;
  /** forgets a tenant's cached answer after a change on this node */
  invalidate(tenantId: string): void;
}

/** Cortex's app gate in the kernel's container (also registered as the kernel's `AppAccessToken`). */
export const InstalledAppAccessToken = createToken<InstalledAppAccess>('cortex.appAccess');

export interface InstalledAppAccessOptions {
  /** the kernel's database, known once the kernel has opened it */
  database: () => Database;
  /** how long a node trusts a tenant's answer; other nodes see a change within it */
  ttlMs?: number;
  now?: () => number;
}

interface Entry {
  disabled: Promise<ReadonlySet<string>>;
  expires: number;
}

/**
 * The framework's `AppAccess` port over Cortex's `app_installations`: an app is on for a tenant
 * unless a row says otherwise, Cortex always. Each tenant's answer is read in that tenant (the
 * table has row-level security), cached for `ttlMs` and shared by concurrent requests.
 *
 * @example
 * const access = installedAppAccess({ database: () => container.resolve(DatabaseToken) });
 * await access.isEnabled(tenantId, 'crm'); // true until someone switches it off
 */
export function installedAppAccess({
  database,
  ttlMs = 5_000,
  now = Date.now,
}: InstalledAppAccessOptions): InstalledAppAccess {
  const cache = new Map<string, Entry>();
  const read = (tenantId: string): Promise<ReadonlySet<string>> =>
    database().read(
      async (db) => {
        const rows = await db
          .select({ app: appInstallations.app, enabled: appInstallations.enabled })
          .from(appInstallations)
          .where(eq(appInstallations.tenantId, tenantId));
        return new Set(rows.filter((row) => !row.enabled).map((row) => row.app));
      },
      { tenantId },
    );
  const disabledApps = (tenantId: string): Promise<ReadonlySet<string>> => {
    const key = tenantId.toLowerCase();
    const hit = cache.get(key);
    if (hit !== undefined && hit.expires > now()) return hit.disabled;
    const disabled = read(key);
    cache.set(key, { disabled, expires: now() + ttlMs });
    // a failed read is not remembered: the next request asks again
    disabled.catch(() => cache.delete(key));
    return disabled;
  };
  return {
    disabledApps,
    async isEnabled(tenantId, app) {
      if (alwaysOn.has(app)) return true;
      return !(await disabledApps(tenantId)).has(app);
    },
    invalidate(tenantId) {
      cache.delete(tenantId.toLowerCase());
    },
  };
}
