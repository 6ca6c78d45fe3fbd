import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Fills `{{key}}` placeholders; an unknown key is an error, so a template typo never ships.
 *
 * @example
 * fill('@codexion/{{name}}', { name: 'crm' }) // '@codexion/crm'
 */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template placeholder {{${key}}} has no value`);
    return value;
  });
}

/**
 * Every file of a template folder, rendered: path (without `.tpl`) → content.
 *
 * @example
 * await renderTemplate('/repo/framework/cli/templates/app', { name: 'crm', title: 'CRM' })
 */
export async function renderTemplate(
  dir: string,
  values: Readonly<Record<string, string>>,
): Promise<Map<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(entry.parentPath, entry.name);
    const target = fill(relative(dir, path).replace(/\.tpl$/, ''), values);
    files.set(target, fill(await readFile(path, 'utf8'), values));
  }
  return files;
}
