import type { AppManifest } from '@codexion/schema';
import { DomainError, type DomainErrorOptions } from '../errors/domain-error.js';
import { createEventOutbox, type EventOutbox, type EventSubscribers } from '../events/event-outbox.js';
import type { DeclaredEvent } from '../events/event-payload-check.js';
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  AppContract,
  EntityName,
  ErrorCodeOf,
  PublicActionName,
  RecordOf,
  SubscribedEventName,
  TenantActionName,
} from '../http/app-contract.js';
import type { OperationInput } from '../http/operation-handler.js';
import type { AppResource } from '../resources/app-resource.js';
import {
  type ActionContext,
  type ActionHandler,
  definePlugin,
  type EventHandler,
  type PluginDefinition,
  type PublicAction,
  type PublicActionContext,
  publicAction,
  type ResourceHooks,
  type SagaAction,
  type SagaActionContext,
  sagaAction,
} from './define-plugin.js';

type MaybePromise<T> = Promise<T> | T;

/**
 * The handler of a tenant's action `A`, its input and answer typed by the contract; a `Response`
 * (`csvAnswer`) is the same answer in another representation, sent as it is.
 */
export type AppActionHandler<C extends AppContract, A extends ActionName<C>> = (
  ctx: ActionContext,
  input: ActionInput<C['actions'][A]>,
) => MaybePromise<ActionOutput<C['actions'][A]> | Response>;

/** The handler of a public action `A`, typed by the contract, answering as {@link AppActionHandler}. */
export type AppPublicActionHandler<C extends AppContract, A extends ActionName<C>> = (
  ctx: PublicActionContext,
  input: ActionInput<C['actions'][A]>,
) => MaybePromise<ActionOutput<C['actions'][A]> | Response>;

/** A public action's handler, marked public and typed by the contract. */
export interface AppPublicAction<C extends AppContract, A extends ActionName<C>> {
  readonly access: 'public';
  readonly handler: AppPublicActionHandler<C, A>;
}

/** The handler of a tenant's action `A` that runs a saga, typed by the contract (see `sagaAction`). */
export type AppSagaActionHandler<C extends AppContract, A extends ActionName<C>> = (
  ctx: SagaActionContext,
  input: ActionInput<C['actions'][A]>,
) => MaybePromise<ActionOutput<C['actions'][A]> | Response>;

/** A saga action's handler, marked and typed by the contract. */
export interface AppSagaAction<C extends AppContract, A extends ActionName<C>> {
  readonly runs: 'saga';
  readonly handler: AppSagaActionHandler<C, A>;
}

/**
 * Every action of the contract with its handler: tenants' actions plain (or marked as running a
 * saga), public ones marked.
 *
 * @example
 * const actions: AppActions<CrmContract> = { moveDeal: async (ctx, { params, body }) => ({ body: await moveDeal(ctx, params.id, body) }), … };
 */
export type AppActions<C extends AppContract> = {
  [A in ActionName<C>]: C['actions'][A]['access'] extends 'public'
    ? AppPublicAction<C, A>
    : AppActionHandler<C, A> | AppSagaAction<C, A>;
};

/**
 * Hooks by entity, each typed by its record.
 *
 * @example
 * const hooks: AppHooks<CrmContract> = { deal: dealHooks(events), person: personHooks() };
 */
export type AppHooks<C extends AppContract> = { [E in EntityName<C>]?: ResourceHooks<RecordOf<C, E>> };

/**
 * Handlers of the events the app subscribes to, each typed by its payload: its own events and
 * those its `core/app.json` declares it `consumes` (typed by the producer's contract).
 */
export type AppSubscribers<C extends AppContract> = EventSubscribers<C['events'] & C['consumes']>;

/**
 * A plugin described against its contract: every action of `core/actions` needs its handler (a
 * missing one does not compile), hooks and subscribers are typed by the name they sit under.
 */
export type AppPluginDefinition<C extends AppContract> = Omit<
  PluginDefinition,
  'actions' | 'hooks' | 'subscribers'
> &
  ([ActionName<C>] extends [never] ? { actions?: AppActions<C> } : { actions: AppActions<C> }) & {
    hooks?: AppHooks<C>;
    subscribers?: AppSubscribers<C>;
  };

/**
 * What `appKit<C>()` gives an app's `bin/`: the framework's definitions, typed by name from `C`.
 *
 * @example
 * export const crm: AppKit<CrmContract> = appKit<CrmContract>();
 */
export interface AppKit<C extends AppContract> {
  /** hooks of one entity, typed by its record: `defineHooks('deal', { beforeUpdate(ctx, next, previous) {…} })` */
  defineHooks<E extends EntityName<C>>(
    entity: E,
    hooks: ResourceHooks<RecordOf<C, E>>,
  ): ResourceHooks<RecordOf<C, E>>;
  /** the handler of a tenant's action, its input (`params`, `query`, `body`) and answer typed */
  defineAction<A extends TenantActionName<C>>(id: A, handler: AppActionHandler<C, A>): AppActionHandler<C, A>;
  /** the handler of an `"access": "public"` action, marked as such (see `publicAction`) */
  definePublicAction<A extends PublicActionName<C>>(
    id: A,
    handler: AppPublicActionHandler<C, A>,
  ): AppPublicAction<C, A>;
  /** the handler of a tenant's action that runs a saga (ADR 0028), marked as such (see `sagaAction`) */
  defineSagaAction<A extends TenantActionName<C>>(
    id: A,
    handler: AppSagaActionHandler<C, A>,
  ): AppSagaAction<C, A>;
  /** a handler of one of the app's events or of one it consumes, typed by its payload */
  defineSubscriber<N extends SubscribedEventName<C>>(
    name: N,
    handler: EventHandler<(C['events'] & C['consumes'])[N]>,
  ): EventHandler<(C['events'] & C['consumes'])[N]>;
  /**
   * the app's transactional outbox: `emit(ctx, 'crm.deal.won', payload)` typed by name, each payload
   * checked against its schema in the manifest's `events` when `appKit` was given the manifest (see
   * `createEventOutbox`)
   */
  eventOutbox(): EventOutbox<C['events']>;
  /** one entity's records in an action's transaction, typed: `resource(ctx, 'deal').get(id)` is a `Deal` */
  resource<E extends EntityName<C>>(
    ctx: Pick<ActionContext, 'resources'>,
    entity: E,
  ): AppResource<C['resources'][E]>;
  /**
   * A DomainError with one of the app's own codes (`core/app.json` `errors`), answered with the
   * status declared there: `throw crm.error('DEAL_CLOSED', 'A won deal stays where it closed')`.
   * A code the manifest does not declare is a programming error (a plain `Error`, so a 500).
   */
  error(code: ErrorCodeOf<C>, message: string, options?: Omit<DomainErrorOptions, 'status'>): DomainError;
  /** the plugin's description (`definePlugin`), its actions, hooks and subscribers checked against `C` */
  definePlugin(definition: AppPluginDefinition<C>): PluginDefinition;
}

/**
 * The typed face of the framework for one app: given the app's generated contract, its `bin/`
 * gets every type from a name. At run time these are the framework's plain definitions; the
 * types rest on what the framework guarantees: the operation router validated an action's input
 * against the same contract, hooks after `prepare` see validated records, the engine's records
 * are the stored ones.
 *
 * @example
 * import type { CrmContract } from '../core/generated/contract.js';
 * import manifest from '../core/app.json' with { type: 'json' };
 * export const crm = appKit<CrmContract>(manifest);
 *
 * crm.defineHooks('deal', { async beforeUpdate(ctx, next, previous) { … next.amount … } });
 * crm.defineAction('loseDeal', async (ctx, { params, body }) => ({ body: await loseDeal(ctx, params.id, body) }));
 * crm.defineSubscriber('crm.deal.won', (ctx, deal) => ctx.logger.info({ amount: deal.amount }, 'won'));
 * throw crm.error('DEAL_CLOSED', 'A won deal stays where it closed'); // 409, as app.json declares
 */
export function appKit<C extends AppContract>(
  manifest: Pick<AppManifest, 'errors'> & { events?: readonly DeclaredEvent[] } = {},
): AppKit<C> {
  const declared = manifest.errors ?? {};
  return {
    error(code, message, options = {}) {
      const declaration = Object.hasOwn(declared, code) ? declared[code] : undefined;
      if (declaration === undefined) throw new Error(`error code "${code}" is not declared in core/app.json`);
      return new DomainError(code, message, { ...options, status: declaration.status });
    },
    defineHooks: (_entity, hooks) => hooks,
    defineAction: (_id, handler) => handler,
    definePublicAction: (_id, handler) => ({ access: 'public', handler }),
    defineSagaAction: (_id, handler) => ({ runs: 'saga', handler }),
    defineSubscriber: (_name, handler) => handler,
    // with the manifest's events, `emit` checks each payload against its declared schema
    eventOutbox: () =>
      createEventOutbox<C['events']>(manifest.events === undefined ? {} : { events: manifest.events }),
    // the engine answers with the stored records and takes what the contract types: a view, no copy
    resource: (ctx, entity) => ctx.resources(entity) as unknown as AppResource<C['resources'][typeof entity]>,
    definePlugin({ actions, hooks, subscribers, ...rest }) {
      return definePlugin({
        ...rest,
        ...(actions === undefined ? {} : { actions: untypedActions(actions) }),
        ...(hooks === undefined ? {} : { hooks: hooks as PluginDefinition['hooks'] }),
        ...(subscribers === undefined ? {} : { subscribers: subscribers as PluginDefinition['subscribers'] }),
      });
    },
  };
}

/**
 * The typed handlers as the kernel calls them: the router has validated `OperationInput` against
 * the contract the handlers' types come from, so only the types change.
 */
function untypedActions(actions: object): Record<string, ActionHandler | PublicAction | SagaAction> {
  type Entry = ActionHandler | { access: 'public'; handler: unknown } | { runs: 'saga'; handler: unknown };
  return Object.fromEntries(
    Object.entries(actions as Record<string, Entry>).map(([id, entry]) => {
      if (typeof entry === 'function') return [id, entry];
      if ('runs' in entry)
        return [id, sagaAction(entry.handler as (ctx: SagaActionContext, input: OperationInput) => never)];
      return [id, publicAction(entry.handler as (ctx: PublicActionContext, input: OperationInput) => never)];
    }),
  );
}
