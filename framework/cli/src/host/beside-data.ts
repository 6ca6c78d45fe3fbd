import { join, resolve } from 'node:path';

/**
 * A file a local host keeps beside the embedded database's folder (`<dataDir>/../<name>`, so
 * `.codexion/<name>` by default): its demo login, its token key. None when the data lives in
 * memory, or when the database is not the folder's (`given`: a test's).
 *
 * @example
 * besideData('/repo', '.codexion/data', 'crm-login.json') // '/repo/.codexion/crm-login.json'
 * besideData('/repo', 'memory://', 'crm-login.json') // undefined
 */
export function besideData(root: string, dataDir: string, name: string, given = false): string | undefined {
  if (given || dataDir === 'memory://') return undefined;
  return join(resolve(root, dataDir), '..', name);
}
