import { and, eq, sql } from 'drizzle-orm';
import * as client from 'openid-client';
import { DomainError } from '../errors/domain-error.js';
import type { OidcProviderConfig } from '../foundation/auth-config.js';
import type { IdentityContext, RequestMeta } from './identity-context.js';
import { oidcIdentities, oidcStates, users } from './identity-tables.js';
import { hashSecret, safeEqual } from './secret-token.js';
import { type SignedIn, startingTenant, startSession } from './sign-in-service.js';
import { createUser } from './user-service.js';
import { findUserByEmail, findUserById, normalizeEmail, type UserRow } from './user-store.js';

/** How long a browser has between leaving for the provider and coming back. */
export const oidcStateTtlSeconds = 600;

export interface OidcClients {
  /** the provider's configuration (discovered once, again after a failure) */
  provider(name: string): {
    settings: OidcProviderConfig;
    configuration: () => Promise<client.Configuration>;
  };
}

/**
 * Relying-party clients for `auth.oidc.providers`, each configured by discovery
 * (`/.well-known/openid-configuration`) on first use. Plain-http issuers are accepted only
 * outside production (a provider on localhost in development, or in a test).
 *
 * @example
 * const oidc = createOidcClients(settings.auth.oidc.providers, { allowHttp: settings.environment !== 'production' });
 */
export function createOidcClients(
  providers: Readonly<Record<string, OidcProviderConfig>>,
  { allowHttp }: { allowHttp: boolean },
): OidcClients {
  const discovered = new Map<string, Promise<client.Configuration>>();
  return {
    provider(name) {
      const settings = Object.hasOwn(providers, name) ? providers[name] : undefined;
      if (settings === undefined) throw new DomainError('NOT_FOUND', `No single sign-on provider "${name}"`);
      const configuration = () => {
        let pending = discovered.get(name);
        if (pending === undefined) {
          const insecure = settings.issuer.startsWith('http://');
          if (insecure && !allowHttp)
            throw new Error(`OIDC provider ${name}: an http:// issuer is refused here`);
          pending = client.discovery(
            new URL(settings.issuer),
            settings.clientId,
            settings.clientSecret,
            undefined,
            insecure ? { execute: [client.allowInsecureRequests] } : undefined,
          );
          discovered.set(name, pending);
          pending.catch(() => discovered.delete(name));
        }
        return pending;
      };
      return { settings, configuration };
    },
  };
}

/**
 * Starts an authorization code flow with PKCE (S256), `state` and `nonce`: the state row (single
 * use, ten minutes) holds the verifier and nonce; the browser keeps the state in a cookie, so a
 * callback can only finish the flow the same browser started.
 *
 * @example
 * const { url, state } = await startOidc(identity, oidc, 'acme', '/crm');
 */
export async function startOidc(
  ctx: IdentityContext,
  clients: OidcClients,
  name: string,
  returnTo: string,
): Promise<{ url: URL; state: string }> {
  const { settings, configuration } = clients.provider(name);
  let config: client.Configuration;
  try {
    config = await configuration();
  } catch (error) {
    ctx.logger.error({ err: error, provider: name }, 'OIDC discovery failed');
    throw new DomainError('NOT_READY', `The sign-on provider "${name}" cannot be reached`, { status: 502 });
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = ctx.now();
  await ctx.database.transaction(async (tx) => {
    await tx.execute(
      sql`delete from prefiq.oidc_states where expires_at < ${now.toISOString()}::timestamptz`,
    );
    await tx.insert(oidcStates).values({
      stateHash: hashSecret(state),
      provider: name,
      nonce,
      codeVerifier,
      returnTo,
      createdAt: now,
      expiresAt: new Date(now.getTime() + oidcStateTtlSeconds * 1000),
    });
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: settings.scopes.join(' '),
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, state };
}

/**
 * The user an ID token stands for: the one linked to (issuer, sub); else the one whose email the
 * provider says is verified (then linked); else a new one when the provider may create users.
 */
async function linkedUser(
  ctx: IdentityContext,
  settings: OidcProviderConfig,
  issuer: string,
  claims: client.IDToken,
  meta: RequestMeta,
): Promise<UserRow> {
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const verified = claims.email_verified === true && email !== undefined;
  const now = ctx.now();
  const link = async (user: UserRow) =>
    ctx.database.transaction(async (tx) => {
      await tx
        .insert(oidcIdentities)
        .values({
          userId: user.id,
          issuer,
          subject: claims.sub,
          email: email ?? null,
          createdAt: now,
          lastLoginAt: now,
        })
        .onConflictDoNothing();
      if (user.status === 'invited') {
        // the provider vouches for the invited address: the invitation is accepted
        await tx
          .update(users)
          .set({ status: 'active', emailVerifiedAt: user.emailVerifiedAt ?? now, updatedAt: now })
          .where(eq(users.id, user.id));
      }
      await ctx.audit(
        {
          action: 'auth.oidc_linked',
          actorId: user.id,
          subject: { type: 'user', id: user.id },
          ip: meta.ip,
          requestId: meta.requestId,
          details: { issuer },
        },
        tx,
      );
      return (await findUserById(tx, user.id)) ?? user;
    });

  const known = await ctx.database.transaction(async (tx) => {
    const [identity] = await tx
      .select()
      .from(oidcIdentities)
      .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.subject, claims.sub)))
      .limit(1);
    if (identity === undefined)
      return { user: undefined, byEmail: verified ? await findUserByEmail(tx, email) : undefined };
    await tx.update(oidcIdentities).set({ lastLoginAt: now }).where(eq(oidcIdentities.id, identity.id));
    return { user: await findUserById(tx, identity.userId), byEmail: undefined };
  });
  if (known.user !== undefined) return known.user;
  if (known.byEmail !== undefined) return link(known.byEmail);
  if (verified && settings.createUsers) {
    const name = typeof claims.name === 'string' ? claims.name.slice(0, 200) : '';
    return link(
      await createUser(ctx, { email: normalizeEmail(email), name, status: 'active', emailVerified: true }),
    );
  }
  throw new DomainError(
    'FORBIDDEN',
    verified
      ? 'No account matches this sign-in: ask for an invitation'
      : 'The provider did not confirm an email address of an account',
  );
}

/**
 * Finishes the flow at the callback: checks the state against the browser's cookie, uses the
 * state row up, redeems the code (PKCE verifier, state, nonce and the ID token checked by
 * openid-client), links the user and starts a session.
 *
 * @throws {DomainError} CSRF_FAILED (state does not match the browser), UNAUTHENTICATED (the
 *   provider refused, or the response does not verify), FORBIDDEN (no account to link)
 */
export async function finishOidc(
  ctx: IdentityContext,
  clients: OidcClients,
  name: string,
  callback: { search: URLSearchParams; stateCookie: string | undefined },
  meta: RequestMeta,
): Promise<{ signedIn: SignedIn; returnTo: string }> {
  const { settings, configuration } = clients.provider(name);
  const error = callback.search.get('error');
  if (error !== null)
    throw new DomainError('UNAUTHENTICATED', `The sign-on provider refused: ${error.slice(0, 100)}`);
  const state = callback.search.get('state') ?? '';
  if (state === '' || callback.stateCookie === undefined || !safeEqual(state, callback.stateCookie)) {
    throw new DomainError(
      'CSRF_FAILED',
      'Cross-site request refused: this sign-in was not started in this browser',
    );
  }
  const now = ctx.now();
  const [pending] = await ctx.database.transaction((tx) =>
    tx
      .delete(oidcStates)
      .where(eq(oidcStates.stateHash, hashSecret(state)))
      .returning(),
  );
  if (pending === undefined || pending.provider !== name || pending.expiresAt <= now) {
    throw new DomainError(
      'UNAUTHENTICATED',
      'The sign-in took too long or was finished already: start again',
    );
  }
  const config = await configuration();
  const currentUrl = new URL(settings.redirectUri);
  currentUrl.search = callback.search.toString();
  let claims: client.IDToken | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    if (claims !== undefined && claims.email === undefined) {
      // providers may keep scope claims out of the ID token (OIDC Core 5.4): ask userinfo, for
      // the same subject; the ID token's other claims win
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      claims = { ...info, ...claims, email: info.email, email_verified: info.email_verified };
    }
  } catch (failure) {
    ctx.logger.warn({ err: failure, provider: name }, 'OIDC code exchange failed');
    throw new DomainError('UNAUTHENTICATED', 'The sign-on response did not verify: start again');
  }
  if (claims === undefined) throw new DomainError('UNAUTHENTICATED', 'The provider sent no ID token');
  const user = await linkedUser(ctx, settings, config.serverMetadata().issuer, claims, meta);
  if (user.status !== 'active') throw new DomainError('UNAUTHENTICATED', 'This account is disabled');
  const tenant = await startingTenant(ctx, user.id);
  return { signedIn: await startSession(ctx, user, ['oidc'], tenant, meta), returnTo: pending.returnTo };
}
