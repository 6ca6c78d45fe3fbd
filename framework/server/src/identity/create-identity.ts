import type { OpenApiDocument } from '@codexion/schema';
import type { Hono, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { Database } from '../data/database.js';
import { type JoinsTransaction, joinTransaction } from '../data/join-transaction.js';
import { createToken } from '../foundation/container.js';
import type { KernelConfig } from '../foundation/kernel-config.js';
import type { AppEnv } from '../http/app-env.js';
import { authOpenApi } from '../http/framework-apis.js';
import type { PermissionResolver } from '../http/operation-router.js';
import { memoryRateLimitStore, type RateLimitStore } from '../http/rate-limit-store.js';
import type { TenantResolver, UserResolver } from '../http/tenant-context.js';
import { createAccessTokens } from './access-tokens.js';
import { appAuthentication, authenticatedResolvers } from './app-authentication.js';
import { auditLogRecorder } from './auth-audit.js';
import { authCookies } from './auth-cookies.js';
import { authRoutes } from './auth-routes.js';
import { createAuthenticator } from './authenticator.js';
import { createEmailTransport, type EmailTransport } from './email-transport.js';
import type { IdentityContext } from './identity-context.js';
import type { AuthEventRecorder, TenancyPort } from './identity-ports.js';
import { noTenancy } from './identity-ports.js';
import { identitySettings } from './identity-settings.js';
import { createOidcClients } from './oidc-service.js';
import { createPasswordHasher } from './password-hasher.js';
import { createSecretBox } from './secret-box.js';
import { loadSigningKeys } from './signing-keys.js';

export interface IdentityOptions {
  /** the kernel config: `auth.*`, `email.*`, `env`, `http.cors.origins`, `tenancy.*` */
  config: KernelConfig;
  database: Database;
  logger: Logger;
  /** tenancy's access resolver; nobody is a member of anything without it */
  tenancy?: TenancyPort;
  /** the audit log (`auditLogRecorder`) unless given */
  audit?: AuthEventRecorder;
  /** the transport `email.transport` names unless given */
  email?: EmailTransport;
  /** in memory unless given (a shared store for several nodes) */
  rateLimitStore?: RateLimitStore;
  /** the clock; tests move it */
  now?: () => Date;
}

/** Authentication as the HTTP app mounts it. */
export interface HttpAuth {
  /** `/api/auth/*` */
  routes: Hono<AppEnv>;
  /** in front of every app's `/api/<app>/*` */
  authenticate: MiddlewareHandler<AppEnv>;
  /** the operation router's resolvers, reading what `authenticate` set */
  resolvers: { tenant: TenantResolver; user: UserResolver; permissions: PermissionResolver };
  /** the document of `/api/auth/*` (paths relative to it) */
  openapi: OpenApiDocument;
}

/** The kernel's identity, for providers and plugins (`createUser(container.resolve(IdentityToken).context, …)`). */
export const IdentityToken = createToken<Identity>('prefiq.identity');

/**
 * The kernel's identity. `inTransaction(ctx)` is the same identity inside an action's transaction:
 * the user writes of its context (`createUser(identity.context, …)`) and their audit entries
 * commit or roll back with it; `ctx.services.get(IdentityToken)` hands that one out.
 */
export interface Identity extends JoinsTransaction<Identity> {
  /** what the identity services take (`createUser(identity.context, …)`) */
  context: IdentityContext;
  http: HttpAuth;
  close(): void;
}

/**
 * Authentication for the kernel: settings checked (a `ConfigError` for unsafe ones), signing keys
 * loaded, password hashing, TOTP encryption, email, OIDC clients, the `/api/auth/*` routes and the
 * middleware that authenticates every app request.
 *
 * @throws {ConfigError} for unsafe or missing settings (see `identitySettings`) and unusable keys
 *
 * @example
 * const identity = createIdentity({ config, database, logger, tenancy });
 * const app = createHttpApp({ ..., ...identity.http.resolvers, auth: identity.http });
 */
export function createIdentity({
  config,
  database,
  logger,
  tenancy = noTenancy,
  audit,
  email,
  rateLimitStore = memoryRateLimitStore(),
  now = () => new Date(),
}: IdentityOptions): Identity {
  const settings = identitySettings(config);
  const keys = loadSigningKeys(settings.auth.jwt.keys, settings.auth.jwt.activeKid);
  const log = logger.child({ module: 'identity' });
  if (keys.ephemeral && settings.environment === 'development') {
    log.warn(
      'auth.jwt.keys is empty: access tokens are signed with a key made at boot and die with this process',
    );
  }
  if (settings.environment === 'production' && settings.email.transport === 'dev') {
    log.warn('email.transport is dev: password reset and verification emails are not sent');
  }
  const mail =
    email ?? createEmailTransport(settings.email, log, { showBodies: settings.environment !== 'production' });
  const context: IdentityContext = {
    database,
    settings,
    logger: log,
    hasher: createPasswordHasher(settings.argon2),
    keys,
    tokens: createAccessTokens({
      keys,
      issuer: settings.auth.jwt.issuer,
      audience: settings.auth.jwt.audience,
      ttl: settings.auth.jwt.ttl,
    }),
    box: createSecretBox(settings.mfaKey),
    email: mail,
    tenancy,
    audit: audit ?? auditLogRecorder(database),
    limits: rateLimitStore,
    now,
  };
  const cookies = authCookies(settings.auth.cookie);
  const authenticator = createAuthenticator(context, cookies);
  const oidc = createOidcClients(settings.auth.oidc.providers, {
    allowHttp: settings.environment !== 'production',
  });
  const identity: Identity = {
    context,
    inTransaction: (scope) => {
      // identity's tables are the platform's: its work runs as the connecting role, as in its own transactions
      const joined = joinTransaction(database, scope, { asConnectingRole: true });
      return {
        ...identity,
        context: {
          ...context,
          database: joined,
          // an entry may go to another tenant's chain (the platform's): as identity's own would
          audit: (event, tx) =>
            tx === undefined
              ? joined.transaction((own) => context.audit(event, own))
              : context.audit(event, tx),
        },
      };
    },
    http: {
      routes: authRoutes({ deps: { ctx: context, cookies, authenticator }, oidc, rateLimitStore }),
      authenticate: appAuthentication(context, authenticator),
      resolvers: authenticatedResolvers,
      openapi: authOpenApi,
    },
    close: () => mail.close?.(),
  };
  return identity;
}
