import type { Client } from '@codexion/client';
import type { QueryValue } from '../api/create-api-client.js';
import { serializeQuery } from '../api/create-api-client.js';

/**
 * A function of a generated SDK (`listDeals`, `moveDeal`), as code that reaches it by name sees it:
 * any such function fits, whatever its generated option and answer types.
 */
export type SdkCall = (options: never) => Promise<unknown>;

/** The CRUD operations of one entity in an app's generated `resources.gen.ts` map. */
export interface ResourceOperations {
  list?: SdkCall;
  get?: SdkCall;
  create?: SdkCall;
  bulkCreate?: SdkCall;
  update?: SdkCall;
  delete?: SdkCall;
  restore?: SdkCall;
  transition?: SdkCall;
}

/** An app's generated `resources.gen.ts` map (`crmResources`): operations by entity name. */
export type ResourceOperationMap = Readonly<Record<string, ResourceOperations>>;

/** What the generic pages hand an SDK function: the ordinary hey-api options. */
export interface SdkRequest {
  client: Client;
  path?: Record<string, string>;
  /** a list's `filter[field][op]` conditions come as `URLSearchParams` */
  query?: Record<string, QueryValue> | URLSearchParams;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/** An SDK call's answer, read the way the pages need it. */
export interface SdkAnswer<T = unknown> {
  data: T;
  status: number;
  /** the `ETag` response header, when the server sent one */
  etag: string | undefined;
}

type AnySdkCall = (options: object) => Promise<{ data?: unknown; response?: Response } | undefined>;

/**
 * Calls a generated SDK function through `client` (throwing a `ProblemError` on failure) with the
 * generic pages' query serializer, and reads the answer's data, status and ETag.
 *
 * @example
 * const { data } = await callSdk(moveDeal, { client, path: { id }, body: { stageId } });
 */
export async function callSdk<T = unknown>(
  call: SdkCall,
  { query, signal, ...request }: SdkRequest,
): Promise<SdkAnswer<T>> {
  const result = await (call as unknown as AnySdkCall)({
    ...request,
    ...(query === undefined ? {} : { query, querySerializer: serializeQuery }),
    ...(signal === undefined ? {} : { signal }),
    throwOnError: true,
  });
  return {
    data: result?.data as T,
    status: result?.response?.status ?? 0,
    etag: result?.response?.headers.get('etag') ?? undefined,
  };
}

/** The entity as {@link callResource} needs it. */
export interface CallableEntity {
  app: string;
  name: string;
  operations: ResourceOperations;
}

/**
 * Calls one CRUD operation of an entity whose name the page only knows at run time, through the
 * app's generated SDK (the `resources.gen.ts` map the app gave `defineEntities`). An entity without
 * that operation is a programming error.
 *
 * @example
 * const { data, etag } = await callResource(deal, 'get', { client, path: { id } });
 */
export function callResource<T = unknown>(
  entity: CallableEntity,
  operation: keyof ResourceOperations,
  request: SdkRequest,
): Promise<SdkAnswer<T>> {
  const call = entity.operations[operation];
  if (call === undefined) {
    return Promise.reject(
      new Error(
        `${entity.app}'s ${entity.name} has no generated ${operation} operation: give defineEntities the app's resources map`,
      ),
    );
  }
  return callSdk<T>(call, request);
}
