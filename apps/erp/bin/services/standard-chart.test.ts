import { writeOutboxEvent } from '@codexion/framework/events';
import { EventDispatcherToken } from '@codexion/framework/kernel';
import { TenancyToken } from '@codexion/framework/tenancy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErpKernel, erpKernel, tenantB } from '../erp-kernel.test-helper.js';
import { standardChart } from './standard-chart.js';

let erp: ErpKernel;

beforeAll(async () => {
  erp = await erpKernel();
}, 120_000);

afterAll(async () => {
  await erp?.dispose();
});

const drain = () => erp.kernel.container.resolve(EventDispatcherToken).drain();

/** The tenant's accounts as `number parent-number`, by number (read past row-level security). */
async function chartOf(tenantId: string): Promise<string[]> {
  const rows = await erp.database.database.execute<{ number: string; parent: string | null }>(
    `select a.number, p.number as parent from erp.accounts a
       left join erp.accounts p on p.tenant_id = a.tenant_id and p.id = a.parent_id
      where a.tenant_id = $1 order by a.number`,
    [tenantId],
  );
  return rows.map((row) => `${row.number} ${row.parent ?? '-'}`);
}

/** The standard chart as {@link chartOf} shows it. */
const expectedChart = standardChart
  .map((account) => `${account.number} ${account.parentNumber ?? '-'}`)
  .sort();

/** The ERP's deliveries of the tenant's `prefiq.tenant.created` again, as after a lease ran out. */
async function redeliver(tenantId: string, { purgeInbox = false } = {}): Promise<void> {
  const events = `select id from prefiq.event_outbox where name = 'prefiq.tenant.created' and tenant_id = $1`;
  // an inbox record past its retention (ADR 0018) no longer guards: the handler itself must not duplicate
  if (purgeInbox) {
    await erp.database.database.execute(
      `delete from prefiq.event_inbox where consumer = 'erp' and event_id in (${events})`,
      [tenantId],
    );
  }
  await erp.database.database.execute(
    `insert into prefiq.event_deliveries (consumer, event_id, tenant_id, seq, aggregate_key)
     select 'erp', id, tenant_id, seq, aggregate_key from prefiq.event_outbox
      where name = 'prefiq.tenant.created' and tenant_id = $1`,
    [tenantId],
  );
  await drain();
}

describe('a new tenant gets the standard chart (prefiq.tenant.created)', () => {
  let tenantId = '';

  it('loads the chart into a tenant the tenancy service creates, once, also when redelivered', async () => {
    const tenancy = erp.kernel.container.resolve(TenancyToken);
    const tenant = await tenancy.createTenant({ name: 'Initech', slug: 'initech-erp' });
    tenantId = tenant.id;
    await drain();
    expect(await chartOf(tenantId)).toEqual(expectedChart);
    await redeliver(tenantId);
    expect(await chartOf(tenantId)).toEqual(expectedChart);
    await redeliver(tenantId, { purgeInbox: true });
    expect(await chartOf(tenantId)).toEqual(expectedChart);
    const inbox = await erp.database.database.execute<{ n: number }>(
      `select count(*)::int as n from prefiq.event_inbox where consumer = 'erp' and tenant_id = $1`,
      [tenantId],
    );
    expect(inbox).toEqual([{ n: 1 }]);
    // written through the engine: each account has its audit entry, by the system
    const audit = await erp.database.database.execute<{ n: number; actors: string }>(
      `select count(*)::int as n, string_agg(distinct actor_type, ',') as actors from prefiq.audit_log
        where tenant_id = $1 and entity = 'erp.account' and action = 'create'`,
      [tenantId],
    );
    expect(audit).toEqual([{ n: expectedChart.length, actors: 'system' }]);
  });

  it('leaves a tenant whose creation rolled back without a chart', async () => {
    const tenancy = erp.kernel.container.resolve(TenancyToken);
    // the slug is taken: the creation fails, and its event with it
    await expect(tenancy.createTenant({ name: 'Initech again', slug: 'initech-erp' })).rejects.toThrow();
    await drain();
    const events = await erp.database.database.execute<{ n: number }>(
      `select count(*)::int as n from prefiq.event_outbox o
        where o.name = 'prefiq.tenant.created' and o.payload->>'name' = 'Initech again'`,
    );
    expect(events).toEqual([{ n: 0 }]);
  });

  it('sets the company up on the loaded chart: no second account, the defaults wired to it', async () => {
    const created = await erp.call('setupCompany', 'POST', '/company/setup', {
      body: { companyName: 'Initech', baseCurrency: 'USD', fiscalYearStart: '2026-01-01' },
      tenant: tenantId,
    });
    expect(created.status).toBe(201);
    expect(created.contract).toEqual([]);
    expect(await chartOf(tenantId)).toEqual(expectedChart);
    const [receivable] = await erp.database.database.execute<{ number: string }>(
      'select number from erp.accounts where tenant_id = $1 and id = $2',
      [tenantId, String(created.body.receivableAccountId)],
    );
    expect(receivable).toEqual({ number: '1200' });
  });

  it('fills in what a tenant lacks of the chart, and an event after the setup adds nothing', async () => {
    // a tenant without the event (made before the ERP was installed), with one account of its own
    const own = await erp.call('createAccount', 'POST', '/accounts', {
      body: { number: '1000', name: 'Vermögen', rootType: 'asset', accountType: 'other', isGroup: true },
      tenant: tenantB,
    });
    expect(own.status).toBe(201);
    const created = await erp.call('setupCompany', 'POST', '/company/setup', {
      body: { companyName: 'Globex', baseCurrency: 'EUR', fiscalYearStart: '2026-01-01' },
      tenant: tenantB,
    });
    expect(created.status).toBe(201);
    expect(await chartOf(tenantB)).toEqual(expectedChart);
    const [assets] = await erp.database.database.execute<{ name: string }>(
      `select name from erp.accounts where tenant_id = $1 and number = '1000'`,
      [tenantB],
    );
    expect(assets).toEqual({ name: 'Vermögen' });
    // the creation event arrives late: the chart is there, nothing is added
    await erp.database.database.transaction(
      (tx) =>
        writeOutboxEvent(tx, {
          tenantId: tenantB,
          name: 'prefiq.tenant.created',
          aggregateKey: `prefiq.tenant:${tenantB}`,
          payload: { tenantId: tenantB, name: 'Globex' },
        }),
      { tenantId: tenantB },
    );
    await drain();
    expect(await chartOf(tenantB)).toEqual(expectedChart);
  });
});
