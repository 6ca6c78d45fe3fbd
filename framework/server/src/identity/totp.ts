import { createHash, randomBytes } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';

/**
 * TOTP per RFC 6238 with the settings every authenticator app understands (SHA-1, 6 digits,
 * 30 s), a 160-bit secret, one step of clock drift either way, and replay protection: a code of
 * a time step at or before the last accepted one is refused.
 */
export const totpPeriod = 30;

/** A new Base32 secret (20 random bytes). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/**
 * The `otpauth://totp/…` URI authenticator apps scan as a QR code.
 *
 * @example
 * otpauthUri({ issuer: 'Codexion', label: 'ada@example.com', secret });
 * // 'otpauth://totp/Codexion:ada%40example.com?secret=…&issuer=Codexion'
 */
export function otpauthUri({
  issuer,
  label,
  secret,
}: {
  issuer: string;
  label: string;
  secret: string;
}): string {
  return generateURI({ issuer, label, secret });
}

/** The current code of a secret (tests, and nothing else: the server never shows codes). */
export function currentTotp(secret: string, now: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/**
 * Checks a code; returns its time step when valid (to store, so it cannot be replayed).
 *
 * @example
 * const step = await checkTotp(secret, '492039', { now, after: row.lastTimeStep ?? undefined });
 * if (step === undefined) throw invalidCode();
 */
export async function checkTotp(
  secret: string,
  code: string,
  { now, after }: { now: Date; after?: number | undefined },
): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: totpPeriod,
      ...(after === undefined ? {} : { afterTimeStep: after }),
    });
    // the union also holds HOTP's result, which has no time step
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  } catch {
    return undefined;
  }
}

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Ten recovery codes of 16 Base32 characters (80 bits each), grouped `XXXX-XXXX-XXXX-XXXX`.
 * Shown once; only {@link hashRecoveryCode} of each is stored.
 */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(16);
    const chars = [...bytes].map((b) => base32[b % 32]).join('');
    return chars.match(/.{4}/g)?.join('-') ?? chars;
  });
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function hashRecoveryCode(code: string): string {
  const normalized = code.toUpperCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(`prefiq-recovery:${normalized}`).digest('hex');
}
