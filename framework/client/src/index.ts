export type { Auth } from './core/auth.gen.js';
export type { QuerySerializerOptions } from './core/body-serializer.gen.js';
export {
  formDataBodySerializer,
  jsonBodySerializer,
  urlSearchParamsBodySerializer,
} from './core/body-serializer.gen.js';
export { buildClientParams } from './core/params.gen.js';
export { serializeQueryKeyValue } from './core/query-key-serializer.gen.js';
export { createClient } from './fetch/client.gen.js';
export type {
  Client,
  ClientOptions,
  Config,
  CreateClientConfig,
  Options,
  RequestOptions,
  RequestResult,
  ResolvedRequestOptions,
  ResponseStyle,
  TDataShape,
} from './fetch/types.gen.js';
export { createConfig, mergeHeaders } from './fetch/utils.gen.js';
