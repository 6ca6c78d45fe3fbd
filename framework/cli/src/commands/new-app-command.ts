import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pascalCase } from '@codexion/schema';
import { generateApp } from '../codegen/generate-app.js';
import { writeGenerated } from '../codegen/sync-generated.js';
import type { Output } from '../output.js';
import { renderTemplate } from '../scaffold/render-template.js';
import { migrationsGenerateCommand } from './migrations-generate-command.js';

const templateDir = resolve(import.meta.dirname, '../../templates/app');
/** Names that would collide with the house's own folders, Nx projects or packages. */
const reserved = new Set([
  'cortex',
  'framework',
  'resources',
  'schema',
  'cli',
  'web',
  'tools',
  'core',
  'bin',
  'src',
]);

export interface NewAppOptions {
  root: string;
  name: string;
  title?: string;
}

/** Adds `./apps/<name>` to the root tsconfig's references, so `tsc -b` checks the new app. */
async function addProjectReference(root: string, name: string): Promise<void> {
  const path = join(root, 'tsconfig.json');
  if (!existsSync(path)) return;
  const config = JSON.parse(await readFile(path, 'utf8')) as { references?: { path: string }[] };
  const references = config.references ?? [];
  const reference = `./apps/${name}`;
  if (references.some((r) => r.path === reference)) return;
  config.references = [...references, { path: reference }];
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`);
}

/**
 * `prefiq new app <name>`: scaffolds `apps/<name>` — core with one example entity and rule, a
 * bin/ plugin with its migration, a src/ module, tests and project config — and generates its
 * code, so it passes `codegen --check`, typecheck and its own tests at once.
 *
 * @example
 * await newAppCommand({ root: '/repo', name: 'helpdesk' }, output)
 */
export async function newAppCommand({ root, name, title }: NewAppOptions, out: Output): Promise<number> {
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(name) || name.endsWith('-')) {
    out.error(
      `"${name}" is not a valid app name: lower-case letters, digits and dashes, 2-31 characters, starting with a letter`,
    );
    return 2;
  }
  if (reserved.has(name)) {
    out.error(`"${name}" is reserved; choose another name`);
    return 2;
  }
  const appDir = join(root, 'apps', name);
  if (existsSync(appDir)) {
    out.error(`apps/${name} already exists`);
    return 1;
  }
  const values = {
    name,
    Name: pascalCase(name),
    title: title ?? pascalCase(name).replace(/([a-z])([A-Z])/g, '$1 $2'),
  };
  for (const [path, content] of await renderTemplate(templateDir, values)) {
    await mkdir(dirname(join(appDir, path)), { recursive: true });
    await writeFile(join(appDir, path), content);
  }
  await addProjectReference(root, name);
  await writeGenerated(join(appDir, 'core', 'generated'), await generateApp(appDir));
  const migrated = await migrationsGenerateCommand({ root, app: name, name: 'init' }, out);
  if (migrated !== 0) return migrated;
  out.info(`✓ apps/${name} created (Nx project app-${name})`);
  out.info('  next: npm install   (links the new workspace package)');
  out.info(`        npx nx test app-${name}`);
  return 0;
}
