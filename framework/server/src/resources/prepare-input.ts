import type { ValidatorCache } from '@codexion/schema';
import { DomainError } from '../errors/domain-error.js';
import type { EntityPlan } from './entity-plan.js';
import type { HookContext, ResourceHooks } from './resource-hooks.js';
import type { ApiRecord } from './row-mapping.js';
import { validateRecord, writablePart } from './write-checks.js';

/** The field a JSON Pointer starts in: `/address/city` → `address`. */
function topField(path: string): string {
  const [, first = ''] = path.split('/');
  return first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The fields of `record` whose values fail their schemas (a missing required field is not one:
 * it is absent). Validation runs on the whole record; only the failing fields are named.
 *
 * @example
 * invalidFields(plan, validators, { firstName: 'Ada', lastName: 5 }) // Set { 'lastName' }
 */
export function invalidFields(
  plan: EntityPlan,
  validators: ValidatorCache,
  record: Readonly<ApiRecord>,
): Set<string> {
  try {
    validateRecord(plan, validators, record);
    return new Set();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const names = error.issues.map((issue) => topField(issue.path));
    return new Set(names.filter((name) => record[name] !== undefined));
  }
}

/**
 * The `prepare` phase: hands the hook the fields that passed their schemas (so it may trust their
 * types; required ones may be missing), keeps what it returns of the writable fields, and puts back
 * any field the caller got wrong exactly as sent, for validation to name it next.
 *
 * @example
 * const record = await prepareInput(hooks, hookCtx, plan, validators, body, undefined);
 */
export async function prepareInput(
  hooks: ResourceHooks,
  ctx: HookContext,
  plan: EntityPlan,
  validators: ValidatorCache,
  input: ApiRecord,
  previous: ApiRecord | undefined,
): Promise<ApiRecord> {
  if (hooks.prepare === undefined) return input;
  const invalid = invalidFields(plan, validators, input);
  const valid: ApiRecord = {};
  for (const [name, value] of Object.entries(input)) if (!invalid.has(name)) valid[name] = value;
  const changed = await hooks.prepare(ctx, { ...valid }, previous);
  const prepared = changed === undefined ? valid : writablePart(plan, changed);
  for (const name of invalid) prepared[name] = input[name];
  return prepared;
}
