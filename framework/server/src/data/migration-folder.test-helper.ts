import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One migration of a hand-made drizzle-kit folder. */
export interface TestMigration {
  tag: string;
  when: number;
  /** statements, joined with drizzle-kit's breakpoint marker */
  statements: string[];
}

/**
 * Writes a drizzle-kit migrations folder (`meta/_journal.json` + `<tag>.sql`) into a temp dir,
 * for tests that must not depend on a generated app.
 *
 * @example
 * const folder = await writeMigrationFolder([{ tag: '0000_init', when: 1, statements: ['create table t (id int)'] }]);
 */
export async function writeMigrationFolder(
  migrations: readonly TestMigration[],
  folder?: string,
): Promise<string> {
  const dir = folder ?? (await mkdtemp(join(tmpdir(), 'codexion-migrations-')));
  await mkdir(join(dir, 'meta'), { recursive: true });
  const entries = migrations.map((m, idx) => ({
    idx,
    version: '7',
    when: m.when,
    tag: m.tag,
    breakpoints: true,
  }));
  await writeFile(
    join(dir, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'postgresql', entries }),
  );
  for (const m of migrations) {
    await writeFile(join(dir, `${m.tag}.sql`), m.statements.join('\n--> statement-breakpoint\n'));
  }
  return dir;
}
