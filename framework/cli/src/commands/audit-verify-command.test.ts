import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recordAudit } from '@codexion/framework/audit';
import { createDatabase, type Database } from '@codexion/framework/data';
import { frameworkMigrations } from '@codexion/framework/kernel';
import { createTestDatabase } from '@codexion/framework/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryOutput } from '../output.js';
import { auditVerifyCommand } from './audit-verify-command.js';

const root = resolve(import.meta.dirname, '../../../..');
const tenantA = '4a4a4a4a-0000-4000-8000-00000000004a';
const tenantB = '4b4b4b4b-0000-4000-8000-00000000004b';
const user = '4c4c4c4c-0000-4000-8000-00000000004c';

let scratch: string;
let env: Record<string, string>;
let url: string;
let dispose: () => Promise<void> = async () => {};

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'prefiq-audit-'));
  // the framework's tables, migrated once per machine (PGlite template) or on a throwaway database
  const test = await createTestDatabase({ migrations: frameworkMigrations });
  if (test.url === undefined) {
    const dump = await (test.database as Database & { dumpDataDir(): Promise<Blob> }).dumpDataDir();
    await test.dispose();
    url = join(scratch, 'data');
    await (await createDatabase({ url, loadDataDir: dump })).close();
  } else {
    await test.database.close();
    url = test.url;
    dispose = test.dispose;
  }
  env = {
    NODE_ENV: 'test',
    CODEXION_LOGGING__LEVEL: 'warn',
    ...(test.url === undefined ? { CODEXION_DATABASE__DATA_DIR: url } : { DATABASE_URL: url }),
  };
  await withDatabase(async (database) => {
    for (const tenantId of [tenantA, tenantB]) {
      const entries = [1, 2, 3].map((i) => ({
        tenantId,
        actor: { type: 'user' as const, id: user },
        action: 'update',
        entity: 'sales.account',
        recordId: `r${i}`,
      }));
      await database.transaction((tx) => recordAudit(tx, entries), { tenantId });
    }
  });
}, 60_000);

afterAll(async () => {
  await dispose();
  await rm(scratch, { recursive: true, force: true });
});

/** The command's database, opened only while `work` runs (an embedded one has one user at a time). */
async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  const database = await createDatabase({ url });
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

/** Changes rows as the maintenance role, the one the append-only trigger lets through. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await withDatabase((database) =>
    database.transaction(async (tx) => {
      await tx.execute(sql`set local role prefiq_audit_maintenance`);
      await tx.execute(statement);
    }),
  );
}

async function verify(tenant?: string) {
  const out = memoryOutput();
  const code = await auditVerifyCommand({ root, env, ...(tenant === undefined ? {} : { tenant }) }, out);
  return { code, lines: out.lines, errors: out.errors };
}

describe('prefiq audit verify', () => {
  it('passes intact chains, then names the first altered row, then a removed one', async () => {
    const intact = await verify();
    expect(intact.code).toBe(0);
    expect(intact.lines).toEqual([
      expect.stringMatching(new RegExp(`^✓ ${tenantA}: 3 rows intact, head 3 [0-9a-f]{64}$`)),
      expect.stringMatching(new RegExp(`^✓ ${tenantB}: 3 rows intact`)),
    ]);

    await tamper(
      sql`update prefiq.audit_log set record_id = 'forged' where tenant_id = ${tenantA}::uuid and seq = 2`,
    );
    const altered = await verify();
    expect(altered.code).toBe(1);
    expect(altered.errors).toEqual([
      `✗ ${tenantA}: row 2 altered: row 2 was altered: its hash does not match its content (1 rows intact before it)`,
    ]);
    expect(altered.lines).toEqual([expect.stringMatching(new RegExp(`^✓ ${tenantB}`))]);

    await tamper(sql`delete from prefiq.audit_log where tenant_id = ${tenantB}::uuid and seq = 1`);
    const removed = await verify(tenantB);
    expect(removed.code).toBe(1);
    expect(removed.errors).toEqual([
      `✗ ${tenantB}: row 1 removed: row 1 is missing: the chain starts at row 2 (0 rows intact before it)`,
    ]);
  }, 60_000);

  it('exits 1 naming an entry that cannot be sealed, why, and how many entries wait behind it', async () => {
    const tenantC = '4d4d4d4d-0000-4000-8000-00000000004d';
    let id = '';
    await withDatabase(async (database) => {
      // jsonb keeps the number exactly; no JavaScript number holds it, so the entry cannot be hashed
      const [row] = await database.execute<{ id: string }>(
        `insert into prefiq.audit_pending (tenant_id, actor_type, actor, action, metadata)
         values ($1, 'system', 'system', 'login', '{"n": 1e400}') returning id::text as id`,
        [tenantC],
      );
      id = row?.id ?? '';
      await database.execute(
        `insert into prefiq.audit_pending (tenant_id, actor_type, actor, action) values ($1, 'system', 'system', 'login')`,
        [tenantC],
      );
    });
    const stuck = await verify(tenantC);
    expect(stuck.code).toBe(1);
    expect(stuck.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^✗ ${tenantC}: pending entry ${id} cannot be sealed \\(since .+Z, 1 attempt\\): metadata: canonicalJson: Infinity is not a JSON number; 2 entries wait$`,
        ),
      ),
    ]);
    // tried again on every run (not after a backoff), and still named
    expect((await verify(tenantC)).errors[0]).toMatch(/2 attempts/);
  }, 60_000);

  it('refuses a tenant that is not an id', async () => {
    const out = memoryOutput();
    expect(await auditVerifyCommand({ root, env, tenant: 'acme' }, out)).toBe(2);
    expect(out.errors[0]).toMatch(/--tenant must be a tenant id/);
  });
});
