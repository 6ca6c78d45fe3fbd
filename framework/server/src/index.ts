export {
  createDatabase,
  type DatabaseOptions,
  defaultDataDir,
} from './data/create-database.js';
export type { Database, Db, TransactionOptions } from './data/database.js';
export { executeRows } from './data/execute-rows.js';
export {
  type MigrationSource,
  migrationsSchema,
  type PluginMigrations,
  pendingMigrations,
  runMigrations,
} from './data/run-migrations.js';
export { DomainError, type DomainErrorOptions, validationFailed } from './errors/domain-error.js';
export { type ErrorCode, errorCodes, statusOf } from './errors/error-codes.js';
export type { AppEnv, RequestVariables } from './http/app-env.js';
export {
  createHttpApp,
  type Environment,
  type HttpAppOptions,
} from './http/create-http-app.js';
export { scalarAssetPath } from './http/docs-routes.js';
export type { ReadinessCheck, ReadinessProbe } from './http/health-routes.js';
export { type MergeOpenApiOptions, type MountedDocument, mergeOpenApi } from './http/merge-openapi.js';
export type { OperationHandler, OperationInput } from './http/operation-handler.js';
export {
  ContractMismatchError,
  type ContractReport,
  createOperationRouter,
  type HttpPlugin,
  hasPermission,
  type OperationRouterOptions,
  type PermissionResolver,
  verifyContract,
} from './http/operation-router.js';
export {
  type ProblemDocument,
  type ProblemOptions,
  problemContentType,
  problemFromError,
  problemResponse,
} from './http/problem.js';
export { requestIdHeader } from './http/request-id.js';
export { type CloseOptions, type FetchApp, type HttpServer, type ServeOptions, serve } from './http/serve.js';
export {
  type TenantFromHeaderOptions,
  type TenantResolver,
  tenantFromHeader,
  tenantHeader,
  type UserResolver,
} from './http/tenant-context.js';
export {
  type BootMode,
  type BootOptions,
  type BootReport,
  createKernel,
  type Kernel,
  type KernelOptions,
  type KernelState,
  type ListenOptions,
} from './kernel/boot.js';
export { ConfigError, type ConfigIssue } from './kernel/config-error.js';
export { envPrefix, wellKnownVariables } from './kernel/config-from-env.js';
export {
  Container,
  createToken,
  type Factory,
  type Lifetime,
  type RegistrationOptions,
  type Token,
} from './kernel/container.js';
export {
  alwaysRedactedKeys,
  type CreateLoggerOptions,
  createLogger,
  redactSensitive,
} from './kernel/create-logger.js';
export type { ConfigInput, KernelConfig } from './kernel/kernel-config.js';
export { KernelError, type KernelErrorCode, kernelErrorCodes } from './kernel/kernel-error.js';
export {
  DatabaseToken,
  KernelConfigToken,
  LoggerToken,
  MetricsToken,
  PluginRegistryToken,
  TenantConfigToken,
} from './kernel/kernel-tokens.js';
export type { RouteEntry } from './kernel/list-routes.js';
export {
  developmentTenantId,
  environmentDefaults,
  type LoadConfigOptions,
  type LoadedConfig,
  loadConfig,
} from './kernel/load-config.js';
export { piiFieldsOf } from './kernel/pii-fields.js';
export type { PluginResources, ResourceHandlerFactory } from './kernel/plugin-handlers.js';
export { configSchema, redactConfig } from './kernel/redact-config.js';
export { type RunUntilSignalOptions, runUntilSignal, type SignalSource } from './kernel/run-until-signal.js';
export type { SeededTenant } from './kernel/seed-plugins.js';
export { defineProvider, runProviders, type ServiceProvider } from './kernel/service-provider.js';
export type { PluginUpgrade } from './kernel/upgrade-plugins.js';
export { type CreateMetricsOptions, createMetrics, type Metrics } from './observability/metrics.js';
export {
  formatTraceparent,
  newSpanId,
  newTraceId,
  parseTraceparent,
  type TraceContext,
} from './observability/trace-context.js';
export { type BoundResource, bindResources, type ResourceAccessor } from './plugins/bind-resources.js';
export {
  type ActionContext,
  type ActionHandler,
  type ActionResult,
  definePlugin,
  type HookContext,
  type LifecycleContext,
  type LifecycleHooks,
  type PluginContext,
  type PluginDefinition,
  type ResourceHooks,
  type SeedHandler,
} from './plugins/define-plugin.js';
export { loadAppModel, loadAppSources } from './plugins/load-app-sources.js';
export { type DependenciesOf, orderPlugins, type PluginNode } from './plugins/order-plugins.js';
export { PluginError, type PluginErrorCode } from './plugins/plugin-error.js';
export {
  frameworkVersion,
  type LoadPluginsOptions,
  loadPlugins,
  type PluginRegistry,
  type RegisteredPlugin,
} from './plugins/plugin-registry.js';
export { formatEtag, ifMatchHolds } from './resources/etag.js';
export { applyMergePatch } from './resources/merge-patch.js';
export type { ResourceContext } from './resources/resource-context.js';
export {
  createResourceEngine,
  type Resource,
  type ResourceEngine,
  type ResourceEngineOptions,
} from './resources/resource-engine.js';
export { resourceContext, resourceHandlerFactory, resourceHandlers } from './resources/resource-routes.js';
