import { sealAuditLog } from '../audit/seal-audit-log.js';
import { defaultEventRetentionDays, purgeEvents } from '../events/purge-events.js';
import { idempotencyStore } from '../http/idempotency-store.js';
import { pruneAttempts } from '../identity/login-throttle.js';
import { pruneOneTimeTokens } from '../identity/one-time-tokens.js';
import { pruneSessions } from '../identity/session-store.js';
import type { JobDefinition } from './job-definition.js';

/** How long ended sessions, expired tokens and old sign-in attempts are kept before a prune. */
export const identityRetentionMs = 24 * 60 * 60 * 1000;

/** The cron schedules of the framework's own jobs (`jobs.schedules` in the kernel config). */
export interface FrameworkJobSchedules {
  pruneIdentity: string;
  sealAudit: string;
  purgeIdempotency: string;
  purgeEvents: string;
}

/** What the framework's jobs keep, beyond their schedules. */
export interface FrameworkJobOptions {
  /** how long delivered events and inbox records are kept (`events.retentionDays`) */
  eventRetentionDays?: number;
}

/**
 * Removes sessions that ended (expired or revoked), one-time tokens that expired and sign-in
 * attempts and lockouts, each a day after it stopped mattering.
 */
export const pruneIdentityJob = (cron: string): JobDefinition => ({
  name: 'prefiq.prune-identity',
  policy: 'short',
  retryLimit: 3,
  schedule: { cron },
  async handler({ database, logger }) {
    const before = new Date(Date.now() - identityRetentionMs);
    await database.transaction(async (tx) => {
      await pruneSessions(tx, before);
      await pruneOneTimeTokens(tx, before);
      await pruneAttempts(tx, before);
    });
    logger.info({ before: before.toISOString() }, 'identity pruned');
  },
});

/**
 * Seals what the audit log holds pending: writes seal their entries right after commit, so this
 * catches what a crash or a stuck chain left behind (stuck chains are retried after their backoff).
 */
export const sealAuditJob = (cron: string): JobDefinition => ({
  name: 'prefiq.seal-audit',
  policy: 'short',
  retryLimit: 3,
  schedule: { cron },
  async handler({ database, logger }) {
    const sealed = await sealAuditLog(database);
    if (sealed > 0) logger.info({ sealed }, 'audit entries sealed');
  },
});

/** Removes the Idempotency-Key responses past their `idempotency.ttlHours`. */
export const purgeIdempotencyJob = (cron: string): JobDefinition => ({
  name: 'prefiq.purge-idempotency',
  policy: 'short',
  retryLimit: 3,
  schedule: { cron },
  async handler({ database, logger }) {
    const purged = await idempotencyStore(database).purge();
    if (purged > 0) logger.info({ purged }, 'idempotency keys purged');
  },
});

/**
 * Removes events delivered to every consumer and inbox records, `retentionDays` after (see
 * `purgeEvents`): an event still undelivered or dead-lettered stays.
 */
export const purgeEventsJob = (cron: string, retentionDays = defaultEventRetentionDays): JobDefinition => ({
  name: 'prefiq.purge-events',
  policy: 'short',
  retryLimit: 3,
  schedule: { cron },
  async handler({ database, logger }) {
    const before = new Date(Date.now() - retentionDays * 24 * 60 * 60 * 1000);
    const purged = await purgeEvents(database, before);
    if (purged.outbox + purged.inbox > 0)
      logger.info({ ...purged, before: before.toISOString() }, 'events purged');
  },
});

/**
 * The framework's jobs, on the schedules given.
 *
 * @example
 * await queue.register(frameworkJobs(config.jobs.schedules, { eventRetentionDays: config.events.retentionDays }));
 */
export function frameworkJobs(
  schedules: FrameworkJobSchedules,
  { eventRetentionDays = defaultEventRetentionDays }: FrameworkJobOptions = {},
): JobDefinition[] {
  return [
    pruneIdentityJob(schedules.pruneIdentity),
    sealAuditJob(schedules.sealAudit),
    purgeIdempotencyJob(schedules.purgeIdempotency),
    purgeEventsJob(schedules.purgeEvents, eventRetentionDays),
  ];
}
