import { type AuditActor, type AuditEntry, recordAudit } from '@codexion/framework/audit';
import type { PluginContext } from '@codexion/framework/plugins';

/** The entities Cortex's audit entries name. */
export const auditEntities = {
  app: 'cortex.app-installation',
  settings: 'cortex.tenant-setting',
  invitation: 'cortex.member-invitation',
} as const;

/** Who acts in an action: its user, or the system (a public action, a seed). */
export function actorOf(ctx: Pick<PluginContext, 'userId'>, system = 'cortex'): AuditActor {
  return ctx.userId === undefined ? { type: 'system', id: system } : { type: 'user', id: ctx.userId };
}

/**
 * Appends one entry to the tenant's audit log in the action's transaction, so it commits (or
 * rolls back) with the change.
 *
 * @example
 * await auditCortex(ctx, { action: 'app_disabled', entity: auditEntities.app, recordId: row.id });
 */
export async function auditCortex(
  ctx: Pick<PluginContext, 'tx' | 'tenantId' | 'userId' | 'requestId'>,
  entry: Omit<AuditEntry, 'tenantId' | 'actor' | 'requestId'> & { actor?: AuditActor },
): Promise<void> {
  const { actor = actorOf(ctx), ...rest } = entry;
  await recordAudit(ctx.tx, { ...rest, tenantId: ctx.tenantId, actor, requestId: ctx.requestId });
}
