import type { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Database } from '../data/database.js';
import type { EventDispatcher } from '../events/event-dispatcher.js';
import type { Container } from '../foundation/container.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import type { Services } from '../foundation/services.js';
import type { AppEnv } from '../http/app-env.js';
import type { ReadinessCheck } from '../http/health-routes.js';
import type { LifecycleContext } from '../plugins/define-plugin.js';
import type { PluginRegistry, RegisteredPlugin } from '../plugins/plugin-registry.js';
import type { BootMode, BootReport, KernelOptions, KernelState } from './kernel-options.js';
import type { WebhookSetup } from './webhook-setup.js';

/** What a kernel holds once its steps made it: each part is filled by the step that names it. */
export interface KernelParts {
  state: KernelState;
  /** the bootstrap logger, then (config step) the config's */
  logger: Logger;
  /** config step */
  config?: KernelConfig;
  /** container step; none in a dry run of an embedded database that does not exist yet */
  database?: Database;
  /** container step: stops the audit chain's sealing watch */
  unwatchSealing?: () => void;
  /** plugins step */
  registry?: PluginRegistry;
  /** routes step */
  app?: Hono<AppEnv>;
  /** routes step: outbound webhooks' API rules, job and event consumer */
  webhooks?: WebhookSetup;
  /** ready step */
  events?: EventDispatcher;
}

/** One boot in progress: what every step reads, and the kernel's parts the steps fill in. */
export interface BootRun {
  readonly options: KernelOptions;
  readonly traceId: string;
  readonly container: Container;
  /** the container's services: what actions, hooks, subscribers and seeds reach as `ctx.services` */
  readonly services: Services;
  readonly mode: BootMode;
  readonly dryRun: boolean;
  readonly migrateOnly: boolean;
  /** seed demo data; the config's `seed.enabled` when undefined */
  readonly seed: boolean | undefined;
  /** `performance.now()` when the boot started */
  readonly started: number;
  /** what the boot did, filled step by step */
  readonly report: BootReport;
  /** the fields the logger masks, filled by the plugins step */
  readonly piiFields: Set<string>;
  readonly parts: KernelParts;
  /** the value, or a KernelError `KERNEL_STATE` naming `what` when an earlier step did not make it */
  required<T>(value: T | undefined, what: string): T;
  /** what a plugin's lifecycle hooks get */
  contextOf(plugin: RegisteredPlugin): LifecycleContext;
  /** the checks behind `/readyz` */
  readiness(): Promise<Record<string, ReadinessCheck>>;
}
