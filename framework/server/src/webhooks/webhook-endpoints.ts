import type { WebhookEndpoint, WebhookEndpointSecret } from '@codexion/contracts/webhooks/types';
import type { ValidationIssue } from '@codexion/schema';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestActor } from '../audit/request-actor.js';
import type { Database, Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { validationFailed } from '../errors/domain-error.js';
import { storedJson } from '../events/event-envelope.js';
import type { SecretBox } from '../identity/secret-box.js';
import { newWebhookSecret } from './webhook-secret.js';
import { webhookUrlIssue } from './webhook-url.js';

/** What the endpoint service needs besides the database. */
export interface WebhookEndpointRules {
  box: SecretBox;
  /** what `eventTypes` may hold (see `webhookEventCatalogue`) */
  catalogue: readonly string[];
  production: boolean;
}

/** The fields a client sets; all of them on create (but `description`, `enabled`), any on update. */
export interface WebhookEndpointInput {
  url?: string;
  description?: string | null;
  eventTypes?: string[];
  enabled?: boolean;
}

type EndpointRow = {
  id: string;
  url: string;
  description: string | null;
  event_types: unknown;
  enabled: boolean;
  created_at: string | Date;
  updated_at: string | Date;
};

// `text[]` comes back as an array from PGlite but as its literal from postgres.js: jsonb is parsed by both
const columns = sql`id, url, description, to_jsonb(event_types) as event_types, enabled, created_at, updated_at`;

/** The strings of a stored JSON array (the column's own values, checked rather than cast). */
function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function endpointOf(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: stringList(storedJson(row.event_types)),
    enabled: row.enabled,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** A JSON list as a `text[]` parameter (drizzle would spread a JS array into a value list). */
const textList = (values: readonly string[]) =>
  sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/**
 * The issues of an endpoint's fields: the URL (scheme, credentials, https and no private hosts in
 * production) and each event type (declared by an installed app, or its wildcard).
 *
 * @throws {DomainError} VALIDATION_FAILED (422) with one issue per bad field, `/body/url` or `/body/eventTypes/<i>` (as the router names body fields)
 * @example
 * checkEndpointInput({ url: 'ftp://x' }, rules); // throws, issue at /body/url
 */
export function checkEndpointInput(input: WebhookEndpointInput, rules: WebhookEndpointRules): void {
  const issues: ValidationIssue[] = [];
  if (input.url !== undefined) {
    const reason = webhookUrlIssue(input.url, rules);
    if (reason !== undefined) issues.push({ path: '/body/url', code: 'url', message: `The URL ${reason}` });
  }
  const known = new Set(rules.catalogue);
  input.eventTypes?.forEach((type, i) => {
    if (!known.has(type)) {
      issues.push({
        path: `/body/eventTypes/${i}`,
        code: 'enum',
        message: `${type} is no event of an installed app (nor an app's wildcard such as crm.*)`,
      });
    }
  });
  if (issues.length > 0) throw validationFailed(issues);
}

function audit(tx: Db, who: RequestActor, action: string, id: string, metadata: Record<string, unknown>) {
  return recordAudit(tx, {
    tenantId: who.tenantId,
    actor: who.actor,
    action,
    entity: 'prefiq.webhook_endpoint',
    recordId: id,
    requestId: who.requestId,
    metadata,
  });
}

/**
 * The tenant's endpoints, oldest first.
 *
 * @example
 * const endpoints = await listWebhookEndpoints(database, tenantId);
 */
export async function listWebhookEndpoints(database: Database, tenantId: string): Promise<WebhookEndpoint[]> {
  const rows = await database.transaction(
    (tx) =>
      executeRows<EndpointRow>(
        tx,
        sql`select ${columns} from prefiq.webhook_endpoints where tenant_id = ${tenantId} order by created_at, id`,
      ),
    { tenantId },
  );
  return rows.map(endpointOf);
}

/**
 * One of the tenant's endpoints, or `undefined` when it has none with that id.
 *
 * @example
 * if ((await findWebhookEndpoint(database, tenantId, id)) === undefined) throw notFound(id);
 */
export async function findWebhookEndpoint(
  database: Database,
  tenantId: string,
  id: string,
): Promise<WebhookEndpoint | undefined> {
  const [row] = await database.transaction(
    (tx) =>
      executeRows<EndpointRow>(
        tx,
        sql`select ${columns} from prefiq.webhook_endpoints where tenant_id = ${tenantId} and id = ${id}`,
      ),
    { tenantId },
  );
  return row === undefined ? undefined : endpointOf(row);
}

/**
 * Creates an endpoint with a new signing secret (sealed at rest), audited as
 * `webhooks.endpoint_created`; the answer is the only place the secret is ever shown.
 *
 * @throws {DomainError} VALIDATION_FAILED for a bad URL or an unknown event type
 * @example
 * const { endpoint, secret } = await createWebhookEndpoint(database, who, rules, { url, eventTypes: ['crm.*'] });
 */
export async function createWebhookEndpoint(
  database: Database,
  who: RequestActor,
  rules: WebhookEndpointRules,
  input: Required<Pick<WebhookEndpointInput, 'url' | 'eventTypes'>> & WebhookEndpointInput,
): Promise<WebhookEndpointSecret> {
  checkEndpointInput(input, rules);
  const id = uuidv7();
  const secret = newWebhookSecret();
  const [row] = await database.transaction(
    async (tx) => {
      const rows = await executeRows<EndpointRow>(
        tx,
        sql`insert into prefiq.webhook_endpoints (id, tenant_id, url, description, event_types, enabled, secret_sealed)
            values (${id}, ${who.tenantId}, ${input.url}, ${input.description ?? null}, ${textList(input.eventTypes)},
                    ${input.enabled ?? true}, ${rules.box.seal(secret, id)})
            returning ${columns}`,
      );
      await audit(tx, who, 'webhooks.endpoint_created', id, { url: input.url, eventTypes: input.eventTypes });
      return rows;
    },
    { tenantId: who.tenantId },
  );
  if (row === undefined) throw new Error('the endpoint was not inserted');
  return { endpoint: endpointOf(row), secret };
}

/**
 * Changes the fields given, audited as `webhooks.endpoint_updated`; `undefined` when the tenant has
 * no such endpoint.
 *
 * @throws {DomainError} VALIDATION_FAILED for a bad URL or an unknown event type
 * @example
 * await updateWebhookEndpoint(database, who, rules, id, { enabled: false });
 */
export async function updateWebhookEndpoint(
  database: Database,
  who: RequestActor,
  rules: WebhookEndpointRules,
  id: string,
  input: WebhookEndpointInput,
): Promise<WebhookEndpoint | undefined> {
  checkEndpointInput(input, rules);
  const [row] = await database.transaction(
    async (tx) => {
      const rows = await executeRows<EndpointRow>(
        tx,
        sql`update prefiq.webhook_endpoints set
              url = coalesce(${input.url ?? null}, url),
              description = ${input.description === undefined ? sql`description` : sql`${input.description}`},
              event_types = ${input.eventTypes === undefined ? sql`event_types` : textList(input.eventTypes)},
              enabled = coalesce(${input.enabled ?? null}::boolean, enabled),
              updated_at = now()
            where id = ${id} and tenant_id = ${who.tenantId}
            returning ${columns}`,
      );
      if (rows.length > 0)
        await audit(tx, who, 'webhooks.endpoint_updated', id, { changed: Object.keys(input) });
      return rows;
    },
    { tenantId: who.tenantId },
  );
  return row === undefined ? undefined : endpointOf(row);
}

/**
 * Deletes an endpoint and its delivery log, audited as `webhooks.endpoint_deleted`; false when the
 * tenant has no such endpoint.
 *
 * @example
 * await deleteWebhookEndpoint(database, who, id);
 */
export async function deleteWebhookEndpoint(
  database: Database,
  who: RequestActor,
  id: string,
): Promise<boolean> {
  return database.transaction(
    async (tx) => {
      const rows = await executeRows<{ url: string }>(
        tx,
        sql`delete from prefiq.webhook_endpoints where id = ${id} and tenant_id = ${who.tenantId} returning url`,
      );
      const [row] = rows;
      if (row === undefined) return false;
      await audit(tx, who, 'webhooks.endpoint_deleted', id, { url: row.url });
      return true;
    },
    { tenantId: who.tenantId },
  );
}

/**
 * Gives an endpoint a new signing secret (the old one signs nothing more), audited as
 * `webhooks.secret_rotated`; `undefined` when the tenant has no such endpoint.
 *
 * @example
 * const { secret } = (await rotateWebhookSecret(database, who, box, id)) ?? notFound();
 */
export async function rotateWebhookSecret(
  database: Database,
  who: RequestActor,
  box: SecretBox,
  id: string,
): Promise<WebhookEndpointSecret | undefined> {
  const secret = newWebhookSecret();
  const [row] = await database.transaction(
    async (tx) => {
      const rows = await executeRows<EndpointRow>(
        tx,
        sql`update prefiq.webhook_endpoints set secret_sealed = ${box.seal(secret, id)}, updated_at = now()
             where id = ${id} and tenant_id = ${who.tenantId} returning ${columns}`,
      );
      if (rows.length > 0) await audit(tx, who, 'webhooks.secret_rotated', id, {});
      return rows;
    },
    { tenantId: who.tenantId },
  );
  return row === undefined ? undefined : { endpoint: endpointOf(row), secret };
}
