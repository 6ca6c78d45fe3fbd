import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppManifest } from '@codexion/schema';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, type PluginDefinition, publicAction, sagaAction } from './define-plugin.js';
import { PluginError } from './plugin-error.js';
import { frameworkVersion, loadPlugins } from './plugin-registry.js';
import { salesManifest, salesRoot, salesTables } from './sales-fixture.test-helper.js';

let dir: string;
let manifest: AppManifest;
let tables: Record<string, PgTable>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prefiq-plugins-'));
  manifest = await salesManifest();
  tables = await salesTables();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A plugin whose core/ holds only a manifest. */
async function plugin(name: string, extra: Partial<AppManifest> = {}): Promise<PluginDefinition> {
  const manifest: AppManifest = { name, version: '1.0.0', title: name, framework: '>=0.1.0', ...extra };
  const root = join(dir, `${name}-${Math.random().toString(36).slice(2, 8)}`);
  await mkdir(join(root, 'core'), { recursive: true });
  await writeFile(join(root, 'core', 'app.json'), JSON.stringify(manifest));
  return definePlugin({ manifest, root });
}

const sales = (overrides: Partial<PluginDefinition> = {}) =>
  definePlugin({
    manifest,
    root: pathToFileURL(`${salesRoot}/`),
    resources: tables,
    actions: { moveOpportunity: () => ({ status: 200 }), lookupAccount: publicAction(() => ({})) },
    ...overrides,
  });

async function refusal(promise: Promise<unknown>): Promise<PluginError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PluginError) return error;
    throw error;
  }
  throw new Error('expected a PluginError');
}

describe('loadPlugins', () => {
  it('accepts the fixture app with its core, OpenAPI document and migrations folder', async () => {
    const registry = await loadPlugins([sales()]);
    const [registered] = registry.plugins;
    expect(registered).toMatchObject({
      name: 'sales',
      version: '0.1.0',
      root: salesRoot,
      basePath: '/api/sales',
    });
    expect(registered?.migrationsFolder).toBe(join(salesRoot, 'bin', 'migrations'));
    expect(registered?.model.entities.map((e) => e.name)).toEqual(['account', 'address', 'opportunity']);
    expect(registered?.openapi.servers).toEqual([{ url: '/api/sales' }]);
    expect(registry.get('sales')).toBe(registered);
    expect(frameworkVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('orders plugins after their dependencies, ties by name', async () => {
    const zeta = await plugin('zeta');
    const alpha = await plugin('alpha', { dependencies: { zeta: '^1.0.0' } });
    const mid = await plugin('mid', { dependencies: { alpha: '1.x', zeta: '*' } });
    const beta = await plugin('beta');
    const registry = await loadPlugins([mid, beta, alpha, zeta]);
    expect(registry.plugins.map((p) => p.name)).toEqual(['beta', 'zeta', 'alpha', 'mid']);
  });

  it('refuses a dependency cycle, naming it', async () => {
    const a = await plugin('aa', { dependencies: { bb: '*' } });
    const b = await plugin('bb', { dependencies: { cc: '*' } });
    const c = await plugin('cc', { dependencies: { aa: '*' } });
    const error = await refusal(loadPlugins([c, b, a]));
    expect(error.code).toBe('PLUGIN_CYCLE');
    expect(error.message).toBe('plugin dependency cycle: aa -> bb -> cc -> aa');
    const self = await plugin('self', { dependencies: { self: '*' } });
    await expect(loadPlugins([self])).rejects.toThrow('plugin dependency cycle: self -> self');
  });

  it('refuses a missing dependency and one out of range', async () => {
    const lonely = await plugin('lonely', { dependencies: { ghost: '^1.0.0' } });
    const missing = await refusal(loadPlugins([lonely]));
    expect(missing.code).toBe('PLUGIN_MISSING_DEPENDENCY');
    expect(missing.message).toBe('plugin "lonely" depends on "ghost" (^1.0.0), which is not registered');

    const base = await plugin('base');
    const needy = await plugin('needy', { dependencies: { base: '^2.0.0' } });
    const range = await refusal(loadPlugins([needy, base]));
    expect(range.code).toBe('PLUGIN_DEPENDENCY_RANGE');
    expect(range.message).toBe('plugin "needy" needs "base" ^2.0.0, but "base" is 1.0.0');

    const garbled = await plugin('garbled', { dependencies: { base: 'one point oh' } });
    await expect(loadPlugins([garbled, base])).rejects.toThrow(
      'invalid version range for "base": "one point oh"',
    );
  });

  it('refuses a framework range this framework is not in', async () => {
    const future = await plugin('future', { framework: '^9.0.0' });
    const error = await refusal(loadPlugins([future]));
    expect(error.code).toBe('PLUGIN_FRAMEWORK_RANGE');
    expect(error.message).toBe(
      `plugin "future" 1.0.0 needs @codexion/framework ^9.0.0, but this is ${frameworkVersion}`,
    );
    await expect(loadPlugins([future], { frameworkVersion: '9.1.0' })).resolves.toBeDefined();
    const bogus = await plugin('bogus', { framework: 'latest please' });
    await expect(loadPlugins([bogus])).rejects.toThrow(
      'framework range "latest please" is not a semver range',
    );
  });

  it('refuses a duplicate name', async () => {
    const one = await plugin('twin');
    const two = await plugin('twin');
    const error = await refusal(loadPlugins([one, two]));
    expect(error.code).toBe('PLUGIN_DUPLICATE');
    expect(error.message).toMatch(/^plugin "twin" is registered twice \(.+twin-\w+ and .+twin-\w+\)$/);
  });

  it("refuses an invalid core/ and a manifest that is not the app's", async () => {
    const broken = await plugin('broken');
    await writeFile(
      join(String(broken.root), 'core', 'app.json'),
      JSON.stringify({ name: 'broken', version: 'one' }),
    );
    const error = await refusal(loadPlugins([broken]));
    expect(error.code).toBe('PLUGIN_INVALID');
    expect(error.message).toContain('core/app.json#');
    const stray = definePlugin({ ...(await plugin('stray')), root: join(dir, 'nowhere') });
    await expect(loadPlugins([stray])).rejects.toThrow(
      `plugin "stray": no core/app.json under its root ${join(dir, 'nowhere')}`,
    );
    const liar = await plugin('liar');
    await expect(
      loadPlugins([{ ...liar, manifest: { ...liar.manifest, version: '2.0.0' } }]),
    ).rejects.toThrow('its manifest says version "2.0.0" but');
  });

  it('refuses handlers and tables that do not match core/', async () => {
    const error = await refusal(
      loadPlugins([
        sales({
          actions: {
            closeDeal: () => ({}),
            lookupAccount: () => ({}),
            moveOpportunity: publicAction(() => ({})),
          },
          resources: { account: tables.account as PgTable },
          hooks: { address: {}, lead: {} },
        }),
      ]),
    );
    expect(error.code).toBe('PLUGIN_HANDLERS');
    expect(error.message).toBe(
      [
        'plugin "sales": its code does not match its core/:',
        '  actions.closeDeal handles no action of core/actions',
        '  action "lookupAccount" is public: wrap its handler in publicAction(...)',
        '  actions.moveOpportunity is a publicAction(...) but the action is not "access": "public"',
        '  entity "opportunity" is persisted but resources has no drizzle table for it',
        '  hooks.address is not a persisted entity of core/schema',
        '  hooks.lead is not a persisted entity of core/schema',
      ].join('\n'),
    );
  });

  it('refuses a saga action on a public action (a saga runs in a tenant), and takes one on a tenant action', async () => {
    const error = await refusal(
      loadPlugins([
        sales({
          actions: { moveOpportunity: sagaAction(() => ({})), lookupAccount: sagaAction(() => ({})) },
        }),
      ]),
    );
    expect(error.message).toBe(
      [
        'plugin "sales": its code does not match its core/:',
        '  action "lookupAccount" is public: wrap its handler in publicAction(...)',
        '  actions.lookupAccount is a sagaAction(...) but the action is public: a saga runs in a tenant',
      ].join('\n'),
    );
  });

  it('refuses a migrations folder without a journal', async () => {
    await expect(loadPlugins([sales({ migrations: dir })])).rejects.toThrow(
      `${dir} has no meta/_journal.json`,
    );
  });
});
