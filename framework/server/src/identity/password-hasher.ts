import type { ValidationIssue } from '@codexion/schema';
import { type Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';
import type { Argon2Params } from './identity-settings.js';

/** `Algorithm.Argon2id`: an ambient const enum cannot be read under `isolatedModules`. */
const argon2id = 2 as Algorithm;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** false for a wrong password and for a stored value that is not an argon2 hash */
  verify(stored: string, password: string): Promise<boolean>;
  /** the stored hash was made with other parameters than today's: rehash after a good sign-in */
  needsRehash(stored: string): boolean;
  /** verifies against a fixed hash, so an unknown account costs as much time as a known one */
  burn(password: string): Promise<void>;
}

/**
 * Argon2id password hashing (@node-rs/argon2) with the configured parameters.
 *
 * @example
 * const hasher = createPasswordHasher({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
 * const stored = await hasher.hash('correct horse battery staple');
 * await hasher.verify(stored, 'correct horse battery staple'); // true
 */
export function createPasswordHasher(params: Argon2Params): PasswordHasher {
  const options = { ...params, algorithm: argon2id };
  let dummy: Promise<string> | undefined;
  const check = async (stored: string, password: string): Promise<boolean> => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  };
  return {
    hash: (password) => hash(password, options),
    verify: check,
    needsRehash(stored) {
      try {
        const used = parseOptions(stored);
        return (
          used.algorithm !== argon2id ||
          used.memoryCost !== params.memoryCost ||
          used.timeCost !== params.timeCost ||
          used.parallelism !== params.parallelism
        );
      } catch {
        return true;
      }
    },
    async burn(password) {
      dummy ??= hash('not a password anyone has', options);
      await check(await dummy, password);
    },
  };
}

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
}

/**
 * ASVS V2.1 length rules, counted in Unicode code points (so every script is treated alike);
 * no composition rules. The email as the password is refused too.
 *
 * @example
 * passwordIssues('short', { minLength: 12, maxLength: 256 }, '/body/password');
 * // [{ path: '/body/password', code: 'minLength', message: 'must be at least 12 characters' }]
 */
export function passwordIssues(
  password: string,
  { minLength, maxLength }: PasswordPolicy,
  path: string,
  email?: string,
): ValidationIssue[] {
  const length = [...password].length;
  if (length < minLength)
    return [{ path, code: 'minLength', message: `must be at least ${minLength} characters` }];
  if (length > maxLength)
    return [{ path, code: 'maxLength', message: `must be at most ${maxLength} characters` }];
  if (password.trim() === '') return [{ path, code: 'weak', message: 'must not be only spaces' }];
  if (email !== undefined && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return [{ path, code: 'weak', message: 'must not be the email address' }];
  }
  return [];
}
