import type { OpenApiDocument, OpenApiOperation } from '@codexion/schema';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import { type AppAccess, requireAppEnabled } from './app-access.js';
import type { AppEnv } from './app-env.js';
import { clientIp } from './client-ip.js';
import { type IdempotencyOptions, idempotent, takesIdempotencyKey } from './idempotency.js';
import type { OperationHandler } from './operation-handler.js';
import type { OperationRateLimiter } from './operation-rate-limit.js';
import { rateLimit } from './rate-limit.js';
import { memoryRateLimitStore, type RateLimitRule, type RateLimitStore } from './rate-limit-store.js';
import { OpenApiValidators } from './request-validator.js';
import { carriesStandardHeaders } from './response-headers.js';
import { type TenantResolver, tenantContext, type UserResolver } from './tenant-context.js';

/** One booted app as the HTTP layer sees it. */
export interface HttpPlugin {
  /** the app's name (`manifest.name`): its API lives under `/api/<name>` */
  name: string;
  /** the app's OpenAPI document (`core/generated/openapi.json`) */
  openapi: OpenApiDocument;
  /** by operationId */
  handlers: Readonly<Record<string, OperationHandler>>;
  /** the framework's own API (tenancy, audit): never gated by {@link AppAccess} */
  builtIn?: boolean;
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

/**
 * Whether an operation is callable without credentials: its contract's `security` holds only the
 * empty requirement (`[{}]`, a public action), or nothing (`[]`). Such an operation gets no tenant,
 * no permission check and no app gate.
 *
 * @example
 * isPublicOperation(doc.paths['/quotes/lookup'].get); // true
 */
export function isPublicOperation(operation: OpenApiOperation): boolean {
  return (
    Array.isArray(operation.security) &&
    operation.security.every((requirement) => Object.keys(requirement).length === 0)
  );
}

/** How often one client address may call one public operation. */
export interface PublicRateLimit extends RateLimitRule {
  /** in memory unless given (a shared store for several nodes) */
  store?: RateLimitStore;
}

/** 30 calls a minute per client address and public operation. */
export const defaultPublicRateLimit: RateLimitRule = { limit: 30, windowMs: 60_000 };

export interface OperationRouterOptions {
  tenant: TenantResolver;
  user?: UserResolver;
  /** no permissions by default: a kernel that has no authentication yet grants `'*'` itself */
  permissions?: PermissionResolver;
  /** in front of every operation but the public ones (`createIdentity(...).http.authenticate`) */
  authenticate?: MiddlewareHandler<AppEnv>;
  /** asked after the tenant and before the permission: a disabled app answers 404 APP_DISABLED */
  appAccess?: AppAccess;
  /** public operations, per client address and operation; {@link defaultPublicRateLimit} unless given, `false` for none */
  publicRateLimit?: PublicRateLimit | false;
  /** protected operations, per credential (`operationRateLimiter`, shared by every app's router); none unless given */
  rateLimiter?: OperationRateLimiter;
  /** proxies in front whose `X-Forwarded-For` entries are trusted (`auth.trustProxyHops`), for the client address */
  trustProxyHops?: number;
  /** `Idempotency-Key` on every protected POST and on operations that declare it; none unless given */
  idempotency?: IdempotencyOptions;
}

/**
 * A Hono router with the operations of one app, to mount at `/api/<app>`. Each operation sets its
 * route template and validates path, query, headers and body against the contract before calling
 * its handler. A protected operation first runs `authenticate`, sets the tenant context, asks
 * `appAccess` whether the tenant has the app (404 APP_DISABLED) and checks
 * `x-codexion-permission` (403), after counting the request against its credential's budget
 * (`rateLimiter`: 429 with `Retry-After`, `RateLimit-*` on every answer). A public one
 * (`security: [{}]`) gets none of these: it is rate-limited per client address instead.
 *
 * @throws {ContractMismatchError} when an operation has no handler or a handler no operation
 *
 * @example
 * app.route('/api/sales', createOperationRouter(plugin, { tenant: tenantFromHeader() }));
 */
export function createOperationRouter(
  plugin: HttpPlugin,
  {
    tenant,
    user,
    permissions = () => new Set<string>(),
    authenticate,
    appAccess,
    publicRateLimit = defaultPublicRateLimit,
    rateLimiter,
    trustProxyHops = 0,
    idempotency,
  }: OperationRouterOptions,
): Hono<AppEnv> {
  const report = verifyContract(plugin.openapi, plugin.handlers);
  if (report.missing.length > 0 || report.extra.length > 0)
    throw new ContractMismatchError(plugin.name, report);

  const router = new Hono<AppEnv>();
  const validators = new OpenApiValidators(plugin.openapi, plugin.name);
  const inTenant = tenantContext({ tenant, ...(user === undefined ? {} : { user }), module: plugin.name });
  const authenticated = authenticate === undefined ? [inTenant] : [authenticate, inTenant];
  const limitStore =
    publicRateLimit === false ? undefined : (publicRateLimit.store ?? memoryRateLimitStore());

  for (const { path, method, operation } of operationsOf(plugin.openapi).sort(routeOrder)) {
    const handler = plugin.handlers[operation.operationId];
    if (handler === undefined) continue;
    const template = `/api/${plugin.name}${path}`;
    const validate = validators.forOperation(operation);

    if (isPublicOperation(operation)) {
      const named: MiddlewareHandler<AppEnv> = (c, next) => {
        c.set('routeTemplate', template);
        const ip = clientIp(c, trustProxyHops);
        c.set('clientIp', ip === 'unknown' ? undefined : ip);
        c.set('logger', c.get('logger').child({ module: plugin.name }));
        return next();
      };
      const limited =
        publicRateLimit === false || limitStore === undefined
          ? []
          : [
              rateLimit({
                store: limitStore,
                limit: publicRateLimit.limit,
                windowMs: publicRateLimit.windowMs,
                name: `${plugin.name}.${operation.operationId}`,
                key: (c) =>
                  `public:${plugin.name}:${operation.operationId}:${c.get('clientIp') ?? 'unknown'}`,
              }),
            ];
      router.on(method.toUpperCase(), honoPath(path), named, ...limited, async (c) =>
        handler(c, await validate(c)),
      );
      continue;
    }

    const required = operation['x-codexion-permission'];
    const keyed =
      idempotency !== undefined && takesIdempotencyKey(method, operation) ? idempotency : undefined;
    // not async: it only names the route, so it hands on next()'s promise instead of making one
    const named: MiddlewareHandler<AppEnv> = (c, next) => {
      c.set('routeTemplate', template);
      // a refusal before the count below (authentication, tenant) is counted by countRefusal
      if (rateLimiter !== undefined) c.set('rateLimiter', rateLimiter);
      return next();
    };
    // rate limit, app gate, permission check, validation and handler in one step: each step of the chain costs a promise
    router.on(method.toUpperCase(), honoPath(path), named, ...authenticated, async (c) => {
      // an in-process store answers at once: no promise to wait for
      const counting = rateLimiter?.take(c);
      if (counting !== undefined) await counting;
      if (appAccess !== undefined) await requireAppEnabled(appAccess, c.get('tenantId'), plugin.name);
      const granted = await permissions(c);
      c.set('permissions', granted);
      if (required !== undefined && !hasPermission(granted, required)) {
        throw new DomainError('FORBIDDEN', `This operation needs the permission ${required}`, {
          extensions: { permission: required },
        });
      }
      const input = await validate(c);
      const response = await (keyed === undefined
        ? handler(c, input)
        : idempotent(c, keyed, input.body, async () => handler(c, input)));
      if (rateLimiter === undefined) return response;
      const limitHeaders = c.get('rateLimitHeaders');
      // jsonResponse built it with them already; c.json, c.body and new Response did not
      if (limitHeaders !== undefined && !carriesStandardHeaders(response)) {
        for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
      }
      return response;
    });
  }
  return router;
}
