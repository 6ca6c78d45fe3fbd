import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { fetchContract, signedInPrincipal } from './fuzz-host.js';
import { failureClasses, formatFuzzReport } from './fuzz-report.js';
import { runFuzz } from './fuzz-run.js';
import { anonymous } from './principal.js';
import { fuzzSeed } from './seeded-random.js';
import { stateProbeAt } from './state-probe.js';

const host = inject('fuzzHost');

it('answers every bad request to every operation of the contract with a 4xx problem, and writes nothing', async () => {
  const doc = await fetchContract(host.url);
  const owner = await signedInPrincipal(host.url, 'owner', host.owner);
  const viewer = await signedInPrincipal(host.url, 'viewer', host.viewer);
  const report = await runFuzz(
    {
      origin: host.url,
      doc,
      owner,
      others: [viewer, anonymous],
      probe: stateProbeAt(host.probeUrl),
      bodyLimit: host.bodyLimit,
    },
    { seed: fuzzSeed(process.env) },
  );
  const file = join(tmpdir(), 'codexion-fuzz', `contract-fuzz-${report.seed}.json`);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, JSON.stringify(report, null, 2));
  console.log(`${formatFuzzReport(report)}\n(on ${host.database}; every failure in ${file})`);

  expect(report.requests).toBeGreaterThanOrEqual(10_000);
  expect(report.byStatusClass['5xx'] ?? 0).toBe(0);
  expect(
    failureClasses(report.failures).map((c) => `[${c.failure}] ${c.kind} in ${c.operations.join(', ')}`),
  ).toEqual([]);
});
