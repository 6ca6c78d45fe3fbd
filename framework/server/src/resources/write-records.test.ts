import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { formatEtag } from './etag.js';
import type { Resource } from './resource-engine.js';
import type { ApiRecord } from './row-mapping.js';
import {
  contextFor,
  type SalesEngine,
  salesEngine,
  snapshot,
  tenantA,
  tenantB,
  userA,
} from './sales-engine.test-helper.js';

let s: SalesEngine;
let accounts: Resource;
let opportunities: Resource;
const a = contextFor(tenantA);
const b = contextFor(tenantB);
let acme: ApiRecord;

beforeAll(async () => {
  s = await salesEngine();
  accounts = s.engine.resource('account');
  opportunities = s.engine.resource('opportunity');
  acme = await accounts.create(a, { name: 'Acme', domain: 'acme.com' });
});
afterAll(() => s?.dispose());
afterEach(() => {
  for (const key of Object.keys(s.hooks)) delete s.hooks[key];
});

/** Runs a write that must fail, and proves the tables did not change. */
async function refused(write: () => Promise<unknown>, expected: Partial<DomainError> & { issues?: unknown }) {
  const before = [
    await snapshot(s.database, 'accounts', tenantA),
    await snapshot(s.database, 'opportunities', tenantA),
  ];
  const error = await write().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject(expected);
  expect((error as DomainError).status).toBeGreaterThanOrEqual(400);
  expect((error as DomainError).status).toBeLessThan(500);
  expect([
    await snapshot(s.database, 'accounts', tenantA),
    await snapshot(s.database, 'opportunities', tenantA),
  ]).toEqual(before);
  return error as DomainError;
}

const etag = (record: ApiRecord) => formatEtag(String(record.id), Number(record.version));

describe('create', () => {
  it('stores the record with defaults and system fields', async () => {
    const deal = await opportunities.create(a, {
      title: 'New',
      accountId: acme.id,
      amount: 1_000_000_000_000,
    });
    expect(deal).toMatchObject({
      tenantId: tenantA,
      version: 1,
      createdBy: userA,
      updatedBy: userA,
      currency: 'EUR',
      stage: 'lead',
      status: 'open',
      amount: 1_000_000_000_000,
      custom: {},
    });
    expect(deal.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(deal.updatedAt).toBe(deal.createdAt);
    expect(await opportunities.get(a, String(deal.id))).toEqual(deal);
  });

  it('stores JSON properties and custom fields', async () => {
    const account = await accounts.create(a, {
      name: 'Jsonly',
      address: { city: 'Berlin', country: 'DE' },
      tags: ['x', 'y'],
      custom: { segment: 'smb' },
    });
    expect(await accounts.get(a, String(account.id))).toMatchObject({
      address: { city: 'Berlin', country: 'DE' },
      tags: ['x', 'y'],
      custom: { segment: 'smb' },
    });
  });

  it.each([
    [
      'a wrong type',
      { name: 'X', employees: 'many' },
      { code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: '/employees', code: 'type' })] },
    ],
    [
      'a missing required field',
      { domain: 'x.com' },
      { code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: '/name', code: 'required' })] },
    ],
    [
      'an unknown field',
      { name: 'X', nope: 1 },
      {
        code: 'VALIDATION_FAILED',
        issues: [{ path: '/nope', code: 'additionalProperties', message: 'is not a known field' }],
      },
    ],
    [
      'a read-only field',
      { name: 'X', id: '00000000-0000-4000-8000-000000000000' },
      { code: 'VALIDATION_FAILED', issues: [{ path: '/id', code: 'readOnly', message: 'is read-only' }] },
    ],
    [
      'a system field',
      { name: 'X', version: 7, createdAt: '2020-01-01T00:00:00Z' },
      {
        issues: [
          expect.objectContaining({ path: '/version', code: 'readOnly' }),
          expect.objectContaining({ path: '/createdAt', code: 'readOnly' }),
        ],
      },
    ],
    [
      'a bad nested value',
      { name: 'X', address: { country: 'Germany' } },
      {
        issues: [
          expect.objectContaining({ path: '/address/country', code: 'maxLength' }),
          expect.objectContaining({ path: '/address/country', code: 'pattern' }),
        ],
      },
    ],
    [
      'a value the column cannot hold',
      { name: 'X', employees: 3_000_000_000 },
      { code: 'VALIDATION_FAILED' },
    ],
    ['not an object', ['name'], { code: 'VALIDATION_FAILED' }],
  ])('refuses %s and writes nothing', async (_, body, expected) => {
    await refused(() => accounts.create(a, body), { status: 422, ...expected });
  });

  it('refuses a record that breaks a rule', async () => {
    await refused(() => opportunities.create(a, { title: 'Won?', accountId: acme.id, status: 'won' }), {
      code: 'RULE_FAILED',
      status: 422,
      issues: [
        {
          path: '/amount',
          code: 'won-needs-amount',
          message: 'A won opportunity needs an amount greater than zero',
        },
      ],
    });
  });

  it('refuses a reference to a record that does not exist, or is another tenant’s', async () => {
    const [other] = await accounts.bulkCreate(b, [{ name: 'Other tenant' }]);
    for (const accountId of ['00000000-0000-4000-8000-000000000000', other?.id]) {
      await refused(() => opportunities.create(a, { title: 'Dangling', accountId }), {
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ path: '/accountId', code: 'reference' })],
      });
    }
  });

  it('refuses a duplicate unique key with 409 naming the field, per tenant and live records only', async () => {
    const error = await refused(() => accounts.create(a, { name: 'Acme 2', domain: 'acme.com' }), {
      code: 'UNIQUE_VIOLATION',
      status: 409,
      issues: [expect.objectContaining({ path: '/domain', code: 'unique' })],
    });
    expect(error.message).not.toContain('acme.com');
    await accounts.create(b, { name: 'Acme in B', domain: 'acme.com' });
  });
});

describe('bulk create', () => {
  it('creates every item, in order', async () => {
    const created = await accounts.bulkCreate(a, [{ name: 'Bulk 1' }, { name: 'Bulk 2', tier: 'gold' }]);
    expect(created.map((r) => [r.name, r.tier])).toEqual([
      ['Bulk 1', 'standard'],
      ['Bulk 2', 'gold'],
    ]);
  });

  it('creates nothing when one item fails, naming the item', async () => {
    await refused(() => accounts.bulkCreate(a, [{ name: 'Fine' }, { name: 'Fine too' }, { name: '' }]), {
      code: 'VALIDATION_FAILED',
      issues: [expect.objectContaining({ path: '/items/2/name', code: 'minLength' })],
    });
    await refused(() => accounts.bulkCreate(a, [{ name: 'Fine' }, { id: 'x', name: 'Y' }]), {
      issues: [expect.objectContaining({ path: '/items/1/id', code: 'readOnly' })],
    });
    await refused(
      () =>
        accounts.bulkCreate(a, [
          { name: 'One', domain: 'dup.com' },
          { name: 'Two', domain: 'dup.com' },
        ]),
      {
        code: 'UNIQUE_VIOLATION',
        issues: [expect.objectContaining({ path: expect.stringMatching(/^\/items\/[01]\/domain$/) })],
      },
    );
    await refused(() => accounts.bulkCreate(a, [{ name: 'Three' }, { name: 'Clash', domain: 'acme.com' }]), {
      code: 'UNIQUE_VIOLATION',
      issues: [expect.objectContaining({ path: '/items/1/domain' })],
    });
  });

  it('takes 1 to 1000 items', async () => {
    await refused(() => accounts.bulkCreate(a, []), { code: 'VALIDATION_FAILED' });
    await refused(() => accounts.bulkCreate(a, 'x'), { code: 'VALIDATION_FAILED' });
    await refused(
      () =>
        accounts.bulkCreate(
          a,
          Array.from({ length: 1001 }, (_, i) => ({ name: `n${i}` })),
        ),
      {
        code: 'VALIDATION_FAILED',
      },
    );
    expect(
      await accounts.bulkCreate(
        a,
        Array.from({ length: 1000 }, (_, i) => ({ name: `Many ${i}` })),
      ),
    ).toHaveLength(1000);
  });
});

describe('update', () => {
  it('merges the patch, increments the version and stamps the change', async () => {
    const account = await accounts.create(a, {
      name: 'Patchy',
      domain: 'patchy.com',
      address: { city: 'Rome', country: 'IT' },
    });
    const updated = await accounts.update(
      contextFor(tenantA, { userId: '0d0d0d0d-0000-4000-8000-00000000000d' }),
      String(account.id),
      {
        employees: 5,
        domain: null,
        address: { city: 'Milan', street: null },
      },
    );
    expect(updated).toMatchObject({
      name: 'Patchy',
      employees: 5,
      domain: null,
      address: { city: 'Milan', country: 'IT' },
      version: 2,
      createdBy: userA,
      updatedBy: '0d0d0d0d-0000-4000-8000-00000000000d',
    });
    expect(String(updated.updatedAt) >= String(account.updatedAt)).toBe(true);
    expect(updated.createdAt).toBe(account.createdAt);
  });

  it('checks If-Match: the current tag passes, a stale one is a 412 and changes nothing', async () => {
    const account = await accounts.create(a, { name: 'Tagged' });
    const second = await accounts.update(a, String(account.id), { employees: 1 }, { ifMatch: etag(account) });
    await refused(
      () => accounts.update(a, String(account.id), { employees: 2 }, { ifMatch: etag(account) }),
      {
        code: 'PRECONDITION_FAILED',
        status: 412,
      },
    );
    await refused(() => accounts.update(a, String(account.id), { employees: 2 }, { ifMatch: 'garbage' }), {
      code: 'INVALID_PARAMETER',
    });
    expect(
      (await accounts.update(a, String(account.id), { employees: 3 }, { ifMatch: `W/${etag(second)}` }))
        .version,
    ).toBe(3);
  });

  it.each([
    [
      'a read-only field',
      { version: 9 },
      { issues: [{ path: '/version', code: 'readOnly', message: 'is read-only' }] },
    ],
    [
      'an unknown field',
      { nope: true },
      { issues: [{ path: '/nope', code: 'additionalProperties', message: 'is not a known field' }] },
    ],
    [
      'a wrong type',
      { employees: 'five' },
      { issues: [expect.objectContaining({ path: '/employees', code: 'type' })] },
    ],
    [
      'removing a required field',
      { name: null },
      { issues: [expect.objectContaining({ path: '/name', code: 'required' })] },
    ],
    ['not an object', 'x', { code: 'VALIDATION_FAILED' }],
  ])('refuses %s and changes nothing', async (_, patch, expected) => {
    await refused(() => accounts.update(a, String(acme.id), patch), {
      code: 'VALIDATION_FAILED',
      status: 422,
      ...expected,
    });
  });

  it('writes nothing for a patch that changes nothing', async () => {
    const account = await accounts.create(a, { name: 'Same' });
    expect(await accounts.update(a, String(account.id), { name: 'Same' })).toEqual(account);
  });

  it('keeps the workflow field out of a patch: 409 unless it stays the same', async () => {
    const deal = await opportunities.create(a, { title: 'Flow', accountId: acme.id, amount: 5 });
    await refused(() => opportunities.update(a, String(deal.id), { status: 'won' }), {
      code: 'TRANSITION_NOT_ALLOWED',
      status: 409,
    });
    expect(
      (await opportunities.update(a, String(deal.id), { status: 'open', stage: 'proposal' })).stage,
    ).toBe('proposal');
  });

  it('answers 404 for another tenant’s record and a malformed id', async () => {
    await refused(() => accounts.update(b, String(acme.id), { employees: 1 }), {
      code: 'NOT_FOUND',
      status: 404,
    });
    await refused(() => accounts.update(a, 'nope', { employees: 1 }), { code: 'NOT_FOUND' });
  });

  it('refuses a change that makes a unique key clash', async () => {
    const other = await accounts.create(a, { name: 'Other', domain: 'other.com' });
    await refused(() => accounts.update(a, String(other.id), { domain: 'acme.com' }), {
      code: 'UNIQUE_VIOLATION',
    });
  });
});

describe('delete and restore', () => {
  it('soft-deletes, hides, and restores with a new version', async () => {
    const account = await accounts.create(a, { name: 'Soft', domain: 'soft.com' });
    await accounts.delete(a, String(account.id), { ifMatch: etag(account) });
    await expect(accounts.get(a, String(account.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await s.database.execute<{ deleted_at: string | null }>(
      'select deleted_at from sales.accounts where id = $1',
      [account.id],
    );
    expect(row?.deleted_at).not.toBeNull();
    await refused(() => accounts.update(a, String(account.id), { employees: 1 }), { code: 'NOT_FOUND' });
    await refused(() => accounts.delete(a, String(account.id)), { code: 'NOT_FOUND' });
    const restored = await accounts.restore(a, String(account.id));
    expect(restored).toMatchObject({ name: 'Soft', version: 3, deletedAt: null });
    expect(await accounts.restore(a, String(account.id))).toEqual(restored);
  });

  it('refuses to restore a record whose unique key was taken meanwhile', async () => {
    const first = await accounts.create(a, { name: 'First', domain: 'taken.com' });
    await accounts.delete(a, String(first.id));
    await accounts.create(a, { name: 'Second', domain: 'taken.com' });
    await refused(() => accounts.restore(a, String(first.id)), { code: 'UNIQUE_VIOLATION', status: 409 });
  });

  it('refuses to delete a record a live record still refers to', async () => {
    const account = await accounts.create(a, { name: 'Referenced' });
    await opportunities.create(a, { title: 'Refers', accountId: account.id });
    await refused(() => accounts.delete(a, String(account.id)), { code: 'REFERENCE_VIOLATION', status: 409 });
  });

  it('hard-deletes where there is no soft delete', async () => {
    const deal = await opportunities.create(a, { title: 'Hard', accountId: acme.id });
    await opportunities.delete(a, String(deal.id));
    expect(await s.database.execute('select 1 from sales.opportunities where id = $1', [deal.id])).toEqual(
      [],
    );
    await refused(() => opportunities.restore(a, String(deal.id)), { code: 'NOT_FOUND' });
  });

  it('checks If-Match and the tenant on delete', async () => {
    const account = await accounts.create(a, { name: 'Guarded' });
    await accounts.update(a, String(account.id), { employees: 1 });
    await refused(() => accounts.delete(a, String(account.id), { ifMatch: etag(account) }), {
      code: 'PRECONDITION_FAILED',
    });
    await refused(() => accounts.delete(b, String(account.id)), { code: 'NOT_FOUND' });
  });
});

describe('workflow transitions', () => {
  it('moves along an allowed transition whose guard holds', async () => {
    const deal = await opportunities.create(a, { title: 'To win', accountId: acme.id, amount: 50 });
    const won = await opportunities.transition(a, String(deal.id), 'won', { ifMatch: etag(deal) });
    expect(won).toMatchObject({ status: 'won', version: 2 });
  });

  it('answers 409 without a transition, 422 when the guard fails, 403 without the permission', async () => {
    const deal = await opportunities.create(a, { title: 'Guarded', accountId: acme.id });
    await refused(() => opportunities.transition(a, String(deal.id), 'won'), {
      code: 'TRANSITION_GUARD_FAILED',
      status: 422,
    });
    await refused(() => opportunities.transition(a, String(deal.id), 'open'), {
      code: 'TRANSITION_NOT_ALLOWED',
      status: 409,
    });
    await refused(() => opportunities.transition(a, String(deal.id), 'archived'), {
      code: 'VALIDATION_FAILED',
    });
    await opportunities.update(a, String(deal.id), { amount: 10 });
    await opportunities.transition(a, String(deal.id), 'won');
    await refused(() => opportunities.transition(a, String(deal.id), 'lost'), {
      code: 'TRANSITION_NOT_ALLOWED',
    });
    const member = contextFor(tenantA, { permissions: ['sales:opportunity:update'] });
    await refused(() => opportunities.transition(member, String(deal.id), 'open'), {
      code: 'FORBIDDEN',
      status: 403,
    });
    const manager = contextFor(tenantA, { permissions: ['sales:opportunity:reopen'] });
    expect((await opportunities.transition(manager, String(deal.id), 'open')).status).toBe('open');
  });

  it('checks If-Match and the tenant', async () => {
    const deal = await opportunities.create(a, { title: 'Stale', accountId: acme.id, amount: 3 });
    await opportunities.update(a, String(deal.id), { amount: 4 });
    await refused(() => opportunities.transition(a, String(deal.id), 'won', { ifMatch: etag(deal) }), {
      code: 'PRECONDITION_FAILED',
    });
    await refused(() => opportunities.transition(b, String(deal.id), 'won'), { code: 'NOT_FOUND' });
  });
});

describe('hooks', () => {
  it('lets beforeCreate and beforeUpdate change the record, but not its system fields', async () => {
    s.hooks.account = {
      beforeCreate: (_ctx, input) => ({ ...input, name: String(input.name).toUpperCase(), version: 99 }),
      beforeUpdate: (_ctx, next) => ({ ...next, employees: Number(next.employees ?? 0) + 1 }),
    };
    const account = await accounts.create(a, { name: 'shout' });
    expect(account).toMatchObject({ name: 'SHOUT', version: 1 });
    expect((await accounts.update(a, String(account.id), { employees: 10 })).employees).toBe(11);
  });

  it('validates what a hook returns', async () => {
    s.hooks.account = { beforeCreate: (_ctx, input) => ({ ...input, employees: -5 }) };
    await refused(() => accounts.create(a, { name: 'Bad hook' }), {
      code: 'VALIDATION_FAILED',
      issues: [expect.objectContaining({ path: '/employees' })],
    });
  });

  it('rolls the write back when a hook throws, before or after', async () => {
    const lonely = await accounts.create(a, { name: 'Lonely' });
    s.hooks.account = {
      beforeCreate: () => {
        throw new DomainError('CONFLICT', 'not today');
      },
    };
    await refused(() => accounts.create(a, { name: 'Refused by hook' }), { code: 'CONFLICT' });
    s.hooks.account = {
      afterCreate: () => {
        throw new DomainError('CONFLICT', 'too late');
      },
      afterUpdate: () => {
        throw new DomainError('CONFLICT', 'too late');
      },
      afterDelete: () => {
        throw new DomainError('CONFLICT', 'too late');
      },
    };
    await refused(() => accounts.create(a, { name: 'Rolled back' }), { code: 'CONFLICT' });
    await refused(() => accounts.update(a, String(acme.id), { employees: 77 }), { code: 'CONFLICT' });
    await refused(() => accounts.delete(a, String(lonely.id)), { code: 'CONFLICT' });
  });

  it('gives hooks the transaction, tenant, user and entity', async () => {
    const seen: unknown[] = [];
    s.hooks.opportunity = {
      afterCreate: async (ctx, record) => {
        seen.push(ctx.tenantId, ctx.userId, ctx.entity.name, ctx.requestId);
        const rows = await ctx.tx.execute(
          `select 1 from sales.opportunities where id = '${String(record.id)}'` as never,
        );
        seen.push(Array.isArray(rows) ? rows.length : (rows as { rows: unknown[] }).rows.length);
      },
    };
    await opportunities.create(a, { title: 'Seen', accountId: acme.id });
    expect(seen).toEqual([tenantA, userA, 'opportunity', 'test-request', 1]);
  });
});

describe('hook phases', () => {
  it('runs prepare, before, the write, every after hook, then the deferred work', async () => {
    const order: string[] = [];
    s.hooks.account = {
      prepare: (_ctx, input) => {
        order.push(`prepare ${input.domain}`);
        return { ...input, name: input.name ?? `Filled ${input.domain}` };
      },
      beforeCreate: (_ctx, record) => {
        order.push(`before ${record.name}`);
        return undefined;
      },
      afterCreate: (ctx, record) => {
        order.push(`after ${record.name}`);
        ctx.defer(() => {
          order.push(`deferred ${record.name}`);
        });
      },
    };
    await accounts.bulkCreate(a, [{ domain: 'one.example' }, { domain: 'two.example' }]);
    expect(order).toEqual([
      'prepare one.example',
      'before Filled one.example',
      'prepare two.example',
      'before Filled two.example',
      'after Filled one.example',
      'after Filled two.example',
      'deferred Filled one.example',
      'deferred Filled two.example',
    ]);
  });

  it('gives prepare only fields that passed their schemas, and reports the others as sent', async () => {
    const seen: unknown[] = [];
    s.hooks.account = {
      prepare: (_ctx, input) => {
        seen.push(input);
        // a prepare that fills a field the caller got wrong does not hide the mistake
        return { ...input, employees: 3 };
      },
      beforeCreate: () => {
        throw new Error('never reached: validation fails first');
      },
    };
    await refused(() => accounts.create(a, { name: 'Half right', employees: 'many' }), {
      code: 'VALIDATION_FAILED',
      issues: [expect.objectContaining({ path: '/employees', code: 'type' })],
    });
    expect(seen).toEqual([{ name: 'Half right', tier: 'standard' }]);
  });

  it('gives prepare the merged record and the stored one on an update, and skips before when nothing changes', async () => {
    const calls: string[] = [];
    const account = await accounts.create(a, { name: 'Merge me', employees: 1 });
    s.hooks.account = {
      prepare: (_ctx, input, previous) => {
        calls.push(`prepare ${input.name} ${input.employees} was ${previous?.employees}`);
        return undefined;
      },
      beforeUpdate: (_ctx, next, previous) => {
        calls.push(`before ${next.employees} was ${previous.employees}`);
        return undefined;
      },
    };
    const updated = await accounts.update(a, String(account.id), { employees: 2 });
    const same = await accounts.update(a, String(account.id), { employees: 2 });
    expect(same.version).toBe(updated.version);
    expect(calls).toEqual(['prepare Merge me 2 was 1', 'before 2 was 1', 'prepare Merge me 2 was 2']);
  });

  it('checks the rules again on what a before hook changes', async () => {
    const open = await opportunities.create(a, { title: 'Rule check', accountId: acme.id, amount: 500 });
    const deal = await opportunities.transition(a, String(open.id), 'won');
    s.hooks.opportunity = {
      // the rules refuse a won deal without an amount: a hook may not sneak one past them
      beforeUpdate: (_ctx, next) => ({ ...next, amount: 0 }),
    };
    await refused(() => opportunities.update(a, String(deal.id), { title: 'Renamed' }), {
      code: 'RULE_FAILED',
    });
  });
});

describe('tenant isolation', () => {
  it('keeps tenant B away from A’s records on every operation', async () => {
    const id = String(acme.id);
    await expect(accounts.get(b, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await refused(() => accounts.update(b, id, { name: 'Stolen' }), { code: 'NOT_FOUND' });
    await refused(() => accounts.delete(b, id), { code: 'NOT_FOUND' });
    await refused(() => accounts.restore(b, id), { code: 'NOT_FOUND' });
    expect((await accounts.list(b, { pageSize: 200 })).items.map((r) => r.id)).not.toContain(id);
    expect((await accounts.list(b, { filter: { id } })).items).toEqual([]);
  });
});
