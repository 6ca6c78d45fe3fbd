/** One entity of a contract: the record the API answers with, and what creates and patches it. */
export interface ResourceTypes {
  record: object;
  create: object;
  patch: object;
}

/**
 * One action of a contract: its input as hey-api types it, its success answer, who may call it
 * (`user` and `credential` only in the framework's own APIs).
 */
export interface ActionTypes {
  params: unknown;
  query: unknown;
  body: unknown;
  response: unknown;
  access: 'tenant' | 'public' | 'user' | 'credential';
}

/**
 * The shape of an app's generated contract (`core/generated/contract.ts`, e.g. `CrmContract`):
 * its served entities, its actions and its declared events, each by name.
 *
 * @example
 * type Won = CrmContract['events']['crm.deal.won']; // CrmDealWonEvent
 */
export interface AppContract {
  resources: Record<string, ResourceTypes>;
  actions: Record<string, ActionTypes>;
  events: Record<string, unknown>;
  /** the app's own error codes and their statuses (`core/app.json` `errors`); older contracts have none */
  errors?: Record<string, number>;
  /** the other apps' events `core/app.json` consumes, each typed by its producer's payload schema */
  consumes: Record<string, unknown>;
}

/** The error codes an app declares: `'DEAL_CLOSED' | 'MERGE_INTO_SELF' | …`. */
export type ErrorCodeOf<C extends AppContract> = C extends { errors: infer E }
  ? Extract<keyof E, string>
  : never;

/** The entity names of a contract: `'deal' | 'company' | ...`. */
export type EntityName<C extends AppContract> = Extract<keyof C['resources'], string>;

/** The record type of an entity: `RecordOf<CrmContract, 'deal'>` is `Deal`. */
export type RecordOf<C extends AppContract, E extends EntityName<C>> = C['resources'][E]['record'];

/** The action ids of a contract. */
export type ActionName<C extends AppContract> = Extract<keyof C['actions'], string>;

/** The ids of the actions a tenant's users call (they need a permission). */
export type TenantActionName<C extends AppContract> = {
  [A in ActionName<C>]: C['actions'][A]['access'] extends 'public' ? never : A;
}[ActionName<C>];

/** The ids of the actions anyone may call (`"access": "public"`). */
export type PublicActionName<C extends AppContract> = {
  [A in ActionName<C>]: C['actions'][A]['access'] extends 'public' ? A : never;
}[ActionName<C>];

/** The event names of a contract: `'crm.deal.won' | ...`. */
export type EventName<C extends AppContract> = Extract<keyof C['events'], string>;

/** The events an app's subscribers may handle: its own and the ones it consumes. */
export type SubscribedEventName<C extends AppContract> = Extract<
  keyof C['events'] | keyof C['consumes'],
  string
>;

/** `T` without `undefined`, or `Fallback` when nothing is left (hey-api's `path?: never`). */
type Present<T, Fallback> = [NonNullable<T>] extends [never] ? Fallback : NonNullable<T>;

/**
 * An action's input as its handler gets it, validated against the contract by the operation
 * router: path parameters, query (coerced to the declared types) and body, typed by the contract.
 *
 * @example
 * type LoseInput = ActionInput<CrmContract['actions']['loseDeal']>; // { params: { id: string }; body: { lostReason: string }; … }
 */
export interface ActionInput<A extends ActionTypes> {
  params: Present<A['params'], Record<string, never>>;
  query: Present<A['query'], Record<string, never>>;
  body: [NonNullable<A['body']>] extends [never] ? undefined : A['body'];
  headers: Record<string, string>;
}

/**
 * What an action's handler answers: the body its contract declares (optional only where the answer
 * may be empty, a 204), an optional status (the action's own unless given) and headers.
 *
 * @example
 * const answer: ActionOutput<CrmContract['actions']['winDeal']> = { body: deal, headers: { ETag: etag } };
 */
export type ActionOutput<A extends ActionTypes> = {
  status?: number;
  headers?: Record<string, string>;
} & (undefined extends A['response'] ? { body?: A['response'] } : { body: A['response'] });
