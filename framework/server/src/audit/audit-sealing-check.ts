import type { Db } from '../data/database.js';
import type { ReadinessCheck } from '../http/health-routes.js';
import { describeStuckAuditChains, stuckAuditChains } from './stuck-audit-chains.js';

/**
 * The readiness check `audit`: fails, but not critically (`/readyz` answers 200 `degraded`), while
 * a chain cannot seal, naming each such tenant, how many entries wait, since when and why. Not
 * critical: the stuck entry is in the database every node shares, so a 503 would take every node
 * out of rotation (every tenant unserved) for one tenant's audit entry, and mend nothing.
 *
 * @example
 * checks.audit = await auditSealingCheck(database.db);
 * // { ok: false, critical: false, detail: '1 audit chain cannot seal: tenant 5a5a…: 2 entries waiting since …' }
 */
export async function auditSealingCheck(db: Db): Promise<ReadinessCheck> {
  try {
    const stuck = await stuckAuditChains(db);
    return stuck.length === 0
      ? { ok: true }
      : { ok: false, critical: false, detail: describeStuckAuditChains(stuck) };
  } catch (error) {
    return {
      ok: false,
      critical: false,
      detail: `the audit chains' sealing state cannot be read: ${(error as Error).message}`,
    };
  }
}
