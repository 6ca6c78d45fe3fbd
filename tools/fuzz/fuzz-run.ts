import { createAjv, type OpenApiDocument } from '@codexion/schema';
import type { BadRequest } from './bad-request.js';
import { type Baseline, type BaselineSources, buildBaseline, renderRequest } from './baseline-request.js';
import { bodyMutations } from './body-mutations.js';
import { type ContractOperation, contractOperations, operationRisk } from './contract-operations.js';
import { headerMutations } from './header-mutations.js';
import { type AnswerFailure, judgeAnswer, problemOf } from './judge-answer.js';
import { pathMutations } from './path-mutations.js';
import { getJson, holds, mapLimit, type Principal } from './principal.js';
import { queryMutations } from './query-mutations.js';
import { collectRecordPools, pathParameterValue, type RecordPools } from './record-pools.js';
import { excerpt, targetOf } from './request-shape.js';
import { seededRandom } from './seeded-random.js';
import { sendRequest, type WireAnswer } from './send-request.js';
import type { StateProbe } from './state-probe.js';
import { changedTables } from './table-fingerprint.js';

/** The host under test. */
export interface FuzzTarget {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** the merged contract it serves */
  doc: OpenApiDocument;
  /** the tenant's owner: every operation is fuzzed as them */
  owner: Principal & { userId: string; tenantId: string };
  /** callers a sample of the bad requests is replayed as (a viewer, an anonymous caller) */
  others: readonly Principal[];
  /** proves that no write landed; without it only the answers are judged */
  probe?: StateProbe;
  /** the host's body limit in bytes */
  bodyLimit: number;
}

export interface FuzzOptions {
  seed: number;
  /** requests in flight at once */
  concurrency?: number;
  /** about one in `sampleEvery` bad requests is also sent as each of `others` */
  sampleEvery?: number;
  /** only these operations (by id); all unless given */
  only?: readonly string[];
}

/** One bad request answered wrongly. */
export interface FuzzFailure {
  failure: AnswerFailure | 'write landed' | 'session lost';
  operationId: string;
  kind: string;
  target: string;
  principal: string;
  status: number;
  /** `METHOD /path?query`, shortened */
  request: string;
  /** the start of the request body, as text */
  requestBody: string;
  /** the start of the answer body */
  answer: string;
}

export interface FuzzReport {
  seed: number;
  operations: number;
  /** requests that should pass: built per operation, schema-valid, sent to check, passed; and the checked ones that never passed */
  baselines: { built: number; schemaValid: number; sent: number; accepted: number; refused: string[] };
  requests: number;
  byPrincipal: Record<string, number>;
  byStatusClass: Record<string, number>;
  fourxxByCode: Record<string, number>;
  failures: FuzzFailure[];
  durationMs: number;
}

/** A write is checked by sending its baseline only when the contract also reads at the same path (a create or an edit, not an action). */
function calibratable(op: ContractOperation, operations: readonly ContractOperation[]): boolean {
  if (op.method === 'GET') return true;
  if (op.body === undefined || op.method === 'DELETE') return false;
  return operations.some((other) => other.method === 'GET' && other.path === op.path);
}

function stableIndex(text: string, size: number): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return size <= 1 ? 0 : hash % size;
}

/**
 * Fuzzes every operation of a host's contract: for each, a request that should pass (built from
 * the schemas and existing records, sent once where that is safe to check it), then hundreds of
 * bad variants of it (body, query, path, headers, credentials), all as the tenant's owner and a
 * sample as each other principal. Every answer must be a 4xx problem+json (see `judgeAnswer`) and,
 * per operation, the database must be unchanged (`probe`). Deterministic for a seed.
 *
 * @example
 * const report = await runFuzz({ origin, doc, owner, others: [viewer, anonymous], probe, bodyLimit }, { seed });
 * report.failures; // []
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const { origin, doc, owner, probe } = target;
  const { seed, concurrency = 8, sampleEvery = 6 } = options;
  const random = seededRandom(seed);
  const operations = contractOperations(doc).filter((op) => options.only?.includes(op.operationId) ?? true);
  const ajv = createAjv({ strict: false, allErrors: false });
  const get = (path: string) => getJson(origin, owner, path);
  const report: FuzzReport = {
    seed,
    operations: operations.length,
    baselines: { built: 0, schemaValid: 0, sent: 0, accepted: 0, refused: [] },
    requests: 0,
    byPrincipal: {},
    byStatusClass: {},
    fourxxByCode: {},
    failures: [],
    durationMs: 0,
  };
  const sourcesOf = (pools: RecordPools): BaselineSources => ({
    pools,
    refIds: (entity) => pools.refIds(entity),
    valuesNamed: (name) => pools.valuesNamed(name),
    userId: owner.userId,
    tenantId: owner.tenantId,
    etag: async (path) => (await get(path)).headers.get('etag') ?? undefined,
  });
  const schemaValid = (op: ContractOperation, baseline: Baseline) =>
    op.body === undefined || ajv.validate(op.body.schema, baseline.body);

  // 1. a request of each operation that should pass; the safe ones are sent to check it
  const chosen = new Map<string, number>();
  // operations whose request was sent and passed: a field error must then be about the broken part
  const shownToPass = new Set<string>();
  let pools = await collectRecordPools(doc, operations, get);
  for (const op of operations) {
    const opSeed = random.fork(op.operationId).int(1e9);
    const recordIndex = stableIndex(op.operationId, 10);
    for (let variant = 0; variant < 8; variant += 1) {
      const baseline = await buildBaseline(op, sourcesOf(pools), { seed: opSeed, variant, recordIndex });
      if (!schemaValid(op, baseline)) continue;
      if (!chosen.has(op.operationId)) chosen.set(op.operationId, variant);
      if (!calibratable(op, operations)) break;
      report.baselines.sent += 1;
      const shape = renderRequest(baseline);
      const answer = await sendRequest(origin, {
        ...shape,
        headers: { ...shape.headers, ...owner.credentials(op.method) },
      });
      if (answer.status < 300) {
        report.baselines.accepted += 1;
        chosen.set(op.operationId, variant);
        shownToPass.add(op.operationId);
        break;
      }
    }
    if (calibratable(op, operations) && !shownToPass.has(op.operationId))
      report.baselines.refused.push(op.operationId);
  }
  // what the checks created is there to point at now, and ETags are fresh
  pools = await collectRecordPools(doc, operations, get);
  const baselines: Baseline[] = [];
  for (const op of operations) {
    const opSeed = random.fork(op.operationId).int(1e9);
    const baseline = await buildBaseline(op, sourcesOf(pools), {
      seed: opSeed,
      variant: chosen.get(op.operationId) ?? 0,
      recordIndex: stableIndex(op.operationId, 10),
    });
    report.baselines.built += 1;
    if (schemaValid(op, baseline)) report.baselines.schemaValid += 1;
    baselines.push(baseline);
  }

  // 2. the bad requests, operation by operation
  const cursorPaths = [...pools.cursors.keys()];
  const record = (
    failure: FuzzFailure['failure'],
    request: BadRequest,
    principal: string,
    answer: WireAnswer | undefined,
  ) => {
    const body = request.shape.body;
    report.failures.push({
      failure,
      operationId: request.operationId,
      kind: request.kind,
      target: request.target,
      principal,
      status: answer?.status ?? 0,
      request: excerpt(`${request.shape.method} ${targetOf(request.shape)}`, 160),
      requestBody: body === undefined ? '' : excerpt(Buffer.from(body).toString('utf8'), 160),
      answer: excerpt(answer?.text ?? '', 300),
    });
  };
  const send = async (request: BadRequest, principal: Principal, expect: readonly number[] | undefined) => {
    const credentials = principal.credentials(request.shape.method);
    const headers = {
      ...request.shape.headers,
      ...(request.credentials ? request.credentials(credentials) : credentials),
    };
    const hasNul = Object.values(headers).some((v) => v.includes('\u0000'));
    let answer: WireAnswer | undefined;
    try {
      answer = await sendRequest(origin, {
        ...request.shape,
        headers,
        raw: request.shape.raw === true || hasNul,
      });
    } catch {
      answer = undefined;
    }
    report.requests += 1;
    report.byPrincipal[principal.name] = (report.byPrincipal[principal.name] ?? 0) + 1;
    const statusClass = answer === undefined ? 'none' : `${Math.floor(answer.status / 100)}xx`;
    report.byStatusClass[statusClass] = (report.byStatusClass[statusClass] ?? 0) + 1;
    if (answer !== undefined && answer.status >= 400 && answer.status < 500) {
      const code = problemOf(answer)?.code;
      const key = typeof code === 'string' ? code : `(${answer.status} without code)`;
      report.fourxxByCode[key] = (report.fourxxByCode[key] ?? 0) + 1;
    }
    const failure =
      answer === undefined
        ? 'no answer'
        : judgeAnswer({ target: request.target, expect }, answer, {
            inTarget: shownToPass.has(request.operationId),
          });
    if (failure !== undefined) record(failure, request, principal.name, answer);
    return answer;
  };

  type Job = [BadRequest, Principal, readonly number[] | undefined];
  // one fingerprint between two batches: the one after a batch is the one before the next
  let state = probe === undefined ? undefined : await probe.fingerprint();
  /** Sends a batch of one operation (concurrently, or one by one), then checks nothing was written and the sessions live. */
  const runBatch = async (requests: readonly BadRequest[], jobs: readonly Job[], oneByOne: boolean) => {
    const before = state;
    const answers = oneByOne
      ? await mapLimit(jobs, 1, ([r, p, e]) => send(r, p, e))
      : await mapLimit(jobs, concurrency, ([r, p, e]) => send(r, p, e));
    const accepted = jobs.filter(
      (_, i) => (answers[i]?.status ?? 0) < 300 && (answers[i]?.status ?? 0) >= 200,
    );
    let changed: string[] = [];
    if (probe !== undefined && before !== undefined) {
      state = await probe.fingerprint();
      changed = changedTables(before, state);
      const culprits = [...new Set(accepted.map(([r]) => r.kind))];
      const example = accepted[0]?.[0] ?? requests[0];
      if (changed.length > 0 && example !== undefined) {
        record('write landed', { ...example, kind: `changed ${changed.join(', ')}` }, 'owner', {
          status: 0,
          headers: {},
          text:
            culprits.length > 0
              ? `accepted: ${culprits.join(', ')}`
              : 'no request passed: a refused one wrote',
        });
      }
    }
    // only a request that passed (or wrote) can have ended a session
    if (accepted.length === 0 && changed.length === 0) return;
    for (const principal of [owner, ...target.others]) {
      if (principal.alive === undefined || (await principal.alive())) continue;
      const example = accepted[0]?.[0] ?? requests[0];
      if (example !== undefined)
        record(
          'session lost',
          { ...example, kind: `${principal.name}'s session ended` },
          principal.name,
          undefined,
        );
      await principal.renew?.();
      // signing in again writes (a session, an audit entry): start the next batch from here
      if (probe !== undefined) state = await probe.fingerprint();
    }
  };

  const ordered = [...baselines].sort((a, b) => operationRisk(a.operation) - operationRisk(b.operation));
  // what acts if it wrongly passes (a body on suspend or sign-out) waits until every operation
  // had its other bad requests, so one such finding does not hide the rest
  const deferred: BadRequest[][] = [];
  for (const baseline of ordered) {
    const op = baseline.operation;
    const opRandom = random.fork(`bad:${op.operationId}`);
    const listPath = op.path;
    // a cursor of another app's list: signed, but not this list's
    const foreign = cursorPaths.find((p) => p.split('/')[2] !== listPath.split('/')[2]);
    const requests: BadRequest[] = [
      ...bodyMutations(baseline, {
        random: opRandom,
        bodyLimit: target.bodyLimit,
        sources: sourcesOf(pools),
      }),
      ...queryMutations(baseline, {
        random: opRandom,
        ...(pools.cursors.has(listPath) ? { cursor: pools.cursors.get(listPath) } : {}),
        ...(foreign === undefined ? {} : { foreignCursor: pools.cursors.get(foreign) }),
      }),
      ...pathMutations(baseline, opRandom, (name) => pathParameterValue(pools, op.path, name) !== undefined),
      ...headerMutations(baseline, opRandom),
    ];
    const now = requests.filter((r) => !r.last);
    const later = requests.filter((r) => r.last);
    if (later.length > 0) deferred.push(later);
    // a sample for the other principals: never the ones about the owner's own credentials
    const sample = now.filter((r) => r.credentials === undefined && opRandom.int(sampleEvery) === 0);
    const jobs: Job[] = now.map((r) => [r, owner, r.expect]);
    for (const other of target.others) {
      for (const r of sample) {
        // refused for who they are before what they sent is looked at; not what the HTTP parser,
        // the body limit, routing (path) or the tenant header refuse first
        const strict = op.secured && !r.beforeAuth && !r.kind.startsWith('path.');
        const expect =
          other.permissions === undefined
            ? strict
              ? [401]
              : r.expect
            : strict &&
                !r.kind.startsWith('header.tenant.') &&
                op.permission !== undefined &&
                !holds(other.permissions, op.permission)
              ? [403]
              : r.expect;
        jobs.push([r, other, expect]);
      }
    }
    await runBatch(requests, jobs, false);
  }
  for (const later of deferred)
    await runBatch(
      later,
      later.map((r) => [r, owner, r.expect]),
      true,
    );
  report.durationMs = Math.round(performance.now() - started);
  return report;
}
