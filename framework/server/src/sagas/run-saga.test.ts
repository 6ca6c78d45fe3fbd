import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.js';
import { executeRows } from '../data/execute-rows.js';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { DomainError } from '../errors/domain-error.js';
import { noServices } from '../foundation/services.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { ensureRowLevelSecurity, tenantRole } from '../tenancy/ensure-row-level-security.js';
import { defineSaga, sagaSteps } from './define-saga.js';
import { recoverSagas } from './recover-sagas.js';
import { runSaga, type SagaRuntime } from './run-saga.js';

let test: TestDatabase;
let database: Database;
let runtime: SagaRuntime;
const tenant = randomUUID();
const logger = pino({ level: 'silent' });

interface Input {
  label: string;
  /** the step that throws */
  failAt?: 'hold' | 'charge' | 'confirm';
  /** the charge is made, then its answer never comes back (the process died there) */
  dieInCharge?: boolean;
}
interface Results {
  hold: { label: string };
  charge: { chargeId: string };
  confirm: { confirmed: true };
}

/** The outside world a saga calls: charges by run id (idempotent, like a payment provider's key). */
const charges = new Map<string, 'authorized' | 'voided'>();
/** how many times the next voids fail before one goes through */
let voidFailures = 0;
/** runs of charge that die with the process (the first attempt only) */
const dying = new Set<string>();

const { step, external } = sagaSteps<Input, Results>();

function failIf(input: Input, at: Input['failAt']): void {
  if (input.failAt === at) throw new DomainError('TEST_FAILED', `failed at ${at}`, { status: 409 });
}

const steps = [
  step('hold', {
    async run({ tx, tenantId, input }) {
      await tx.execute(
        sql`insert into saga_effects (tenant_id, label, kind) values (${tenantId}::uuid, ${input.label}, 'hold')`,
      );
      failIf(input, 'hold');
      return { label: input.label };
    },
    async compensate({ tx }, result) {
      await tx.execute(sql`delete from saga_effects where label = ${result.label} and kind = 'hold'`);
    },
  }),
  external('charge', {
    async run({ runId, input }) {
      charges.set(runId, 'authorized');
      if (input.dieInCharge === true && !dying.has(runId)) {
        dying.add(runId);
        await new Promise<never>(() => undefined); // the process died here: no answer, ever
      }
      failIf(input, 'charge');
      return { chargeId: runId };
    },
    async compensate({ runId }) {
      if (voidFailures > 0) {
        voidFailures--;
        throw new Error('the provider is down');
      }
      // the charge may or may not exist (the call died): voiding by run id covers both
      if (charges.has(runId)) charges.set(runId, 'voided');
    },
  }),
  step('confirm', {
    async run({ tx, tenantId, input }) {
      await tx.execute(
        sql`insert into saga_effects (tenant_id, label, kind) values (${tenantId}::uuid, ${input.label}, 'confirm')`,
      );
      failIf(input, 'confirm');
      return { confirmed: true as const };
    },
  }),
];

const booking = defineSaga({
  name: 'test.booking',
  steps,
  output: (results: Results, input: Input) => ({ label: input.label, chargeId: results.charge.chargeId }),
});
const resumable = defineSaga({ ...booking, name: 'test.booking-resumable', onCrash: 'resume' });

async function effects(label: string): Promise<string[]> {
  const rows = await database.execute<{ kind: string }>(
    'select kind from saga_effects where label = $1 order by kind',
    [label],
  );
  return rows.map((r) => r.kind);
}

async function runOf(label: string) {
  const [row] = await database.execute<{ id: string; status: string; steps: unknown; error: unknown }>(
    `select id, status, steps, error from prefiq.saga_runs where input->>'label' = $1`,
    [label],
  );
  return row;
}

function scope(key?: string) {
  return { tenantId: tenant, requestId: 'req-test', ...(key === undefined ? {} : { key }) };
}

beforeAll(async () => {
  test = await createTestDatabase({ migrations: frameworkMigrations });
  database = test.database;
  await ensureRowLevelSecurity(database, { schemas: [] });
  await database.execute(
    `create table saga_effects (tenant_id uuid not null, label text not null, kind text not null);
     grant select, insert, delete on saga_effects to ${tenantRole}`,
  );
  database.useTenantRole(tenantRole);
  runtime = { database, services: noServices, logger, compensationDelayMs: 1 };
}, 60_000);
afterAll(() => test?.dispose());
beforeEach(() => {
  voidFailures = 0;
});

describe('runSaga', () => {
  it('runs every step in order, records each and answers the output', async () => {
    const output = await runSaga(runtime, booking, { label: 'ok' }, scope());
    const run = await runOf('ok');
    expect(output).toEqual({ label: 'ok', chargeId: run?.id });
    expect(await effects('ok')).toEqual(['confirm', 'hold']);
    expect(run).toMatchObject({
      status: 'completed',
      steps: { hold: 'done', charge: 'done', confirm: 'done' },
    });
    expect(charges.get(String(run?.id))).toBe('authorized');
  });

  it.each(['hold', 'charge', 'confirm'] as const)(
    'a failure at %s undoes its own transaction and compensates the steps before it, last first',
    async (failAt) => {
      const label = `fail-${failAt}`;
      await expect(runSaga(runtime, booking, { label, failAt }, scope())).rejects.toMatchObject({
        code: 'TEST_FAILED',
      });
      expect(await effects(label)).toEqual([]);
      const run = await runOf(label);
      expect(run).toMatchObject({ status: 'compensated', error: { step: failAt, code: 'TEST_FAILED' } });
      // the charge is voided whenever it was made, including when its own step failed after calling
      expect(charges.get(String(run?.id))).toBe(failAt === 'hold' ? undefined : 'voided');
    },
  );

  it('retries a compensation that fails, and succeeds on a later try', async () => {
    voidFailures = 2;
    await expect(
      runSaga(runtime, booking, { label: 'flaky-void', failAt: 'confirm' }, scope()),
    ).rejects.toThrow('failed at confirm');
    const run = await runOf('flaky-void');
    expect(run?.status).toBe('compensated');
    expect(charges.get(String(run?.id))).toBe('voided');
    expect(voidFailures).toBe(0);
  });

  it('leaves a compensation that keeps failing to the recovery job, which finishes it', async () => {
    voidFailures = 3;
    const shortLease = { ...runtime, leaseMs: 200 };
    await expect(
      runSaga(shortLease, booking, { label: 'down-void', failAt: 'confirm' }, scope()),
    ).rejects.toThrow('failed at confirm');
    const run = await runOf('down-void');
    expect(run?.status).toBe('compensating');
    expect(await effects('down-void')).toEqual(['hold']);
    await sleep(300);
    expect(await recoverSagas(shortLease, [booking])).toMatchObject({ claimed: 1, compensated: 1 });
    expect((await runOf('down-void'))?.status).toBe('compensated');
    expect(charges.get(String(run?.id))).toBe('voided');
    expect(await effects('down-void')).toEqual([]);
  });

  it('compensates a run whose process died between steps once its lease runs out', async () => {
    const shortLease = { ...runtime, leaseMs: 200 };
    void runSaga(shortLease, booking, { label: 'crash', dieInCharge: true }, scope());
    await sleep(100);
    expect((await runOf('crash'))?.steps).toEqual({ hold: 'done', charge: 'started' });
    // still leased: the recovery leaves a live run alone
    expect((await recoverSagas(shortLease, [booking])).claimed).toBe(0);
    await sleep(200);
    expect(await recoverSagas(shortLease, [booking])).toMatchObject({ claimed: 1, compensated: 1 });
    const run = await runOf('crash');
    expect(run).toMatchObject({ status: 'compensated', error: { code: 'CRASHED' } });
    expect(charges.get(String(run?.id))).toBe('voided');
    expect(await effects('crash')).toEqual([]);
  });

  it('resumes a crashed run of a saga that says so, each step once', async () => {
    const shortLease = { ...runtime, leaseMs: 200 };
    void runSaga(shortLease, resumable, { label: 'resume', dieInCharge: true }, scope());
    await sleep(300);
    expect(await recoverSagas(shortLease, [resumable])).toMatchObject({ claimed: 1, completed: 1 });
    const run = await runOf('resume');
    expect(run?.status).toBe('completed');
    expect(await effects('resume')).toEqual(['confirm', 'hold']);
    expect(charges.get(String(run?.id))).toBe('authorized');
  });
});

describe('runSaga with an Idempotency-Key', () => {
  it('completes once: a retry answers the first output and changes nothing', async () => {
    const first = await runSaga(runtime, booking, { label: 'keyed' }, scope('key-1'));
    const again = await runSaga(runtime, booking, { label: 'keyed' }, scope('key-1'));
    expect(again).toEqual(first);
    expect(await effects('keyed')).toEqual(['confirm', 'hold']);
    const [count] = await database.execute<{ n: number }>(
      `select count(*)::int as n from prefiq.saga_runs where key = 'key-1'`,
    );
    expect(count?.n).toBe(1);
  });

  it('refuses a concurrent retry while the first runs (409), and runs a retry after a failure afresh', async () => {
    const runs = await Promise.allSettled([
      runSaga(runtime, booking, { label: 'race' }, scope('key-race')),
      runSaga(runtime, booking, { label: 'race' }, scope('key-race')),
    ]);
    expect(runs.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(runs.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'IDEMPOTENCY_CONFLICT' },
    });
    expect(await effects('race')).toEqual(['confirm', 'hold']);

    await expect(
      runSaga(runtime, booking, { label: 'retry', failAt: 'confirm' }, scope('key-2')),
    ).rejects.toThrow();
    await runSaga(runtime, booking, { label: 'retry' }, scope('key-2'));
    expect(await effects('retry')).toEqual(['confirm', 'hold']);
  });

  it('a retry of a run whose process died recovers it first', async () => {
    const shortLease = { ...runtime, leaseMs: 200 };
    void runSaga(shortLease, booking, { label: 'died', dieInCharge: true }, scope('key-died'));
    await sleep(100);
    await expect(runSaga(shortLease, booking, { label: 'died' }, scope('key-died'))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
    });
    await sleep(200);
    await expect(runSaga(shortLease, booking, { label: 'died' }, scope('key-died'))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await effects('died')).toEqual([]);
    // and the next retry runs it afresh
    await runSaga(shortLease, booking, { label: 'died' }, scope('key-died'));
    expect(await effects('died')).toEqual(['confirm', 'hold']);
  });

  it('keeps runs apart per tenant: row-level security hides another tenant’s runs', async () => {
    const rows = await database.transaction(
      (tx) => executeRows<{ n: number }>(tx, sql`select count(*)::int as n from prefiq.saga_runs`),
      { tenantId: randomUUID() },
    );
    expect(rows[0]?.n).toBe(0);
  });
});
