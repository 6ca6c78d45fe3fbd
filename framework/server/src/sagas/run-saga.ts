import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Database, Db } from '../data/database.js';
import { servicesInTransaction } from '../data/services-in-transaction.js';
import { DomainError } from '../errors/domain-error.js';
import type { Services } from '../foundation/services.js';
import type { SagaCallContext, SagaDefinition, SagaStep, SagaTransactionContext } from './define-saga.js';
import {
  insertRun,
  lockRunByKey,
  type NewSagaRun,
  type RunChange,
  restartRun,
  type SagaFailure,
  type SagaRunRow,
  takeOver,
  updateRun,
} from './saga-store.js';

/** What runs sagas: the kernel's database and services, and how patient it is. */
export interface SagaRuntime {
  database: Database;
  services: Services;
  logger: Logger;
  /** how long a runner holds a run between two writes before it is taken for dead; 60 s unless given */
  leaseMs?: number;
  /** tries of one compensation before the run is left to the recovery job; 3 unless given */
  compensationAttempts?: number;
  /** wait before the second try of a compensation, doubled for each further one; 50 ms unless given */
  compensationDelayMs?: number;
}

/** Who a run works for. */
export interface SagaScope {
  tenantId: string;
  userId?: string | undefined;
  requestId: string;
  /** the request's Idempotency-Key (with its credential): a retry with it completes the run once */
  key?: string | undefined;
}

/** What a run records of the error that made it compensate: the step, and the error's code and message. */
export function failureOf(step: string, error: unknown): SagaFailure {
  if (error instanceof DomainError) return { step, code: error.code, message: error.message };
  return { step, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

interface Drive<I, R, O> {
  runtime: SagaRuntime;
  saga: SagaDefinition<I, R, O>;
  run: SagaRunRow;
  logger: Logger;
}

function leaseOf(runtime: SagaRuntime): number {
  return runtime.leaseMs ?? 60_000;
}

function view<I, R>(run: SagaRunRow) {
  return { runId: run.id, input: run.input as I, results: run.results as Partial<R> };
}

/** A transaction in the run's tenant, with the step's plugin context and the run's outcome written in it. */
function inStepTransaction<I, R, T>(
  drive: Drive<I, R, unknown>,
  work: (ctx: SagaTransactionContext<I, R>, tx: Db) => Promise<T>,
): Promise<T> {
  const { runtime, run, logger } = drive;
  const { tenantId, userId, requestId } = run;
  return runtime.database.transaction(
    (tx) => {
      const services = servicesInTransaction(runtime.services, { tx, tenantId, userId });
      return work({ tx, tenantId, userId, requestId, logger, services, ...view<I, R>(run) }, tx);
    },
    userId === undefined ? { tenantId } : { tenantId, userId },
  );
}

function callContext<I, R>(drive: Drive<I, R, unknown>): SagaCallContext<I, R> {
  const { runtime, run, logger } = drive;
  return {
    tenantId: run.tenantId,
    userId: run.userId,
    requestId: run.requestId,
    logger,
    services: runtime.services,
    ...view<I, R>(run),
  };
}

/** Records a change of the run in a transaction of its own (between steps). */
function record(drive: Drive<unknown, unknown, unknown>, change: Omit<RunChange, 'leaseMs'>): Promise<void> {
  const { runtime, run } = drive;
  return runtime.database.transaction(
    (tx) => updateRun(tx, run.id, run.owner, { ...change, leaseMs: leaseOf(runtime) }),
    {
      tenantId: run.tenantId,
    },
  );
}

function applyLocally(
  run: SagaRunRow,
  name: string,
  state: SagaRunRow['steps'][string],
  result?: unknown,
): void {
  run.steps[name] = state;
  if (state === 'done') run.results[name] = result ?? null;
}

/** Runs one step forward; its outcome is written with its effect (transaction) or around it (external). */
async function runStep<I, R>(
  drive: Drive<I, R, unknown>,
  step: SagaStep<I, R>,
  index: number,
): Promise<void> {
  const { run, runtime } = drive;
  const leaseMs = leaseOf(runtime);
  if (step.kind === 'transaction') {
    const result = await inStepTransaction(drive, async (ctx, tx) => {
      const value = await step.run(ctx);
      await updateRun(tx, run.id, run.owner, {
        stepState: { name: step.name, state: 'done', result: value },
        step: index + 1,
        leaseMs,
      });
      return value;
    });
    applyLocally(run, step.name, 'done', result);
  } else {
    await record(drive as Drive<unknown, unknown, unknown>, {
      stepState: { name: step.name, state: 'started' },
    });
    applyLocally(run, step.name, 'started');
    const result = await step.run(callContext(drive));
    await record(drive as Drive<unknown, unknown, unknown>, {
      stepState: { name: step.name, state: 'done', result },
      step: index + 1,
    });
    applyLocally(run, step.name, 'done', result);
  }
  run.step = index + 1;
}

/** One compensation, retried with backoff; true when it (and its record) went through. */
async function compensateStep<I, R>(drive: Drive<I, R, unknown>, step: SagaStep<I, R>): Promise<boolean> {
  const { runtime, run, logger } = drive;
  const attempts = runtime.compensationAttempts ?? 3;
  const leaseMs = leaseOf(runtime);
  const state = run.steps[step.name];
  const result = state === 'done' ? run.results[step.name] : undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      if (step.kind === 'transaction') {
        await inStepTransaction(drive, async (ctx, tx) => {
          await step.compensate?.(ctx, result);
          await updateRun(tx, run.id, run.owner, {
            stepState: { name: step.name, state: 'compensated' },
            leaseMs,
          });
        });
      } else {
        await step.compensate?.(callContext(drive), result);
        await record(drive as Drive<unknown, unknown, unknown>, {
          stepState: { name: step.name, state: 'compensated' },
        });
      }
      applyLocally(run, step.name, 'compensated');
      return true;
    } catch (error) {
      logger.warn(
        { err: error, saga: run.saga, run: run.id, step: step.name, attempt },
        'saga compensation failed',
      );
      if (attempt < attempts) await sleep((runtime.compensationDelayMs ?? 50) * 2 ** (attempt - 1));
    }
  }
  return false;
}

/**
 * Compensates every step that took effect (done) or may have (an external step started), last
 * first. True when all went through (the run is `compensated`); false leaves it `compensating`
 * for the recovery job, which tries the rest again.
 */
export async function compensateRun<I, R, O>(drive: Drive<I, R, O>): Promise<boolean> {
  const { saga, run } = drive;
  const loose = drive as Drive<I, R, unknown>;
  for (let index = saga.steps.length - 1; index >= 0; index--) {
    const step = saga.steps[index];
    if (step === undefined) continue;
    const state = run.steps[step.name];
    const tookEffect = state === 'done' || (state === 'started' && step.kind === 'external');
    if (!tookEffect) continue;
    if (!(await compensateStep(loose, step))) return false;
  }
  await record(drive as Drive<unknown, unknown, unknown>, { status: 'compensated' });
  run.status = 'compensated';
  return true;
}

/** The output of a completed run, from its recorded results. */
function outputOf<I, R, O>(saga: SagaDefinition<I, R, O>, run: SagaRunRow): O {
  return saga.output(run.results as R, run.input as I);
}

/**
 * Runs the run's remaining steps; on a failure, records it and compensates. Resolves with the
 * output, or throws the failing step's error once compensated (or left to the recovery job).
 */
export async function driveForward<I, R, O>(drive: Drive<I, R, O>): Promise<O> {
  const { saga, run, logger } = drive;
  const loose = drive as Drive<I, R, unknown>;
  for (let index = run.step; index < saga.steps.length; index++) {
    const step = saga.steps[index];
    if (step === undefined) break;
    try {
      await runStep(loose, step, index);
    } catch (error) {
      const failed = failureOf(step.name, error);
      logger.info({ saga: saga.name, run: run.id, step: step.name, code: failed.code }, 'saga step failed');
      if (run.steps[step.name] !== 'started') applyLocally(run, step.name, 'failed');
      await record(drive as Drive<unknown, unknown, unknown>, {
        status: 'compensating',
        error: failed,
        ...(run.steps[step.name] === 'started'
          ? {}
          : { stepState: { name: step.name, state: 'failed' as const } }),
      });
      run.status = 'compensating';
      await compensateRun(drive);
      throw error;
    }
  }
  const output = outputOf(saga, run);
  await record(drive as Drive<unknown, unknown, unknown>, { status: 'completed', output });
  run.status = 'completed';
  return output;
}

/** The drive of a run by its saga, with a logger naming both. */
export function driveOf<I, R, O>(
  runtime: SagaRuntime,
  saga: SagaDefinition<I, R, O>,
  run: SagaRunRow,
): Drive<I, R, O> {
  return { runtime, saga, run, logger: runtime.logger.child({ saga: saga.name, saga_run: run.id }) };
}

/** A run as `startRun` found it: one it just started (or restarted), or one a key named before. */
interface StartedRun {
  run: SagaRunRow;
  ours: boolean;
}

/** Starts (or, for a key seen before, finds) the run of `input`, in one transaction of the tenant. */
async function startRun<I, R, O>(
  runtime: SagaRuntime,
  saga: SagaDefinition<I, R, O>,
  input: I,
  scope: SagaScope,
): Promise<StartedRun> {
  const fresh: NewSagaRun = {
    tenantId: scope.tenantId,
    saga: saga.name,
    key: scope.key,
    userId: scope.userId,
    requestId: scope.requestId,
    input,
    leaseMs: leaseOf(runtime),
  };
  return runtime.database.transaction(
    async (tx): Promise<StartedRun> => {
      const { key } = scope;
      if (key !== undefined) {
        const existing = await lockRunByKey(tx, scope.tenantId, saga.name, key);
        if (existing?.status === 'compensated')
          return { run: await restartRun(tx, existing.id, fresh), ours: true };
        if (existing !== undefined) return { run: existing, ours: false };
      }
      const inserted = await insertRun(tx, fresh);
      // a concurrent start with the key inserted it between our read and our insert: it is running
      if (inserted === undefined) {
        throw new DomainError('IDEMPOTENCY_CONFLICT', 'A request with this Idempotency-Key is still running');
      }
      return { run: inserted, ours: true };
    },
    { tenantId: scope.tenantId },
  );
}

/**
 * Finishes a run whose runner died: takes it over (a new owner and lease), then compensates it,
 * or, when its saga says `resume` and it had not started compensating, runs its remaining steps.
 * Resolves with the run as it ended; never throws for a step's failure (the run records it).
 */
export async function recoverRun<I, R, O>(
  runtime: SagaRuntime,
  saga: SagaDefinition<I, R, O>,
  stale: SagaRunRow,
): Promise<SagaRunRow> {
  const run = await runtime.database.transaction((tx) => takeOver(tx, stale.id, leaseOf(runtime)), {
    tenantId: stale.tenantId,
  });
  return finishClaimed(runtime, saga, run);
}

/** Finishes a run this runner holds (claimed by the recovery job or taken over): see {@link recoverRun}. */
export async function finishClaimed<I, R, O>(
  runtime: SagaRuntime,
  saga: SagaDefinition<I, R, O>,
  run: SagaRunRow,
): Promise<SagaRunRow> {
  const drive = driveOf(runtime, saga, run);
  if (run.status === 'running' && (saga.onCrash ?? 'compensate') === 'resume') {
    try {
      await driveForward(drive);
    } catch {
      // recorded on the run, compensated (or left compensating) by driveForward
    }
    return run;
  }
  if (run.status === 'running') {
    const crashed: SagaFailure = {
      step: saga.steps[run.step]?.name ?? 'end',
      code: 'CRASHED',
      message: 'The run stopped half-way',
    };
    await record(drive as Drive<unknown, unknown, unknown>, { status: 'compensating', error: crashed });
    run.status = 'compensating';
    run.error = crashed;
  }
  await compensateRun(drive);
  return run;
}

/**
 * Runs `saga` for `input`: each step in order (a transaction step in a transaction of its own, an
 * external step between transactions), each outcome persisted in `prefiq.saga_runs`. A failing
 * step makes the steps before it compensate, last first (each compensation retried; those still
 * failing are left to `recoverSagas`); the step's error is then thrown, so an action answers
 * with its problem. With a key, a run completes once: a retry gets the first output, a retry
 * while it runs a 409 `IDEMPOTENCY_CONFLICT`, a retry after a failure runs afresh, and a retry
 * after its runner died recovers it first (as its saga's `onCrash` says).
 *
 * @example
 * const order = await runSaga(runtime, checkout, { cartId }, { tenantId, userId, requestId, key });
 */
export async function runSaga<I, R, O>(
  runtime: SagaRuntime,
  saga: SagaDefinition<I, R, O>,
  input: I,
  scope: SagaScope,
): Promise<O> {
  const { run, ours } = await startRun(runtime, saga, input, scope);
  if (run.status === 'completed') return outputOf(saga, run);
  if (ours) return driveForward(driveOf(runtime, saga, run));
  if (!run.stale) {
    throw new DomainError('IDEMPOTENCY_CONFLICT', 'A request with this Idempotency-Key is still running');
  }
  // the first runner died: recover the run, then answer as it ended
  const recovered = await recoverRun(runtime, saga, run);
  if (recovered.status === 'completed') return outputOf(saga, recovered);
  throw new DomainError(
    'CONFLICT',
    `The earlier run of this request failed at ${recovered.error?.step ?? 'a step'}`,
    {
      extensions: { sagaError: recovered.error },
    },
  );
}
