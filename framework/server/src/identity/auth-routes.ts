import type { AuthContract } from '@codexion/contracts/auth/contract';
import type { OpenApiDocument, OpenApiOperation } from '@codexion/schema';
import { type Context, Hono } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from '../http/app-env.js';
import { clientIp } from '../http/client-ip.js';
import { type ContractHandlers, operationHandlers } from '../http/contract-handlers.js';
import { authOpenApi } from '../http/framework-apis.js';
import { verifyContract } from '../http/operation-router.js';
import { rateLimit } from '../http/rate-limit.js';
import type { RateLimitStore } from '../http/rate-limit-store.js';
import { OpenApiValidators } from '../http/request-validator.js';
import { apiKeyHandlers } from './api-key-routes.js';
import { authProblem } from './auth-problem.js';
import { type AuthRouteDeps, requireUser } from './auth-route-kit.js';
import { apiKeyHeader } from './authenticator.js';
import { checkOrigin } from './csrf-guard.js';
import { unauthenticated } from './identity-errors.js';
import { mfaHandlers } from './mfa-routes.js';
import { oidcHandlers } from './oidc-routes.js';
import type { OidcClients } from './oidc-service.js';
import { passwordHandlers } from './password-routes.js';
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

/**
 * Who may call an operation, read from its `security` in the contract: anyone (an empty
 * requirement among them: sign-in, the key set), a signed-in user (a session or a bearer token
 * only), any credential (an API key too), or whoever a credential only the handler can check names
 * (sign-out also takes the refresh cookie of a session whose session cookie expired).
 *
 * @example
 * callers(authOpenApi.paths['/me']?.get) // 'credential'
 */
export function callers(operation: OpenApiOperation): 'anyone' | 'user' | 'credential' | 'handler' {
  const requirements = operation.security ?? [];
  if (requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) return 'anyone';
  const schemes = new Set(requirements.flatMap((r) => Object.keys(r)));
  if ([...schemes].some((scheme) => !['session', 'bearer', 'apiKey'].includes(scheme))) return 'handler';
  return schemes.has('apiKey') ? 'credential' : 'user';
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
 * `/api/auth/*`: every operation of {@link authOpenApi} (generated from `framework/contracts/auth`,
 * whose types its handlers take), who may call it read from its `security`, its request validated against the
 * document (Ajv; problem+json with field paths), unsafe requests origin-checked, the whole prefix
 * rate-limited per client address (but the JWKS, which verifiers fetch and cache). Answers are
 * `Cache-Control: no-store` like every answer of the HTTP app (`securityHeaders`), but the JWKS.
 *
 * @throws {ContractMismatchError} when an operation has no handler (at boot)
 */
export function authRoutes({ deps, oidc, rateLimitStore }: AuthRoutesOptions): Hono<AppEnv> {
  const { ctx } = deps;
  const typed: ContractHandlers<AuthContract> = {
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
  const handlers = operationHandlers<AuthContract>(typed);
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
    // validation rules (one that also takes a credential only its handler knows, authenticates itself)
    const who = callers(operation);
    const forUsers = who === 'user';
    // one that takes any credential looks it up itself; a request with none at all is refused first
    const forCredentials = who === 'credential';
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
