import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentTenantId } from '@codexion/framework/foundation';
import { type BootReport, createKernel, EventDispatcherToken, type Kernel } from '@codexion/framework/kernel';
import { loadAppModel } from '@codexion/framework/plugins';
import { createTestDatabase } from '@codexion/framework/testing';
import type { ValidationIssue } from '@codexion/schema';
// not exported by the framework (yet): the engine writes prefiq.audit_log, so tests need its tables
import { frameworkMigrations } from '../../../framework/server/src/kernel/framework-migrations.js';
// the framework's contract check for responses, shared rather than copied
import { responseValidator } from '../../../framework/server/src/kernel/response-validator.test-helper.js';
import {
  appRoot,
  crmMigrations,
  type RecordedEvent,
  recordingSubscribers,
} from './crm-engine.test-helper.js';
import { createCrmPlugin } from './plugin.js';

/** One answer of the CRM's API, checked against the operation's documented response. */
export interface Answer {
  status: number;
  headers: Headers;
  /** the parsed JSON body (`{}` when empty) */
  body: Record<string, unknown>;
  /** where the answer breaks the contract: its status undocumented or its body off-schema */
  contract: ValidationIssue[];
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** the `X-Codexion-Tenant` header; the development tenant (the seeded one) unless given */
  tenant?: string;
}

/** The CRM plugin booted by the kernel on a test database, seeded, answering `app.request`. */
export interface CrmKernel {
  kernel: Kernel;
  report: BootReport;
  /** every event delivered (committed and dispatched), with its payload checked against `core/app.json` */
  events: RecordedEvent[];
  /** whether this run is on PostgreSQL (`DATABASE_URL`) rather than PGlite */
  onPostgres: boolean;
  /** a request to `/api/crm<path>` as the operation `operationId`, its answer checked against the contract */
  call(operationId: string, method: string, path: string, options?: CallOptions): Promise<Answer>;
  dispose(): Promise<void>;
}

/**
 * Boots the CRM as `prefiq serve` does (kernel, plugin, migrations, seed of the development
 * tenant), on a fresh test database: PGlite, or with `DATABASE_URL` a PostgreSQL database of its
 * own that `dispose` drops.
 *
 * @example
 * const crm = await crmKernel();
 * const deals = await crm.call('listDeals', 'GET', '/deals?filter[status]=open');
 */
export async function crmKernel(): Promise<CrmKernel> {
  const root = await mkdtemp(join(tmpdir(), 'crm-api-'));
  const [model, test] = await Promise.all([
    loadAppModel(appRoot),
    createTestDatabase({ migrations: [...frameworkMigrations, crmMigrations] }),
  ]);
  const events: RecordedEvent[] = [];
  const kernel = createKernel({
    root,
    plugins: [createCrmPlugin({ subscribers: recordingSubscribers(model, events) })],
    env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'silent' },
    database: test.database,
  });
  const report = await kernel.boot({ seed: true });
  const [crm] = kernel.plugins;
  if (crm === undefined) throw new Error('the crm plugin did not boot');
  const check = responseValidator(crm.openapi);

  return {
    kernel,
    report,
    events,
    onPostgres: test.url !== undefined,
    async call(operationId, method, path, { body, headers = {}, tenant = developmentTenantId } = {}) {
      const response = await kernel.app.request(`/api/crm${path}`, {
        method,
        headers: {
          ...(body === undefined
            ? {}
            : { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
          'x-codexion-tenant': tenant,
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      // the events of the request's commit reach the subscribers before the test looks
      await kernel.container.resolve(EventDispatcherToken).drain();
      const contract = await check(operationId, response);
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
        contract,
      };
    },
    async dispose() {
      await kernel.shutdown();
      await test.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}
