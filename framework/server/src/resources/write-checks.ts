import {
  customFieldsMaxDepth,
  customFieldsMaxProperties,
  escapePointerToken,
  evaluateRules,
  issuesFromAjv,
  type RuleContext,
  type ValidationIssue,
  type ValidatorCache,
} from '@codexion/schema';
import { DomainError, validationFailed } from '../errors/domain-error.js';
import type { EntityPlan } from './entity-plan.js';
import type { ApiRecord } from './row-mapping.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the body of a write before anything else: an object, whose members are all fields a
 * client may write. Read-only fields (the system's, and `readOnly` ones) and unknown names are
 * 422s naming each member; server code (`serverWrite`) may set `readOnly` author fields.
 *
 * @throws {DomainError} `VALIDATION_FAILED`
 *
 * @example
 * checkWritableInput(plan, { id: 'x', nope: 1 })
 * // 422: [{ path: '/id', code: 'readOnly', … }, { path: '/nope', code: 'additionalProperties', … }]
 */
export function checkWritableInput(
  plan: EntityPlan,
  input: unknown,
  pathPrefix = '',
  { serverWrite = false }: { serverWrite?: boolean | undefined } = {},
): Record<string, unknown> {
  if (!isPlainObject(input)) {
    throw validationFailed([{ path: pathPrefix, code: 'type', message: 'must be an object' }]);
  }
  const issues: ValidationIssue[] = [];
  for (const name of Object.keys(input)) {
    const field = plan.fields.get(name);
    const path = `${pathPrefix}/${escapePointerToken(name)}`;
    if (field === undefined) {
      issues.push({ path, code: 'additionalProperties', message: 'is not a known field' });
    } else if (field.readOnly && (field.system || !serverWrite)) {
      issues.push({ path, code: 'readOnly', message: 'is read-only' });
    }
  }
  if (issues.length > 0) throw validationFailed(issues);
  return input;
}

/**
 * The part of a record its writes store: the author's fields (those `readOnly` for clients too,
 * which server code sets) and `custom`; not the system's fields.
 */
export function writablePart(plan: EntityPlan, record: Readonly<ApiRecord>): ApiRecord {
  const part: ApiRecord = {};
  for (const field of plan.fields.values()) {
    if ((field.system && field.readOnly) || field.name === 'tenantId') continue;
    if (record[field.name] !== undefined) part[field.name] = record[field.name];
  }
  return part;
}

/**
 * The record a create starts from: the body, plus each absent property's schema `default`, plus
 * the workflow's initial state.
 *
 * @example
 * withDefaults(plan, { title: 'Deal' }) // { title: 'Deal', stage: 'lead', status: 'open', currency: 'EUR' }
 */
export function withDefaults(plan: EntityPlan, input: Readonly<Record<string, unknown>>): ApiRecord {
  const record: ApiRecord = { ...input };
  for (const field of plan.authorFields) {
    const fallback = field.schema.default;
    if (record[field.name] === undefined && fallback !== undefined)
      record[field.name] = structuredClone(fallback);
  }
  const workflow = plan.entity.annotations.workflow;
  if (workflow?.initial !== undefined && record[workflow.field] === undefined)
    record[workflow.field] = workflow.initial;
  return record;
}

/**
 * Validates the record a write would store (its writable part) against the entity's schema with
 * Ajv, prefixing paths (`/items/3`) for bulk writes.
 *
 * @throws {DomainError} `VALIDATION_FAILED` with Ajv's issues
 */
export function validateRecord(
  plan: EntityPlan,
  validators: ValidatorCache,
  record: Readonly<ApiRecord>,
  pathPrefix = '',
): void {
  const authored: ApiRecord = {};
  for (const field of plan.authorFields) {
    if (record[field.name] !== undefined) authored[field.name] = record[field.name];
  }
  // by `$id` when registered: the schema's `$ref`s to other entities resolve against that registration
  const id = plan.entity.schema.$id;
  const validate =
    (id === undefined ? undefined : validators.ajv.getSchema(id)) ?? validators.get(plan.entity.schema);
  const issues = validate(authored)
    ? []
    : issuesFromAjv(validate.errors).map((i) => ({ ...i, path: `${pathPrefix}${i.path}` }));
  if (record.custom !== undefined && !isPlainObject(record.custom)) {
    issues.push({ path: `${pathPrefix}/custom`, code: 'type', message: 'must be object' });
  } else if (record.custom !== undefined) {
    issues.push(...customFieldIssues(record.custom, `${pathPrefix}/custom`));
  }
  if (issues.length > 0) throw validationFailed(issues);
}

/**
 * The bounds the contract declares for `custom` (`customFieldsSchema`): at most 100 keys of at
 * most 64 characters, nested at most 5 levels deep, `custom` itself the first.
 */
function customFieldIssues(custom: Record<string, unknown>, path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const keys = Object.keys(custom);
  if (keys.length > customFieldsMaxProperties) {
    issues.push({
      path,
      code: 'maxProperties',
      message: `must NOT have more than ${customFieldsMaxProperties} properties`,
    });
  }
  for (const key of keys) {
    if (key.length === 0 || key.length > 64) {
      issues.push({
        path: `${path}/${escapePointerToken(key.slice(0, 64))}`,
        code: 'propertyNames',
        message: 'a custom field key has 1 to 64 characters',
      });
    }
  }
  // depth-first without recursion: a hostile body cannot exhaust the stack
  const pending: [unknown, number, string][] = [[custom, 1, path]];
  while (pending.length > 0) {
    const [value, depth, at] = pending.pop() ?? [undefined, 0, ''];
    if (typeof value !== 'object' || value === null) continue;
    if (depth > customFieldsMaxDepth) {
      issues.push({
        path: at,
        code: 'maxDepth',
        message: `custom fields nest at most ${customFieldsMaxDepth} levels deep`,
      });
      break;
    }
    for (const [key, child] of Object.entries(value)) {
      pending.push([child, depth + 1, `${at}/${escapePointerToken(key)}`]);
    }
  }
  return issues;
}

/**
 * Runs the entity's rules (`core/rules/<entity>.rules.json`) on the whole record.
 *
 * @throws {DomainError} `RULE_FAILED` with one issue per failed rule: `{ path, code: rule id, message }`
 */
export function checkRules(
  plan: EntityPlan,
  record: Readonly<ApiRecord>,
  context: RuleContext,
  pathPrefix = '',
): void {
  if (plan.entity.rules.length === 0) return;
  const issues = evaluateRules(plan.entity.rules, record, context).map((i) => ({
    ...i,
    path: `${pathPrefix}${i.path}`,
  }));
  if (issues.length > 0) {
    throw new DomainError(
      'RULE_FAILED',
      issues.length === 1 ? (issues[0]?.message ?? 'A rule failed') : 'Rules failed',
      {
        issues,
      },
    );
  }
}
