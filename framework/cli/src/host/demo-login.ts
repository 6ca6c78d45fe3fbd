import { dirname } from 'node:path';
import { IdentityToken } from '@codexion/framework/identity';
import type { Kernel } from '@codexion/framework/kernel';
import { TenancyToken } from '@codexion/framework/tenancy';
import { ensureDemoOwner } from './demo-owner.js';
import { findLoginFile, type OwnerLogin, readLoginFile, writeLoginFile } from './login-file.js';

export interface DemoLoginOptions {
  /** the tenant seeded with the demo data, whose owner this makes */
  demoTenantId: string;
  /** the boot report's database label: a login file is for that database only */
  database: string;
  /** where to keep the login (mode 0600); nothing is kept without one (data in memory) */
  loginFile?: string | undefined;
  /** who makes it, for the file's note: `Cortex`, `the crm app` */
  host: string;
}

export interface DemoLogin {
  /** how to sign in: made on a first run, read back from the login file later */
  ownerLogin?: OwnerLogin;
  /** whether this run made the owner */
  firstRun: boolean;
}

/**
 * The demo's sign-in on a booted kernel: makes the owner on a first run ({@link ensureDemoOwner})
 * and saves its login at once, else reads it back — from `loginFile`, or from the login another
 * host saved beside it for the same database (Cortex and a standalone app share `.codexion/data`).
 *
 * @example
 * const { ownerLogin, firstRun } = await ensureDemoLogin(kernel, { demoTenantId, database: report.database, loginFile, host: 'Cortex' });
 */
export async function ensureDemoLogin(
  kernel: Kernel,
  { demoTenantId, database, loginFile, host }: DemoLoginOptions,
): Promise<DemoLogin> {
  const owner = await ensureDemoOwner({
    identity: kernel.container.resolve(IdentityToken),
    tenancy: kernel.container.resolve(TenancyToken),
    demoTenantId,
    save: async (login) => {
      if (loginFile !== undefined) await writeLoginFile(loginFile, database, login, host);
    },
  });
  if (owner.created !== undefined) return { ownerLogin: owner.created, firstRun: true };
  if (loginFile === undefined) return { firstRun: false };
  const ownerLogin =
    (await readLoginFile(loginFile, database)) ?? (await findLoginFile(dirname(loginFile), database));
  return { ...(ownerLogin === undefined ? {} : { ownerLogin }), firstRun: false };
}
