import { developmentTenantId } from '@codexion/framework/foundation';
import { loadAppModel } from '@codexion/framework/plugins';
import { type AppAnswer, type AppKernelUnderTest, appKernelUnderTest } from '@codexion/framework/testing';
import {
  appRoot,
  crmMigrations,
  type RecordedEvent,
  recordingSubscribers,
} from './crm-engine.test-helper.js';
import { createCrmPlugin } from './plugin.js';

/** One answer of the CRM's API, checked against the operation's documented response. */
export type Answer = AppAnswer;

/** The CRM plugin booted by the kernel on a test database, seeded, answering `call` (the development tenant unless told). */
export interface CrmKernel extends AppKernelUnderTest {
  /** every event delivered (committed and dispatched), with its payload checked against `core/app.json` */
  events: RecordedEvent[];
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
  const model = await loadAppModel(appRoot);
  const events: RecordedEvent[] = [];
  const booted = await appKernelUnderTest({
    app: 'crm',
    plugin: createCrmPlugin({ subscribers: recordingSubscribers(model, events) }),
    migrationsFolder: crmMigrations.migrationsFolder,
    defaultTenant: developmentTenantId,
    seed: true,
  });
  return Object.assign(booted, { events });
}
