import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const app = 'helpdesk';

/** What the test uses of `@codexion/cli` and of Cortex, loaded from source (their folders are outside `tools/src`). */
interface Cli {
  main(argv: string[], out: { lines: string[]; errors: string[] }): Promise<number>;
  memoryOutput(): { lines: string[]; errors: string[] };
}
interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the answers are read freely here; Cortex's own tests check them against the contract
  body: any;
}
interface Client {
  request(method: string, path: string, body?: unknown): Promise<Answer>;
}
interface RunningCortex {
  url: string;
  ownerLogin?: { email: string; password: string };
  close(): Promise<void>;
}
interface NavItem {
  label: string;
  path: string;
  permission?: string;
}
interface LoadedApp {
  module: { name: string; title: string; nav: NavItem[]; translations?: unknown };
  apiBaseUrl: string;
  search: readonly { name: string; app: string; resource: string }[];
}
interface Registry {
  appRegistry: readonly { name: string; load(): Promise<LoadedApp> }[];
}
interface ShellNav {
  moduleNav(
    i18n: unknown,
    module: LoadedApp['module'],
    can: (permission: string) => boolean,
  ): { title: string; entries: { label: string; href: string }[] };
}
interface ShellI18n {
  createCortexI18n(locale: string): unknown;
  addModuleTranslations(i18n: unknown, module: LoadedApp['module']): void;
}

const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(path).href)) as T;

/** Never copied: installed packages (linked instead), build output, local data, screenshots. */
const skipped = /(^|\/)(node_modules|dist|\.nx|\.codexion|screenshots)(\/|$)/;

/**
 * "Apps plug in by being there", end to end. In a scratch copy of the workspace (the files git
 * sees, `node_modules` linked, committed to a fresh repository), `prefiq new app helpdesk` changes
 * nothing outside `apps/helpdesk/` and writes what the lint accepts; Cortex started on the copy then has the app in the navigation
 * the shell draws (its registry, found by the copy's own `import.meta.glob`, and the module's
 * manifest navigation under the session's permissions), the role matrix, the merged OpenAPI (paths
 * and tag group) and the palette's search. The shell is checked by the data it renders from, not
 * in a browser: the browser flows are the e2e suite's, and a build here would double the time.
 */
describe('a new app appears in Cortex with no edit outside its folder', () => {
  let root: string;
  let cortex: RunningCortex | undefined;
  let owner: Client;
  const timings: string[] = [];
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings.push(`${label} ${Math.round(performance.now() - started)}ms`);
    }
  };
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: root });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'codexion-new-app-'));
    await timed('copy', async () => {
      const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
        cwd: repo,
        maxBuffer: 64 * 1024 * 1024,
      });
      const files = stdout.split('\0').filter((file) => file !== '' && !skipped.test(file));
      const folders = new Set(files.map((file) => dirname(join(root, file))));
      for (const folder of folders) await mkdir(folder, { recursive: true });
      // a file deleted in the working tree but not yet in git's index is simply not there to copy
      await Promise.all(
        files.map((file) => copyFile(join(repo, file), join(root, file)).catch(() => undefined)),
      );
      await symlink(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
    });
    await timed('git init', async () => {
      await git('init', '-q');
      await git('add', '-A');
      await git('commit', '-q', '-m', 'the workspace as it was');
    });
  }, 120_000);

  afterAll(async () => {
    await cortex?.close();
    console.log(`new-app-in-cortex timings: ${timings.join(', ')}`);
    await rm(root, { recursive: true, force: true });
  });

  it('scaffolds the app, writing nothing outside apps/<name>/', async () => {
    const cli = await load<Cli>(join(repo, 'framework/cli/src/index.ts'));
    const out = cli.memoryOutput();
    const code = await timed('prefiq new app', () => cli.main(['new', 'app', app, '--root', root], out));
    expect(out.errors).toEqual([]);
    expect(code).toBe(0);
    const { stdout } = await git('status', '--porcelain', '--untracked-files=all');
    const changed = stdout.split('\n').filter(Boolean);
    expect(changed.length).toBeGreaterThan(10);
    expect(changed.filter((line) => !line.startsWith(`?? apps/${app}/`))).toEqual([]);
    // and nothing to fix inside it either: the house's lint passes on what was written
    const biome = join(repo, 'node_modules/@biomejs/biome/bin/biome');
    await timed('biome', () => run(process.execPath, [biome, 'check', `apps/${app}`], { cwd: root }));
  }, 180_000);

  it('is hosted by Cortex on the copy: in its list of apps, the role matrix and the merged OpenAPI', async () => {
    const host = await load<{ startCortex(options: object): Promise<RunningCortex> }>(
      join(repo, 'cortex/bin/cortex-host.ts'),
    );
    const helper = await load<{ signIn(base: string, email: string, password: string): Promise<Client> }>(
      join(repo, 'cortex/bin/cortex-host.test-helper.ts'),
    );
    cortex = await timed('start Cortex', () =>
      host.startCortex({
        root,
        port: 0,
        dataDir: 'memory://',
        ui: false,
        seed: true,
        env: { NODE_ENV: 'test', CODEXION_LOGGING__LEVEL: 'silent' },
        overrides: { auth: { rateLimit: { enabled: false } } },
      }),
    );
    const login = cortex.ownerLogin;
    if (login === undefined) throw new Error('the first run made no owner');
    owner = await helper.signIn(cortex.url, login.email, login.password);
    const crud = ['read', 'create', 'update', 'delete'].map((verb) => `${app}:note:${verb}`);

    const apps = await owner.request('GET', '/api/cortex/apps');
    expect(apps.status).toBe(200);
    const listed = apps.body.items.find((item: { name: string }) => item.name === app);
    expect(listed).toMatchObject({ name: app, title: 'Helpdesk', enabled: true });
    expect(listed.permissions.map((p: { name: string }) => p.name)).toEqual(crud);

    const catalogue = await owner.request('GET', '/api/tenancy/permissions');
    expect(catalogue.status).toBe(200);
    const ofApp = catalogue.body.items.filter((entry: { app: string }) => entry.app === app);
    expect(ofApp.map((entry: { name: string; kind: string }) => [entry.name, entry.kind])).toEqual(
      crud.map((name) => [name, 'crud']),
    );
    const roles = await owner.request('GET', '/api/tenancy/roles');
    const member = roles.body.items.find((role: { key: string }) => role.key === 'member');
    expect(member.permissions).toEqual(expect.arrayContaining(crud));

    const openapi = (await owner.request('GET', '/api/openapi.json')).body;
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([`/api/${app}/notes`, `/api/${app}/notes/{id}`]),
    );
    expect(openapi.paths[`/api/${app}/notes`].get['x-codexion-permission']).toBe(`${app}:note:read`);
    expect(openapi.tags.map((tag: { name: string }) => tag.name)).toContain('Note');
    expect(openapi['x-tagGroups']).toContainEqual({ name: 'Helpdesk', tags: ['Note'] });
  }, 180_000);

  it("is in the shell's navigation and its palette's search, from the copy's own discovery", async () => {
    if (cortex === undefined) throw new Error('Cortex did not start');
    const { appRegistry } = await load<Registry>(join(root, 'cortex/src/shell/app-registry.ts'));
    const { moduleNav } = await load<ShellNav>(join(root, 'cortex/src/shell/shell-nav.ts'));
    const { createCortexI18n, addModuleTranslations } = await load<ShellI18n>(
      join(root, 'cortex/src/shell/create-cortex-i18n.ts'),
    );
    const entry = appRegistry.find((candidate) => candidate.name === app);
    const loaded = await timed('load the module', async () => {
      if (entry === undefined) throw new Error(`the shell's registry has no ${app}`);
      return entry.load();
    });
    // its API root, as the app's generated client names it
    expect(loaded.apiBaseUrl).toBe(`/api/${app}`);

    // what a member's sidebar shows: the module's manifest navigation under the member role's permissions
    const roles = await owner.request('GET', '/api/tenancy/roles');
    const member = new Set<string>(
      roles.body.items.find((role: { key: string }) => role.key === 'member').permissions,
    );
    const i18n = createCortexI18n('en-US');
    addModuleTranslations(i18n, loaded.module);
    const section = moduleNav(i18n, loaded.module, (permission) => member.has(permission));
    expect(section.title).toBe('Helpdesk');
    expect(section.entries.map(({ label, href }) => [label, href])).toEqual([['Notes', `/${app}/notes`]]);

    // the palette searches the module's search entities through the app's list, as `useRecordSearch` asks
    expect(loaded.search.map((entity) => [entity.app, entity.name, entity.resource])).toEqual([
      [app, 'note', 'notes'],
    ]);
    const created = await owner.request('POST', `/api/${app}/notes`, { title: 'Printer on fire' });
    expect(created.status).toBe(201);
    const found = await owner.request('GET', `${loaded.apiBaseUrl}/notes?q=printer&pageSize=5`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((note: { title: string }) => note.title)).toEqual(['Printer on fire']);
  }, 120_000);
});
