import { generateKeyPairSync } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The PKCS#8 PEM of an Ed25519 key kept in `file` (mode 0600), made on first use: the local
 * console signs its access tokens with it, so a restart does not sign everyone out (without
 * `auth.jwt.keys` the kernel makes a key per process). Local use only: production configures its
 * keys (`auth.jwt.keys`, `auth.jwt.activeKid`).
 *
 * @example
 * const pem = await signingKeyFile('.codexion/cortex-jwt-key.pem');
 */
export async function signingKeyFile(file: string): Promise<string> {
  try {
    const pem = await readFile(file, 'utf8');
    if (pem.includes('BEGIN PRIVATE KEY')) return pem;
  } catch {
    // not made yet
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, pem, { mode: 0o600 });
  await chmod(file, 0o600);
  return pem;
}
