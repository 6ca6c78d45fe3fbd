import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseToken } from '@codexion/framework/kernel';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningCortex, startCortex } from './cortex-host.js';

const env = { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'silent' };

async function counts(cortex: RunningCortex) {
  const database = cortex.kernel.container.resolve(DatabaseToken);
  const [row] = await database.execute<{ users: number; deals: number; tenants: number; seeds: number }>(
    `select (select count(*)::int from prefiq.users) as users,
            (select count(*)::int from crm.deals) as deals,
            (select count(*)::int from prefiq.tenants) as tenants,
            (select count(*)::int from prefiq.seeds) as seeds`,
  );
  return row;
}

describe('startCortex on a data folder, twice', () => {
  let folder: string | undefined;
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('seeds and makes the owner on the first run only; the second reuses the data and prints the same login', async () => {
    folder = await mkdtemp(join(tmpdir(), 'cortex-rerun-'));
    const dataDir = join(folder, 'data');

    const first = await startCortex({ port: 0, ui: false, dataDir, env });
    let before: Awaited<ReturnType<typeof counts>>;
    try {
      expect(first.firstRun).toBe(true);
      expect(first.report.seeded.length).toBeGreaterThan(0);
      expect(first.loginFile).toBe(join(folder, 'cortex-login.json'));
      expect((await stat(join(folder, 'cortex-login.json'))).mode & 0o777).toBe(0o600);
      before = await counts(first);
    } finally {
      await first.close();
    }

    const second = await startCortex({ port: 0, ui: false, dataDir, env });
    try {
      expect(second.firstRun).toBe(false);
      expect(second.report.seeded).toEqual([]);
      expect(second.ownerLogin).toEqual(first.ownerLogin);
      expect(await counts(second)).toEqual(before);
      const login = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(second.ownerLogin),
      });
      expect(login.status).toBe(200);
    } finally {
      await second.close();
    }
  }, 240_000);
});
