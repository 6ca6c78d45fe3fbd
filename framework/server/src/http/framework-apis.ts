import auditDocument from '@codexion/contracts/audit/openapi.json' with { type: 'json' };
import authDocument from '@codexion/contracts/auth/openapi.json' with { type: 'json' };
import eventsDocument from '@codexion/contracts/events/openapi.json' with { type: 'json' };
import jobsDocument from '@codexion/contracts/jobs/openapi.json' with { type: 'json' };
import tenancyDocument from '@codexion/contracts/tenancy/openapi.json' with { type: 'json' };
import webhooksDocument from '@codexion/contracts/webhooks/openapi.json' with { type: 'json' };
import type { OpenApiDocument } from '@codexion/schema';

const sections = ['schemas', 'responses', 'parameters', 'headers', 'securitySchemes'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A generated document, checked to have the shape the routers read: OpenAPI 3.1 with paths and
 * every component section. What it says in them was checked when codegen made it.
 *
 * @throws {Error} naming the API when the file is not such a document (edited by hand, or stale)
 */
function generatedDocument(name: string, value: unknown): OpenApiDocument {
  const components = isObject(value) ? value.components : undefined;
  if (
    !isObject(value) ||
    value.openapi !== '3.1.0' ||
    !isObject(value.paths) ||
    !isObject(components) ||
    !sections.every((section) => isObject(components[section]))
  ) {
    throw new Error(
      `framework/contracts/${name}/generated/openapi.json is not an OpenAPI 3.1 document: run \`prefiq codegen --framework\``,
    );
  }
  return value as unknown as OpenApiDocument;
}

/**
 * The framework's own APIs by the name they are mounted under (`/api/<name>`), each its OpenAPI
 * document as `prefiq codegen` made it from its contract in `framework/contracts/<name>/`. Their
 * routes validate requests against these, the permission catalogue reads their
 * `x-codexion-permission`s, and `/api/openapi.json` merges them with the apps'.
 *
 * @example
 * frameworkApis.tenancy.paths['/roles']?.post?.operationId // 'createRole'
 */
export const frameworkApis = {
  auth: generatedDocument('auth', authDocument),
  tenancy: generatedDocument('tenancy', tenancyDocument),
  audit: generatedDocument('audit', auditDocument),
  events: generatedDocument('events', eventsDocument),
  jobs: generatedDocument('jobs', jobsDocument),
  webhooks: generatedDocument('webhooks', webhooksDocument),
} as const satisfies Record<string, OpenApiDocument>;

/** The name of one of the framework's own APIs: `auth`, `tenancy`, `audit`, `events`, `jobs` or `webhooks`. */
export type FrameworkApiName = keyof typeof frameworkApis;

/** `/api/auth/*`: sign-in, sessions, passwords, MFA, API keys, single sign-on, the key set. */
export const authOpenApi: OpenApiDocument = frameworkApis.auth;

/** `/api/tenancy/*`: the caller's tenant, its members and roles, the permission catalogue. */
export const tenancyOpenApi: OpenApiDocument = frameworkApis.tenancy;

/** `/api/audit/*`: the tenant's audit log and the history of its records. */
export const auditOpenApi: OpenApiDocument = frameworkApis.audit;

/** `/api/events/*`: the tenant's dead letters, to retry or discard. */
export const eventsOpenApi: OpenApiDocument = frameworkApis.events;

/** Where the tenant administration API is mounted: `/api/<name>`. */
export const tenancyApiName = 'tenancy' satisfies FrameworkApiName;

/** Where the audit API is mounted: `/api/<name>`. */
export const auditApiName = 'audit' satisfies FrameworkApiName;

/** Where the events API (dead letters) is mounted: `/api/<name>`. */
export const eventsApiName = 'events' satisfies FrameworkApiName;

/** `/api/jobs/*`: the job queues, their jobs and the schedules. */
export const jobsOpenApi: OpenApiDocument = frameworkApis.jobs;

export const jobsApiName = 'jobs' satisfies FrameworkApiName;

/** `/api/webhooks/*`: the tenant's webhook endpoints and their deliveries. */
export const webhooksOpenApi: OpenApiDocument = frameworkApis.webhooks;

export const webhooksApiName = 'webhooks' satisfies FrameworkApiName;
