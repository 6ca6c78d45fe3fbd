import { generateKeyPairSync } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The PKCS#8 PEM of an Ed25519 key kept in `file` (mode 0600), made on first use: a local host
 * signs its access tokens with it, so a restart does not sign everyone out (without
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

/** What of the config decides whether a local host keeps its own key. */
export interface SigningKeyFacts {
  env: string;
  jwt: { activeKid?: string | undefined; keys: Readonly<Record<string, unknown>> };
}

/**
 * The key a local host keeps in `file` ({@link signingKeyFile}), or none: in production, when the
 * config has keys of its own, or without a file (data in memory, a database given by a test).
 *
 * @example
 * const { env, auth } = probe.config;
 * const signingKey = await localSigningKey({ env, jwt: auth.jwt }, besideData(root, dataDir, 'crm-jwt-key.pem'));
 */
export async function localSigningKey(
  { env, jwt }: SigningKeyFacts,
  file: string | undefined,
): Promise<string | undefined> {
  const configured = jwt.activeKid !== undefined || Object.keys(jwt.keys).length > 0;
  if (file === undefined || env === 'production' || configured) return undefined;
  return signingKeyFile(file);
}
