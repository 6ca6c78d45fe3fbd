import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { AuditActor } from './audit-entry.js';

/** Who a framework admin write acts as: its tenant, actor (for the audit log) and request. */
export interface RequestActor {
  tenantId: string;
  actor: AuditActor;
  requestId?: string | undefined;
}

/**
 * The actor of a request for the audit log: the API key, the user, or (trusted development
 * context) the system.
 *
 * @example
 * await retryDeadLetter(database, requestActor(c), consumer, eventId);
 */
export function requestActor(c: Context<AppEnv>): RequestActor {
  const userId = c.get('userId');
  const actor: AuditActor =
    c.get('actor') ?? (userId === undefined ? { type: 'system' } : { type: 'user', id: userId });
  return { tenantId: c.get('tenantId'), actor, requestId: c.get('requestId') };
}
