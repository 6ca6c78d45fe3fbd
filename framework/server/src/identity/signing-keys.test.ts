import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../foundation/config-error.js';
import { createAccessTokens } from './access-tokens.js';
import { loadSigningKeys } from './signing-keys.js';

const ed = () => generateKeyPairSync('ed25519');
const p256 = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pem = (key: ReturnType<typeof ed>['privateKey']) =>
  key.export({ type: 'pkcs8', format: 'pem' }).toString();
const options = { issuer: 'urn:test:issuer', audience: 'urn:test:api', ttl: 300 };
const claims = {
  sub: '3f1c1a52-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  sid: '9a8b7c6d-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  amr: ['pwd'],
};

describe('signing keys', () => {
  it('rotates by kid: the active key signs, retired keys still verify until removed', async () => {
    const retired = ed();
    const active = p256();
    const before = createAccessTokens({
      keys: loadSigningKeys({ k2025: { alg: 'EdDSA', privateKey: pem(retired.privateKey) } }, 'k2025'),
      ...options,
    });
    const { token: old } = await before.issue(claims);

    const keys = loadSigningKeys(
      {
        k2025: {
          alg: 'EdDSA',
          publicKey: retired.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        },
        // a JWK works as well as a PEM
        k2026: { alg: 'ES256', privateKey: JSON.stringify(active.privateKey.export({ format: 'jwk' })) },
      },
      'k2026',
    );
    expect(keys.signer).toMatchObject({ kid: 'k2026', alg: 'ES256' });
    expect(keys.jwks.keys.map((k) => [k.kid, k.alg, k.kty])).toEqual([
      ['k2025', 'EdDSA', 'OKP'],
      ['k2026', 'ES256', 'EC'],
    ]);
    expect(keys.jwks.keys.every((k) => k.d === undefined)).toBe(true);

    const after = createAccessTokens({ keys, ...options });
    expect((await after.verify(old)).sub).toBe(claims.sub);
    const { token: fresh } = await after.issue({ ...claims, tid: '0a0a0a0a-0000-4000-8000-00000000000a' });
    const [header = ''] = fresh.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'ES256',
      kid: 'k2026',
      typ: 'at+jwt',
    });
    expect(await after.verify(fresh)).toMatchObject({
      ...claims,
      tid: '0a0a0a0a-0000-4000-8000-00000000000a',
    });

    // once the retired key is gone, its tokens are not
    const without = createAccessTokens({
      keys: loadSigningKeys({ k2026: { alg: 'ES256', privateKey: pem(active.privateKey) } }, 'k2026'),
      ...options,
    });
    await expect(without.verify(old)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('makes a key for the process when none is configured (development, test)', () => {
    const keys = loadSigningKeys({}, undefined);
    expect(keys.ephemeral).toBe(true);
    expect(keys.signer.alg).toBe('EdDSA');
    expect(keys.signer.kid).toMatch(/^ephemeral-/);
  });

  it('refuses a key that does not parse, does not fit its algorithm, or an active kid without a private key', () => {
    expect(() => loadSigningKeys({ k: { alg: 'EdDSA', privateKey: 'not a key' } }, 'k')).toThrow(ConfigError);
    expect(() => loadSigningKeys({ k: { alg: 'ES256', privateKey: pem(ed().privateKey) } }, 'k')).toThrow(
      /auth\.jwt\.keys\.k .*is not a P-256 key/,
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => loadSigningKeys({ k: { alg: 'EdDSA', privateKey: pem(rsa.privateKey) } }, 'k')).toThrow(
      /Ed25519/,
    );
    const pub = ed().publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => loadSigningKeys({ k: { alg: 'EdDSA', publicKey: pub } }, 'k')).toThrow(
      /auth\.jwt\.activeKid/,
    );
  });
});
