import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** How to sign in to the demo: saved on the first run, printed again on the next ones. */
export interface OwnerLogin {
  email: string;
  password: string;
}

/**
 * The login saved for `database` (the boot report's label: `pglite <dir>` or the URL without its
 * password), or `undefined` when there is none, it is for another database, or it is unreadable.
 *
 * @example
 * const login = await readLoginFile('.codexion/cortex-login.json', report.database);
 */
export async function readLoginFile(file: string, database: string): Promise<OwnerLogin | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<OwnerLogin> & { database?: unknown };
    return typeof data.email === 'string' && typeof data.password === 'string' && data.database === database
      ? { email: data.email, password: data.password }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The login of `database` saved by any host in `folder` (`cortex-login.json`, `crm-login.json`, …,
 * in name order): the hosts of one data folder share its database, and so its demo owner, whose
 * password only the host that made it saved.
 *
 * @example
 * const login = await findLoginFile('.codexion', report.database);
 */
export async function findLoginFile(folder: string, database: string): Promise<OwnerLogin | undefined> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('-login.json')).sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const login = await readLoginFile(join(folder, name), database);
    if (login !== undefined) return login;
  }
  return undefined;
}

/**
 * Saves the login of `database`'s demo owner, readable by its owner only (mode 0600): it holds a
 * password. `host` names who made it, in the file's note.
 *
 * @example
 * await writeLoginFile('.codexion/cortex-login.json', report.database, { email, password }, 'Cortex');
 */
export async function writeLoginFile(
  file: string,
  database: string,
  login: OwnerLogin,
  host: string,
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const note = `the demo owner of ${host}: delete this file once you changed the password`;
  const text = `${JSON.stringify({ ...login, database, note }, null, 2)}\n`;
  await writeFile(file, text, { mode: 0o600 });
  // writeFile's mode applies only when it creates the file
  await chmod(file, 0o600);
}
