import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { ssoAccount } from './cortex-sso.js';

export interface TestIdp {
  /** `http://127.0.0.1:<port>`: discovery at `/.well-known/openid-configuration` */
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider with its development login and consent pages, which take
 * any password) on a free port, with one client whose redirect URI is `redirectUri`: what a
 * company's identity provider is to Cortex, as the framework's own SSO test runs it.
 *
 * @example
 * const idp = await startTestIdp({ redirectUri: 'http://127.0.0.1:4000/api/auth/oidc/test-idp/callback' });
 * await idp.close();
 */
export async function startTestIdp({ redirectUri }: { redirectUri: string }): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'cortex-e2e';
  const clientSecret = 'a-client-secret-for-the-e2e-provider';
  const accounts = new Map([[ssoAccount.login, ssoAccount]]);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id);
      return account === undefined
        ? undefined
        : {
            accountId: id,
            claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name }),
          };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['an-e2e-cookie-signing-key'] },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
