import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import type { InlineConfig, Plugin } from 'vite';

export interface BuildWebUiOptions {
  /** the app's folder: `src/index.html` is the entry, `dist/web` the output */
  appDir: string;
  /** the workspace root: its lockfile counts as an input (a dependency upgrade rebuilds) */
  root?: string;
  /** build even when the output is up to date */
  force?: boolean;
  /**
   * files and folders the build depends on besides what it imports: the folders an
   * `import.meta.glob` looks in (Cortex's `apps/` and each app's folder), so one more or less
   * entry there rebuilds
   */
  inputs?: readonly string[];
}

export interface WebUiBuild {
  /** the built folder, ready for `staticUi({ dir })` */
  dir: string;
  /** false when the previous build was still up to date */
  built: boolean;
  durationMs: number;
}

/** What the last build read, with each file's size and modification time. */
interface BuildStamp {
  version: 1;
  inputs: Record<string, { size: number; mtimeMs: number }>;
}

/** Where the stamp lives: beside the output, never inside it (the output is served). */
const stampPathOf = (appDir: string) => join(appDir, 'dist', 'web-build.json');

/** Files by size and time; folders by time too, which an entry added, removed or renamed changes. */
async function fingerprint(files: Iterable<string>): Promise<BuildStamp['inputs']> {
  const inputs: BuildStamp['inputs'] = {};
  for (const file of files) {
    try {
      const info = await stat(file);
      if (info.isFile() || info.isDirectory()) inputs[file] = { size: info.size, mtimeMs: info.mtimeMs };
    } catch {
      // a virtual module or a file gone meanwhile: nothing to compare next time
    }
  }
  return inputs;
}

async function isFresh(appDir: string, outDir: string, required: readonly string[]): Promise<boolean> {
  if (!existsSync(join(outDir, 'index.html'))) return false;
  let stamp: BuildStamp;
  try {
    stamp = JSON.parse(await readFile(stampPathOf(appDir), 'utf8')) as BuildStamp;
  } catch {
    return false;
  }
  if (stamp.version !== 1 || typeof stamp.inputs !== 'object' || stamp.inputs === null) return false;
  const recorded = Object.entries(stamp.inputs);
  if (recorded.length === 0) return false;
  // an input the last build was not told about (and that exists) may have changed anything
  if (required.some((input) => !Object.hasOwn(stamp.inputs, input) && existsSync(input))) return false;
  const now = await fingerprint(recorded.map(([file]) => file));
  return recorded.every(([file, was]) => now[file]?.size === was.size && now[file]?.mtimeMs === was.mtimeMs);
}

/** Records every file the bundler read, outside node_modules (a lockfile change covers those). */
function recordInputs(into: Set<string>): Plugin {
  return {
    name: 'prefiq:record-inputs',
    apply: 'build',
    buildEnd() {
      // the module graph: sources, styles, JSON; Tailwind's scanned files are modules too here
      for (const id of this.getModuleIds()) {
        const file = id.split('?')[0] ?? '';
        if (isAbsolute(file) && !file.includes('/node_modules/')) into.add(file);
      }
    },
  };
}

/** React and Tailwind, for an app that brings no `src/vite.config.ts` of its own. */
async function defaultPlugins(): Promise<InlineConfig['plugins']> {
  const [{ default: react }, { default: tailwindcss }] = await Promise.all([
    import('@vitejs/plugin-react'),
    import('@tailwindcss/vite'),
  ]);
  return [react(), tailwindcss()];
}

/**
 * Builds an app's web UI (`<app>/src/index.html` and what it imports) with Vite into
 * `<app>/dist/web`, unless the last build is still up to date: every file it read (sources,
 * styles, the framework's pages, the config) and every one of `inputs` has the same size and
 * modification time. Uses the app's `src/vite.config.ts` when there is one. `undefined` for an app
 * without `src/index.html`.
 *
 * @example
 * const ui = await buildWebUi({ appDir: 'apps/crm', root: '.' });
 * if (ui) createKernel({ ..., staticUi: { dir: ui.dir } });
 */
export async function buildWebUi({
  appDir,
  root,
  force = false,
  inputs: extraInputs = [],
}: BuildWebUiOptions): Promise<WebUiBuild | undefined> {
  const src = join(appDir, 'src');
  const entry = join(src, 'index.html');
  if (!existsSync(entry)) return undefined;
  const outDir = join(appDir, 'dist', 'web');
  const started = performance.now();
  if (!force && (await isFresh(appDir, outDir, extraInputs))) {
    return { dir: outDir, built: false, durationMs: Math.round(performance.now() - started) };
  }
  const { build } = await import('vite');
  const configFile = join(src, 'vite.config.ts');
  const hasConfig = existsSync(configFile);
  const inputs = new Set<string>([entry, ...extraInputs]);
  if (hasConfig) inputs.add(configFile);
  const lockfile = root ? join(root, 'package-lock.json') : undefined;
  if (lockfile && existsSync(lockfile)) inputs.add(lockfile);
  // Vite sets process.env.NODE_ENV to 'production' when it is unset, and the kernel booting next
  // in this process reads NODE_ENV for `env`: put it back as it was
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({
      root: src,
      configFile: hasConfig ? configFile : false,
      mode: 'production',
      logLevel: 'warn',
      plugins: [...(hasConfig ? [] : ((await defaultPlugins()) ?? [])), recordInputs(inputs)],
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const stamp: BuildStamp = { version: 1, inputs: await fingerprint(inputs) };
  await mkdir(dirname(stampPathOf(appDir)), { recursive: true });
  await writeFile(stampPathOf(appDir), `${JSON.stringify(stamp, null, 2)}\n`);
  return { dir: outDir, built: true, durationMs: Math.round(performance.now() - started) };
}
