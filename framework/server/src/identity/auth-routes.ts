import type { OpenApiDocument, OpenApiOperation } from '@codexion/schema';
import { type Context, Hono } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from '../http/app-env.js';
import { verifyContract } from '../http/operation-router.js';
import { OpenApiValidators } from '../http/request-validator.js';
import { apiKeyHandlers } from './api-key-routes.js';
import { authCredentialOperations, authOpenApi, authUserOperations } from './auth-openapi.js';
import { authProblem } from './auth-problem.js';
import { type AuthHandler, type AuthRouteDeps, requireUser } from './auth-route-kit.js';
import { apiKeyHeader } from './authenticator.js';
import { clientIp } from './client-ip.js';
import { checkOrigin } from './csrf-guard.js';
import { unauthenticated } from './identity-errors.js';
import { mfaHandlers } from './mfa-routes.js';
import { oidcHandlers } from './oidc-routes.js';
import type { OidcClients } from './oidc-service.js';
import { passwordHandlers } from './password-routes.js';
import { rateLimit } from './rate-limit.js';
import type { RateLimitStore } from './rate-limit-store.js';
import { sessionHandlers } from './session-routes.js';

/** Where the auth routes live. */
export const authBasePath = '/api/auth';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

function operations(doc: OpenApiDocument): { path: string; method: Method; operation: OpenApiOperation }[] {
  const list: { path: string; method: Method; operation: OpenApiOperation }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (operation !== undefined) list.push({ path, method, operation });
    }
  }
  return list;
}

/** Whether the request names any credential: a bearer token, an API key or a session cookie. */
function carriesCredential({ cookies }: AuthRouteDeps, c: Context<AppEnv>): boolean {
  return (
    c.req.header('authorization') !== undefined ||
    c.req.header(apiKeyHeader) !== undefined ||
    cookies.read(c, 'session') !== undefined ||
    cookies.read(c, 'refresh') !== undefined
  );
}

export interface AuthRoutesOptions {
  deps: AuthRouteDeps;
  oidc: OidcClients;
  rateLimitStore: RateLimitStore;
}

/**
 * `/api/auth/*`: every operation of {@link authOpenApi}, its request validated against the
 * document (Ajv; problem+json with field paths), unsafe requests origin-checked, the whole prefix
 * rate-limited per client address (but the JWKS, which verifiers fetch and cache). Answers are
 * `Cache-Control: no-store` like every answer of the HTTP app (`securityHeaders`), but the JWKS.
 *
 * @throws {ContractMismatchError} when an operation has no handler (at boot)
 */
export function authRoutes({ deps, oidc, rateLimitStore }: AuthRoutesOptions): Hono<AppEnv> {
  const { ctx } = deps;
  const handlers: Record<string, AuthHandler> = {
    ...sessionHandlers(deps),
    ...passwordHandlers(deps),
    ...mfaHandlers(deps),
    ...apiKeyHandlers(deps),
    ...oidcHandlers(deps, oidc),
    async getJwks(c) {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(ctx.keys.jwks);
    },
  };
  const report = verifyContract(authOpenApi, handlers);
  if (report.missing.length > 0 || report.extra.length > 0) {
    throw new Error(`auth routes do not match their document: ${JSON.stringify(report)}`);
  }

  const router = new Hono<AppEnv>();
  const { rateLimit: limits, trustProxyHops } = ctx.settings.auth;
  if (limits.enabled) {
    const limiter = rateLimit({
      store: rateLimitStore,
      limit: limits.limit,
      windowMs: limits.windowMs,
      key: (c) => `auth:${clientIp(c, trustProxyHops)}`,
    });
    // the key set is what token verifiers poll: counted apart, so polling never costs a sign-in
    const keySetLimiter = rateLimit({
      store: rateLimitStore,
      limit: limits.limit,
      windowMs: limits.windowMs,
      name: 'auth-keys',
      key: (c) => `auth-keys:${clientIp(c, trustProxyHops)}`,
    });
    router.use(`${authBasePath}/*`, async (c, next) =>
      c.req.path === `${authBasePath}/.well-known/jwks.json` ? keySetLimiter(c, next) : limiter(c, next),
    );
  }

  const validators = new OpenApiValidators(authOpenApi, 'auth');
  for (const { path, method, operation } of operations(authOpenApi)) {
    const handler = handlers[operation.operationId];
    if (handler === undefined) continue;
    const template = `${authBasePath}${path}`;
    const validate = validators.forOperation(operation);
    // a user's operation checks who asks before what they sent: a stranger learns nothing of the
    // validation rules (logout also ends a session through its refresh cookie, so it authenticates itself)
    const forUsers = authUserOperations.has(operation.operationId) && operation.operationId !== 'logout';
    // one that takes any credential looks it up itself; a request with none at all is refused first
    const forCredentials = authCredentialOperations.has(operation.operationId);
    router.on(method.toUpperCase(), template.replace(/\{([^{}/]+)\}/g, ':$1'), async (c) => {
      c.set('routeTemplate', template);
      try {
        checkOrigin(c, ctx.settings.trustedOrigins);
        if (forUsers) await requireUser(deps, c);
        else if (forCredentials && !carriesCredential(deps, c)) throw unauthenticated();
        const input = await validate(c);
        return await handler(c, input);
      } catch (error) {
        if (error instanceof DomainError) return authProblem(c, error);
        throw error;
      }
    });
  }
  return router;
}
