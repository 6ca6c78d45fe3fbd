import type { RuleContext, ValidatorCache } from '@codexion/schema';
import type { Logger } from 'pino';
import type { AuditActor } from '../audit/audit-entry.js';
import type { Database, Db } from '../data/database.js';
import type { Services } from '../foundation/services.js';
import type { EntityPlan } from './entity-plan.js';
import type { ListLimits } from './parse-list-query.js';
import type { ResourceHooks } from './resource-hooks.js';

/** Who acts, for which tenant, in which request: what every engine call needs. */
export interface ResourceContext {
  tenantId: string;
  userId?: string | undefined;
  /** who the audit log names; the user (`userId`), else the system, unless given (an API key) */
  actor?: AuditActor | undefined;
  requestId: string;
  logger: Logger;
  /** granted permissions (`'*'` all): checked by workflow transitions that name one */
  permissions?: ReadonlySet<string>;
  /**
   * the user's roles in the tenant: record policies naming them narrow what they read and write;
   * absent for system work, which no policy narrows
   */
  roles?: readonly string[] | undefined;
  /**
   * the transaction of the caller (an action, a hook): reads and writes join it instead of opening
   * their own, so a multi-step action commits or rolls back as one
   */
  tx?: Db;
  /**
   * server code acts (an action through `resources()`), not a client's body: it may write the
   * fields the contract marks `readOnly` for clients (a board rank the move action sets), never
   * the system's fields
   */
  serverWrite?: boolean;
}

/** What the engine's steps share: set up once per app. */
export interface EngineState {
  database: Database;
  /** `<app>`: cursors are signed for `<app>.<entity>` */
  app: string;
  /** the permissions the app's manifest declares: field permissions among them protect fields */
  permissions: readonly string[];
  plans: ReadonlyMap<string, EntityPlan>;
  validators: ValidatorCache;
  hooks: Readonly<Record<string, ResourceHooks>>;
  /** the kernel's services, for hooks (joined to the write's transaction) and actions */
  services: Services;
  cursorSecret: string | Uint8Array;
  limits: Required<ListLimits> & { maxBulk: number };
  /** statements built once and run many times (`get` by id), by key */
  prepared: Map<string, PreparedRead>;
}

/**
 * A select built once (its SQL text and result mapping) and run many times on whichever handle the
 * call has, the pool or a transaction in the tenant: running it only binds the values.
 */
export interface PreparedRead {
  execute(db: Db, values: Record<string, unknown>): Promise<unknown[]>;
}

/** `$user`, `$tenant`, `$now` for rules and guards. */
export function ruleContext(ctx: ResourceContext, previous?: Record<string, unknown>): RuleContext {
  return {
    $user: ctx.userId === undefined ? {} : { id: ctx.userId },
    $tenant: { id: ctx.tenantId },
    $now: new Date().toISOString(),
    ...(previous === undefined ? {} : { $previous: previous }),
  };
}
