import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLoginFile, readLoginFile, writeLoginFile } from './login-file.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'prefiq-login-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const login = { email: 'owner@acme.example', password: 'abcd-efgh-jkmn-pqrs' };

describe('the demo login file', () => {
  it('is readable by its owner only, names its host, and is for one database', async () => {
    const file = join(folder, 'crm-login.json');
    await writeFile(file, '{}', { mode: 0o644 });
    await writeLoginFile(file, 'pglite /data', login, 'the crm app');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readLoginFile(file, 'pglite /data')).toEqual(login);
    expect(await readLoginFile(file, 'pglite /other')).toBeUndefined();
    expect(await readLoginFile(join(folder, 'none.json'), 'pglite /data')).toBeUndefined();
  });

  it("is found among the other hosts' logins of the folder, for the same database only", async () => {
    const other = { email: 'owner@acme.example', password: 'zzzz-yyyy-xxxx-wwww' };
    await writeLoginFile(join(folder, 'cortex-login.json'), 'pglite /cortex', other, 'Cortex');
    await writeFile(join(folder, 'notes.json'), JSON.stringify({ ...login, database: 'pglite /notes' }));
    expect(await findLoginFile(folder, 'pglite /cortex')).toEqual(other);
    expect(await findLoginFile(folder, 'pglite /data')).toEqual(login);
    expect(await findLoginFile(folder, 'pglite /notes')).toBeUndefined();
    expect(await findLoginFile(join(folder, 'missing'), 'pglite /data')).toBeUndefined();
  });
});
