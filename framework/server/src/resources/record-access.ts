import {
  escapePointerToken,
  type JsonLogic,
  type JsonSchema,
  jsonLogic,
  kebabCase,
  type PolicyDefinition,
  scanJsonLogic,
  type ValidationIssue,
} from '@codexion/schema';
import type { SQL } from 'drizzle-orm';
import { DomainError } from '../errors/domain-error.js';
import { hasPermission } from '../http/operation-router.js';
import type { EntityPlan } from './entity-plan.js';
import { whereCondition } from './list-filter.js';
import { type EngineState, type ResourceContext, ruleContext } from './resource-context.js';
import type { ApiRecord } from './row-mapping.js';

/** What a record policy is checked for: a list or get (`read`), or a write. */
export type PolicyAction = PolicyDefinition['actions'][number];

/** How one field is protected. */
interface FieldRule {
  /** tagged `x-codexion.pii` (itself or inside): masked without `<app>:pii:read` */
  pii: boolean;
  /** `<app>:<entity>:<field>:read`, when the manifest declares it */
  read?: string;
  /** `<app>:<entity>:<field>:write`, when the manifest declares it */
  write?: string;
}

interface EntityRules {
  policies: readonly PolicyDefinition[];
  fields: ReadonlyMap<string, FieldRule>;
  piiPermission: string;
}

/**
 * Members delete only what they created, unless the app says otherwise for the entity (a policy of
 * its own for members' deletes, e.g. `ownerId` instead of `createdBy`).
 */
export const memberDeletesOwn: PolicyDefinition = {
  id: 'builtin-member-delete-own',
  description: 'Members delete (and restore) only the records they created',
  roles: ['member'],
  actions: ['delete'],
  condition: { '==': [{ var: 'createdBy' }, { var: '$user.id' }] },
};

/** The value a masked field shows: a string's `"***"`, anything else's `null`. */
export const maskedText = '***';

function isPii(schema: JsonSchema | undefined): boolean {
  if (schema === undefined || typeof schema !== 'object') return false;
  if ((schema['x-codexion'] as { pii?: unknown } | undefined)?.pii === true) return true;
  if (Object.values(schema.properties ?? {}).some(isPii)) return true;
  return isPii(schema.items);
}

function isString(schema: JsonSchema): boolean {
  return Array.isArray(schema.type) ? schema.type.includes('string') : schema.type === 'string';
}

const rulesByPlan = new WeakMap<EntityPlan, EntityRules>();

function rulesOf(state: EngineState, plan: EntityPlan): EntityRules {
  let rules = rulesByPlan.get(plan);
  if (rules !== undefined) return rules;
  const declared = new Set(state.permissions);
  const entity = plan.entity;
  const fields = new Map<string, FieldRule>();
  for (const field of plan.fields.values()) {
    if (field.name === 'id' || field.name === 'tenantId') continue;
    const base = `${state.app}:${entity.name}:${kebabCase(field.name)}`;
    const rule: FieldRule = {
      pii: isPii(entity.schema.properties?.[field.name]),
      ...(declared.has(`${base}:read`) ? { read: `${base}:read` } : {}),
      ...(declared.has(`${base}:write`) ? { write: `${base}:write` } : {}),
    };
    if (rule.pii || rule.read !== undefined || rule.write !== undefined) fields.set(field.name, rule);
  }
  const ownDelete = entity.policies.some(
    (p) => p.actions.includes('delete') && (p.roles === undefined || p.roles.includes('member')),
  );
  rules = {
    policies: ownDelete ? entity.policies : [...entity.policies, memberDeletesOwn],
    fields,
    piiPermission: `${state.app}:pii:read`,
  };
  rulesByPlan.set(plan, rules);
  return rules;
}

/**
 * The condition a record must meet for `action`, or `undefined` when nothing narrows it. Without
 * roles (system work, development without sign-in) nothing does. Otherwise each role is narrowed
 * by the policies naming it (or naming no role) for the action, ORed; a role that no policy
 * narrows sees everything, so the user's access is the union over their roles.
 *
 * @example
 * policyCondition(state, deals, { roles: ['member'], … }, 'read') // { '==': [{ var: 'ownerId' }, { var: '$user.id' }] }
 */
export function policyCondition(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  action: PolicyAction,
): JsonLogic | undefined {
  if (ctx.roles === undefined) return undefined;
  const { policies } = rulesOf(state, plan);
  if (policies.length === 0) return undefined;
  const conditions: JsonLogic[] = [];
  for (const role of ctx.roles) {
    const applying = policies.filter(
      (p) => p.actions.includes(action) && (p.roles === undefined || p.roles.includes(role)),
    );
    if (applying.length === 0) return undefined;
    conditions.push(...applying.map((p) => p.condition));
  }
  // no role at all: nothing grants
  if (conditions.length === 0) return false;
  return conditions.length === 1 ? conditions[0] : { or: conditions };
}

/** The read policy as SQL for a list's WHERE (`$user.id` bound), or `undefined` when none applies. */
export function policySql(state: EngineState, plan: EntityPlan, ctx: ResourceContext): SQL | undefined {
  const condition = policyCondition(state, plan, ctx, 'read');
  if (condition === undefined) return undefined;
  return whereCondition(plan, condition, { tenantId: ctx.tenantId, userId: ctx.userId });
}

/** Whether a record meets the policy condition of `action` (evaluated as JSON Logic, like rules). */
export function allowedByPolicy(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  action: PolicyAction,
  record: Readonly<ApiRecord>,
): boolean {
  const condition = policyCondition(state, plan, ctx, action);
  if (condition === undefined) return true;
  const context = ruleContext(ctx);
  return jsonLogic.truthy(jsonLogic.apply(condition as never, { ...record, ...context }));
}

/**
 * Refuses a write the record policies do not allow: 403, for the record as it is (update, delete,
 * restore, transition) and as it would be (create, and the result of an update), so no one moves
 * a record out of what they may write.
 *
 * @throws {DomainError} `FORBIDDEN`
 */
export function checkPolicy(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  action: Exclude<PolicyAction, 'read'>,
  record: Readonly<ApiRecord>,
): void {
  if (allowedByPolicy(state, plan, ctx, action, record)) return;
  const what = action === 'create' ? 'create this' : `${action} this`;
  throw new DomainError('FORBIDDEN', `A record policy does not let you ${what} ${plan.entity.typeName}`, {
    extensions: { action },
  });
}

/** Per request: which fields the caller sees masked and which they may not write. */
export interface FieldAccess {
  masked: ReadonlySet<string>;
  unwritable: ReadonlySet<string>;
}

const open: FieldAccess = { masked: new Set(), unwritable: new Set() };

/**
 * The caller's view of an entity's fields. Personal data (`x-codexion.pii`) is masked without
 * `<app>:pii:read`; a field whose `<app>:<entity>:<field>:read` the manifest declares is masked
 * without it; one whose `…:write` it declares is refused in writes without it. No permissions in
 * the context (system work) means no restriction.
 */
export function fieldAccess(state: EngineState, plan: EntityPlan, ctx: ResourceContext): FieldAccess {
  const granted = ctx.permissions;
  if (granted === undefined || granted.has('*')) return open;
  const { fields, piiPermission } = rulesOf(state, plan);
  if (fields.size === 0) return open;
  const masked = new Set<string>();
  const unwritable = new Set<string>();
  const seesPii = hasPermission(granted, piiPermission);
  for (const [name, rule] of fields) {
    if ((rule.pii && !seesPii) || (rule.read !== undefined && !hasPermission(granted, rule.read)))
      masked.add(name);
    if (rule.write !== undefined && !hasPermission(granted, rule.write)) unwritable.add(name);
  }
  return masked.size === 0 && unwritable.size === 0 ? open : { masked, unwritable };
}

/** Replaces the masked fields present in a record (in place): `"***"` for strings, `null` otherwise. */
export function maskRecord(plan: EntityPlan, record: ApiRecord, masked: ReadonlySet<string>): ApiRecord {
  for (const name of masked) {
    if (!Object.hasOwn(record, name)) continue;
    const field = plan.fields.get(name);
    record[name] = field !== undefined && isString(field.schema) ? maskedText : null;
  }
  return record;
}

/** A record as the caller may see it. */
export function visibleRecord(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  record: ApiRecord,
): ApiRecord {
  const { masked } = fieldAccess(state, plan, ctx);
  return masked.size === 0 ? record : maskRecord(plan, record, masked);
}

/**
 * Refuses a write body that sets fields the caller may not write: 403 with one issue per field.
 *
 * @throws {DomainError} `FORBIDDEN`
 */
export function checkWritableFields(
  state: EngineState,
  plan: EntityPlan,
  ctx: ResourceContext,
  input: unknown,
  pathPrefix = '',
): void {
  const { unwritable } = fieldAccess(state, plan, ctx);
  if (unwritable.size === 0 || typeof input !== 'object' || input === null || Array.isArray(input)) return;
  const issues: ValidationIssue[] = Object.keys(input)
    .filter((name) => unwritable.has(name))
    .map((name) => ({
      path: `${pathPrefix}/${escapePointerToken(name)}`,
      code: 'forbidden',
      message: 'you may not set this field',
    }));
  if (issues.length > 0) {
    throw new DomainError('FORBIDDEN', 'You may not set some of these fields', { issues });
  }
}

/**
 * Refuses list queries that would reveal masked fields through their values: a `filter` or `sort`
 * on one (`/filter/<field>`, `/sort`), or a `where` reading one (`/where/…`).
 *
 * @throws {DomainError} `FORBIDDEN`
 */
export function checkQueryFields(
  masked: ReadonlySet<string>,
  { filters, sort, where }: { filters: readonly string[]; sort: readonly string[]; where: unknown },
): void {
  if (masked.size === 0) return;
  const issues: ValidationIssue[] = [];
  for (const name of filters) {
    if (masked.has(name))
      issues.push({
        path: `/filter/${escapePointerToken(name)}`,
        code: 'forbidden',
        message: 'is masked for you',
      });
  }
  for (const name of sort) {
    if (masked.has(name))
      issues.push({ path: '/sort', code: 'forbidden', message: `${name} is masked for you` });
  }
  if (where !== undefined) {
    for (const v of scanJsonLogic(where as JsonLogic, '').vars) {
      if (masked.has(v.name))
        issues.push({
          path: `/where${v.pointer}`,
          code: 'forbidden',
          message: `${v.name} is masked for you`,
        });
    }
  }
  if (issues.length > 0)
    throw new DomainError('FORBIDDEN', 'The query reads fields masked for you', { issues });
}
