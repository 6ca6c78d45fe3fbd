import { type AppModel, createAjv, ValidatorCache } from '@codexion/schema';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import { noServices, type Services } from '../foundation/services.js';
import { type EntityPlan, planEntity } from './entity-plan.js';
import { type MergeOptions, type MergeResult, type MergeSteps, mergeRecords } from './merge-records.js';
import type { ListLimits } from './parse-list-query.js';
import { type DeletedFilter, getRecord, type ListResult, listRecords } from './read-records.js';
import { checkWritableFields, visibleRecord } from './record-access.js';
import type { EngineState, ResourceContext } from './resource-context.js';
import type { ResourceHooks } from './resource-hooks.js';
import type { ApiRecord } from './row-mapping.js';
import {
  createRecords,
  deleteRecord,
  restoreRecord,
  transitionRecord,
  updateRecord,
  type WriteOptions,
} from './write-records.js';

export interface ResourceEngineOptions {
  database: Database;
  /** the app's checked model */
  model: AppModel;
  /** drizzle tables by entity name (`tables` of `core/generated/tables.ts`) */
  tables: Readonly<Record<string, PgTable>>;
  hooks?: Readonly<Record<string, ResourceHooks>>;
  /** the kernel's services, which hooks and actions reach as `ctx.services`; none unless given */
  services?: Services;
  /** the key list cursors are signed with; keep it secret and the same on every node */
  cursorSecret: string | Uint8Array;
  /** an Ajv cache to share; the engine registers the app's schemas in its own otherwise */
  validators?: ValidatorCache;
  limits?: ListLimits & { maxBulk?: number };
}

/** Reads and writes of one entity's records, for a tenant and a user. */
export interface Resource {
  readonly plan: EntityPlan;
  /** a page of records: `filter`, `where`, `q`, `sort`, `cursor`/`page`, `pageSize`, `total`, `fields`, `include` */
  list(
    ctx: ResourceContext,
    query?: Readonly<Record<string, unknown>>,
    options?: { deleted?: DeletedFilter },
  ): Promise<ListResult>;
  /** one record (`fields`, `include` from `query`); 404 when missing, another tenant's or deleted */
  get(
    ctx: ResourceContext,
    id: string,
    query?: Readonly<Record<string, unknown>>,
    options?: { deleted?: DeletedFilter },
  ): Promise<ApiRecord>;
  create(ctx: ResourceContext, input: unknown): Promise<ApiRecord>;
  /** all or nothing, at most `maxBulk` (1000) items */
  bulkCreate(ctx: ResourceContext, items: unknown): Promise<ApiRecord[]>;
  /** a JSON Merge Patch (RFC 7396) */
  update(ctx: ResourceContext, id: string, patch: unknown, options?: WriteOptions): Promise<ApiRecord>;
  delete(ctx: ResourceContext, id: string, options?: WriteOptions): Promise<void>;
  restore(ctx: ResourceContext, id: string): Promise<ApiRecord>;
  transition(ctx: ResourceContext, id: string, to: unknown, options?: WriteOptions): Promise<ApiRecord>;
  /** folds duplicates into a kept record by the schema's merge strategies (see `mergeRecords`) */
  merge(
    ctx: ResourceContext,
    keptId: string,
    duplicateIds: readonly string[],
    options?: MergeOptions,
  ): Promise<MergeResult>;
}

/** The resource engine of one app: CRUD, lists and workflows for every persisted entity. */
export interface ResourceEngine {
  readonly model: AppModel;
  /** the persisted entities' names */
  readonly entities: readonly string[];
  /** the kernel's services: what the app's actions and hooks get as `ctx.services` */
  readonly services: Services;
  /** @throws {Error} for an entity that is not persisted in this app */
  resource(entity: string): Resource;
}

function validatorsFor(model: AppModel, given: ValidatorCache | undefined): ValidatorCache {
  // not strict: schemas carry formats such as int64 that only annotate
  const validators = given ?? new ValidatorCache(createAjv({ strict: false }));
  for (const entity of model.entities) {
    const id = entity.schema.$id;
    if (id !== undefined && validators.ajv.getSchema(id) === undefined) validators.add(entity.schema);
  }
  return validators;
}

/**
 * Builds the resource engine of an app over a database: one plan per persisted entity (its
 * schema joined with its drizzle table), checked once here so that a stale table fails the boot.
 *
 * @example
 * const engine = createResourceEngine({ database, model, tables, hooks, cursorSecret: config.secret });
 * const page = await engine.resource('opportunity').list(ctx, { sort: '-amount', pageSize: 20 });
 */
export function createResourceEngine({
  database,
  model,
  tables,
  hooks = {},
  services = noServices,
  cursorSecret,
  validators,
  limits = {},
}: ResourceEngineOptions): ResourceEngine {
  if (typeof cursorSecret === 'string' ? cursorSecret.length < 16 : cursorSecret.byteLength < 16) {
    throw new Error('cursorSecret must be at least 16 characters (or bytes): it signs list cursors');
  }
  const plans = new Map<string, EntityPlan>();
  for (const entity of model.entities) {
    if (entity.table === undefined) continue;
    const table = tables[entity.name];
    if (table === undefined)
      throw new Error(`${entity.file}: no drizzle table for entity "${entity.name}"; run codegen`);
    plans.set(entity.name, planEntity(entity, table));
  }
  for (const plan of plans.values()) {
    for (const { field, target } of plan.itemRefs) {
      if (!plans.has(target))
        throw new Error(`${plan.entity.file}: ${field.name} refers to "${target}", which has no table`);
    }
  }
  const state: EngineState = {
    database,
    app: model.manifest.name,
    permissions: (model.manifest.permissions ?? []).map((p) => p.name),
    plans,
    validators: validatorsFor(model, validators),
    hooks,
    services,
    cursorSecret,
    prepared: new Map(),
    limits: {
      defaultPageSize: limits.defaultPageSize ?? 50,
      maxPageSize: limits.maxPageSize ?? 200,
      maxBulk: limits.maxBulk ?? 1000,
    },
  };

  const resources = new Map<string, Resource>();
  // a merge is made of the engine's own operations, on whichever entity refers to the merged one
  const step = (entity: string): Resource => {
    const resource = resources.get(entity);
    if (resource === undefined) throw new Error(`"${entity}" is not a persisted entity`);
    return resource;
  };
  const mergeSteps: MergeSteps = {
    get: (entity, ctx, id) => step(entity).get(ctx, id),
    update: (entity, ctx, id, patch) => step(entity).update(ctx, id, patch),
    delete: (entity, ctx, id) => step(entity).delete(ctx, id),
  };
  for (const [name, plan] of plans) {
    resources.set(name, {
      plan,
      list: (ctx, query = {}, options = {}) => listRecords(state, plan, ctx, query, options),
      get: (ctx, id, query = {}, options = {}) => getRecord(state, plan, ctx, id, query, options),
      create: async (ctx, input) => {
        checkWritableFields(state, plan, ctx, input);
        const [created] = await createRecords(state, plan, ctx, [input]);
        if (created === undefined) throw new Error('insert returned no row');
        return visibleRecord(state, plan, ctx, created);
      },
      bulkCreate: async (ctx, items) => {
        if (!Array.isArray(items) || items.length === 0 || items.length > state.limits.maxBulk) {
          throw new DomainError('VALIDATION_FAILED', `items must hold 1 to ${state.limits.maxBulk} records`, {
            issues: [
              { path: '/items', code: 'maxItems', message: `must hold 1 to ${state.limits.maxBulk} records` },
            ],
          });
        }
        items.forEach((item, i) => {
          checkWritableFields(state, plan, ctx, item, `/items/${i}`);
        });
        const created = await createRecords(state, plan, ctx, items, { bulk: true });
        return created.map((record) => visibleRecord(state, plan, ctx, record));
      },
      update: async (ctx, id, patch, options = {}) => {
        checkWritableFields(state, plan, ctx, patch);
        return visibleRecord(state, plan, ctx, await updateRecord(state, plan, ctx, id, patch, options));
      },
      delete: (ctx, id, options = {}) => deleteRecord(state, plan, ctx, id, options),
      restore: async (ctx, id) => visibleRecord(state, plan, ctx, await restoreRecord(state, plan, ctx, id)),
      transition: async (ctx, id, to, options = {}) =>
        visibleRecord(state, plan, ctx, await transitionRecord(state, plan, ctx, id, to, options)),
      merge: (ctx, keptId, duplicateIds, options = {}) =>
        mergeRecords(state, plan, mergeSteps, ctx, keptId, duplicateIds, options),
    });
  }

  return {
    model,
    entities: [...plans.keys()],
    services,
    resource(entity) {
      const resource = resources.get(entity);
      if (resource === undefined)
        throw new Error(`"${entity}" is not a persisted entity of ${model.manifest.name}`);
      return resource;
    },
  };
}
