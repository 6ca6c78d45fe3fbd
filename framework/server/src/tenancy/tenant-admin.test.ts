import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TenancyFixture, tenancyFixture } from './tenancy-fixture.test-helper.js';
import { tenantCreatedEvent } from './tenant-admin.js';

let f: TenancyFixture;

beforeAll(async () => {
  f = await tenancyFixture();
}, 60_000);
afterAll(() => f?.dispose());

type OutboxRow = {
  tenant_id: string;
  aggregate_key: string;
  payload: unknown;
  request_id: string | null;
};

function outboxOf(tenantId: string): Promise<OutboxRow[]> {
  return f.database.execute<OutboxRow>(
    'select tenant_id, aggregate_key, payload, request_id from prefiq.event_outbox where name = $1 and (tenant_id::text = $2 or payload->>$3 = $2)',
    [tenantCreatedEvent, tenantId, 'tenantId'],
  );
}

function parsed(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

describe(`createTenant's ${tenantCreatedEvent} event`, () => {
  it('writes exactly one outbox row in the new tenant, with its id and name', async () => {
    const id = randomUUID();
    await f.tenancy.createTenant(
      { id, name: 'Initech', slug: `initech-${id.slice(0, 8)}`, ownerId: f.users.a.owner },
      { userId: f.users.a.owner, requestId: 'req-tenant-created' },
    );
    const rows = await outboxOf(id);
    expect(rows).toHaveLength(1);
    expect(rows.map((r) => ({ ...r, payload: parsed(r.payload) }))).toEqual([
      {
        tenant_id: id,
        aggregate_key: `prefiq.tenant:${id}`,
        payload: { tenantId: id, name: 'Initech' },
        request_id: 'req-tenant-created',
      },
    ]);
  });

  it('writes none when the creation fails on a taken slug', async () => {
    const slug = `taken-${randomUUID().slice(0, 8)}`;
    await f.tenancy.createTenant({ name: 'First', slug });
    const id = randomUUID();
    await expect(f.tenancy.createTenant({ id, name: 'Second', slug })).rejects.toMatchObject({
      code: 'UNIQUE_VIOLATION',
    });
    expect(await outboxOf(id)).toEqual([]);
  });

  it('writes none when the caller’s transaction rolls back after the creation', async () => {
    const id = randomUUID();
    const failure = new Error('after the tenant');
    await expect(
      f.database.transaction(
        async (tx) => {
          await f.tenancy.inTransaction({ tx, tenantId: id }).createTenant({
            id,
            name: 'Rolled Back',
            slug: `rolled-back-${id.slice(0, 8)}`,
          });
          throw failure;
        },
        { tenantId: id },
      ),
    ).rejects.toBe(failure);
    expect(await outboxOf(id)).toEqual([]);
    expect(await f.tenancy.getTenant(id)).toBeUndefined();
  });
});
