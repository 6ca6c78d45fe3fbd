import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');

/** What `tsc -b` of the CRM builds: the CRM's two projects and the projects they reference. */
const projects = [
  'framework/schema',
  'framework/server',
  'framework/client',
  'framework/contracts',
  'framework/web',
  'resources',
  'apps/crm',
];
const rootFiles = ['package.json', 'nx.json', 'tsconfig.base.json', 'tsconfig.browser.json'];
/** Never copied: installed packages (linked instead), caches, local data, screenshots. */
const skipped = new Set(['node_modules', '.nx', '.codexion', 'screenshots']);

type Json = Record<string, unknown>;

/** The part of `@codexion/cli` the test runs, loaded from source: in-process codegen skips a process start. */
interface Cli {
  main(argv: string[], out: { errors: string[] }): Promise<number>;
  memoryOutput(): { lines: string[]; errors: string[] };
}

async function loadCli(): Promise<Cli> {
  return (await import(pathToFileURL(join(repo, 'framework/cli/src/index.ts')).href)) as Cli;
}

/**
 * Links the repository's `node_modules` entry by entry, except `@codexion`, whose packages point
 * at the scratch copies: a link to the repository's would make the CRM compile the original
 * framework sources instead of the copies' built declarations.
 */
async function linkNodeModules(root: string): Promise<void> {
  await mkdir(join(root, 'node_modules/@codexion'), { recursive: true });
  for (const entry of await readdir(join(repo, 'node_modules'))) {
    if (entry === '@codexion') continue;
    await symlink(join(repo, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  for (const project of projects) {
    const manifest = JSON.parse(await readFile(join(root, project, 'package.json'), 'utf8')) as {
      name: string;
    };
    const name = manifest.name.replace('@codexion/', '');
    await symlink(join(root, project), join(root, 'node_modules/@codexion', name), 'dir');
  }
  // packages some projects install for themselves (framework/server's semver, framework/web's i18next)
  for (const project of projects) {
    const nested = join(repo, project, 'node_modules');
    const found = await readdir(nested).catch(() => undefined);
    if (found !== undefined) await symlink(nested, join(root, project, 'node_modules'), 'dir');
  }
}

/** The files `tsc` reports errors in, relative to the workspace root. */
function filesWithErrors(output: string): string[] {
  const files = [...output.matchAll(/^(\S+?)\(\d+,\d+\): error TS\d+/gm)].map((m) => m[1] ?? '');
  return [...new Set(files)].sort();
}

/**
 * Proves the promise of the schema-first design: a change to the CRM's contract is a compile
 * error where the contract is used, not a failure at run time. In a scratch copy of the workspace
 * (its `dist` kept, so `tsc -b` is incremental), each case changes one thing in `apps/crm/core`,
 * runs the CRM's codegen and `tsc -b` on the CRM's projects, and reads which files fail.
 */
describe('a contract change breaks the build where it matters', () => {
  let root: string;
  let cli: Cli;
  const crm = (path: string) => join(root, 'apps/crm', path);
  const timings: string[] = [];

  const build = async (tsconfigs: readonly string[]): Promise<string[]> => {
    const started = performance.now();
    const tsc = join(repo, 'node_modules/typescript/bin/tsc');
    const output = await run(process.execPath, [tsc, '-b', ...tsconfigs], { cwd: root }).then(
      ({ stdout }) => stdout,
      (error: { stdout?: string }) => error.stdout ?? '',
    );
    timings.push(`tsc -b ${Math.round(performance.now() - started)}ms`);
    return filesWithErrors(output);
  };

  const codegenAndBuild = async (tsconfigs: readonly string[]): Promise<string[]> => {
    const started = performance.now();
    const out = cli.memoryOutput();
    const code = await cli.main(['codegen', '--app', 'crm', '--root', root], out);
    expect(out.errors).toEqual([]);
    expect(code).toBe(0);
    timings.push(`codegen ${Math.round(performance.now() - started)}ms`);
    return build(tsconfigs);
  };

  /** Applies `change` to a JSON file of `apps/crm/core` for the duration of `work`. */
  const withChange = async <T>(path: string, change: (json: Json) => void, work: () => Promise<T>) => {
    const original = await readFile(crm(path), 'utf8');
    const json = JSON.parse(original) as Json;
    change(json);
    await writeFile(crm(path), JSON.stringify(json, null, 2));
    try {
      return await work();
    } finally {
      await writeFile(crm(path), original);
    }
  };

  beforeAll(async () => {
    const started = performance.now();
    cli = await loadCli();
    root = await mkdtemp(join(tmpdir(), 'codexion-contract-change-'));
    for (const file of rootFiles) await cp(join(repo, file), join(root, file), { preserveTimestamps: true });
    for (const project of projects) {
      await cp(join(repo, project), join(root, project), {
        recursive: true,
        // unchanged inputs keep their times, so tsc -b trusts the copied build info
        preserveTimestamps: true,
        filter: (source) => !source.split('/').some((part) => skipped.has(part)),
      });
    }
    await linkNodeModules(root);
    timings.push(`copy ${Math.round(performance.now() - started)}ms`);
  }, 120_000);

  afterAll(async () => {
    console.log(`contract-change timings: ${timings.join(', ')}`);
    await rm(root, { recursive: true, force: true });
  });

  it('builds cleanly as it is', async () => {
    expect(await codegenAndBuild(['apps/crm/tsconfig.server.json', 'apps/crm/tsconfig.web.json'])).toEqual(
      [],
    );
  }, 300_000);

  it('renaming Deal.amount breaks the deal hook and service that read it and the page that shows it', async () => {
    const rename = (value: unknown): unknown => {
      if (value === 'amount') return 'value';
      if (value === '/amount') return '/value';
      if (Array.isArray(value)) return value.map(rename);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, child]) => [key === 'amount' ? 'value' : key, rename(child)]),
      );
    };
    const renameIn = (json: Json) => {
      for (const [key, value] of Object.entries(json)) json[key] = rename(value);
    };
    const errors = await withChange('core/schema/deal.schema.json', renameIn, () =>
      withChange('core/rules/deal.rules.json', renameIn, () =>
        codegenAndBuild(['apps/crm/tsconfig.server.json', 'apps/crm/tsconfig.web.json']),
      ),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        'apps/crm/bin/hooks/deal-hooks.ts',
        'apps/crm/bin/services/convert-lead.ts',
        'apps/crm/src/dashboard/dashboard-figures.ts',
        'apps/crm/src/pages/dashboard-page.tsx',
      ]),
    );
  }, 300_000);

  it("changing lose-deal's input breaks the service that reads it", async () => {
    const errors = await withChange(
      'core/actions/lose-deal.json',
      (action) => {
        const request = action.request as { required: string[]; properties: Json };
        request.required = ['reason'];
        request.properties = { reason: request.properties.lostReason };
      },
      () => codegenAndBuild(['apps/crm/tsconfig.server.json']),
    );
    expect(errors).toContain('apps/crm/bin/services/close-deal.ts');
  }, 300_000);

  it("changing crm.deal.won's payload breaks the hook that emits it", async () => {
    const errors = await withChange(
      'core/app.json',
      (manifest) => {
        const won = (
          manifest.events as { name: string; payload: { required: string[]; properties: Json } }[]
        ).find((event) => event.name === 'crm.deal.won');
        if (won === undefined) throw new Error('core/app.json declares no crm.deal.won');
        won.payload.required = won.payload.required.map((name) => (name === 'closedAt' ? 'wonAt' : name));
        const { closedAt, ...rest } = won.payload.properties;
        won.payload.properties = { ...rest, wonAt: closedAt };
      },
      () => codegenAndBuild(['apps/crm/tsconfig.server.json']),
    );
    expect(errors).toContain('apps/crm/bin/hooks/deal-hooks.ts');
  }, 300_000);
});
