import { fileURLToPath } from 'node:url';
import { afterCommit, type Database } from '@codexion/framework/data';
import { createLogger } from '@codexion/framework/foundation';
import { type ActionContext, bindResources, loadAppModel } from '@codexion/framework/plugins';
import { createResourceEngine, type ResourceEngine } from '@codexion/framework/resources';
import {
  createTestDatabase,
  ensureTestTenant,
  frameworkMigrations,
  noServices,
} from '@codexion/framework/testing';
import { type AppModel, createAjv } from '@codexion/schema';
import fixtures from '../core/fixtures/manifest.json' with { type: 'json' };
import { tables } from '../core/generated/tables.js';
import { type CrmEventOutbox, type CrmSubscribers, crm } from './crm.js';
import { crmHooks } from './hooks/crm-hooks.js';

/** A record as a test reads it from the engine or an answer, without the contract's types. */
export type ApiRecord = Record<string, unknown>;

export const appRoot = fileURLToPath(new URL('..', import.meta.url));
export const crmMigrations = {
  name: 'crm',
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  schema: 'crm',
};
export const tenantA = '0a0a0a0a-0000-4000-8000-00000000000a';
export const tenantB = '0b0b0b0b-0000-4000-8000-00000000000b';
export const userA = '0c0c0c0c-0000-4000-8000-00000000000c';

const logger = createLogger({ level: 'silent' });

/** An event the CRM emitted, and what was wrong with its payload against `core/app.json`. */
export interface RecordedEvent {
  name: string;
  payload: unknown;
  /** Ajv's complaints about the payload; empty when it matches its declared schema */
  problems: string[];
}

/**
 * Subscribers for every event `core/app.json` declares, recording each delivery into `into` and
 * checking its payload against the declared schema.
 */
export function recordingSubscribers(model: AppModel, into: RecordedEvent[]): CrmSubscribers {
  const ajv = createAjv({ strict: false });
  return Object.fromEntries(
    (model.manifest.events ?? []).map((event) => {
      const validate = ajv.compile(event.payload ?? {});
      return [
        event.name,
        (_ctx: unknown, payload: unknown) => {
          const ok = validate(payload);
          into.push({
            name: event.name,
            payload,
            problems: ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`),
          });
        },
      ];
    }),
  );
}

/**
 * The outbox as the framework makes it (rows in `prefiq.event_outbox`), also handing each event to
 * `subscribers` once its transaction has committed, as the dispatcher would: services' tests see
 * exactly what a commit emits, without a dispatcher.
 */
export function recordingOutbox(outbox: CrmEventOutbox, subscribers: CrmSubscribers): CrmEventOutbox {
  return {
    async emit(ctx, name, payload, options) {
      await outbox.emit(ctx, name, payload, options);
      const handler = subscribers[name] as ((ctx: never, payload: unknown) => unknown) | undefined;
      afterCommit(ctx.tx, () => {
        handler?.(undefined as never, payload);
      });
    },
  };
}

export interface RunOptions {
  tenantId?: string;
  userId?: string | undefined;
  permissions?: string[];
}

/** The CRM's resource engine with its hooks, on a fresh migrated database of its own. */
export interface CrmEngine {
  database: Database;
  engine: ResourceEngine;
  model: AppModel;
  /** every event emitted since the last `events.length = 0` */
  events: RecordedEvent[];
  /** the outbox the hooks emit to, recording into `events` what commits: hand it to the services */
  outbox: CrmEventOutbox;
  /** runs `work` as an action does: one transaction, the engine bound to it */
  run<T>(work: (ctx: ActionContext) => Promise<T>, options?: RunOptions): Promise<T>;
  dispose(): Promise<void>;
}

/**
 * The CRM's engine and hooks on a test database (PGlite from a migrated template; PostgreSQL in
 * a database of its own when `DATABASE_URL` is set), for fast tests of services and hooks.
 *
 * @example
 * const crm = await crmEngine();
 * const deal = await crm.run((ctx) => ctx.resources('deal').create({ … }));
 */
export async function crmEngine(): Promise<CrmEngine> {
  const [model, test] = await Promise.all([
    loadAppModel(appRoot),
    createTestDatabase({ migrations: [...frameworkMigrations, crmMigrations] }),
  ]);
  // users the tests name as owners and assignees are members, as user references must be
  const members = [{ id: userA }, ...fixtures.users.map((user) => ({ id: user.id, email: user.email }))];
  for (const tenantId of [tenantA, tenantB]) await ensureTestTenant(test.database, tenantId, members);
  const events: RecordedEvent[] = [];
  const outbox = recordingOutbox(crm.eventOutbox(), recordingSubscribers(model, events));
  const engine = createResourceEngine({
    database: test.database,
    model,
    tables,
    hooks: crmHooks(outbox),
    cursorSecret: 'crm-test-cursor-secret-0123456789',
  });
  return {
    database: test.database,
    engine,
    model,
    events,
    outbox,
    run: (work, options = {}) => {
      const { tenantId = tenantA, permissions = ['*'] } = options;
      // an explicit `userId: undefined` acts as no one (a system call), as in development today
      const userId = 'userId' in options ? options.userId : userA;
      return test.database.transaction(
        (tx) => {
          const base = { tx, tenantId, userId, requestId: 'test-request', logger, services: noServices };
          return work({
            ...base,
            resources: bindResources(engine, { ...base, permissions: new Set(permissions) }),
          });
        },
        userId === undefined ? { tenantId } : { tenantId, userId },
      );
    },
    dispose: test.dispose,
  };
}

/** A small tenant to test against: two pipelines, their stages, a company, a customer, a lead, a tag. */
export interface Board {
  pipeline: ApiRecord;
  /** New Business: qualified 0.1, proposal 0.5, negotiation 0.8 */
  stages: { qualified: ApiRecord; proposal: ApiRecord; negotiation: ApiRecord };
  other: { pipeline: ApiRecord; stage: ApiRecord };
  company: ApiRecord;
  customer: ApiRecord;
  lead: ApiRecord;
  tag: ApiRecord;
}

/**
 * Creates a {@link Board} in a tenant through the engine (so the hooks run on it, too).
 *
 * @example
 * const board = await createBoard(crm);
 */
export async function createBoard(crm: CrmEngine, options: RunOptions = {}): Promise<Board> {
  return crm.run(async (ctx) => {
    const r = ctx.resources;
    const pipeline = await r('pipeline').create({ name: 'New Business', position: 0 });
    const stage = (name: string, position: number, probability: number, pipelineId = pipeline.id) =>
      r('stage').create({ pipelineId, name, position, probability });
    const stages = {
      qualified: await stage('Qualified', 0, 0.1),
      proposal: await stage('Proposal', 1, 0.5),
      negotiation: await stage('Negotiation', 2, 0.8),
    };
    const otherPipeline = await r('pipeline').create({ name: 'Expansion', position: 1 });
    const otherStage = await stage('Upsell', 0, 0.3, otherPipeline.id);
    const tag = await r('tag').create({ name: 'VIP', color: 'red' });
    const company = await r('company').create({ name: 'Acme GmbH', domain: 'acme.example' });
    const customer = await r('person').create({
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@acme.example',
      companyId: company.id,
    });
    const lead = await r('person').create({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@engines.example',
      source: 'event',
    });
    return {
      pipeline,
      stages,
      other: { pipeline: otherPipeline, stage: otherStage },
      company,
      customer,
      lead,
      tag,
    };
  }, options);
}
