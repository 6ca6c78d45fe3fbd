import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppManifest } from '@codexion/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scratchWorkspace } from './codegen.test-helper.js';
import { consumedEventSchemas } from './consumed-events.js';
import { generateApp } from './generate-app.js';

const tenancyContract = resolve(import.meta.dirname, '../../../contracts/tenancy/app.json');

describe('consumed events: the framework\'s own (`app: "prefiq"`)', () => {
  let ws: Awaited<ReturnType<typeof scratchWorkspace>>;
  let manifestFile: string;

  /** The scratch app consuming `events` of the producer `prefiq`. */
  const consume = async (...events: string[]) => {
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as AppManifest;
    manifest.consumes = events.map((event) => ({ event, app: 'prefiq' }));
    await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
    return manifest;
  };

  beforeEach(async () => {
    ws = await scratchWorkspace();
    manifestFile = join(ws.app, 'core', 'app.json');
    // the workspace's framework contracts: the tenancy API's manifest declares prefiq.tenant.created
    await mkdir(join(ws.root, 'framework', 'contracts', 'tenancy'), { recursive: true });
    await cp(tenancyContract, join(ws.root, 'framework', 'contracts', 'tenancy', 'app.json'));
  });
  afterEach(() => ws.dispose());

  it('reads the payload schema from the contract of the API that writes the event', async () => {
    const manifest = await consume('prefiq.tenant.created');
    const [consumed, ...rest] = await consumedEventSchemas(ws.app, manifest);
    expect(rest).toEqual([]);
    expect(consumed).toMatchObject({
      event: 'prefiq.tenant.created',
      app: 'prefiq',
      payload: {
        required: ['tenantId', 'name'],
        properties: { tenantId: { format: 'uuid' }, name: { type: 'string' } },
      },
    });
  });

  it("types the consumer's handler by that payload in its generated contract", async () => {
    await consume('prefiq.tenant.created');
    const contract = (await generateApp(ws.app)).get('contract.ts') ?? '';
    expect(contract).toMatch(
      /export interface PrefiqTenantCreatedEvent \{\s*tenantId: string;\s*name: string;\s*\}/,
    );
    expect(contract).toMatch(/consumes: \{\s*'prefiq\.tenant\.created': PrefiqTenantCreatedEvent;?\s*\}/);
  });

  it('follows the workspace: a payload changed in its contract is what the consumer gets', async () => {
    const file = join(ws.root, 'framework', 'contracts', 'tenancy', 'app.json');
    const tenancy = JSON.parse(await readFile(file, 'utf8')) as AppManifest;
    const [event] = tenancy.events ?? [];
    if (event?.payload?.properties === undefined) throw new Error('the tenancy contract lost its event');
    event.payload.properties.slug = { type: 'string', maxLength: 100 };
    await writeFile(file, JSON.stringify(tenancy));
    await consume('prefiq.tenant.created');
    const contract = (await generateApp(ws.app)).get('contract.ts') ?? '';
    expect(contract).toMatch(/slug\?: string;/);
  });

  it('refuses an event no framework contract declares, naming where it looked', async () => {
    const manifest = await consume('prefiq.tenant.deleted');
    await expect(consumedEventSchemas(ws.app, manifest)).rejects.toThrow(
      'sales consumes prefiq.tenant.deleted, which no framework contract (framework/contracts/*/app.json) declares',
    );
  });
});
