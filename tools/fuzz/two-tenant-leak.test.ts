import { expect, inject, it } from 'vitest';
import { contractOperations } from './contract-operations.js';
import { fetchContract, signedInPrincipal } from './fuzz-host.js';
import { seedRecords } from './seed-records.js';
import { fuzzSeed, seededRandom } from './seeded-random.js';
import { stateProbeAt } from './state-probe.js';
import { formatReplayReport, runTenantReplay } from './tenant-replay.js';

const host = inject('fuzzHost');

it('shows and changes nothing of tenant A when tenant B replays every operation with A ids', async () => {
  const seed = fuzzSeed(process.env);
  const doc = await fetchContract(host.url);
  const operations = contractOperations(doc);
  const random = seededRandom(seed);
  const a = { ...(await signedInPrincipal(host.url, 'A', host.tenantA)), email: host.tenantA.email };
  const b = { ...(await signedInPrincipal(host.url, 'B', host.tenantB)), email: host.tenantB.email };
  const aMarker = `qA${random.hex(6)}-`;
  const seededA = await seedRecords(host.url, doc, operations, a, { marker: aMarker, seed });
  const seededB = await seedRecords(host.url, doc, operations, b, {
    marker: `qB${random.hex(6)}-`,
    seed: seed + 1,
  });
  const report = await runTenantReplay(
    {
      origin: host.url,
      doc,
      a,
      aPools: seededA.pools,
      aMarker,
      b,
      bPools: seededB.pools,
      probe: stateProbeAt(host.probeUrl),
    },
    { seed },
  );
  const refused = Object.entries(seededA.refused).map(
    ([op, answer]) => `\n  not seeded in A: ${op} -> ${answer}`,
  );
  console.log(
    `seeded through the API: ${seededA.created} records in A, ${seededB.created} in B (on ${host.database}, seed ${seed})${refused.join('')}\n${formatReplayReport(report)}`,
  );

  expect(seededA.created).toBeGreaterThan(0);
  expect(report.operationsWithIds).toBeGreaterThan(0);
  expect(report.requests).toBeGreaterThanOrEqual(operations.length);
  expect(
    report.leaks.map(
      (l) => `[${l.reason}] ${l.operationId} with A's ${l.carried} as ${l.variant} -> ${l.status}`,
    ),
  ).toEqual([]);
});
