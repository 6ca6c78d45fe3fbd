import { existsSync } from 'node:fs';
import { sealAuditLog, stuckAuditChains, verifyAuditChain } from '@codexion/framework/audit';
import { createDatabase, type Database } from '@codexion/framework/data';
import { loadConfig } from '@codexion/framework/foundation';
import { isUuid } from '@codexion/schema';
import type { Output } from '../output.js';
import { findApps } from '../workspace/find-apps.js';
import { configRootOf } from './load-app-plugin.js';

export interface AuditVerifyOptions {
  root: string;
  /** one tenant's chain (a uuid); every tenant's unless given */
  tenant?: string;
  /** read the config of this app (its `config/`), else the workspace's */
  app?: string;
  /** environment variables; `process.env` unless given */
  env?: Readonly<Record<string, string | undefined>>;
}

async function auditTablesExist(database: Database): Promise<{ log: boolean; pending: boolean }> {
  const [row] = await database.execute<{ log: string | null; pending: string | null }>(
    "select to_regclass('prefiq.audit_log')::text as log, to_regclass('prefiq.audit_pending')::text as pending",
  );
  return { log: row?.log != null, pending: row?.pending != null };
}

/**
 * `prefiq audit verify [--tenant <id>] [--app <name>]`: walks each tenant's audit hash chain (the
 * database of the config, as `prefiq migrate` reads it: `DATABASE_URL`, `CODEXION_*`, config files)
 * and names the first altered or removed row of each broken chain, and each chain that cannot
 * seal (the entry it waits at, why, since when). Exit code 0 when every chain is intact and
 * sealing, 1 when one is not (or the check could not run), 2 on wrong usage.
 *
 * @example
 * await auditVerifyCommand({ root: '/repo', tenant: '0a0a…' }, output) // 0 or 1
 */
export async function auditVerifyCommand(
  { root, tenant, app, env }: AuditVerifyOptions,
  out: Output,
): Promise<number> {
  if (tenant !== undefined && !isUuid(tenant)) {
    out.error(`--tenant must be a tenant id (a uuid), got "${tenant}"`);
    return 2;
  }
  let configRoot = root;
  if (app !== undefined) {
    const location = (await findApps(root)).find((a) => a.name === app);
    if (!location) {
      out.error(`no app named "${app}" (looked for <dir>/${app}/core/app.json)`);
      return 2;
    }
    configRoot = configRootOf(location, root);
  }
  let database: Database | undefined;
  try {
    const { config } = await loadConfig({ root: configRoot, ...(env ? { env } : {}) });
    const { url, dataDir, statementTimeoutMs } = config.database;
    // opening an embedded database that is not there would create an empty one
    if (url === undefined && dataDir !== 'memory://' && !existsSync(dataDir)) {
      out.error(`✗ audit verify: no database at ${dataDir}: set DATABASE_URL or run \`prefiq migrate\``);
      return 1;
    }
    database = await createDatabase({
      url: url ?? dataDir,
      // a long chain takes a while; nothing else runs on these connections
      statementTimeoutMs: Math.max(statementTimeoutMs, 300_000),
      applicationName: 'prefiq audit verify',
    });
    const tables = await auditTablesExist(database);
    if (!tables.log) {
      out.error('✗ audit verify: the database has no audit log (prefiq.audit_log): run `prefiq migrate`');
      return 1;
    }
    if (!tables.pending) {
      out.error('✗ audit verify: the audit log is not migrated to this version: run `prefiq migrate`');
      return 1;
    }
    // entries committed but not sealed yet (a node stopped before sealing them) join their chains
    // first, as a running node would seal them; where sealing is not allowed, they are counted.
    // Entries that failed before are tried again now, not after their backoff: after a fix, this
    // run is the operator's retry
    try {
      const sealed = await sealAuditLog(database, {
        tenantId: tenant,
        maxBatches: Number.POSITIVE_INFINITY,
        retryStuck: true,
      });
      if (sealed > 0)
        out.info(`sealed ${sealed} pending entr${sealed === 1 ? 'y' : 'ies'} into their chains`);
    } catch (error) {
      out.info(`pending entries not sealed: ${(error as Error).message}`);
    }
    const result = await verifyAuditChain(database.db, tenant);
    if (result.tenants.length === 0)
      out.info(tenant === undefined ? 'no audit rows' : `no audit rows of tenant ${tenant}`);
    for (const report of result.tenants) {
      if (report.problem === undefined) {
        const head = report.head === undefined ? 'empty' : `head ${report.head.seq} ${report.head.hash}`;
        const waiting = report.pending > 0 ? `, ${report.pending} pending (not sealed, not checked)` : '';
        out.info(`✓ ${report.tenantId}: ${report.rows} rows intact, ${head}${waiting}`);
      } else {
        const { seq, kind, message } = report.problem;
        out.error(
          `✗ ${report.tenantId}: row ${seq} ${kind}: ${message} (${report.rows} rows intact before it)`,
        );
      }
    }
    const stuck = await stuckAuditChains(database.db, tenant);
    for (const chain of stuck) {
      const attempts = `${chain.attempts} attempt${chain.attempts === 1 ? '' : 's'}`;
      const waiting = `${chain.waiting} entr${chain.waiting === 1 ? 'y waits' : 'ies wait'}`;
      out.error(
        `✗ ${chain.tenantId}: pending entry ${chain.pendingId} cannot be sealed (since ${chain.since}, ${attempts}): ${chain.error}; ${waiting}`,
      );
    }
    if (stuck.length > 0) {
      out.info(
        'a chain that cannot seal waits at that entry: fix the cause and run this again, or set the entry aside (docs/runbooks/operating-a-node.md)',
      );
    }
    return result.ok && stuck.length === 0 ? 0 : 1;
  } catch (error) {
    out.error(`✗ audit verify: ${(error as Error).message}`);
    return 1;
  } finally {
    await database?.close().catch(() => undefined);
  }
}
