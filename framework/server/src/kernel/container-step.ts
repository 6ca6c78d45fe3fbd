import { existsSync } from 'node:fs';
import { type AuditSealEvent, watchAuditSealing } from '../audit/seal-audit-log.js';
import { createDatabase } from '../data/create-database.js';
import type { Database } from '../data/database.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import { redactUrlPassword } from '../foundation/redact-config.js';
import { createNumbering, NumberingToken } from '../numbering/numbering.js';
import { createMetrics } from '../observability/metrics.js';
import type { BootRun } from './boot-run.js';
import { DatabaseToken, MetricsToken } from './kernel-tokens.js';

function databaseLabel(config: KernelConfig, given: Database | undefined): string {
  if (given) return `given (${given.kind})`;
  return config.database.url ? redactUrlPassword(config.database.url) : `pglite ${config.database.dataDir}`;
}

async function openDatabase(run: BootRun, config: KernelConfig): Promise<Database | undefined> {
  if (run.options.database) return run.options.database;
  const { url, dataDir, pool, statementTimeoutMs, idleInTransactionTimeoutMs } = config.database;
  // a dry run must not create the embedded database's folder; nothing is pending-checked then
  if (run.dryRun && !url && (dataDir === 'memory://' || !existsSync(dataDir))) return undefined;
  return createDatabase({
    url: url ?? dataDir,
    max: pool.max,
    statementTimeoutMs,
    idleInTransactionTimeoutMs,
    applicationName: 'prefiq',
  });
}

/**
 * The container step: the metrics registry and the database (the given one, or the config's),
 * which the container closes on dispose; the audit chain's sealing is watched from here on.
 *
 * @example
 * await runStep(log, traceId, 'container', () => containerStep(run));
 */
export async function containerStep(run: BootRun): Promise<Record<string, unknown>> {
  const { parts, container, report } = run;
  const config = run.required(parts.config, 'config');
  report.database = databaseLabel(config, run.options.database);
  container.value(MetricsToken, createMetrics({ defaultMetrics: config.env !== 'test' }));
  // document numbers, joined to the caller's transaction by ctx.services
  container.value(NumberingToken, createNumbering());
  const database = await openDatabase(run, config);
  parts.database = database;
  if (database) {
    container.value(DatabaseToken, database, { dispose: (db) => db.close() });
    parts.unwatchSealing = watchAuditSealing(database, (event) => logSealing(run, event));
  }
  return { database: report.database, opened: database !== undefined };
}

/** Once per event, where it happened: a stuck chain is not logged again on each pass or probe. */
function logSealing(run: BootRun, event: AuditSealEvent): void {
  const audit = run.parts.logger.child({ module: 'audit' });
  if (event.type === 'stuck') {
    audit.warn(
      { tenant: event.tenantId, pending_id: event.pendingId, error: event.error },
      'audit chain stuck',
    );
  } else {
    audit.info(
      { tenant: event.tenantId, pending_id: event.pendingId, attempts: event.attempts },
      'audit chain sealing again',
    );
  }
}
