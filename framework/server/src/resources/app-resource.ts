import type { ResourceTypes } from '../http/app-contract.js';
import type { DeletedFilter, ListResult } from './read-records.js';
import type { Draft, SystemField } from './resource-hooks.js';
import type { WriteOptions } from './write-records.js';

type IfEquals<X, Y, Then, Else> =
  (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? Then : Else;

/** The keys of `T` marked `readonly` (the contract's `readOnly` properties). */
type ReadonlyKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, never, K>;
}[keyof T];

/**
 * The fields of a record that the contract marks `readOnly` for clients but server code may set
 * (a board rank, a composed name): what an action may write beyond the client's inputs.
 *
 * @example
 * type DealServerFields = ServerFields<Deal>; // { rank?: number }
 */
export type ServerFields<R> = Partial<
  Pick<Draft<R>, Extract<Exclude<ReadonlyKeys<R>, SystemField>, keyof Draft<R>>>
>;

/**
 * One entity's records for server code, typed by the contract: the resource engine's operations
 * (`ctx.resources('deal')`) with `Deal` coming back and `DealCreate` / `DealPatch` going in (plus
 * the fields only server code sets). A `get` or `list` asked for some `fields` returns only those,
 * whatever the type says.
 *
 * @example
 * const deals: AppResource<CrmContract['resources']['deal']> = crm.resource(ctx, 'deal');
 * await deals.update(id, { stageId, rank }); // a Deal
 */
export interface AppResource<T extends ResourceTypes> {
  list(
    query?: Readonly<Record<string, unknown>>,
    options?: { deleted?: DeletedFilter },
  ): Promise<Omit<ListResult, 'items'> & { items: T['record'][] }>;
  get(
    id: string,
    query?: Readonly<Record<string, unknown>>,
    options?: { deleted?: DeletedFilter },
  ): Promise<T['record']>;
  create(input: T['create'] & ServerFields<T['record']>): Promise<T['record']>;
  bulkCreate(items: readonly (T['create'] & ServerFields<T['record']>)[]): Promise<T['record'][]>;
  update(
    id: string,
    patch: T['patch'] & ServerFields<T['record']>,
    options?: WriteOptions,
  ): Promise<T['record']>;
  delete(id: string, options?: WriteOptions): Promise<void>;
  restore(id: string): Promise<T['record']>;
  transition(id: string, to: string, options?: WriteOptions): Promise<T['record']>;
  /** folds duplicates into the kept record by the schema's merge strategies (`x-codexion.merge`) */
  merge(
    keptId: string,
    duplicateIds: readonly string[],
    options?: MergeOptions<T['record']>,
  ): Promise<{ record: T['record']; mergedIds: string[]; moved: Record<string, number> }>;
}

/** How an app's merge is told where the ids are and what it adds to the strategies' patch. */
export interface MergeOptions<R> {
  path?: string;
  adjust?: (kept: R, duplicates: readonly R[], patch: Record<string, unknown>) => Record<string, unknown>;
}
