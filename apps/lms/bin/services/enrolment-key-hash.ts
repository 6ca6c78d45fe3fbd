import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const derive = promisify(scrypt) as (key: string, salt: Buffer, length: number) => Promise<Buffer>;
const length = 32;

/**
 * A self-enrolment key as stored: `scrypt$<salt>$<hash>` (base64url), salted per key, so the
 * table never holds the key and two courses with one key do not look alike.
 *
 * @example
 * await hashEnrolmentKey('spring-2027') // 'scrypt$…$…'
 */
export async function hashEnrolmentKey(key: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(key.normalize('NFC'), salt, length);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/**
 * Whether `key` is the one `stored` was made from (compared in constant time).
 *
 * @example
 * await enrolmentKeyMatches('spring-2027', stored) // true
 */
export async function enrolmentKeyMatches(key: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(
    key.normalize('NFC'),
    Buffer.from(salt, 'base64url'),
    expected.length || length,
  );
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
