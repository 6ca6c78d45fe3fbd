import type { OpenApiDocument } from '@codexion/schema';
import {
  type Baseline,
  type BaselineSources,
  buildBaseline,
  renderPath,
  renderRequest,
} from './baseline-request.js';
import { withValueAt } from './body-mutations.js';
import { type ContractOperation, contractOperations, operationRisk } from './contract-operations.js';
import { tenantHeader } from './header-mutations.js';
import { objectBranch } from './inline-schema.js';
import { leakedMarkers, tenantMarkers } from './leak-search.js';
import { getJson, mapLimit, type Principal } from './principal.js';
import { pathParameterValue, type RecordPools } from './record-pools.js';
import { excerpt, type RequestShape, targetOf } from './request-shape.js';
import { schemaPositions } from './schema-positions.js';
import { seededRandom } from './seeded-random.js';
import { sendRequest, type WireAnswer } from './send-request.js';
import type { StateProbe } from './state-probe.js';
import { changedTables } from './table-fingerprint.js';

type Owner = Principal & { userId: string; tenantId: string; email: string };

export interface ReplayTarget {
  origin: string;
  doc: OpenApiDocument;
  /** tenant A's owner, whose data must not show to B; and its records */
  a: Owner;
  aPools: RecordPools;
  aMarker: string;
  /** tenant B's owner, who replays every operation with A's ids; and B's own records */
  b: Owner;
  bPools: RecordPools;
  /** proves A's rows unchanged */
  probe?: StateProbe;
}

/** One replayed request that showed or changed A's data. */
export interface Leak {
  reason: 'A data in the answer' | 'cross-tenant write accepted' | 'A changed';
  operationId: string;
  /** what of A the request carried: `path id`, `body /companyId`, `filter[id]`, `cursor`, … */
  carried: string;
  variant: 'B' | 'B + A tenant header';
  status: number;
  request: string;
  requestBody: string;
  /** A's ids or values found in the answer, or A's changed tables */
  found: string[];
  answer: string;
}

export interface ReplayReport {
  requests: number;
  byVariant: Record<string, number>;
  byStatusClass: Record<string, number>;
  markers: number;
  /** operations replayed with at least one of A's ids (not just A's tenant header) */
  operationsWithIds: number;
  operations: number;
  leaks: Leak[];
  durationMs: number;
}

interface Replay {
  operation: ContractOperation;
  carried: string;
  shape: RequestShape;
}

const unsafe = (method: string) => method !== 'GET';

/** The first string in a record that carries the marker: a distinctive value to search for. */
function markedValue(record: Record<string, unknown> | undefined, marker: string): string | undefined {
  return Object.values(record ?? {}).find((v): v is string => typeof v === 'string' && v.includes(marker));
}

/** B's request of an operation, with one of A's ids (or values) in each place that takes one. */
async function replaysOf(baseline: Baseline, target: ReplayTarget): Promise<Replay[]> {
  const { operation } = baseline;
  const { aPools, a } = target;
  const out: Replay[] = [];
  const base = renderRequest(baseline);
  for (const param of operation.parameters.filter((p) => p.in === 'path')) {
    const value = pathParameterValue(aPools, operation.path, param.name);
    if (value === undefined) continue;
    const pathParams = { ...baseline.pathParams, [param.name]: value };
    const headers = { ...baseline.headers };
    if (headers['if-match'] !== undefined) {
      // A's own ETag, so a missing tenant check is not hidden behind a stale precondition
      const upTo = operation.path.lastIndexOf('}');
      const etag = (
        await getJson(target.origin, a, renderPath(operation.path.slice(0, upTo + 1), pathParams))
      ).headers.get('etag');
      if (etag !== null) headers['if-match'] = etag;
    }
    out.push({
      operation,
      carried: `path ${param.name}`,
      shape: renderRequest({ ...baseline, pathParams, headers }),
    });
  }
  if (operation.body !== undefined) {
    for (const position of schemaPositions(operation.body.schema)) {
      if (position.schema.format !== 'uuid') continue;
      const ref = (position.schema['x-codexion'] as { ref?: unknown } | undefined)?.ref;
      const name = position.pointer.filter((p) => p !== '0').at(-1) ?? '';
      const value =
        typeof ref === 'string' ? aPools.refIds(ref)[0] : /tenant/i.test(name) ? a.tenantId : a.userId;
      if (value === undefined) continue;
      const body = withValueAt(baseline.body, position.pointer, value);
      out.push({
        operation,
        carried: `body /${position.pointer.join('/')}`,
        shape: renderRequest({ ...baseline, body }),
      });
    }
  }
  const aRecord = aPools.lists.get(operation.path)?.[0];
  const query = (carried: string, text: string) =>
    out.push({
      operation,
      carried,
      shape: { ...base, query: [base.query, text].filter((t) => t !== '').join('&') },
    });
  for (const param of operation.parameters.filter((p) => p.in === 'query')) {
    if (param.style === 'deepObject') {
      const fields = objectBranch(param.schema)?.properties ?? {};
      for (const field of Object.keys(fields)) {
        const value = aRecord?.[field];
        if (typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value))
          query(
            `filter[${field}]`,
            `${param.name}[${encodeURIComponent(field)}]=${encodeURIComponent(value)}`,
          );
      }
    } else if (param.name === 'where' && typeof aRecord?.id === 'string') {
      query('where id', `where=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'id' }, aRecord.id] }))}`);
    } else if (param.name === 'cursor') {
      const cursor = aPools.cursors.get(operation.path);
      if (cursor !== undefined) query('cursor', `cursor=${encodeURIComponent(cursor)}`);
    } else if (param.name === 'q') {
      const value = markedValue(aRecord, target.aMarker);
      if (value !== undefined) query('q', `q=${encodeURIComponent(value)}`);
    } else if (
      param.schema.type === 'string' &&
      param.schema.format === undefined &&
      param.schema.enum === undefined &&
      !param.required
    ) {
      // a free-text parameter (an audit `recordId`, an `actor`): A's ids
      const value = typeof aRecord?.id === 'string' ? aRecord.id : a.userId;
      query(param.name, `${encodeURIComponent(param.name)}=${encodeURIComponent(value)}`);
    }
  }
  return out;
}

/**
 * Replays every operation of the contract as tenant B's owner against tenant A's data: A's ids in
 * path parameters (with A's ETags), in bodies, in filters, `where` and free-text parameters, A's
 * cursors and A's distinctive values in `q` — each with B's credentials, and again with B's
 * credentials plus A's tenant header (and every operation once with only that header). A leak is
 * an answer that carries A's ids or values the request did not, a write carrying A's ids that
 * passed, or a change to A's rows (`probe`).
 *
 * @example
 * const report = await runTenantReplay({ origin, doc, a, aPools, aMarker, b, bPools, probe }, { seed });
 * report.leaks; // []
 */
export async function runTenantReplay(
  target: ReplayTarget,
  { seed, concurrency = 8 }: { seed: number; concurrency?: number },
): Promise<ReplayReport> {
  const started = performance.now();
  const { origin, doc, a, b, probe } = target;
  const operations = contractOperations(doc);
  const random = seededRandom(seed);
  const markers = tenantMarkers(
    target.aPools,
    target.aMarker,
    [a.tenantId, a.userId, a.email],
    target.bPools,
  );
  const report: ReplayReport = {
    requests: 0,
    byVariant: {},
    byStatusClass: {},
    markers: markers.size,
    operationsWithIds: 0,
    operations: operations.length,
    leaks: [],
    durationMs: 0,
  };
  const sources: BaselineSources = {
    pools: target.bPools,
    refIds: (entity) => target.bPools.refIds(entity),
    valuesNamed: (name) => target.bPools.valuesNamed(name),
    userId: b.userId,
    tenantId: b.tenantId,
    etag: async (path) => (await getJson(origin, b, path)).headers.get('etag') ?? undefined,
  };
  const aScope = { tenantId: a.tenantId };
  let state = probe === undefined ? undefined : await probe.fingerprint(aScope);
  for (const operation of [...operations].sort((x, y) => operationRisk(x) - operationRisk(y))) {
    const baseline = await buildBaseline(operation, sources, {
      seed: random.fork(operation.operationId).int(1e9),
      variant: 0,
    });
    const replays = await replaysOf(baseline, target);
    if (replays.length > 0) report.operationsWithIds += 1;
    const jobs: [Replay, Leak['variant']][] = [];
    for (const replay of replays) jobs.push([replay, 'B'], [replay, 'B + A tenant header']);
    if (operation.secured)
      jobs.push([
        { operation, carried: 'A tenant header', shape: renderRequest(baseline) },
        'B + A tenant header',
      ]);
    const answers = await mapLimit(
      jobs,
      concurrency,
      async ([replay, variant]): Promise<WireAnswer | undefined> => {
        const headers = {
          ...replay.shape.headers,
          ...b.credentials(operation.method),
          ...(variant === 'B' ? {} : { [tenantHeader]: a.tenantId }),
        };
        report.requests += 1;
        report.byVariant[variant] = (report.byVariant[variant] ?? 0) + 1;
        try {
          return await sendRequest(origin, { ...replay.shape, headers });
        } catch {
          return undefined;
        }
      },
    );
    let passed = false;
    for (const [index, [replay, variant]] of jobs.entries()) {
      const answer = answers[index];
      const status = answer?.status ?? 0;
      const statusClass = answer === undefined ? 'none' : `${Math.floor(status / 100)}xx`;
      report.byStatusClass[statusClass] = (report.byStatusClass[statusClass] ?? 0) + 1;
      if (answer === undefined) continue;
      if (status < 300) passed = true;
      const sent = `${targetOf(replay.shape)} ${JSON.stringify(replay.shape.headers)} ${replay.shape.body === undefined ? '' : Buffer.from(replay.shape.body).toString('utf8')}`;
      const answerText = `${JSON.stringify(answer.headers)} ${answer.text}`;
      const found = leakedMarkers(answerText, `${sent} ${variant === 'B' ? '' : a.tenantId}`, markers);
      const carriesA = [...markers].some((m) => sent.includes(m));
      const leak = (reason: Leak['reason'], what: string[]) =>
        report.leaks.push({
          reason,
          operationId: operation.operationId,
          carried: replay.carried,
          variant,
          status,
          request: excerpt(`${replay.shape.method} ${targetOf(replay.shape)}`, 200),
          requestBody:
            replay.shape.body === undefined
              ? ''
              : excerpt(Buffer.from(replay.shape.body).toString('utf8'), 200),
          found: what.slice(0, 5),
          answer: excerpt(answer.text, 300),
        });
      if (found.length > 0) leak('A data in the answer', found);
      else if (unsafe(operation.method) && status >= 200 && status < 300 && carriesA)
        leak('cross-tenant write accepted', []);
    }
    if (probe !== undefined && state !== undefined) {
      const now = await probe.fingerprint(aScope);
      const changed = changedTables(state, now);
      state = now;
      if (changed.length > 0) {
        const [first] = jobs;
        report.leaks.push({
          reason: 'A changed',
          operationId: operation.operationId,
          carried: first?.[0].carried ?? '',
          variant: first?.[1] ?? 'B',
          status: 0,
          request: first === undefined ? '' : `${first[0].shape.method} ${targetOf(first[0].shape)}`,
          requestBody: '',
          found: changed,
          answer: '',
        });
      }
    }
    // a replay that passed may have ended B's session (a logout with A's tenant header)
    if (passed && b.alive !== undefined && !(await b.alive())) await b.renew?.();
  }
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

/**
 * The replay's counts and each leak, for the test output.
 *
 * @example
 * console.log(formatReplayReport(report));
 */
export function formatReplayReport(report: ReplayReport): string {
  const counts = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const lines = [
    `two-tenant replay: ${report.requests} requests as B against A (${counts(report.byVariant)}), ${(report.durationMs / 1000).toFixed(1)} s`,
    `operations ${report.operations}, of which ${report.operationsWithIds} carried A's ids; A markers searched ${report.markers}`,
    `by status class: ${counts(report.byStatusClass)}`,
    `leaks: ${report.leaks.length}`,
  ];
  for (const leak of report.leaks) {
    lines.push(
      `  [${leak.reason}] ${leak.operationId} with A's ${leak.carried} as ${leak.variant}: ${leak.request}${leak.requestBody === '' ? '' : ` body ${leak.requestBody}`}`,
      `      -> ${leak.status} found ${leak.found.join(', ')} ${leak.answer}`,
    );
  }
  return lines.join('\n');
}
