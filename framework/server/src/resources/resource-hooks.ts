import type { EntityModel } from '@codexion/schema';
import type { Logger } from 'pino';
import type { Db } from '../data/database.js';
import type { Services } from '../foundation/services.js';

/** What every hook, action, subscriber and seed gets: the transaction it runs in, who is acting, and the kernel's services. */
export interface PluginContext {
  tx: Db;
  tenantId: string;
  userId: string | undefined;
  requestId: string;
  logger: Logger;
  /**
   * the kernel's services by typed token (`ctx.services.get(TenancyToken)`); those that write
   * (tenancy, identity) come joined to `tx`: their writes commit or roll back with this work
   */
  services: Services;
}

export interface HookContext extends PluginContext {
  entity: EntityModel;
  /**
   * Queues work for the end of this write: after every `after*` hook of it and its audit entry,
   * still in its transaction (a throw rolls it all back). Events emitted from a hook go here, so
   * a subscriber sees the write complete: the order after → audit → events.
   */
  defer(work: () => Promise<void> | void): void;
}

type Row = Record<string, unknown>;

/**
 * The fields the engine owns: set on every write, never by a client or a hook.
 *
 * @example
 * type Authored = Omit<Deal, SystemField>;
 */
export type SystemField =
  | 'id'
  | 'tenantId'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'createdBy'
  | 'updatedBy'
  | 'deletedAt';

/**
 * A record as a write is about to store it: every field but the system's, writable (the fields
 * `readOnly` for clients too: hooks are server code).
 *
 * @example
 * type DealDraft = Draft<Deal>; // { title: string; amount?: number | null; rank?: number; ... }
 */
export type Draft<R> = { -readonly [K in keyof R as K extends SystemField ? never : K]: R[K] };

type MaybePromise<T> = Promise<T> | T;

/**
 * Hooks around the resource engine's writes of one entity, typed by its record `R` (the
 * generated `Deal`; `Record<string, unknown>` for untyped callers). The phases, in order:
 *
 * 1. `prepare(ctx, input, previous)`, before validation: fills what the schema or the rules need
 *    (a composed name, a close time). `input` is the create body with its defaults, or on an update
 *    the stored record merged with the patch; every field it holds has passed its schema, the
 *    required ones may be missing. Return the input changed, or nothing.
 * 2. schema validation, then 3. the rules (`core/rules`): a failure stops the write (422).
 * 4. `beforeCreate(ctx, record)` / `beforeUpdate(ctx, next, previous)`: on the validated record,
 *    typed as it will be stored, for what needs the database (a reference in the tenant, a rank).
 *    Throw a DomainError to refuse; return a changed record and it is validated and rule-checked
 *    again, so nothing invalid is ever stored.
 * 5. the write; 6. `afterCreate` / `afterUpdate` / `afterDelete` in the same transaction (a throw
 *    rolls the write back); 7. the audit entry (written with the transaction's COMMIT); 8. the work
 *    hooks `ctx.defer` (events), still inside the transaction.
 *
 * `beforeDelete` runs on the stored record before a delete. System fields a hook returns are
 * ignored: only the engine sets them.
 *
 * @example
 * const hooks: ResourceHooks<Person> = {
 *   prepare: (ctx, input) => ({ ...input, name: [input.firstName, input.lastName].filter(Boolean).join(' ') }),
 *   beforeUpdate: async (ctx, next, previous) => { await checkTagIds(ctx, next.tagIds); return undefined; },
 * };
 */
export interface ResourceHooks<R extends object = Row> {
  prepare?(
    ctx: HookContext,
    input: Partial<Draft<R>>,
    previous: R | undefined,
  ): MaybePromise<Partial<Draft<R>> | undefined>;
  beforeCreate?(ctx: HookContext, record: Draft<R>): MaybePromise<Draft<R> | undefined>;
  afterCreate?(ctx: HookContext, record: R): MaybePromise<void>;
  beforeUpdate?(ctx: HookContext, next: Draft<R>, previous: R): MaybePromise<Draft<R> | undefined>;
  afterUpdate?(ctx: HookContext, record: R, previous: R): MaybePromise<void>;
  beforeDelete?(ctx: HookContext, record: R): MaybePromise<void>;
  afterDelete?(ctx: HookContext, record: R): MaybePromise<void>;
}
