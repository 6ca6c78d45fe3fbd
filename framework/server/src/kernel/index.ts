// @codexion/framework/kernel: createKernel, its boot steps, tokens and plugin lifecycle (docs/adr/0024)
export { createKernel, type Kernel } from './boot.js';
export { EventDispatcherToken } from './boot-events.js';
export { bootJobs, JobQueueToken, jobsEnabled } from './boot-jobs.js';
export { type BootTenancyOptions, type BootTenancyReport, bootTenancy } from './boot-tenancy.js';
export { tenancyFromContainer } from './container-tenancy.js';
export { frameworkMigrations } from './framework-migrations.js';
export type {
  BootMode,
  BootOptions,
  BootReport,
  KernelOptions,
  KernelState,
  ListenOptions,
} from './kernel-options.js';
export {
  type AppAccess,
  AppAccessToken,
  DatabaseToken,
  KernelConfigToken,
  LoggerToken,
  MetricsToken,
  PluginRegistryToken,
  TenantConfigToken,
} from './kernel-tokens.js';
export type { RouteEntry } from './list-routes.js';
export { piiFieldsOf } from './pii-fields.js';
export {
  type PluginResources,
  type ResourceHandlerFactory,
  resourceHandlerFactory,
} from './plugin-handlers.js';
export { type RunUntilSignalOptions, runUntilSignal, type SignalSource } from './run-until-signal.js';
export type { SeededTenant } from './seed-plugins.js';
export type { PluginUpgrade } from './upgrade-plugins.js';
