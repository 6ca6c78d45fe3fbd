import type { AppManifest } from '@codexion/schema';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Logger } from 'pino';
import type { Database } from '../data/database.js';
import type { EventHandler } from '../events/event-handler.js';
import type { Container } from '../foundation/container.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import type { ServiceProvider } from '../foundation/service-provider.js';
import type { Services } from '../foundation/services.js';
import type { OperationInput } from '../http/operation-handler.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import type { ResourceAccessor } from '../resources/bind-resources.js';
import type { PluginContext, ResourceHooks } from '../resources/resource-hooks.js';
import type { SagaDefinition } from '../sagas/define-saga.js';

// the hook contract is the resource engine's and the handler contract the events': named here too,
// so a plugin finds every type of its definition in one place
export type { EventContext, EventHandler } from '../events/event-handler.js';
export type {
  Draft,
  HookContext,
  PluginContext,
  ResourceHooks,
  SystemField,
} from '../resources/resource-hooks.js';

/** What an action gets: the plugin context plus the resource engine, bound to it and its transaction. */
export interface ActionContext extends PluginContext {
  /** `resources('deal').create(body)`: validated, rule-checked, hooked writes inside this action's transaction */
  resources: ResourceAccessor;
}

/** The result of an action: its body (validated against the action's response schema in tests) and status. */
export interface ActionResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Handles one `core/actions/*.json` operation, in one transaction. It answers an
 * {@link ActionResult} (JSON), or a `Response` sent as it is: another representation of the same
 * answer, such as `csvAnswer(...)` of `@codexion/framework/http` for `?format=csv`.
 */
export type ActionHandler = (
  ctx: ActionContext,
  input: OperationInput,
) => Promise<ActionResult | Response> | ActionResult | Response;

/** What a public action gets: no tenant, no user; it reaches a tenant's data only through `inTenant`. */
export interface PublicActionContext {
  database: Database;
  requestId: string;
  logger: Logger;
  /** the client's address (`X-Forwarded-For` as far as `auth.trustProxyHops` trusts it); undefined when unknown */
  ip: string | undefined;
  /**
   * the kernel's services by typed token; outside `inTenant` there is no transaction to join, so
   * each opens its own (inside it, use the `ActionContext`'s `services`, joined to that transaction)
   */
  services: Services;
  /** runs fn in one transaction in that tenant (RLS applies), as an anonymous actor */
  inTenant<T>(tenantId: string, fn: (ctx: ActionContext) => Promise<T>): Promise<T>;
}

/** Handles one `"access": "public"` action of `core/actions`: called without credentials; answers as {@link ActionHandler}. */
export type PublicActionHandler = (
  ctx: PublicActionContext,
  input: OperationInput,
) => Promise<ActionResult | Response> | ActionResult | Response;

/** The handler of a public action, marked as such by {@link publicAction}. */
export interface PublicAction {
  readonly access: 'public';
  readonly handler: PublicActionHandler;
}

/**
 * Marks the handler of an `"access": "public"` action: it runs without credentials, tenant or
 * transaction, and opens one in a tenant only through `ctx.inTenant`. The kernel refuses a public
 * action without it, and it on an action that is not public.
 *
 * @example
 * actions: {
 *   lookupQuote: publicAction(async (ctx, input) => {
 *     const { tenant, number } = input.query as { tenant: string; number: string };
 *     const quote = await ctx.inTenant(tenant, (tx) => findQuote(tx, number));
 *     return { body: quote };
 *   }),
 * }
 */
export function publicAction(handler: PublicActionHandler): PublicAction {
  return { access: 'public', handler };
}

/**
 * Whether an `actions` entry is a public action's handler.
 *
 * @example
 * isPublicAction(plugin.actions.lookupQuote); // true
 */
export function isPublicAction(
  entry: ActionHandler | PublicAction | SagaAction | undefined,
): entry is PublicAction {
  return typeof entry === 'object' && entry !== null && 'access' in entry && entry.access === 'public';
}

/**
 * What a saga action gets: the request's tenant, user and services, no transaction of its own
 * (each saga step opens its own), and `runSaga` bound to the request and its Idempotency-Key.
 */
export interface SagaActionContext {
  tenantId: string;
  userId: string | undefined;
  requestId: string;
  logger: Logger;
  /** the kernel's services, unjoined (there is no transaction here; inside `transaction`, the context's are joined) */
  services: Services;
  /** the request's `Idempotency-Key` with its credential, when it has one: a saga run completes once per key */
  idempotencyKey: string | undefined;
  /** one transaction in the tenant with the action context: reads before the saga, a write after it */
  transaction<T>(fn: (ctx: ActionContext) => Promise<T>): Promise<T>;
  /**
   * Runs `saga` for this request (ADR 0028): its steps in transactions of their own, compensated on
   * a failure (whose error is then thrown, so the action answers with its problem), once per key.
   */
  runSaga<I, R, O>(saga: SagaDefinition<I, R, O>, input: I): Promise<O>;
}

/** Handles a tenant's action whose work is a saga: answers as {@link ActionHandler}. */
export type SagaActionHandler = (
  ctx: SagaActionContext,
  input: OperationInput,
) => Promise<ActionResult | Response> | ActionResult | Response;

/** The handler of a saga action, marked as such by {@link sagaAction}. */
export interface SagaAction {
  readonly runs: 'saga';
  readonly handler: SagaActionHandler;
}

/**
 * Marks the handler of a tenant's action that runs a saga: the kernel calls it outside any
 * transaction, so each step of `ctx.runSaga` commits on its own (ADR 0028).
 *
 * @example
 * actions: {
 *   checkout: sagaAction(async (ctx, { body }) => ({ status: 201, body: await ctx.runSaga(checkoutSaga, body) })),
 * }
 */
export function sagaAction(handler: SagaActionHandler): SagaAction {
  return { runs: 'saga', handler };
}

/**
 * Whether an `actions` entry is a saga action's handler.
 *
 * @example
 * isSagaAction(plugin.actions.checkout); // true
 */
export function isSagaAction(
  entry: ActionHandler | PublicAction | SagaAction | undefined,
): entry is SagaAction {
  return typeof entry === 'object' && entry !== null && 'runs' in entry && entry.runs === 'saga';
}

/**
 * What a seed gets: the plugin's context in the seed's transaction and, like an action, its
 * resources through the engine (validated, rule-checked, hooked, audited writes joined to that
 * transaction, as the system with every permission), so demo data takes the same path as a user's.
 */
export interface SeedContext extends PluginContext {
  resources: ResourceAccessor;
}

/** Runs once per tenant on first boot with demo data enabled, in one transaction. */
export type SeedHandler = (ctx: SeedContext) => Promise<void> | void;

/**
 * A person the demo data names (an owner, an assignee): the kernel creates the user with this id
 * (once, without a password, so nobody signs in as them) and makes them a member of each tenant
 * it seeds, before the plugin's `seed` runs, so the demo's user references are members.
 */
export interface DemoMember {
  id: string;
  name: string;
  email: string;
  /** a role key of the tenant: `owner`, `admin`, `member`, `viewer` or one the tenant defines */
  role: string;
}

/** What a lifecycle hook gets: the kernel's services, with a logger bound to the plugin. */
export interface LifecycleContext {
  /** the plugin's name */
  plugin: string;
  container: Container;
  config: KernelConfig;
  /** child of the kernel logger with `module` set to the plugin */
  logger: Logger;
  database: Database;
}

/**
 * Called by the kernel at fixed points, in plugin dependency order (`onShutdown` in reverse).
 * A hook that throws stops the boot (except `onShutdown`, whose errors are logged).
 */
export interface LifecycleHooks {
  /** before anything of this plugin runs; config, container and database exist, nothing is migrated */
  onPreboot?(context: LifecycleContext): Promise<void> | void;
  /** after migrations (and `onUpgrade`), before routes open */
  onBoot?(context: LifecycleContext): Promise<void> | void;
  /** the server accepts requests */
  onReady?(context: LifecycleContext): Promise<void> | void;
  /** SIGTERM/SIGINT: requests drained, database still open */
  onShutdown?(context: LifecycleContext): Promise<void> | void;
  /** after migrations, when the plugin's version differs from the one last booted (`from` is undefined on first boot) */
  onUpgrade?(from: string | undefined, to: string, context: LifecycleContext): Promise<void> | void;
}

export interface PluginDefinition extends LifecycleHooks {
  /** `core/app.json`, imported as JSON; validated at boot */
  manifest: AppManifest;
  /** the app root (the folder holding `core/` and `bin/`), e.g. `new URL('..', import.meta.url)` */
  root: URL | string;
  /** drizzle tables by entity name: `tables` from `core/generated/tables.ts` */
  resources?: Record<string, PgTable>;
  /**
   * handlers for `core/actions/*.json`, by action id; a public action's wrapped in {@link publicAction},
   * one that runs a saga in {@link sagaAction}
   */
  actions?: Record<string, ActionHandler | PublicAction | SagaAction>;
  /** hooks by entity name */
  hooks?: Record<string, ResourceHooks>;
  /**
   * event handlers by event name, the app's own events' or those `core/app.json` declares it
   * `consumes`; delivered after the emitting commit, each at most once in effect (ADR 0018)
   */
  subscribers?: Readonly<Record<string, EventHandler<never> | undefined>>;
  /** durable jobs (retries, backoff, singleton keys, cron schedules), each named `<plugin>.<job>`: see `defineJob` */
  jobs?: readonly JobDefinition<object>[];
  /** service providers registered into the kernel's container (all `register`s before any `boot`) */
  providers?: ServiceProvider[];
  /**
   * the drizzle-kit migrations folder (`meta/_journal.json` + SQL); `<root>/bin/migrations` unless
   * given. A plugin without the folder has no migrations.
   */
  migrations?: URL | string;
  seed?: SeedHandler;
  /** the people `seed`'s records refer to (`x-codexion.ref: prefiq:user`); made members first */
  demoMembers?: readonly DemoMember[];
}

/**
 * Describes a plugin: an app's backend as data the kernel boots. It reaches into no globals;
 * the kernel validates the manifest, checks the framework range and orders dependencies.
 *
 * @example
 * import manifest from '../core/app.json' with { type: 'json' };
 * import { tables } from '../core/generated/tables.js';
 * export default definePlugin({ manifest, root: new URL('..', import.meta.url), resources: tables });
 */
export function definePlugin(definition: PluginDefinition): PluginDefinition {
  return definition;
}
