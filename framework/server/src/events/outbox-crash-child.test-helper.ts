/**
 * The server child of the crash test (`outbox-crash.test.ts`): on the PostgreSQL database named by
 * its argument, it writes a stream of changes, each one row of `public.event_writes` and two events
 * in one transaction, from four writers at once, while its dispatcher delivers to two consumers.
 * It prints `ready` once started and `committed <id>` after each commit; the test kills it with
 * SIGKILL at a random moment.
 *
 *   node --import tsx outbox-crash-child.test-helper.ts <database url>
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createPostgresDatabase } from '../data/postgres-database.js';
// the PostgreSQL driver alone: a child that starts fast is killed more often per second
import { noServices } from '../foundation/services.js';
import { tenantRole } from '../tenancy/ensure-row-level-security.js';
import { createEventDispatcher } from './event-dispatcher.js';
import {
  recordingHandler,
  silentLogger,
  type TestEvents,
  tenantA,
  testConsumers,
} from './event-effects.test-helper.js';
import { createEventOutbox } from './event-outbox.js';

const [url] = process.argv.slice(2);
if (url === undefined) throw new Error('usage: outbox-crash-child.test-helper.ts <database url>');

const database = createPostgresDatabase({ url, max: 6, applicationName: 'outbox-crash-child' });
database.useTenantRole(tenantRole);
const dispatcher = createEventDispatcher({
  database,
  consumers: testConsumers({ sales: recordingHandler('sales'), erp: recordingHandler('erp') }),
  logger: silentLogger,
  pollIntervalMs: 20,
  leaseMs: 300,
});
await dispatcher.start();
const outbox = createEventOutbox<TestEvents>();

async function writer(n: number): Promise<never> {
  for (let step = 0; ; step += 1) {
    const id = randomUUID();
    const thingId = `thing-${(n + step) % 5}`;
    await database.transaction(
      async (tx) => {
        await tx.execute(
          sql`insert into public.event_writes (id, tenant_id, thing_id) values (${id}, ${tenantA}, ${thingId})`,
        );
        const ctx = {
          tx,
          tenantId: tenantA,
          userId: undefined,
          requestId: id,
          logger: silentLogger,
          services: noServices,
        };
        await outbox.emit(ctx, 'test.thing.changed', { thingId, step: 2 * step });
        await outbox.emit(ctx, 'test.thing.changed', { thingId, step: 2 * step + 1 });
      },
      { tenantId: tenantA },
    );
    process.stdout.write(`committed ${id}\n`);
  }
}

process.stdout.write('ready\n');
await Promise.all([0, 1, 2, 3].map(writer));
