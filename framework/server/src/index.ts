export { type AuditDiffOptions, auditDiff, type FieldMask, maskedValue } from './audit/audit-diff.js';
export {
  type AuditAction,
  type AuditActor,
  type AuditActorType,
  type AuditDiff,
  type AuditEntry,
  type AuditFieldChange,
  type AuditRecord,
  genesisHash,
  platformTenantId,
  systemActor,
} from './audit/audit-entry.js';
export { type AuditRowContent, auditHash, canonicalAuditRow } from './audit/audit-hash.js';
export { auditLog } from './audit/audit-log-table.js';
export { auditReadPermission } from './audit/audit-read-permission.js';
export { type AuditHttpPluginOptions, auditHttpPlugin } from './audit/audit-routes.js';
export { CanonicalJsonError, canonicalJson } from './audit/canonical-json.js';
export { piiMask, type SchemaResolver } from './audit/pii-mask.js';
export { type AuditLogPage, type AuditLogQuery, readAuditLog } from './audit/read-audit-log.js';
export { recordAudit } from './audit/record-audit.js';
export { auditActorOf } from './audit/resource-audit.js';
export {
  type AuditSealEvent,
  type AuditSealListener,
  type SealOptions,
  sealAuditLog,
  watchAuditSealing,
} from './audit/seal-audit-log.js';
export {
  describeStuckAuditChains,
  type StuckAuditChain,
  stuckAuditChains,
} from './audit/stuck-audit-chains.js';
export {
  type AuditChainProblem,
  type AuditChainReport,
  type AuditVerification,
  type VerifyAuditChainOptions,
  verifyAuditChain,
} from './audit/verify-audit-chain.js';
export { afterCommit, type CommitHook } from './data/commit-hooks.js';
export {
  createDatabase,
  type DatabaseOptions,
  defaultDataDir,
} from './data/create-database.js';
export type { Database, Db, ReadOptions, TransactionOptions } from './data/database.js';
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
export {
  inRequest,
  isNotFound,
  referenceIssue,
  unknownReference,
  unknownReferenceMessage,
  withIssuePrefix,
} from './errors/request-issues.js';
export {
  type DeadLetter,
  type DeadLetterActor,
  type DeadLetterPage,
  discardDeadLetter,
  listDeadLetters,
  retryDeadLetter,
} from './events/dead-letters.js';
export { type EventConsumer, eventConsumers } from './events/event-consumer.js';
export {
  createEventDispatcher,
  type EventDispatcher,
  type EventDispatcherOptions,
} from './events/event-dispatcher.js';
export { defaultAggregateKey, type EventEnvelope } from './events/event-envelope.js';
export {
  createEventOutbox,
  type EmitOptions,
  type EventOutbox,
  type EventSubscribers,
} from './events/event-outbox.js';
export { type EventsHttpPluginOptions, eventsHttpPlugin } from './events/event-routes.js';
export { defaultRetryPolicy, type RetryPolicy } from './events/retry-backoff.js';
export {
  type FixtureManifest,
  type FixtureSource,
  fixtureSeed,
  type SeedFixturesOptions,
  type SeedReport,
  seedFixtures,
} from './fixtures/seed-fixtures.js';
export { type DateFormat, daysSince, shiftDate, shiftRecord } from './fixtures/shift-fixture-dates.js';
export { tenantFixtureId } from './fixtures/tenant-fixture-id.js';
export type { AppEnv, RequestVariables } from './http/app-env.js';
export {
  createHttpApp,
  type Environment,
  type HttpAppOptions,
} from './http/create-http-app.js';
export { scalarAssetPath } from './http/docs-routes.js';
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
} from './http/framework-apis.js';
export type { ReadinessCheck, ReadinessProbe } from './http/health-routes.js';
export {
  type IdempotencyOptions,
  idempotencyKeyHeader,
  idempotencyOptions,
  idempotent,
  idempotentReplayedHeader,
  takesIdempotencyKey,
} from './http/idempotency.js';
export {
  type IdempotencyClaim,
  type IdempotencyScope,
  type IdempotencyStore,
  idempotencyStore,
  type StoredResponse,
} from './http/idempotency-store.js';
export { isLoopbackHost } from './http/loopback-host.js';
export { type MergeOpenApiOptions, type MountedDocument, mergeOpenApi } from './http/merge-openapi.js';
export { type MetricsAccess, metricsApp, metricsRoutes } from './http/metrics-routes.js';
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
export { type RequestAbort, requestSignal } from './http/request-timeout.js';
export { type CloseOptions, type FetchApp, type HttpServer, type ServeOptions, serve } from './http/serve.js';
export {
  reservedUiPrefixes,
  type StaticUiOptions,
  staticUi,
  uiContentSecurityPolicy,
} from './http/static-ui.js';
export {
  type TenantFromHeaderOptions,
  type TenantResolver,
  tenantFromHeader,
  tenantHeader,
  type UserResolver,
} from './http/tenant-context.js';
export { auditEntryOf, auditLogRecorder } from './identity/auth-audit.js';
export type { AuthConfig, EmailConfig, JwtKeyConfig, OidcProviderConfig } from './identity/auth-config.js';
export { apiKeyHeader, type Principal } from './identity/authenticator.js';
export { tenancyFromContainer } from './identity/container-tenancy.js';
export {
  createIdentity,
  type HttpAuth,
  type Identity,
  type IdentityOptions,
  IdentityToken,
} from './identity/create-identity.js';
export { csrfHeader } from './identity/csrf-guard.js';
export {
  createEmailTransport,
  type DevEmailTransport,
  devEmailTransport,
  type EmailMessage,
  type EmailTransport,
  smtpEmailTransport,
} from './identity/email-transport.js';
export type { IdentityContext } from './identity/identity-context.js';
export {
  type AccessResolver,
  type AuthEvent,
  type AuthEventAction,
  type AuthEventRecorder,
  type DefaultTenantResolver,
  noTenancy,
  requireAccess,
  type TenancyPort,
  type TenantAccess,
} from './identity/identity-ports.js';
export { type IdentitySettings, identitySettings } from './identity/identity-settings.js';
export { type RateLimitOptions, rateLimit, rateLimitHeaders } from './identity/rate-limit.js';
export {
  memoryRateLimitStore,
  type RateLimitDecision,
  type RateLimitRule,
  type RateLimitStore,
} from './identity/rate-limit-store.js';
export { type CreateUserInput, createUser, setUserStatus, userByEmail } from './identity/user-service.js';
export { type PublicUser, publicUser } from './identity/user-store.js';
export { bootJobs, JobQueueToken, jobsEnabled } from './jobs/boot-jobs.js';
export { frameworkJobs, pruneIdentityJob, purgeIdempotencyJob, sealAuditJob } from './jobs/framework-jobs.js';
export {
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobPolicy,
  type JobSchedule,
} from './jobs/job-definition.js';
export {
  createJobQueue,
  type JobQueue,
  type JobQueueOptions,
  type JobState,
  type JobSummary,
  jobSchema,
  type QueueSummary,
  type ScheduleSummary,
  type SendOptions,
} from './jobs/job-queue.js';
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
export { EventDispatcherToken } from './kernel/boot-events.js';
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
export { frameworkMigrations } from './kernel/framework-migrations.js';
export type { ConfigInput, KernelConfig } from './kernel/kernel-config.js';
export { KernelError, type KernelErrorCode, kernelErrorCodes } from './kernel/kernel-error.js';
export {
  type AppAccess,
  AppAccessToken,
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
export type {
  ActionInput,
  ActionName,
  ActionOutput,
  ActionTypes,
  AppContract,
  AppResource,
  EntityName,
  EventName,
  PublicActionName,
  RecordOf,
  ResourceTypes,
  ServerFields,
  TenantActionName,
} from './plugins/app-contract.js';
export {
  type AppActionHandler,
  type AppActions,
  type AppHooks,
  type AppKit,
  type AppPluginDefinition,
  type AppPublicAction,
  type AppPublicActionHandler,
  type AppSubscribers,
  appKit,
} from './plugins/app-kit.js';
export { type BoundResource, bindResources, type ResourceAccessor } from './plugins/bind-resources.js';
export {
  type ContractHandler,
  type ContractHandlers,
  operationHandlers,
} from './plugins/contract-handlers.js';
export {
  type ActionContext,
  type ActionHandler,
  type ActionResult,
  type DemoMember,
  type Draft,
  definePlugin,
  type EventContext,
  type EventHandler,
  type HookContext,
  isPublicAction,
  type LifecycleContext,
  type LifecycleHooks,
  type PluginContext,
  type PluginDefinition,
  type PublicAction,
  type PublicActionContext,
  type PublicActionHandler,
  publicAction,
  type ResourceHooks,
  type SeedHandler,
  type SystemField,
} from './plugins/define-plugin.js';
export { loadAppModel, loadAppSources, loadContractSources } from './plugins/load-app-sources.js';
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
export {
  firstRank,
  type RankedList,
  type RankPlacement,
  rankAtPosition,
  rankBetween,
  rankDigits,
} from './resources/rank-keys.js';
export { maskedText } from './resources/record-access.js';
export type { ResourceContext } from './resources/resource-context.js';
export {
  createResourceEngine,
  type Resource,
  type ResourceEngine,
  type ResourceEngineOptions,
} from './resources/resource-engine.js';
export { resourceContext, resourceHandlerFactory, resourceHandlers } from './resources/resource-routes.js';
export {
  type Access,
  type AccessRefusal,
  type AccessRefusalCode,
  isRefusal,
  refusalError,
} from './tenancy/access.js';
export { type AccessPermissionsOptions, accessPermissions, withRoles } from './tenancy/access-permissions.js';
export { type BootTenancyOptions, type BootTenancyReport, bootTenancy } from './tenancy/boot-tenancy.js';
export {
  type BuiltInRole,
  builtInPermissions,
  builtInRoles,
  ownerOnlyPermissions,
} from './tenancy/built-in-roles.js';
export {
  createTenancy,
  type Tenancy,
  type TenancyOptions,
  TenancyToken,
  tenancyPort,
} from './tenancy/create-tenancy.js';
export {
  ensureRowLevelSecurity,
  kernelTenantTables,
  type RowSecurityReport,
  type RowSecurityScope,
  requireRowLevelSecurity,
  type TenantTableState,
  tenantPolicy,
  tenantRole,
  tenantTables,
} from './tenancy/ensure-row-level-security.js';
export type { Member } from './tenancy/member-admin.js';
export {
  type CatalogEntry,
  fieldPermission,
  type PermissionCatalog,
  type PermissionKind,
  permissionCatalog,
  piiPermission,
} from './tenancy/permission-catalog.js';
export type { Role, RoleInput } from './tenancy/role-admin.js';
export { tenancyListLimit } from './tenancy/tenancy-list-limit.js';
export { type TenancyHttpPluginOptions, tenancyHttpPlugin } from './tenancy/tenancy-routes.js';
export type { AdminContext } from './tenancy/tenancy-state.js';
export type { TenantStatus } from './tenancy/tenancy-tables.js';
export type { CreateTenantInput, Membership, Tenant } from './tenancy/tenant-admin.js';
export {
  attemptWebhook,
  type DeliverWebhookData,
  deliverWebhookJob,
  deliverWebhookJobName,
  type WebhookAttempt,
} from './webhooks/deliver-webhook.js';
export { webhookConsumer, webhookConsumerName } from './webhooks/webhook-consumer.js';
export { webhookBody } from './webhooks/webhook-deliveries.js';
export { webhookEventCatalogue, webhookTestEvent } from './webhooks/webhook-event-types.js';
export { type WebhooksHttpPluginOptions, webhooksHttpPlugin } from './webhooks/webhook-routes.js';
export { newWebhookSecret } from './webhooks/webhook-secret.js';
export { type WebhookUrlPolicy, webhookUrlIssue } from './webhooks/webhook-url.js';
