import { randomUUID } from 'node:crypto';
import { errors, type JWTHeaderParameters, jwtVerify, SignJWT } from 'jose';
import { DomainError } from '../errors/domain-error.js';
import type { SigningKeys } from './signing-keys.js';

/** RFC 9068: the `typ` of a JWT access token. */
export const accessTokenType = 'at+jwt';

/** What an access token says, once verified. */
export interface AccessTokenClaims {
  /** the user */
  sub: string;
  /** the session (sign-in) it belongs to: revoking the session revokes the token */
  sid: string;
  /** the tenant the session had selected when the token was issued */
  tid?: string;
  /** how the user authenticated (RFC 8176): `pwd`, `otp`, `oidc` */
  amr: string[];
  jti: string;
  iat: number;
  exp: number;
}

export interface AccessTokens {
  issue(claims: { sub: string; sid: string; tid?: string | undefined; amr: readonly string[] }): Promise<{
    token: string;
    expiresIn: number;
  }>;
  /** @throws {DomainError} UNAUTHENTICATED for any token that is not one of ours, valid now */
  verify(token: string): Promise<AccessTokenClaims>;
}

export interface AccessTokenOptions {
  keys: SigningKeys;
  issuer: string;
  audience: string;
  /** seconds */
  ttl: number;
  /** seconds of clock difference tolerated on exp/nbf/iat */
  clockTolerance?: number;
}

function invalid(reason: string): DomainError {
  return new DomainError('UNAUTHENTICATED', `The access token is not valid: ${reason}`, {
    extensions: { wwwAuthenticate: 'Bearer error="invalid_token"' },
  });
}

/**
 * JWT access tokens (jose): signed by the active key (EdDSA or ES256) with `kid` and
 * `typ: at+jwt`; verified against the configured keys only, each with its own algorithm (so
 * `alg: none`, HS256-with-the-public-key and algorithm swaps fail), with issuer, audience,
 * expiry, not-before and type checked.
 *
 * @example
 * const tokens = createAccessTokens({ keys, issuer: 'urn:codexion:prefiq', audience: 'urn:codexion:api', ttl: 300 });
 * const { token } = await tokens.issue({ sub: userId, sid: sessionId, amr: ['pwd'] });
 * (await tokens.verify(token)).sub === userId; // true
 */
export function createAccessTokens({
  keys,
  issuer,
  audience,
  ttl,
  clockTolerance = 5,
}: AccessTokenOptions): AccessTokens {
  const algorithms = [...new Set([...keys.verifiers.values()].map((k) => k.alg))];
  const keyFor = (header: JWTHeaderParameters) => {
    if (typeof header.kid !== 'string') throw invalid('it names no key (kid)');
    const key = keys.verifiers.get(header.kid);
    if (key === undefined) throw invalid('it names an unknown key');
    if (header.alg !== key.alg) throw invalid('its algorithm does not match its key');
    return key.publicKey;
  };
  return {
    async issue({ sub, sid, tid, amr }) {
      const { kid, alg, privateKey } = keys.signer;
      const token = await new SignJWT({
        sid,
        amr: [...amr],
        ...(tid === undefined ? {} : { tid }),
        client_id: 'prefiq',
      })
        .setProtectedHeader({ alg, kid, typ: accessTokenType })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(sub)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime(`${ttl}s`)
        .sign(privateKey);
      return { token, expiresIn: ttl };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keyFor, {
          issuer,
          audience,
          algorithms,
          typ: accessTokenType,
          clockTolerance,
          requiredClaims: ['sub', 'sid', 'jti', 'iat', 'exp'],
        });
        const { sub, sid, tid, amr, jti, iat, exp } = payload;
        if (typeof sub !== 'string' || typeof sid !== 'string' || typeof jti !== 'string')
          throw invalid('its claims are malformed');
        if (tid !== undefined && typeof tid !== 'string') throw invalid('its claims are malformed');
        return {
          sub,
          sid,
          ...(typeof tid === 'string' ? { tid } : {}),
          amr: Array.isArray(amr) ? amr.filter((m): m is string => typeof m === 'string') : [],
          jti,
          iat: iat ?? 0,
          exp: exp ?? 0,
        };
      } catch (error) {
        if (error instanceof DomainError) throw error;
        if (error instanceof errors.JWTExpired) throw invalid('it has expired');
        if (error instanceof errors.JWTClaimValidationFailed)
          throw invalid(`its ${error.claim} claim is wrong`);
        throw invalid('it is malformed or its signature does not verify');
      }
    },
  };
}
