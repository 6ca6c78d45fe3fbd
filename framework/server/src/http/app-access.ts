import { DomainError } from '../errors/domain-error.js';

/** Which apps a tenant has enabled: a host (Cortex) registers it; without it every app is on. */
export interface AppAccess {
  isEnabled(tenantId: string, app: string): boolean | Promise<boolean>;
}

/**
 * Refuses a request to an app its tenant has not enabled, as if the app were not there.
 *
 * @throws {DomainError} APP_DISABLED (404)
 *
 * @example
 * await requireAppEnabled(appAccess, c.get('tenantId'), 'crm');
 */
export async function requireAppEnabled(access: AppAccess, tenantId: string, app: string): Promise<void> {
  if (await access.isEnabled(tenantId, app)) return;
  throw new DomainError('APP_DISABLED', `The app "${app}" is not enabled for this tenant`, {
    extensions: { app },
  });
}
