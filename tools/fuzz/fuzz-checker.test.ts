import { afterEach, describe, expect, it } from 'vitest';
import { contractOperations } from './contract-operations.js';
import { failureClasses } from './fuzz-report.js';
import { runFuzz } from './fuzz-run.js';
import { plantedContract, servePlantedApp } from './planted-app.test-helper.js';
import { anonymous, getJson } from './principal.js';
import { collectRecordPools } from './record-pools.js';
import { utf8 } from './request-shape.js';
import { sendRequest } from './send-request.js';
import { runTenantReplay } from './tenant-replay.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function plantedRun(bugs: Parameters<typeof servePlantedApp>[0]) {
  const app = await servePlantedApp(bugs);
  close = app.close;
  const a = app.owner('a');
  const b = app.owner('b');
  const operations = contractOperations(plantedContract);
  for (const [who, name] of [
    [a, 'qA0001-one'],
    [b, 'qB0001-one'],
    [a, 'qA0002-two'],
  ] as const) {
    await sendRequest(app.url, {
      method: 'POST',
      path: '/api/demo/items',
      query: '',
      headers: { 'content-type': 'application/json', ...who.credentials('POST') },
      body: utf8(JSON.stringify({ name })),
    });
  }
  const fuzz = await runFuzz(
    {
      origin: app.url,
      doc: plantedContract,
      owner: a,
      others: [anonymous],
      probe: app.probe,
      bodyLimit: app.bodyLimit,
    },
    { seed: 1, sampleEvery: 2 },
  );
  const pools = async (who: typeof a) =>
    collectRecordPools(plantedContract, operations, (path) => getJson(app.url, who, path));
  const replay = await runTenantReplay(
    {
      origin: app.url,
      doc: plantedContract,
      a,
      aPools: await pools(a),
      aMarker: 'qA',
      b,
      bPools: await pools(b),
      probe: app.probe,
    },
    { seed: 1 },
  );
  return { fuzz, replay };
}

describe('the checkers', () => {
  it('pass an app that refuses every bad request and keeps its tenants apart', async () => {
    const { fuzz, replay } = await plantedRun({});
    expect(fuzz.requests).toBeGreaterThan(100);
    expect(failureClasses(fuzz.failures).map((c) => `[${c.failure}] ${c.kind} ${c.example.answer}`)).toEqual(
      [],
    );
    expect(replay.operationsWithIds).toBeGreaterThan(0);
    expect(replay.leaks).toEqual([]);
  });

  it('find a planted 500, and the write that landed behind it', async () => {
    const { fuzz } = await plantedRun({ crashOnNul: true });
    expect(fuzz.byStatusClass['5xx']).toBeGreaterThan(0);
    expect(fuzz.failures).toContainEqual(
      expect.objectContaining({
        failure: '5xx',
        operationId: 'createItem',
        kind: 'body.string.nul',
        status: 500,
      }),
    );
    expect(fuzz.failures).toContainEqual(
      expect.objectContaining({ failure: 'write landed', operationId: 'createItem' }),
    );
  });

  it('find a planted cross-tenant leak', async () => {
    const { replay } = await plantedRun({ leakAcrossTenants: true });
    expect(replay.leaks).toContainEqual(
      expect.objectContaining({
        reason: 'A data in the answer',
        operationId: 'getItem',
        carried: 'path id',
        variant: 'B',
        status: 200,
      }),
    );
  });
});
