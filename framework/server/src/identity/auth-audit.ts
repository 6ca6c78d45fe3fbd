import type { AuditEntry } from '../audit/audit-entry.js';
import { platformTenantId } from '../audit/audit-entry.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Database } from '../data/database.js';
import type { AuthEvent, AuthEventRecorder } from './identity-ports.js';

const entities = { user: 'prefiq.user', session: 'prefiq.session', api_key: 'prefiq.api_key' } as const;

/**
 * An authentication event as an audit entry: in the tenant's chain (the platform chain when the
 * event has no tenant, as a failed sign-in), the action without its `auth.` prefix (`login`,
 * `login_failed`, `api_key_created`, …), the subject as entity and record. `details` and the
 * client address go to metadata; no secret ever reaches an event.
 *
 * @example
 * auditEntryOf({ action: 'auth.login', actorId: userId, subject: { type: 'session', id } });
 * // { tenantId: platformTenantId, actor: { type: 'user', id: userId }, action: 'login', entity: 'prefiq.session', … }
 */
export function auditEntryOf(event: AuthEvent): AuditEntry {
  return {
    tenantId: event.tenantId ?? platformTenantId,
    actor: event.actorId === undefined ? { type: 'system', id: 'auth' } : { type: 'user', id: event.actorId },
    action: event.action.replace(/^auth\./, ''),
    entity: event.subject === undefined ? undefined : entities[event.subject.type],
    recordId: event.subject?.id,
    requestId: event.requestId,
    metadata: { ...(event.details ?? {}), ...(event.ip === undefined ? {} : { ip: event.ip }) },
  };
}

/**
 * Records authentication events in the audit log (`src/audit`), in the transaction of the change
 * when there is one. Identity's transactions run without a tenant, as the connecting role, which
 * owns the audit table; so the entry goes in whatever tenant chain it names.
 *
 * @example
 * const audit = auditLogRecorder(database);
 * await audit({ action: 'auth.logout', actorId: userId }, tx);
 */
export function auditLogRecorder(database: Database): AuthEventRecorder {
  return async (event, tx) => {
    const entry = auditEntryOf(event);
    if (tx !== undefined) await recordAudit(tx, entry);
    else await database.transaction((own) => recordAudit(own, entry));
  };
}
