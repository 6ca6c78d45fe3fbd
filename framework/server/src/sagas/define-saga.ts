import type { Logger } from 'pino';
import type { Services } from '../foundation/services.js';
import type { PluginContext } from '../resources/resource-hooks.js';

/** What every step sees of its run: the saga's input, the results of the steps done before it. */
export interface SagaRunView<I, R> {
  /** the run's id (`prefiq.saga_runs.id`): a stable reference for external calls (a payment's idempotency key) */
  runId: string;
  input: I;
  /** results of the steps done so far, by step name */
  results: Partial<R>;
}

/** A transactional step's context: the plugin context of its own transaction, and its run. */
export type SagaTransactionContext<I, R> = PluginContext & SagaRunView<I, R>;

/** An external step's context: no transaction (it calls out: a payment provider, another system). */
export interface SagaCallContext<I, R> extends SagaRunView<I, R> {
  tenantId: string;
  userId: string | undefined;
  requestId: string;
  logger: Logger;
  /** the kernel's services, unjoined: there is no transaction to join */
  services: Services;
}

/**
 * One step of a saga. A `transaction` step runs in a transaction of its own, and its outcome is
 * recorded in that same transaction: it took effect exactly when the run says it is done. An
 * `external` step runs between transactions (its effect is outside the database); the run records
 * `started` before calling it and `done` after, so after a crash in between its compensation runs
 * for an effect that may or may not have happened, and must accept both.
 */
export type SagaStep<I, R> =
  | {
      kind: 'transaction';
      name: string;
      run(ctx: SagaTransactionContext<I, R>): Promise<unknown>;
      compensate?(ctx: SagaTransactionContext<I, R>, result: unknown): Promise<void>;
    }
  | {
      kind: 'external';
      name: string;
      run(ctx: SagaCallContext<I, R>): Promise<unknown>;
      /** `result` is undefined when the call started but its answer never came back (a timeout, a crash) */
      compensate?(ctx: SagaCallContext<I, R>, result: unknown): Promise<void>;
    };

/** What a run that dies half-way (its lease runs out) becomes when the recovery job finds it. */
export type SagaCrashPolicy = 'compensate' | 'resume';

export interface SagaDefinition<I, R, O> {
  /** `app.saga-name`, lower case: `ecommerce.checkout` */
  name: string;
  steps: readonly SagaStep<I, R>[];
  /** the run's answer from its steps' results; also what a retry with the same key gets */
  output(results: R, input: I): O;
  /** `compensate` unless given: nobody waits for a checkout that crashed, so undo it */
  onCrash?: SagaCrashPolicy;
}

/** The saga names a definition may have: `app.saga-name`, as job names. */
export const sagaNamePattern = /^[a-z][a-z0-9-]{0,40}\.[a-z][a-z0-9-]{0,60}$/;

/**
 * Typed step builders for a saga of input `I` and step results `R` (by step name): each step's
 * `run` returns its entry of `R`, and its compensation gets it back.
 *
 * @example
 * const { step, external } = sagaSteps<CheckoutInput, { reserve: Reservation; authorize: Authorization }>();
 * const reserve = step('reserve', { run: (ctx) => reserveStock(ctx.tx, ctx.input), compensate: (ctx, r) => release(ctx.tx, r) });
 * const authorize = external('authorize', { run: (ctx) => provider.authorize(…), compensate: (ctx, a) => provider.void(…) });
 */
export function sagaSteps<I, R>() {
  return {
    step<K extends keyof R & string>(
      name: K,
      definition: {
        run(ctx: SagaTransactionContext<I, R>): Promise<R[K]>;
        compensate?(ctx: SagaTransactionContext<I, R>, result: R[K]): Promise<void>;
      },
    ): SagaStep<I, R> {
      const { compensate } = definition;
      const typed: SagaStep<I, R> = { kind: 'transaction', name, run: (ctx) => definition.run(ctx) };
      if (compensate === undefined) return typed;
      return {
        ...typed,
        compensate: (ctx: SagaTransactionContext<I, R>, result: unknown) => compensate(ctx, result as R[K]),
      };
    },
    external<K extends keyof R & string>(
      name: K,
      definition: {
        run(ctx: SagaCallContext<I, R>): Promise<R[K]>;
        compensate?(ctx: SagaCallContext<I, R>, result: R[K] | undefined): Promise<void>;
      },
    ): SagaStep<I, R> {
      const { compensate } = definition;
      const typed: SagaStep<I, R> = { kind: 'external', name, run: (ctx) => definition.run(ctx) };
      if (compensate === undefined) return typed;
      return {
        ...typed,
        kind: 'external',
        run: (ctx: SagaCallContext<I, R>) => definition.run(ctx),
        compensate: (ctx: SagaCallContext<I, R>, result: unknown) =>
          compensate(ctx, result as R[K] | undefined),
      };
    },
  };
}

/**
 * Declares a saga: its steps in order, each with its compensation. Run it with `runSaga` (from an
 * action: `ctx.runSaga` of a `sagaAction`), recover crashed runs with `recoverSagas` from a job.
 *
 * @throws {Error} for a malformed name or two steps of one name
 * @example
 * export const checkout = defineSaga({ name: 'ecommerce.checkout', steps: [validate, reserve, authorize], output: (r) => r.order });
 */
export function defineSaga<I, R, O>(definition: SagaDefinition<I, R, O>): SagaDefinition<I, R, O> {
  if (!sagaNamePattern.test(definition.name)) {
    throw new Error(`"${definition.name}" cannot name a saga: use app.saga-name in lower case`);
  }
  const names = new Set<string>();
  for (const step of definition.steps) {
    if (names.has(step.name)) throw new Error(`saga ${definition.name} has two steps named "${step.name}"`);
    names.add(step.name);
  }
  return definition;
}
