import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';

/** A run's state (`prefiq.saga_runs.status`). */
export type SagaRunStatus = 'running' | 'completed' | 'compensating' | 'compensated';

/** A step's state within its run. */
export type SagaStepState = 'started' | 'done' | 'failed' | 'compensated';

/** The failure that made a run compensate. */
export interface SagaFailure {
  step: string;
  code: string;
  message: string;
}

/** One row of `prefiq.saga_runs`, as the runner reads it. */
export interface SagaRunRow {
  id: string;
  tenantId: string;
  saga: string;
  userId: string | undefined;
  requestId: string;
  status: SagaRunStatus;
  input: unknown;
  results: Record<string, unknown>;
  steps: Record<string, SagaStepState>;
  step: number;
  output: unknown;
  error: SagaFailure | undefined;
  owner: string;
  /** whether its lease ran out (its runner is taken for dead) */
  stale: boolean;
}

type RawRun = Record<string, unknown>;

/** jsonb comes back parsed from postgres.js and PGlite alike; a text value is parsed here. */
function json(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function record(value: unknown): Record<string, unknown> {
  const parsed = json(value);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

function failure(value: unknown): SagaFailure | undefined {
  const parsed = record(value);
  return typeof parsed.step === 'string' &&
    typeof parsed.code === 'string' &&
    typeof parsed.message === 'string'
    ? { step: parsed.step, code: parsed.code, message: parsed.message }
    : undefined;
}

function toRow(raw: RawRun): SagaRunRow {
  return {
    id: String(raw.id),
    tenantId: String(raw.tenant_id),
    saga: String(raw.saga),
    userId: raw.user_id === null || raw.user_id === undefined ? undefined : String(raw.user_id),
    requestId:
      raw.request_id === null || raw.request_id === undefined ? 'saga-recovery' : String(raw.request_id),
    status: String(raw.status) as SagaRunStatus,
    input: json(raw.input),
    results: record(raw.results),
    steps: record(raw.steps) as Record<string, SagaStepState>,
    step: Number(raw.step),
    output: raw.output === null ? undefined : json(raw.output),
    error: failure(raw.error),
    owner: String(raw.owner),
    stale: raw.stale === true,
  };
}

const columns = sql`id, tenant_id, saga, user_id, request_id, status, input, results, steps, step, output, error,
  owner, leased_until < now() as stale`;

/** What starts a run. */
export interface NewSagaRun {
  tenantId: string;
  saga: string;
  key: string | undefined;
  userId: string | undefined;
  requestId: string;
  input: unknown;
  leaseMs: number;
}

/**
 * The run a key names, locked for this transaction (`for update`): a concurrent start with the
 * same key waits for it.
 */
export async function lockRunByKey(
  tx: Db,
  tenantId: string,
  saga: string,
  key: string,
): Promise<SagaRunRow | undefined> {
  const [raw] = await executeRows(
    tx,
    sql`select ${columns} from prefiq.saga_runs
        where tenant_id = ${tenantId}::uuid and saga = ${saga} and key = ${key} for update`,
  );
  return raw === undefined ? undefined : toRow(raw);
}

/**
 * Inserts a new run held by a new owner; with a key taken by a concurrent start, nothing
 * (undefined): the caller reads that one.
 */
export async function insertRun(tx: Db, run: NewSagaRun): Promise<SagaRunRow | undefined> {
  const [raw] = await executeRows(
    tx,
    sql`insert into prefiq.saga_runs (id, tenant_id, saga, key, user_id, request_id, status, input, owner, leased_until)
        values (${randomUUID()}::uuid, ${run.tenantId}::uuid, ${run.saga}, ${run.key ?? null}, ${run.userId ?? null}::uuid,
          ${run.requestId}, 'running', ${JSON.stringify(run.input)}::jsonb, ${randomUUID()}::uuid,
          now() + make_interval(secs => ${run.leaseMs / 1000}))
        on conflict (tenant_id, saga, key) where key is not null do nothing
        returning ${columns}`,
  );
  return raw === undefined ? undefined : toRow(raw);
}

/** Starts a compensated run of a key afresh (a retry after a failure runs again, as ADR 0021). */
export async function restartRun(tx: Db, id: string, run: NewSagaRun): Promise<SagaRunRow> {
  const [raw] = await executeRows(
    tx,
    sql`update prefiq.saga_runs set status = 'running', input = ${JSON.stringify(run.input)}::jsonb,
          results = '{}'::jsonb, steps = '{}'::jsonb, step = 0, output = null, error = null,
          user_id = ${run.userId ?? null}::uuid, request_id = ${run.requestId}, owner = ${randomUUID()}::uuid,
          leased_until = now() + make_interval(secs => ${run.leaseMs / 1000}), attempts = attempts + 1, updated_at = now()
        where id = ${id}::uuid returning ${columns}`,
  );
  if (raw === undefined) throw new Error(`saga run ${id} vanished while it was restarted`);
  return toRow(raw);
}

/** Takes a run over (a new owner, a new lease): the recovery of a run whose runner died. */
export async function takeOver(tx: Db, id: string, leaseMs: number): Promise<SagaRunRow> {
  const [raw] = await executeRows(
    tx,
    sql`update prefiq.saga_runs set owner = ${randomUUID()}::uuid, attempts = attempts + 1, updated_at = now(),
          leased_until = now() + make_interval(secs => ${leaseMs / 1000})
        where id = ${id}::uuid returning ${columns}`,
  );
  if (raw === undefined) throw new Error(`saga run ${id} vanished while it was taken over`);
  return toRow(raw);
}

/**
 * Claims one run of `sagas` whose lease ran out (its runner died), skipping those another node is
 * claiming; as the owner of the table (the recovery job works across tenants).
 */
export async function claimStaleRun(
  tx: Db,
  sagas: readonly string[],
  leaseMs: number,
): Promise<SagaRunRow | undefined> {
  if (sagas.length === 0) return undefined;
  const [raw] = await executeRows(
    tx,
    sql`update prefiq.saga_runs set owner = gen_random_uuid(), attempts = attempts + 1, updated_at = now(),
          leased_until = now() + make_interval(secs => ${leaseMs / 1000})
        where id = (
          select id from prefiq.saga_runs
          where status in ('running', 'compensating') and leased_until < now()
            and saga in (${sql.join(
              sagas.map((s) => sql`${s}`),
              sql`, `,
            )})
          order by leased_until limit 1 for update skip locked)
        returning ${columns}`,
  );
  return raw === undefined ? undefined : toRow(raw);
}

/** A change of a run, written only while `owner` still holds it. */
export interface RunChange {
  status?: SagaRunStatus;
  /** a step's state and, when done, its result */
  stepState?: { name: string; state: SagaStepState; result?: unknown };
  /** how many steps are done */
  step?: number;
  output?: unknown;
  error?: SagaFailure;
  leaseMs: number;
}

/**
 * Writes `change` to the run while `owner` holds it; throws when another runner took it over (this
 * one was taken for dead), so a late runner never overwrites the recovery's work.
 */
export async function updateRun(tx: Db, id: string, owner: string, change: RunChange): Promise<void> {
  const { stepState } = change;
  const stepsPatch = stepState === undefined ? {} : { [stepState.name]: stepState.state };
  const resultsPatch =
    stepState === undefined || stepState.state !== 'done'
      ? {}
      : { [stepState.name]: stepState.result ?? null };
  const rows = await executeRows(
    tx,
    sql`update prefiq.saga_runs set
          status = coalesce(${change.status ?? null}, status),
          steps = steps || ${JSON.stringify(stepsPatch)}::jsonb,
          results = results || ${JSON.stringify(resultsPatch)}::jsonb,
          step = coalesce(${change.step ?? null}::integer, step),
          output = coalesce(${change.output === undefined ? null : JSON.stringify(change.output)}::jsonb, output),
          error = coalesce(${change.error === undefined ? null : JSON.stringify(change.error)}::jsonb, error),
          leased_until = now() + make_interval(secs => ${change.leaseMs / 1000}),
          updated_at = now()
        where id = ${id}::uuid and owner = ${owner}::uuid returning id`,
  );
  if (rows.length === 0) throw new Error(`saga run ${id} was taken over by another runner`);
}
