import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import type { JWK } from 'jose';
import type { JwtKeyConfig } from '../foundation/auth-config.js';
import { ConfigError } from '../foundation/config-error.js';

export type SigningAlgorithm = JwtKeyConfig['alg'];

export interface VerificationKey {
  kid: string;
  alg: SigningAlgorithm;
  publicKey: KeyObject;
}

/** The keys tokens are signed and verified with: one active signer, any number of verifiers. */
export interface SigningKeys {
  signer: { kid: string; alg: SigningAlgorithm; privateKey: KeyObject };
  /** by kid, the signer's included */
  verifiers: ReadonlyMap<string, VerificationKey>;
  /** what `/.well-known/jwks.json` answers: public parts only */
  jwks: { keys: JWK[] };
  /** made at boot because none are configured (development, test): tokens die with the process */
  ephemeral: boolean;
}

function parseKey(text: string, kind: 'private' | 'public'): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const jwk = JSON.parse(trimmed) as JsonWebKey;
    return kind === 'private'
      ? createPrivateKey({ key: jwk, format: 'jwk' })
      : createPublicKey({ key: jwk, format: 'jwk' });
  }
  return kind === 'private' ? createPrivateKey(trimmed) : createPublicKey(trimmed);
}

/** Refuses a key whose type does not fit its algorithm (no ES256 header on an Ed25519 key). */
function fits(key: KeyObject, alg: SigningAlgorithm): boolean {
  if (alg === 'EdDSA') return key.asymmetricKeyType === 'ed25519';
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

function publicJwk(key: VerificationKey): JWK {
  const jwk = key.publicKey.export({ format: 'jwk' }) as JWK;
  return { ...jwk, kid: key.kid, alg: key.alg, use: 'sig' };
}

/**
 * Loads `auth.jwt.keys` (PEM or JWK, private or public) and picks `activeKid` as the signer.
 * Without keys (development, test) an Ed25519 key is made for this process.
 *
 * @throws {ConfigError} naming the key that does not parse or does not fit its algorithm
 *
 * @example
 * const keys = loadSigningKeys({ k2026: { alg: 'EdDSA', privateKey: pem } }, 'k2026');
 * keys.jwks; // { keys: [{ kty: 'OKP', crv: 'Ed25519', x: '…', kid: 'k2026', alg: 'EdDSA', use: 'sig' }] }
 */
export function loadSigningKeys(
  configured: Readonly<Record<string, JwtKeyConfig>>,
  activeKid: string | undefined,
): SigningKeys {
  if (activeKid === undefined) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const kid = `ephemeral-${randomBytes(6).toString('hex')}`;
    const verifier: VerificationKey = { kid, alg: 'EdDSA', publicKey };
    return {
      signer: { kid, alg: 'EdDSA', privateKey },
      verifiers: new Map([[kid, verifier]]),
      jwks: { keys: [publicJwk(verifier)] },
      ephemeral: true,
    };
  }
  const verifiers = new Map<string, VerificationKey>();
  let signer: SigningKeys['signer'] | undefined;
  for (const [kid, entry] of Object.entries(configured)) {
    let privateKey: KeyObject | undefined;
    let publicKey: KeyObject;
    try {
      privateKey = entry.privateKey === undefined ? undefined : parseKey(entry.privateKey, 'private');
      if (entry.publicKey !== undefined) publicKey = parseKey(entry.publicKey, 'public');
      else if (privateKey !== undefined) publicKey = createPublicKey(privateKey);
      else throw new Error('it has neither a privateKey nor a publicKey');
    } catch (error) {
      throw new ConfigError([
        {
          key: `auth.jwt.keys.${kid}`,
          value: '[key]',
          reason: `is not a PEM or JWK key: ${(error as Error).message}`,
          source: undefined,
        },
      ]);
    }
    if (!fits(publicKey, entry.alg) || (privateKey !== undefined && !fits(privateKey, entry.alg))) {
      throw new ConfigError([
        {
          key: `auth.jwt.keys.${kid}`,
          value: '[key]',
          reason: `is not a ${entry.alg === 'EdDSA' ? 'Ed25519' : 'P-256'} key, as alg ${entry.alg} needs`,
          source: undefined,
        },
      ]);
    }
    verifiers.set(kid, { kid, alg: entry.alg, publicKey });
    if (kid === activeKid && privateKey !== undefined) signer = { kid, alg: entry.alg, privateKey };
  }
  if (signer === undefined) {
    throw new ConfigError([
      {
        key: 'auth.jwt.activeKid',
        value: activeKid,
        reason: 'must name a key of auth.jwt.keys that has a privateKey',
        source: undefined,
      },
    ]);
  }
  return {
    signer,
    verifiers,
    jwks: { keys: [...verifiers.values()].map(publicJwk) },
    ephemeral: false,
  };
}
