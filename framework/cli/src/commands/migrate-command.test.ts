import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryOutput } from '../output.js';
import { migrateCommand } from './migrate-command.js';

const root = resolve(import.meta.dirname, '../../../..');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'prefiq-migrate-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('prefiq migrate', () => {
  it("applies an app's migrations once, and --dry-run then shows none pending", async () => {
    const env = {
      NODE_ENV: 'test',
      CODEXION_LOGGING__LEVEL: 'warn',
      CODEXION_DATABASE__DATA_DIR: join(scratch, 'data'),
    };
    const first = memoryOutput();
    expect(await migrateCommand({ root, app: 'sales', env }, first)).toBe(0);
    expect(first.lines[0]).toMatch(/^migrated — trace/);
    expect(first.lines).toContain('  sales: 0000_init');
    expect(first.lines).toContain('upgrade: sales (first boot) -> 0.1.0');

    const second = memoryOutput();
    expect(await migrateCommand({ root, app: 'sales', env }, second)).toBe(0);
    expect(second.lines).toContain('  sales: none');

    const plan = memoryOutput();
    expect(await migrateCommand({ root, app: 'sales', env, dryRun: true }, plan)).toBe(0);
    expect(plan.lines).toContain('pending migrations:');
    expect(plan.lines).toContain('  sales: none');
  });

  it('refuses an unknown app', async () => {
    const out = memoryOutput();
    expect(await migrateCommand({ root, app: 'ghost' }, out)).toBe(2);
  });
});
