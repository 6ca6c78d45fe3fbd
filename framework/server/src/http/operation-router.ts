import type { OpenApiDocument, OpenApiOperation } from '@codexion/schema';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';
import type { OperationHandler } from './operation-handler.js';
import { OpenApiValidators } from './request-validator.js';
import { type TenantResolver, tenantContext, type UserResolver } from './tenant-context.js';

/** One booted app as the HTTP layer sees it. */
export interface HttpPlugin {
  /** the app's name (`manifest.name`): its API lives under `/api/<name>` */
  name: string;
  /** the app's OpenAPI document (`core/generated/openapi.json`) */
  openapi: OpenApiDocument;
  /** by operationId */
  handlers: Readonly<Record<string, OperationHandler>>;
}

/** Finds the permissions of a request (after its tenant and user are known). `'*'` grants all. */
export type PermissionResolver = (c: Context<AppEnv>) => ReadonlySet<string> | Promise<ReadonlySet<string>>;

export interface ContractReport {
  /** operationIds of the document with no handler */
  missing: string[];
  /** handler keys naming no operation of the document */
  extra: string[];
}

/** The handlers do not match the document; the boot stops on it. */
export class ContractMismatchError extends Error {
  readonly code = 'CONTRACT_MISMATCH';
  readonly missing: string[];
  readonly extra: string[];

  constructor(app: string, { missing, extra }: ContractReport) {
    const parts = [
      ...(missing.length > 0 ? [`operations without a handler: ${missing.join(', ')}`] : []),
      ...(extra.length > 0 ? [`handlers without an operation: ${extra.join(', ')}`] : []),
    ];
    super(`App "${app}" does not implement its OpenAPI contract: ${parts.join('; ')}`);
    this.name = 'ContractMismatchError';
    this.missing = missing;
    this.extra = extra;
  }
}

type HttpMethod = keyof OpenApiDocument['paths'][string];
const methods: readonly HttpMethod[] = ['get', 'put', 'post', 'patch', 'delete'];

interface OperationEntry {
  path: string;
  method: HttpMethod;
  operation: OpenApiOperation;
}

function operationsOf(doc: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method];
      if (operation !== undefined) entries.push({ path, method, operation });
    }
  }
  return entries;
}

/**
 * Compares a document's operations with a handler map, both ways.
 *
 * @example
 * verifyContract(doc, { listAccounts, createAccount }); // { missing: ['getAccount', ...], extra: [] }
 */
export function verifyContract(
  doc: OpenApiDocument,
  handlers: Readonly<Record<string, unknown>>,
): ContractReport {
  const operationIds = new Set(operationsOf(doc).map((entry) => entry.operation.operationId));
  const handlerIds = Object.keys(handlers);
  return {
    missing: [...operationIds].filter((id) => !Object.hasOwn(handlers, id)).sort(),
    extra: handlerIds.filter((id) => !operationIds.has(id)).sort(),
  };
}

/**
 * Whether `granted` holds `required`: `*` grants all, `sales:*` every permission of the app,
 * `sales:account:*` every action on accounts.
 *
 * @example
 * hasPermission(new Set(['sales:account:*']), 'sales:account:read'); // true
 */
export function hasPermission(granted: ReadonlySet<string>, required: string): boolean {
  if (granted.has('*') || granted.has(required)) return true;
  const parts = required.split(':');
  for (let i = parts.length - 1; i > 0; i--) if (granted.has(`${parts.slice(0, i).join(':')}:*`)) return true;
  return false;
}

/** `/accounts/{id}` -> `/accounts/:id` */
function honoPath(template: string): string {
  return template.replace(/\{([^{}/]+)\}/g, ':$1');
}

/** Static segments before parameters, so `/accounts/bulk` is not taken for `/accounts/{id}`. */
function routeOrder(a: OperationEntry, b: OperationEntry): number {
  const key = (path: string): string =>
    path
      .split('/')
      .map((segment) => (segment.startsWith('{') ? '\uffff' : segment))
      .join('/');
  return key(a.path) < key(b.path) ? -1 : key(a.path) > key(b.path) ? 1 : 0;
}

export interface OperationRouterOptions {
  tenant: TenantResolver;
  user?: UserResolver;
  /** no permissions by default: a kernel that has no authentication yet grants `'*'` itself */
  permissions?: PermissionResolver;
}

/**
 * A Hono router with the operations of one app, to mount at `/api/<app>`. Each operation: sets
 * its route template, the tenant context, checks `x-codexion-permission` (403), validates path,
 * query, headers and body against the contract, then calls the handler with the parsed input.
 *
 * @throws {ContractMismatchError} when an operation has no handler or a handler no operation
 *
 * @example
 * app.route('/api/sales', createOperationRouter(plugin, { tenant: tenantFromHeader() }));
 */
export function createOperationRouter(
  plugin: HttpPlugin,
  { tenant, user, permissions = () => new Set<string>() }: OperationRouterOptions,
): Hono<AppEnv> {
  const report = verifyContract(plugin.openapi, plugin.handlers);
  if (report.missing.length > 0 || report.extra.length > 0)
    throw new ContractMismatchError(plugin.name, report);

  const router = new Hono<AppEnv>();
  const validators = new OpenApiValidators(plugin.openapi, plugin.name);
  const inTenant = tenantContext({ tenant, ...(user === undefined ? {} : { user }), module: plugin.name });

  for (const { path, method, operation } of operationsOf(plugin.openapi).sort(routeOrder)) {
    const handler = plugin.handlers[operation.operationId];
    if (handler === undefined) continue;
    const template = `/api/${plugin.name}${path}`;
    const validate = validators.forOperation(operation);
    const required = operation['x-codexion-permission'];

    // not async: it only names the route, so it hands on next()'s promise instead of making one
    const named: MiddlewareHandler<AppEnv> = (c, next) => {
      c.set('routeTemplate', template);
      return next();
    };
    // permission check, validation and handler in one step: each step of the chain costs a promise
    router.on(method.toUpperCase(), honoPath(path), named, inTenant, async (c) => {
      const granted = await permissions(c);
      c.set('permissions', granted);
      if (required !== undefined && !hasPermission(granted, required)) {
        throw new DomainError('FORBIDDEN', `This operation needs the permission ${required}`, {
          extensions: { permission: required },
        });
      }
      const input = await validate(c);
      return handler(c, input);
    });
  }
  return router;
}
