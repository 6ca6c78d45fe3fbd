import type { OpenApiDocument } from '@codexion/schema';
import { buildBaseline, renderRequest } from './baseline-request.js';
import type { ContractOperation } from './contract-operations.js';
import { getJson, type Principal } from './principal.js';
import { collectRecordPools, type RecordPools } from './record-pools.js';
import { seededRandom } from './seeded-random.js';
import { sendRequest } from './send-request.js';

/** A problem's code and field errors, short. */
function refusalOf(text: string): string {
  try {
    const problem = JSON.parse(text) as {
      code?: string;
      errors?: { path?: string; code?: string; message?: string }[];
    };
    return `${problem.code ?? ''} ${(problem.errors ?? []).map((e) => `${e.path} ${e.code} (${e.message})`).join('; ')}`;
  } catch {
    return text.slice(0, 200);
  }
}

/** The creates of a contract: a POST with a body to a path the contract also lists (a collection). */
export function createOperations(operations: readonly ContractOperation[]): ContractOperation[] {
  return operations.filter(
    (op) =>
      op.method === 'POST' &&
      op.body !== undefined &&
      !op.path.includes('{') &&
      operations.some((other) => other.method === 'GET' && other.path === op.path),
  );
}

/**
 * Gives a tenant records in every collection of the contract, through the API as its owner:
 * bodies generated from the create schemas, references to what was made before (several passes,
 * so a deal finds its pipeline), free text prefixed by `marker` so it can be found again.
 * Returns the tenant's records afterwards, and the last refusal of each create that never passed.
 *
 * @example
 * const pools = await seedRecords(origin, doc, operations, tenantA, { marker: 'qA1f2e3d-', seed, perCollection: 2 });
 */
export async function seedRecords(
  origin: string,
  doc: OpenApiDocument,
  operations: readonly ContractOperation[],
  owner: Principal & { userId: string; tenantId: string },
  {
    marker,
    seed,
    perCollection = 2,
    passes = 3,
  }: { marker: string; seed: number; perCollection?: number; passes?: number },
): Promise<{ pools: RecordPools; created: number; refused: Record<string, string> }> {
  const get = (path: string) => getJson(origin, owner, path);
  const random = seededRandom(seed);
  const made = new Map<string, number>();
  const refused: Record<string, string> = {};
  let created = 0;
  for (let pass = 0; pass < passes; pass += 1) {
    const pools = await collectRecordPools(doc, operations, get);
    const sources = {
      pools,
      refIds: (entity: string) => pools.refIds(entity),
      valuesNamed: (name: string) => pools.valuesNamed(name),
      userId: owner.userId,
      tenantId: owner.tenantId,
      marker,
      etag: async (path: string) => (await get(path)).headers.get('etag') ?? undefined,
    };
    for (const op of createOperations(operations)) {
      const opSeed = random.fork(`${op.operationId}:${pass}`).int(1e9);
      for (let variant = 0; variant < 8 && (made.get(op.operationId) ?? 0) < perCollection; variant += 1) {
        const shape = renderRequest(await buildBaseline(op, sources, { seed: opSeed, variant }));
        const answer = await sendRequest(origin, {
          ...shape,
          headers: { ...shape.headers, ...owner.credentials('POST') },
        });
        if (answer.status >= 200 && answer.status < 300) {
          made.set(op.operationId, (made.get(op.operationId) ?? 0) + 1);
          created += 1;
          delete refused[op.operationId];
        } else if (!made.has(op.operationId)) {
          refused[op.operationId] = `${answer.status} ${refusalOf(answer.text)}`;
        }
      }
    }
  }
  return { pools: await collectRecordPools(doc, operations, get), created, refused };
}
