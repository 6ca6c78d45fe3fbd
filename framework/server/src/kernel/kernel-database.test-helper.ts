import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/** Whether the suites run on PostgreSQL: `DATABASE_URL` names a server. */
export const onPostgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '');

/** The database a test kernel boots on, as environment variables, and how to remove it after. */
export interface KernelDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * PGlite in memory, or on PostgreSQL (`DATABASE_URL`) a database of its own named
 * `prefiq_<prefix>_…`, dropped by `drop()`.
 *
 * @example
 * const database = await kernelDatabase('sales');
 * const kernel = createKernel({ root, plugins, env: { NODE_ENV: 'test', ...database.env } });
 */
export async function kernelDatabase(prefix: string): Promise<KernelDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!onPostgres || serverUrl === undefined) {
    return { env: { CODEXION_DATABASE__DATA_DIR: 'memory://' }, drop: async () => undefined };
  }
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  const name = `prefiq_${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
