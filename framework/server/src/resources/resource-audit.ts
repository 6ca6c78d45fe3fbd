import type { JsonSchema } from '@codexion/schema';
import { type AuditDiffOptions, auditDiff, type FieldMask } from '../audit/audit-diff.js';
import { type AuditActor, type AuditEntry, systemActor } from '../audit/audit-entry.js';
import { piiMask, type SchemaResolver } from '../audit/pii-mask.js';
import type { EntityPlan } from './entity-plan.js';
import type { EngineState, ResourceContext } from './resource-context.js';
import type { ApiRecord } from './row-mapping.js';

/** The resource engine's write kinds, each recorded as its own audit action. */
export type ResourceAuditAction = 'create' | 'update' | 'delete' | 'restore' | 'transition';

/** One record's change: `before` absent on create, `after` absent on delete. */
export interface RecordChange {
  before?: ApiRecord | undefined;
  after?: ApiRecord | undefined;
}

/** Who the audit log names for an engine call: the given actor, else the user, else the system. */
export function auditActorOf(ctx: Pick<ResourceContext, 'actor' | 'userId'>): AuditActor {
  if (ctx.actor !== undefined) return ctx.actor;
  return ctx.userId === undefined ? systemActor : { type: 'user', id: ctx.userId };
}

interface PlanAudit {
  mask: FieldMask;
  /** what a write can change: author fields, `custom`, and `deletedAt` where soft deleted */
  changeable: string[];
  /** what a record holds of its own: the fields a delete shows as gone */
  content: string[];
}

const byPlan = new WeakMap<EntityPlan, PlanAudit>();

function planAudit(state: EngineState, plan: EntityPlan): PlanAudit {
  let audit = byPlan.get(plan);
  if (audit === undefined) {
    const resolve: SchemaResolver = (ref) => {
      try {
        return state.validators.ajv.getSchema(ref)?.schema as JsonSchema | undefined;
      } catch {
        // a ref Ajv cannot compile is validation's problem; the diff just does not look inside it
        return undefined;
      }
    };
    const content = [
      ...plan.authorFields.map((f) => f.name),
      ...(plan.fields.has('custom') ? ['custom'] : []),
    ];
    audit = {
      mask: piiMask(plan.recordSchema, resolve),
      content,
      changeable: plan.deletedAt === undefined ? content : [...content, plan.deletedAt.name],
    };
    byPlan.set(plan, audit);
  }
  return audit;
}

/**
 * The audit entries of one engine write: one per record, with the changed fields (personal data
 * masked), the record's version in `metadata`, the entity as `<app>.<entity>`. An update or a
 * transition that changed nothing has no entry.
 *
 * @example
 * await recordAudit(tx, resourceAuditEntries(state, plan, ctx, 'update', [{ before: previous, after: updated }]));
 */
export function resourceAuditEntries(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  action: ResourceAuditAction,
  changes: readonly RecordChange[],
): AuditEntry[] {
  const { mask, changeable, content } = planAudit(state, plan);
  const options: AuditDiffOptions = { fields: action === 'delete' ? content : changeable, pii: mask };
  const entries: AuditEntry[] = [];
  for (const { before, after } of changes) {
    const record = after ?? before;
    if (record === undefined) continue;
    const diff = auditDiff(before, after, options);
    if ((action === 'update' || action === 'transition') && Object.keys(diff).length === 0) continue;
    entries.push({
      tenantId: ctx.tenantId,
      actor: auditActorOf(ctx),
      action,
      entity: `${state.app}.${plan.entity.name}`,
      recordId: String(record[plan.id.name]),
      diff,
      requestId: ctx.requestId,
      metadata: { version: record.version },
    });
  }
  return entries;
}
