import type { AuditContract } from '@codexion/contracts/audit/contract';
import type { AuditLogPage } from '@codexion/contracts/audit/types';
import type { Context } from 'hono';
import type { Database } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from '../http/app-env.js';
import { type ContractHandlers, operationHandlers } from '../http/contract-handlers.js';
import { auditApiName, auditOpenApi } from '../http/framework-apis.js';
import type { HttpPlugin } from '../http/operation-router.js';
import { type AuditLogQuery, readAuditLog } from './read-audit-log.js';
import { sealAuditLog } from './seal-audit-log.js';
import { stuckAuditChains } from './stuck-audit-chains.js';

export interface AuditHttpPluginOptions {
  database: Database;
}

type LogQuery = NonNullable<AuditContract['actions']['listAuditLog']['query']>;
type AuditSealing = AuditLogPage['sealing'];

/** The page parameters, as the router checked them against the contract. */
function pageOf({
  cursor,
  pageSize,
}: Pick<LogQuery, 'cursor' | 'pageSize'>): Pick<AuditLogQuery, 'cursor' | 'pageSize'> {
  return { cursor, pageSize };
}

function logQueryOf(query: LogQuery): AuditLogQuery {
  const { from, to } = query;
  if (from !== undefined && to !== undefined && Date.parse(to) < Date.parse(from)) {
    throw new DomainError('INVALID_PARAMETER', 'The time range ends before it starts', {
      issues: [{ path: '/query/to', code: 'range', message: 'must not be before from' }],
    });
  }
  return {
    actor: query.actor,
    entity: query.entity,
    recordId: query.recordId,
    action: query.action,
    from,
    to,
    ...pageOf(query),
  };
}

/** Read as the tables' owner: the tenant's role may not read waiting entries. */
async function sealingOf(database: Database, tenantId: string): Promise<AuditSealing> {
  const [pending] = await database.execute<{ n: string }>(
    'select count(*)::text as n from prefiq.audit_pending where tenant_id = $1::uuid',
    [tenantId],
  );
  const [stuck] = await stuckAuditChains(database.db, tenantId);
  return {
    pending: Number(pending?.n ?? 0),
    stuck:
      stuck === undefined
        ? null
        : { since: stuck.since, attempts: stuck.attempts, retryAt: stuck.retryAt, error: stuck.error },
  };
}

/**
 * Reads the tenant's log in a transaction bound to the tenant, which row-level security checks,
 * once its entries committed so far are sealed into the chain (normally they already are). What
 * is sealed is read even when the rest cannot be: `sealing` says what waits, and why.
 */
async function respond(c: Context<AppEnv>, database: Database, query: AuditLogQuery): Promise<Response> {
  const tenantId = c.get('tenantId');
  try {
    try {
      await sealAuditLog(database, { tenantId });
    } catch (error) {
      // the sealing pass failed (the database): its entries wait for the next one, which
      // `sealing` shows; reading what is sealed does not depend on it
      c.get('logger').warn({ err: error }, 'audit sealing before a read failed');
    }
    const page = await database.transaction((tx) => readAuditLog(tx, tenantId, query), { tenantId });
    return c.json({ ...page, sealing: await sealingOf(database, tenantId) });
  } catch (error) {
    // the query names the cursor `/cursor`; over HTTP it is a query parameter
    if (error instanceof DomainError && error.code === 'INVALID_CURSOR') {
      throw new DomainError(error.code, error.message, {
        issues: error.issues.map((issue) => ({ ...issue, path: `/query${issue.path}` })),
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * The audit API as one more app for the HTTP layer: `GET /api/audit/log` (the tenant's log,
 * filtered, keyset-paged) and `GET /api/audit/records/{entity}/{id}/history`, both needing
 * `prefiq:audit:read`, validated against {@link auditOpenApi}, errors as problem+json.
 *
 * @example
 * createHttpApp({ plugins: [auditHttpPlugin({ database }), ...apps], ... });
 */
export function auditHttpPlugin({ database }: AuditHttpPluginOptions): HttpPlugin {
  const handlers: ContractHandlers<AuditContract> = {
    listAuditLog: (c, { query }) => respond(c, database, logQueryOf(query)),
    getAuditRecordHistory: (c, { params, query }) =>
      respond(c, database, { entity: params.entity, recordId: params.id, ...pageOf(query) }),
  };
  return {
    name: auditApiName,
    openapi: auditOpenApi,
    handlers: operationHandlers<AuditContract>(handlers),
    builtIn: true,
  };
}
