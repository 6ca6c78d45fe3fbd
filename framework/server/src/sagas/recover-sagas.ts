import type { SagaDefinition } from './define-saga.js';
import { driveOf, finishClaimed, type SagaRuntime } from './run-saga.js';
import { claimStaleRun } from './saga-store.js';

/** What one pass of {@link recoverSagas} did. */
export interface SagaRecovery {
  /** runs taken over */
  claimed: number;
  /** of those, how many ended completed (resumed) */
  completed: number;
  /** of those, how many ended compensated */
  compensated: number;
  /** of those, how many still wait for a compensation (the next pass tries again) */
  pending: number;
}

/** A saga of any input, results and output: each run is driven by its own definition. */
type AnySaga = SagaDefinition<never, never, unknown>;

/**
 * Finishes the runs of `sagas` whose runner died (their lease ran out): each is compensated, or
 * resumed when its saga says `onCrash: 'resume'`; a compensation that still fails leaves the run
 * `compensating` with a new lease, so the next pass tries it again. Call it from a job of the app
 * that declares the sagas (ADR 0020), on a schedule: one node claims a run at a time (`skip locked`).
 *
 * @example
 * defineJob({ name: 'ecommerce.recover-checkouts', schedule: { cron: '* * * * *' },
 *   handler: ({ database, services, logger }) => recoverSagas({ database, services, logger }, [checkoutSaga]) });
 */
export async function recoverSagas(
  runtime: SagaRuntime,
  sagas: readonly AnySaga[],
  { limit = 100 }: { limit?: number } = {},
): Promise<SagaRecovery> {
  const byName = new Map(sagas.map((saga) => [saga.name, saga]));
  const recovery: SagaRecovery = { claimed: 0, completed: 0, compensated: 0, pending: 0 };
  const leaseMs = runtime.leaseMs ?? 60_000;
  for (let i = 0; i < limit; i++) {
    const run = await runtime.database.transaction((tx) => claimStaleRun(tx, [...byName.keys()], leaseMs));
    if (run === undefined) break;
    const saga = byName.get(run.saga);
    if (saga === undefined) continue;
    recovery.claimed++;
    driveOf(runtime, saga, run).logger.info({ status: run.status, step: run.step }, 'recovering a saga run');
    const ended = await finishClaimed(runtime, saga, run);
    if (ended.status === 'completed') recovery.completed++;
    else if (ended.status === 'compensated') recovery.compensated++;
    else recovery.pending++;
  }
  return recovery;
}
