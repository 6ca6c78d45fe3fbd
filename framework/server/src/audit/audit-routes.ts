import type { Context } from 'hono';
import type { Database } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from '../http/app-env.js';
import type { OperationHandler, OperationInput } from '../http/operation-handler.js';
import type { HttpPlugin } from '../http/operation-router.js';
import { auditApiName, auditOpenApi } from './audit-openapi.js';
import { type AuditLogQuery, readAuditLog } from './read-audit-log.js';
import { sealAuditLog } from './seal-audit-log.js';
import { stuckAuditChains } from './stuck-audit-chains.js';

export interface AuditHttpPluginOptions {
  database: Database;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The page parameters; the router has checked their types and ranges against the contract. */
function pageOf(query: OperationInput['query']): Pick<AuditLogQuery, 'cursor' | 'pageSize'> {
  return {
    cursor: text(query.cursor),
    pageSize: typeof query.pageSize === 'number' ? query.pageSize : undefined,
  };
}

function logQueryOf(query: OperationInput['query']): AuditLogQuery {
  const from = text(query.from);
  const to = text(query.to);
  if (from !== undefined && to !== undefined && Date.parse(to) < Date.parse(from)) {
    throw new DomainError('INVALID_PARAMETER', 'The time range ends before it starts', {
      issues: [{ path: '/query/to', code: 'range', message: 'must not be before from' }],
    });
  }
  return {
    actor: text(query.actor),
    entity: text(query.entity),
    recordId: text(query.recordId),
    action: Array.isArray(query.action)
      ? query.action.filter((a): a is string => typeof a === 'string')
      : undefined,
    from,
    to,
    ...pageOf(query),
  };
}

/** `sealing` of a page: what of the tenant's log the chain does not hold yet (`AuditSealing`). */
interface AuditSealing {
  pending: number;
  stuck: { since: string; attempts: number; retryAt: string; error: string } | null;
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
  const handlers: Record<string, OperationHandler> = {
    listAuditLog: (c, input) => respond(c, database, logQueryOf(input.query)),
    getAuditRecordHistory: (c, input) =>
      respond(c, database, {
        entity: input.params.entity,
        recordId: input.params.id,
        ...pageOf(input.query),
      }),
  };
  return { name: auditApiName, openapi: auditOpenApi, handlers, builtIn: true };
}
