import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { camelCase, pascalCase } from '@codexion/schema';
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

/**
 * `prefiq new app <name>`: scaffolds `apps/<name>` — core with one example entity and rule, a
 * bin/ plugin with its migration, a src/ module, tests and project config — and generates its
 * code, so it passes `codegen --check`, typecheck and its own tests at once. It writes nothing
 * outside `apps/<name>/`: Cortex, Nx, Vitest and `npm run typecheck` find apps by looking.
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
    // the generated SDK's resources map is `<camel>Resources`
    camel: camelCase(name),
    title: title ?? pascalCase(name).replace(/([a-z])([A-Z])/g, '$1 $2'),
  };
  for (const [path, content] of await renderTemplate(templateDir, values)) {
    await mkdir(dirname(join(appDir, path)), { recursive: true });
    await writeFile(join(appDir, path), content);
  }
  await writeGenerated(join(appDir, 'core', 'generated'), await generateApp(appDir));
  const migrated = await migrationsGenerateCommand({ root, app: name, name: 'init' }, out);
  if (migrated !== 0) return migrated;
  out.info(`✓ apps/${name} created (Nx project app-${name}); Cortex mounts it on its next start`);
  out.info('  next: npm install   (records the new workspace package in package-lock.json)');
  out.info(`        npx nx test app-${name}`);
  return 0;
}
