import { listAuthProviders, login, verifyMfa as verifyMfaCode } from '@codexion/contracts/auth/client';
import { client as authApi } from '@codexion/contracts/auth/client.gen';
import type { ApiClients } from '../api/create-api-client.js';
import { ProblemError } from '../api/problem-error.js';
import type { SessionUser } from './load-session.js';

/** `POST /api/auth/login` and `/mfa/verify`: signed in, or a second step is needed. */
export type SignInResult =
  | { status: 'signed_in'; user: SessionUser }
  | { status: 'mfa_required'; challengeToken: string; methods: string[] };

/** An OpenID Connect provider the server offers for single sign-on. */
export interface SsoProvider {
  id: string;
  name: string;
}

/** `GET /api/auth/providers`: how one may sign in. */
export interface SignInOptions {
  password: boolean;
  providers: SsoProvider[];
}

/** The second sign-in step: a code from the authenticator app, or one of the recovery codes. */
export type MfaProof = { code: string } | { recoveryCode: string };

/**
 * Signs in with email and password (`POST /api/auth/login`), optionally in a given tenant.
 *
 * @throws {ProblemError} 401 wrong credentials, 429 locked (`problem.retryAfter`), 422 bad fields
 * @example
 * const result = await signIn(clientFor, { email, password });
 * if (result.status === 'mfa_required') askForCode(result.challengeToken);
 */
export async function signIn(
  clientFor: ApiClients,
  body: { email: string; password: string; tenantId?: string },
): Promise<SignInResult> {
  const { data } = await login({ client: clientFor(authApi), body, throwOnError: true });
  return data;
}

/**
 * The second sign-in step (`POST /api/auth/mfa/verify`).
 *
 * @throws {ProblemError} 401 wrong or expired code, 429 locked
 * @example
 * await verifyMfa(clientFor, challengeToken, { code: '123456' });
 */
export async function verifyMfa(
  clientFor: ApiClients,
  challengeToken: string,
  proof: MfaProof,
): Promise<SignInResult> {
  const { data } = await verifyMfaCode({
    client: clientFor(authApi),
    body: { challengeToken, ...proof },
    throwOnError: true,
  });
  return data;
}

/**
 * The sign-in options (`GET /api/auth/providers`); a password form only when the server predates
 * the endpoint or cannot answer.
 *
 * @example
 * const { providers } = await signInOptions(clientFor); // [{ id: 'google', name: 'Google' }]
 */
export async function signInOptions(clientFor: ApiClients): Promise<SignInOptions> {
  try {
    const { data } = (await listAuthProviders({ client: clientFor(authApi), throwOnError: true })) as {
      data: Partial<SignInOptions>;
    };
    return {
      password: data.password !== false,
      providers: Array.isArray(data.providers)
        ? data.providers.filter(
            (provider): provider is SsoProvider =>
              typeof provider?.id === 'string' && typeof provider.name === 'string',
          )
        : [],
    };
  } catch (error) {
    if (error instanceof ProblemError) return { password: true, providers: [] };
    throw error;
  }
}

/**
 * Where a single sign-on button leads: the provider's start, coming back to `returnTo`.
 *
 * @example
 * ssoStartUrl('google', '/crm/deals') // '/api/auth/oidc/google/start?returnTo=%2Fcrm%2Fdeals'
 */
export function ssoStartUrl(providerId: string, returnTo: string): string {
  // a navigation, not a call: the SDK's `startOidc` would fetch the redirect instead of following
  // it, so the URL is built by the auth API's generated client from the operation's template
  return authApi.buildUrl({
    url: '/oidc/{provider}/start',
    path: { provider: providerId },
    query: { returnTo },
  });
}

/**
 * A path of this site to go to after signing in: `/` for anything else (an absolute URL, `//host`,
 * a page before the shell: the sign-in page itself, an invitation link), so a crafted link cannot
 * send the user elsewhere.
 *
 * @example
 * safeReturnTo('/crm/deals?x=1') // '/crm/deals?x=1'
 * safeReturnTo('//evil.example') // '/'
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/invite/')) return '/';
  return value;
}
