import module from '@codexion/crm/web';
import { defineAppModule, type GeneratedClientLike } from '@codexion/web';
import { describe, expect, it } from 'vitest';
import { appEntries, appRegistry, loadedApp } from './app-registry.js';

/** Every app's package.json, as the glob over `apps/*` would find it. */
const packages = import.meta.glob<{ exports?: Record<string, unknown> }>('../../../apps/*/package.json', {
  eager: true,
  import: 'default',
});

describe('the app registry', () => {
  it('finds the CRM without an entry written for it, on the API root its generated client names', async () => {
    const crm = appRegistry.find((entry) => entry.name === 'crm');
    const loaded = await crm?.load();
    expect(loaded?.module.name).toBe('crm');
    expect(loaded?.apiBaseUrl).toBe('/api/crm');
    // the palette searches what the module takes from its manifest's navigation and its schemas
    expect(loaded?.search.map((entity) => entity.name)).toEqual(['deal', 'company', 'person', 'activity']);
  });

  it('mounts every app whose package exports ./web, which is the src/module.tsx the glob finds', () => {
    const exporting = Object.entries(packages)
      .filter(([, pkg]) => pkg.exports?.['./web'] !== undefined)
      .map(([path, pkg]) => {
        expect(pkg.exports?.['./web'], path).toBe('./src/module.tsx');
        return /apps\/([^/]+)\//.exec(path)?.[1];
      });
    expect(exporting).toContain('crm');
    expect(appRegistry.map((entry) => entry.name)).toEqual(exporting.sort());
  });

  it('makes one entry per module found, by its folder, each with its own client', async () => {
    const client: GeneratedClientLike = { getConfig: () => ({ baseUrl: '/api/helpdesk' }) };
    const modules = {
      '../../../apps/zoo/src/module.tsx': async () => ({
        default: defineAppModule({ manifest: { name: 'zoo', title: 'Zoo' }, routes: [] }),
      }),
      '../../../apps/helpdesk/src/module.tsx': async () => ({
        default: defineAppModule({ manifest: { name: 'helpdesk', title: 'Helpdesk' }, routes: [] }),
      }),
    };
    const clients = {
      '../../../apps/helpdesk/core/generated/client/client.gen.ts': async () => ({ client }),
    };
    const entries = appEntries(modules, clients);
    expect(entries.map((entry) => entry.name)).toEqual(['helpdesk', 'zoo']);
    const [helpdesk, zoo] = await Promise.all(entries.map((entry) => entry.load()));
    expect(helpdesk?.module.title).toBe('Helpdesk');
    expect(helpdesk?.apiBaseUrl).toBe('/api/helpdesk');
    // no generated client, no API to call
    expect(zoo?.apiBaseUrl).toBe('');
    expect(zoo?.search).toEqual([]);
    expect(loadedApp({ default: module }).search.map((entity) => entity.name)).toContain('deal');
  });
});
