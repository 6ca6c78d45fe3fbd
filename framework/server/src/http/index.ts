// @codexion/framework/http: the Hono app, the request context, problem answers, rate limits and the framework APIs' contracts (docs/adr/0024)
export type {
  ActionInput,
  ActionName,
  ActionOutput,
  ActionTypes,
  AppContract,
  EntityName,
  EventName,
  PublicActionName,
  RecordOf,
  ResourceTypes,
  TenantActionName,
} from './app-contract.js';
export type { AppEnv, RequestVariables } from './app-env.js';
export {
  type ContractHandler,
  type ContractHandlers,
  operationHandlers,
} from './contract-handlers.js';
export {
  createHttpApp,
  type Environment,
  type HttpAppOptions,
} from './create-http-app.js';
export {
  type CsvAnswerOptions,
  type CsvColumn,
  type CsvValue,
  csvAnswer,
  csvContentType,
  csvText,
} from './csv-answer.js';
export { scalarAssetPath } from './docs-routes.js';
export {
  auditApiName,
  auditOpenApi,
  authOpenApi,
  eventsApiName,
  eventsOpenApi,
  type FrameworkApiName,
  frameworkApis,
  tenancyApiName,
  tenancyOpenApi,
} from './framework-apis.js';
export type { ReadinessCheck, ReadinessProbe } from './health-routes.js';
export {
  type IdempotencyOptions,
  idempotencyKeyHeader,
  idempotencyOptions,
  idempotent,
  idempotentReplayedHeader,
  takesIdempotencyKey,
} from './idempotency.js';
export {
  type IdempotencyClaim,
  type IdempotencyScope,
  type IdempotencyStore,
  idempotencyStore,
  type StoredResponse,
} from './idempotency-store.js';
export { isLoopbackHost } from './loopback-host.js';
export { type MergeOpenApiOptions, type MountedDocument, mergeOpenApi } from './merge-openapi.js';
export { type MetricsAccess, metricsApp, metricsRoutes } from './metrics-routes.js';
export type { OperationHandler, OperationInput } from './operation-handler.js';
export {
  ContractMismatchError,
  type ContractReport,
  createOperationRouter,
  type HttpPlugin,
  hasPermission,
  type OperationRouterOptions,
  type PermissionResolver,
  verifyContract,
} from './operation-router.js';
export {
  type ProblemDocument,
  type ProblemOptions,
  problemContentType,
  problemFromError,
  problemResponse,
} from './problem.js';
export { type RateLimitOptions, rateLimit, rateLimitHeaders } from './rate-limit.js';
export {
  memoryRateLimitStore,
  type RateLimitDecision,
  type RateLimitRule,
  type RateLimitStore,
} from './rate-limit-store.js';
export { requestIdHeader } from './request-id.js';
export { type RequestAbort, requestSignal } from './request-timeout.js';
export { type CloseOptions, type FetchApp, type HttpServer, type ServeOptions, serve } from './serve.js';
export {
  reservedUiPrefixes,
  type StaticUiOptions,
  staticUi,
  uiContentSecurityPolicy,
} from './static-ui.js';
export {
  type TenantFromHeaderOptions,
  type TenantResolver,
  tenantFromHeader,
  tenantHeader,
  type UserResolver,
} from './tenant-context.js';
