import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.js';
import { createEventDispatcher } from './event-dispatcher.js';
import { testConsumers } from './event-effects.test-helper.js';
import { eventsDatabase, eventually, recordingHandler, silentLogger } from './events.test-helper.js';

const kills = 100;
const lanes = 4;
const child = fileURLToPath(new URL('./outbox-crash-child.test-helper.ts', import.meta.url));
const onPostgres = process.env.DATABASE_URL !== undefined;

let database: Database;
let url: string | undefined;
let dispose: () => Promise<void>;

beforeAll(async () => {
  if (!onPostgres) return;
  ({ database, url, dispose } = await eventsDatabase());
});

afterAll(async () => {
  if (onPostgres) await dispose();
});

/** Runs the child until it has written a little, then kills it with SIGKILL; the ids it saw commit. */
async function runAndKill(databaseUrl: string): Promise<string[]> {
  const committed: string[] = [];
  const process_: ChildProcess = spawn(process.execPath, ['--import', 'tsx', child, databaseUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  let killTimer: NodeJS.Timeout | undefined;
  const exited = new Promise<void>((resolve) => process_.once('exit', () => resolve()));
  process_.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready' && killTimer === undefined) {
        // somewhere in the stream of writes and deliveries: before, during or after a commit
        killTimer = setTimeout(() => process_.kill('SIGKILL'), 20 + Math.floor(Math.random() * 400));
      } else if (line.startsWith('committed ')) {
        committed.push(line.slice('committed '.length));
      }
    }
  });
  await exited;
  return committed;
}

async function rows<R>(text: string): Promise<R[]> {
  return (await database.execute(text)) as R[];
}

describe.skipIf(!onPostgres)('the outbox under kill -9 (PostgreSQL; set DATABASE_URL to run)', () => {
  it(`loses no event, duplicates no effect and commits nothing partly over ${kills} kills`, async () => {
    const databaseUrl = url;
    if (databaseUrl === undefined) throw new Error('the crash test needs a PostgreSQL test database');
    const started = performance.now();
    const acknowledged: string[] = [];
    // four nodes at a time, each killed and restarted in turn: 100 kills in all
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let i = 0; i < kills / lanes; i += 1) acknowledged.push(...(await runAndKill(databaseUrl)));
      }),
    );

    // a node that survives finishes what the killed ones left: dispatch, leases that ran out
    const survivor = createEventDispatcher({
      database,
      consumers: testConsumers({ sales: recordingHandler('sales'), erp: recordingHandler('erp') }),
      logger: silentLogger,
      leaseMs: 300,
      pollIntervalMs: 60_000,
    });
    await eventually(
      survivor.drain,
      async () => {
        const [left] = await rows<{ n: number }>(
          `select (select count(*) from prefiq.event_deliveries)::int
              + (select count(*) from prefiq.event_outbox where dispatched_at is null)::int as n`,
        );
        return Number(left?.n) === 0;
      },
      { tries: 200, pauseMs: 50 },
    );
    await survivor.stop();

    const [writes] = await rows<{ n: number }>('select count(*)::int as n from public.event_writes');
    const [events] = await rows<{ n: number }>('select count(*)::int as n from prefiq.event_outbox');
    const lostWrites = await rows<{ id: string }>(
      `select a.id from unnest(array[${acknowledged.map((id) => `'${id}'`).join(',') || "'00000000-0000-0000-0000-000000000000'"}]::uuid[]) as a(id)
        where not exists (select 1 from public.event_writes w where w.id = a.id)`,
    );
    // every write with exactly its two events; no event without its write
    const partial = await rows<{ id: string }>(
      `select w.id::text from public.event_writes w
         left join prefiq.event_outbox o on o.request_id = w.id::text
        group by w.id having count(o.id) <> 2
       union all
       select o.request_id from prefiq.event_outbox o
        where not exists (select 1 from public.event_writes w where w.id::text = o.request_id)`,
    );
    const lost = await rows<{ consumer: string; id: string }>(
      `select c.consumer, o.id from prefiq.event_outbox o cross join (values ('sales'), ('erp')) as c(consumer)
        where not exists (select 1 from public.event_effects e where e.consumer = c.consumer and e.event_id = o.id)`,
    );
    const duplicates = await rows<{ consumer: string; event_id: string }>(
      `select consumer, event_id from public.event_effects group by consumer, event_id having count(*) > 1`,
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `outbox crash test: ${kills} kills in ${seconds} s, ${writes?.n} writes (${acknowledged.length} acknowledged), ${events?.n} events; lost writes ${lostWrites.length}, partial commits ${partial.length}, lost events ${lost.length}, duplicate effects ${duplicates.length}`,
    );
    expect(Number(writes?.n)).toBeGreaterThan(0);
    expect(lostWrites).toEqual([]);
    expect(partial).toEqual([]);
    expect(lost).toEqual([]);
    expect(duplicates).toEqual([]);
  }, 420_000);
});
