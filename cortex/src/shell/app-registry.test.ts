import module, { entities } from '@codexion/crm/web';
import { defineAppModule } from '@codexion/web';
import { describe, expect, it } from 'vitest';
import { appRegistry, loadedApp, searchEntitiesOf } from './app-registry.js';

describe('the app registry', () => {
  it("searches the entities of a module's navigation that have search fields, unless it declares its own", () => {
    expect(searchEntitiesOf(module, entities).map((entity) => entity.name)).toEqual([
      'deal',
      'company',
      'person',
      'activity',
    ]);
    const declared = defineAppModule({ ...module, search: [entities.entity('company')] });
    expect(searchEntitiesOf(declared, entities).map((entity) => entity.name)).toEqual(['company']);
    expect(searchEntitiesOf(module)).toEqual([]);
  });

  it('loads the CRM with its generated client, pointed by the shell at /api/crm', async () => {
    const crm = appRegistry.find((entry) => entry.name === 'crm');
    expect(crm?.apiBaseUrl).toBe('/api/crm');
    const loaded = await crm?.load();
    expect(loaded?.module.name).toBe('crm');
    expect(loaded?.clients).toHaveLength(1);
    expect(typeof loaded?.clients[0]?.setConfig).toBe('function');
    expect(loadedApp({ default: module }).search).toEqual([]);
  });
});
