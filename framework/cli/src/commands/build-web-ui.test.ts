import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebUi } from './build-web-ui.js';

let app: string;

beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), 'prefiq-web-ui-'));
  await mkdir(join(app, 'src'));
  await writeFile(
    join(app, 'src/index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.ts"></script></body></html>',
  );
  await writeFile(
    join(app, 'src/main.ts'),
    "import { greeting } from './greeting.js';\ndocument.body.append(greeting);\n",
  );
  await writeFile(join(app, 'src/greeting.ts'), "export const greeting = 'hello';\n");
});

afterAll(async () => {
  await rm(app, { recursive: true, force: true });
});

describe('buildWebUi', () => {
  it('builds src/ into dist/web, then skips the build while nothing it read changed', async () => {
    const first = await buildWebUi({ appDir: app });
    expect(first).toMatchObject({ dir: join(app, 'dist/web'), built: true });
    expect(await readFile(join(app, 'dist/web/index.html'), 'utf8')).toMatch(
      /<script type="module"[^>]*src="\/assets\//,
    );
    // the stamp lives beside the output, where the UI server does not serve it
    expect(existsSync(join(app, 'dist/web-build.json'))).toBe(true);
    expect((await buildWebUi({ appDir: app }))?.built).toBe(false);
  }, 60_000);

  it('rebuilds when an imported file changes', async () => {
    await buildWebUi({ appDir: app });
    const later = new Date(Date.now() + 5_000);
    await writeFile(join(app, 'src/greeting.ts'), "export const greeting = 'hello again';\n");
    await utimes(join(app, 'src/greeting.ts'), later, later);
    expect((await buildWebUi({ appDir: app }))?.built).toBe(true);
  }, 60_000);

  it('rebuilds when a folder among its inputs gains an entry (an app the shell globs)', async () => {
    const apps = join(app, 'apps');
    await mkdir(join(apps, 'crm'), { recursive: true });
    await buildWebUi({ appDir: app, inputs: [apps] });
    expect((await buildWebUi({ appDir: app, inputs: [apps] }))?.built).toBe(false);
    await mkdir(join(apps, 'helpdesk'));
    const later = new Date(Date.now() + 10_000);
    // the folder's time as a second entry later would leave it, whatever the file system's resolution
    await utimes(apps, later, later);
    expect((await buildWebUi({ appDir: app, inputs: [apps] }))?.built).toBe(true);
    expect((await buildWebUi({ appDir: app, inputs: [apps] }))?.built).toBe(false);
  }, 60_000);

  it('leaves NODE_ENV as it found it (Vite sets it for its build; the kernel reads it next)', async () => {
    const before = process.env.NODE_ENV;
    try {
      delete process.env.NODE_ENV;
      await buildWebUi({ appDir: app, force: true });
      expect(process.env.NODE_ENV).toBeUndefined();
      process.env.NODE_ENV = 'test';
      await buildWebUi({ appDir: app, force: true });
      expect(process.env.NODE_ENV).toBe('test');
    } finally {
      process.env.NODE_ENV = before;
    }
  }, 60_000);

  it('answers undefined for an app without src/index.html', async () => {
    expect(await buildWebUi({ appDir: join(app, 'nowhere') })).toBeUndefined();
  });
});
