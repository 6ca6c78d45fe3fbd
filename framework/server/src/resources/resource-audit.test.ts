import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskedValue } from '../audit/audit-diff.js';
import type { AuditRecord } from '../audit/audit-entry.js';
import { auditRows } from '../audit/audit-rows.test-helper.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { DomainError } from '../errors/domain-error.js';
import { bindResources } from './bind-resources.js';
import type { Resource } from './resource-engine.js';
import type { ApiRecord } from './row-mapping.js';
import { contextFor, type SalesEngine, salesEngine } from './sales-engine.test-helper.js';

/** A tenant of its own, so these rows are the only ones in its chain. */
const tenant = '1a1a1a1a-0000-4000-8000-00000000001a';
const ctx = contextFor(tenant);
let s: SalesEngine;
let accounts: Resource;
let opportunities: Resource;
let seen = 0;

beforeAll(async () => {
  s = await salesEngine();
  accounts = s.engine.resource('account');
  opportunities = s.engine.resource('opportunity');
});
afterAll(() => s?.dispose());

/** The audit rows written since the last call. */
async function newRows(): Promise<AuditRecord[]> {
  const rows = await auditRows(s.database, tenant);
  const fresh = rows.slice(seen);
  seen = rows.length;
  return fresh;
}

async function refused(write: () => Promise<unknown>): Promise<void> {
  await expect(write()).rejects.toBeInstanceOf(DomainError);
  expect(await newRows()).toEqual([]);
}

describe('the resource engine records every write', () => {
  let acme: ApiRecord;
  let deal: ApiRecord;

  it('create: one row with every set field as `after`, personal data masked', async () => {
    acme = await accounts.create(ctx, { name: 'Acme', domain: 'acme.com', contactEmail: 'ceo@acme.com' });
    const [row, ...rest] = await newRows();
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      seq: 1,
      action: 'create',
      entity: 'sales.account',
      recordId: acme.id,
      actorType: 'user',
      actor: ctx.userId,
      requestId: ctx.requestId,
      metadata: { version: 1 },
      diff: {
        name: { after: 'Acme' },
        domain: { after: 'acme.com' },
        contactEmail: { after: maskedValue },
        tier: { after: 'standard' },
        custom: { after: {} },
      },
    });
    expect(row?.at).toBe(acme.createdAt);
    // system fields are the row's own columns, not part of the diff
    expect(Object.keys(row?.diff ?? {})).not.toContain('version');
  });

  it('bulk create: one row per record, in order', async () => {
    const created = await accounts.bulkCreate(ctx, [{ name: 'B1' }, { name: 'B2' }, { name: 'B3' }]);
    const rows = await newRows();
    expect(rows.map((r) => [r.action, r.recordId, r.diff?.name])).toEqual(
      created.map((c) => ['create', c.id, { after: c.name }]),
    );
  });

  it('update: only the changed fields; a write that changes nothing writes no row', async () => {
    acme = await accounts.update(ctx, String(acme.id), {
      name: 'Acme AG',
      contactEmail: 'cfo@acme.com',
      employees: 5,
    });
    expect(await newRows()).toEqual([
      expect.objectContaining({
        action: 'update',
        recordId: acme.id,
        metadata: { version: 2 },
        diff: {
          name: { before: 'Acme', after: 'Acme AG' },
          contactEmail: { before: maskedValue, after: maskedValue },
          employees: { before: null, after: 5 },
        },
      }),
    ]);
    await accounts.update(ctx, String(acme.id), { name: 'Acme AG' });
    expect(await newRows()).toEqual([]);
  });

  it('transition: the workflow field', async () => {
    deal = await opportunities.create(ctx, { title: 'Big', accountId: acme.id, amount: 100 });
    await newRows();
    deal = await opportunities.transition(ctx, String(deal.id), 'won');
    expect(await newRows()).toEqual([
      expect.objectContaining({
        action: 'transition',
        entity: 'sales.opportunity',
        recordId: deal.id,
        diff: { status: { before: 'open', after: 'won' } },
      }),
    ]);
  });

  it('delete: the record as it was (soft and hard); restore: deletedAt back to null', async () => {
    await opportunities.delete(ctx, String(deal.id));
    const [hard] = await newRows();
    expect(hard).toMatchObject({ action: 'delete', recordId: deal.id });
    expect(hard?.diff).toMatchObject({
      title: { before: 'Big' },
      status: { before: 'won' },
      amount: { before: 100 },
    });
    expect(Object.values(hard?.diff ?? {}).every((change) => !('after' in change))).toBe(true);

    const soon = await accounts.create(ctx, { name: 'Gone Soon', contactEmail: 'x@gone.io' });
    await newRows();
    await accounts.delete(ctx, String(soon.id));
    const [soft] = await newRows();
    expect(soft).toMatchObject({
      action: 'delete',
      recordId: soon.id,
      diff: { name: { before: 'Gone Soon' }, contactEmail: { before: maskedValue } },
    });
    const restored = await accounts.restore(ctx, String(soon.id));
    const [back] = await newRows();
    expect(back).toMatchObject({
      action: 'restore',
      recordId: soon.id,
      metadata: { version: restored.version },
    });
    expect(back?.diff).toEqual({ deletedAt: { before: expect.any(String), after: null } });
  });

  it('a refused or rolled-back write writes no row', async () => {
    await refused(() => accounts.create(ctx, { name: '' }));
    await refused(() => accounts.create(ctx, { name: 'Dup', domain: 'acme.com' }));
    await refused(() => accounts.bulkCreate(ctx, [{ name: 'ok' }, { name: 'ok too', tier: 'diamond' }]));
    await refused(() => accounts.update(ctx, String(acme.id), { tier: 'diamond' }));
    s.hooks.account = {
      afterUpdate: () => {
        throw new DomainError('CONFLICT', 'refused after the write');
      },
    };
    try {
      await refused(() => accounts.update(ctx, String(acme.id), { name: 'Never' }));
    } finally {
      delete s.hooks.account;
    }
  });

  it("an action's writes through ctx.resources: one row each, none when it rolls back", async () => {
    const logger = pino({ level: 'silent' });
    const action = (fail: boolean) =>
      s.database.transaction(
        async (tx) => {
          const resources = bindResources(s.engine, { ...ctx, tx, logger });
          const company = await resources('account').create({ name: fail ? 'Rolled Back' : 'Via Action' });
          await resources('opportunity').create({ title: 'From action', accountId: company.id });
          if (fail) throw new DomainError('CONFLICT', 'the action failed');
        },
        { tenantId: tenant },
      );
    await action(false);
    expect((await newRows()).map((r) => [r.action, r.entity])).toEqual([
      ['create', 'sales.account'],
      ['create', 'sales.opportunity'],
    ]);
    await expect(action(true)).rejects.toThrow('the action failed');
    expect(await newRows()).toEqual([]);
  });

  it('names an API key or the system when the context says so', async () => {
    await accounts.create({ ...ctx, actor: { type: 'api_key', id: 'key-1' } }, { name: 'By Key' });
    await accounts.create({ ...ctx, userId: undefined }, { name: 'By System' });
    expect((await newRows()).map((r) => [r.actorType, r.actor])).toEqual([
      ['api_key', 'key-1'],
      ['system', 'system'],
    ]);
  });

  it('leaves an intact chain', async () => {
    expect(await verifyAuditChain(s.database.db, tenant)).toMatchObject({
      ok: true,
      tenants: [{ tenantId: tenant, rows: seen }],
    });
  });
});
