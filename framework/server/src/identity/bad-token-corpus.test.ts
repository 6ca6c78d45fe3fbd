import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityTestApp, json, password, tenantA } from './identity-test-app.test-helper.js';
import { setUserStatus } from './user-service.js';

let t: Awaited<ReturnType<typeof identityTestApp>>;
let good: string;
let userId: string;
let sessionId: string;

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  t = await identityTestApp({ overrides: { auth: { rateLimit: { enabled: false } } } });
  const user = await t.createUser({ email: 'tokens@example.com' });
  userId = user.id;
  t.tenancy.grant(user.id, tenantA, ['billing:invoice:read']);
  const login = await t.app.request(
    '/api/auth/login',
    json({ email: 'tokens@example.com', password, mode: 'token' }),
  );
  const body = (await login.json()) as { accessToken: string; session: { id: string } };
  good = body.accessToken;
  sessionId = body.session.id;
}, 60_000);
afterAll(() => t?.dispose());

function signer() {
  const { kid, privateKey } = t.identity.context.keys.signer;
  const { issuer, audience } = t.config.auth.jwt;
  return { kid, privateKey, issuer, audience };
}

/** A token like the server's, with claims and header changed, signed with `key` (the server's unless given). */
async function forge({
  claims = {},
  header = {},
  key,
  drop = [],
}: {
  claims?: JWTPayload;
  header?: Record<string, unknown>;
  key?: KeyObject | Uint8Array;
  drop?: string[];
} = {}): Promise<string> {
  const { kid, privateKey, issuer, audience } = signer();
  const now = Math.floor(Date.now() / 1000);
  const payload: JWTPayload = {
    iss: issuer,
    aud: audience,
    sub: userId,
    sid: sessionId,
    amr: ['pwd'],
    jti: randomUUID(),
    iat: now,
    exp: now + 300,
    ...claims,
  };
  for (const name of drop) delete payload[name];
  const protectedHeader = { alg: 'EdDSA', kid, typ: 'at+jwt', ...header };
  for (const name of drop) delete (protectedHeader as Record<string, unknown>)[name];
  return new SignJWT(payload).setProtectedHeader(protectedHeader as { alg: string }).sign(key ?? privateKey);
}

/** Signs with Ed25519 whatever header jose itself would refuse to produce. */
function signedRaw(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: KeyObject,
): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`;
}

const request = (authorization: string) =>
  t.app.request('/api/billing/invoices', {
    headers: { Authorization: authorization, 'X-Forwarded-For': '198.51.100.7' },
  });

describe('the bad-token corpus', () => {
  it('accepts the good token (the control)', async () => {
    const response = await request(`Bearer ${good}`);
    expect(response.status).toBe(200);
  });

  it('answers 401 problem+json to every bad token', async () => {
    const { kid, privateKey } = signer();
    const publicPem = t.identity.context.keys.verifiers
      .get(kid)
      ?.publicKey.export({ type: 'spki', format: 'pem' });
    const publicJwk = JSON.stringify(t.identity.context.keys.jwks.keys[0]);
    const [head = '', body = '', signature = ''] = good.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

    const other = await t.createUser({ email: 'other-token@example.com' });
    t.tenancy.grant(other.id, tenantA, ['billing:invoice:read']);
    const otherLogin = await t.app.request(
      '/api/auth/login',
      json({ email: 'other-token@example.com', password, mode: 'token' }),
    );
    const otherToken = ((await otherLogin.json()) as { accessToken: string }).accessToken;
    await setUserStatus(t.identity.context, other.id, 'disabled');

    const revokedLogin = await t.app.request(
      '/api/auth/login',
      json({ email: 'tokens@example.com', password, mode: 'token' }),
    );
    const revoked = (await revokedLogin.json()) as { accessToken: string };
    const out = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { Authorization: `Bearer ${revoked.accessToken}` },
    });
    expect(out.status).toBe(204);

    const corpus: Record<string, string> = {
      'alg none': `Bearer ${b64({ alg: 'none', kid, typ: 'at+jwt' })}.${body}.`,
      'alg none, no signature part': `Bearer ${b64({ alg: 'none', typ: 'at+jwt' })}.${body}`,
      'HS256 signed with the public key (PEM)': `Bearer ${await forge({ header: { alg: 'HS256' }, key: new TextEncoder().encode(String(publicPem)) })}`,
      'HS256 signed with the public key (JWK)': `Bearer ${await forge({ header: { alg: 'HS256' }, key: new TextEncoder().encode(publicJwk) })}`,
      'wrong audience': `Bearer ${await forge({ claims: { aud: 'urn:someone-else' } })}`,
      'wrong issuer': `Bearer ${await forge({ claims: { iss: 'https://evil.example' } })}`,
      expired: `Bearer ${await forge({ claims: { iat: now - 700, exp: now - 60 } })}`,
      'not yet valid (nbf)': `Bearer ${await forge({ claims: { nbf: now + 3600 } })}`,
      'wrong typ (JWT)': `Bearer ${await forge({ header: { typ: 'JWT' } })}`,
      'no typ': `Bearer ${await forge({ drop: ['typ'] })}`,
      'unknown kid': `Bearer ${await forge({ header: { kid: 'retired-long-ago' } })}`,
      'missing kid': `Bearer ${await forge({ drop: ['kid'] })}`,
      'tampered payload (sub)': `Bearer ${head}.${b64({ ...claims, sub: other.id })}.${signature}`,
      'tampered payload (exp extended)': `Bearer ${head}.${b64({ ...claims, exp: now + 86_400 })}.${signature}`,
      'tampered header (kid)': `Bearer ${b64({ alg: 'EdDSA', kid: 'x', typ: 'at+jwt' })}.${body}.${signature}`,
      truncated: `Bearer ${good.slice(0, -10)}`,
      'signature removed': `Bearer ${head}.${body}.`,
      garbage: 'Bearer not.a.jwt',
      'random bytes': `Bearer ${b64('\u0000\u00ff garbage')}`,
      'empty bearer': 'Bearer ',
      'two segments': `Bearer ${head}.${body}`,
      'five segments (JWE shape)': `Bearer ${good}.x.y`,
      'signed by a stranger key under our kid': `Bearer ${await forge({ key: stranger })}`,
      'ES256 header on an Ed25519 kid': `Bearer ${await forge({ header: { alg: 'ES256' }, key: p256 })}`,
      'RS256 header on an Ed25519 kid': `Bearer ${await forge({ header: { alg: 'RS256' }, key: rsa })}`,
      'unknown crit header': `Bearer ${signedRaw({ alg: 'EdDSA', kid, typ: 'at+jwt', crit: ['urn:x'], 'urn:x': 1 }, claims, privateKey)}`,
      'missing exp': `Bearer ${await forge({ drop: ['exp'] })}`,
      'missing sid': `Bearer ${await forge({ drop: ['sid'] })}`,
      'missing sub': `Bearer ${await forge({ drop: ['sub'] })}`,
      'sid of another user': `Bearer ${await forge({ claims: { sub: other.id } })}`,
      'sid of no session': `Bearer ${await forge({ claims: { sid: randomUUID() } })}`,
      'token of a logged-out session': `Bearer ${revoked.accessToken}`,
      'token of a disabled user': `Bearer ${otherToken}`,
      'Basic scheme': `Basic ${b64('tokens@example.com:password')}`,
      'token without scheme': good,
      'signed with our key, wrong alg label (EdDSA as ES256)': `Bearer ${b64({ alg: 'ES256', kid, typ: 'at+jwt' })}.${body}.${signature}`,
    };
    // the control of the forgeries: unchanged, forge() makes a token the server accepts, so each
    // one below fails for its own change only
    expect((await request(`Bearer ${await forge({ key: privateKey })}`)).status).toBe(200);
    expect(
      (await request(`Bearer ${signedRaw({ alg: 'EdDSA', kid, typ: 'at+jwt' }, claims, privateKey)}`)).status,
    ).toBe(200);

    const accepted: string[] = [];
    for (const [name, authorization] of Object.entries(corpus)) {
      const response = await request(authorization);
      const problem = (await response.json()) as { code?: string; status?: number };
      if (
        response.status !== 401 ||
        response.headers.get('content-type') !== 'application/problem+json' ||
        problem.code !== 'UNAUTHENTICATED' ||
        !response.headers.get('www-authenticate')?.startsWith('Bearer')
      ) {
        accepted.push(`${name}: ${response.status} ${JSON.stringify(problem)}`);
      }
    }
    console.log(
      `bad-token corpus: ${Object.keys(corpus).length} tokens, ${Object.keys(corpus).length - accepted.length} answered 401 problem+json`,
    );
    expect(accepted).toEqual([]);
    expect(Object.keys(corpus).length).toBeGreaterThanOrEqual(30);
  });
});
