import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from './resource-engine.js';
import type { ApiRecord } from './row-mapping.js';
import { contextFor, type SalesEngine, salesEngine, tenantA, tenantB } from './sales-engine.test-helper.js';

let s: SalesEngine;
let accounts: Resource;
let opportunities: Resource;
const a = contextFor(tenantA);
const b = contextFor(tenantB);
let acme: ApiRecord;
let beta: ApiRecord;
let gone: ApiRecord;
/** tenant A's opportunities as created */
let seeded: ApiRecord[];

const stages = ['lead', 'qualified', 'proposal', 'negotiation'] as const;

beforeAll(async () => {
  s = await salesEngine();
  accounts = s.engine.resource('account');
  opportunities = s.engine.resource('opportunity');
  [acme, beta, gone] = (await accounts.bulkCreate(a, [
    { name: 'Acme', domain: 'acme.com', employees: 10, tier: 'gold' },
    { name: 'Beta 50% Off_Shop', domain: 'beta.io' },
    { name: 'Gone', domain: 'gone.org' },
  ])) as [ApiRecord, ApiRecord, ApiRecord];
  await accounts.delete(a, String(gone.id));
  // amounts with ties and NULLs, so that keyset paging has something to get wrong
  seeded = await opportunities.bulkCreate(
    a,
    Array.from({ length: 23 }, (_, i) => ({
      title: `Deal ${String(i).padStart(2, '0')}${i % 5 === 0 ? ' special_%' : ''}`,
      accountId: i % 3 === 0 ? beta.id : acme.id,
      ...(i % 4 === 0 ? {} : { amount: (i % 3) * 100 }),
      stage: stages[i % 4],
      ...(i % 2 === 0
        ? { expectedClose: `2026-12-${String((i % 28) + 1).padStart(2, '0')}` }
        : { lostReason: null }),
      probability: (i % 10) / 10,
    })),
  );
  const [other] = await accounts.bulkCreate(b, [{ name: 'Acme of B', domain: 'acme.com' }]);
  await opportunities.bulkCreate(b, [
    { title: 'Deal of B', accountId: other?.id, amount: 100 },
    { title: 'Deal 00 of B', accountId: other?.id },
  ]);
});
afterAll(() => s?.dispose());

const ids = (records: readonly ApiRecord[]) => records.map((r) => r.id);
const all = async (query: Record<string, unknown> = {}) =>
  (await opportunities.list(a, { pageSize: 200, ...query })).items;
const expectIds = async (query: Record<string, unknown>, keep: (r: ApiRecord) => boolean) => {
  const got = await all(query);
  expect(new Set(ids(got))).toEqual(new Set(ids(seeded.filter(keep))));
};

describe('list: tenant scope and soft delete', () => {
  it('shows only the tenant’s records', async () => {
    expect((await all()).length).toBe(23);
    const ofB = await opportunities.list(b, { total: true });
    expect(ofB.items.map((r) => r.title).sort()).toEqual(['Deal 00 of B', 'Deal of B']);
    expect(ofB.total).toBe(2);
  });

  it('leaves soft-deleted records out unless asked', async () => {
    expect((await accounts.list(a)).items.map((r) => r.name).sort()).toEqual(['Acme', 'Beta 50% Off_Shop']);
    expect((await accounts.list(a, {}, { deleted: 'only' })).items.map((r) => r.name)).toEqual(['Gone']);
    expect((await accounts.list(a, {}, { deleted: 'include' })).items).toHaveLength(3);
  });
});

describe('list: filter', () => {
  it('eq, ne', async () => {
    await expectIds({ filter: { stage: 'lead' } }, (r) => r.stage === 'lead');
    await expectIds({ filter: { stage: { eq: 'proposal' } } }, (r) => r.stage === 'proposal');
    await expectIds({ filter: { amount: { ne: '100' } } }, (r) => r.amount !== 100);
  });

  it('lt, lte, gt, gte on numbers, dates and timestamps', async () => {
    await expectIds(
      { filter: { amount: { lt: '100' } } },
      (r) => typeof r.amount === 'number' && r.amount < 100,
    );
    await expectIds(
      { filter: { amount: { lte: '100' } } },
      (r) => typeof r.amount === 'number' && r.amount <= 100,
    );
    await expectIds(
      { filter: { amount: { gt: '100' } } },
      (r) => typeof r.amount === 'number' && r.amount > 100,
    );
    await expectIds(
      { filter: { probability: { gte: '0.5' }, amount: { gte: 100 } } },
      (r) => Number(r.probability) >= 0.5 && typeof r.amount === 'number' && r.amount >= 100,
    );
    await expectIds(
      { filter: { expectedClose: { gte: '2026-12-10', lt: '2026-12-20' } } },
      (r) =>
        typeof r.expectedClose === 'string' &&
        r.expectedClose >= '2026-12-10' &&
        r.expectedClose < '2026-12-20',
    );
    const middle = seeded[10];
    await expectIds(
      { filter: { createdAt: { lte: middle?.createdAt } } },
      (r) => String(r.createdAt) <= String(middle?.createdAt),
    );
  });

  it('in, contains, isNull', async () => {
    await expectIds(
      { filter: { stage: { in: 'lead,negotiation' } } },
      (r) => r.stage === 'lead' || r.stage === 'negotiation',
    );
    await expectIds({ filter: { amount: { in: ['0', '200'] } } }, (r) => r.amount === 0 || r.amount === 200);
    await expectIds({ filter: { title: { contains: 'DEAL 1' } } }, (r) =>
      String(r.title).startsWith('Deal 1'),
    );
    await expectIds({ filter: { title: { contains: '_%' } } }, (r) => String(r.title).includes('_%'));
    await expectIds({ filter: { amount: { isNull: 'true' } } }, (r) => r.amount == null);
    await expectIds({ filter: { amount: { isNull: 'false' } } }, (r) => r.amount != null);
    await expectIds({ filter: { expectedClose: { isNull: true } } }, (r) => r.expectedClose == null);
  });

  it('runs a list statement prepared for one shape with each request’s own values', async () => {
    for (const [low, high] of [
      [0, 100],
      [100, 300],
      [200, 200],
      [0, 0],
    ] as const) {
      await expectIds(
        { filter: { amount: { gte: String(low), lte: String(high) } }, q: 'deal' },
        (r) => typeof r.amount === 'number' && r.amount >= low && r.amount <= high,
      );
    }
    expect(
      (await opportunities.list(b, { filter: { amount: { gte: '0', lte: '100' } }, q: 'deal' })).items,
    ).toHaveLength(1);
  });

  it('combines filter, where and q by AND', async () => {
    await expectIds(
      {
        where: JSON.stringify({ '>=': [{ var: 'amount' }, 100] }),
        filter: { stage: { ne: 'lead' } },
        q: 'deal',
      },
      (r) => typeof r.amount === 'number' && r.amount >= 100 && r.stage !== 'lead',
    );
    await expectIds(
      {
        where: {
          or: [{ '==': [{ var: 'stage' }, 'lead'] }, { '==': [{ var: 'createdBy' }, { var: '$user.id' }] }],
        },
      },
      () => true,
    );
    await expectIds({ where: '{"!":[{"var":"expectedClose"}]}' }, (r) => r.expectedClose == null);
  });

  it('searches q literally across the search fields', async () => {
    expect((await accounts.list(a, { q: '50% off_' })).items.map((r) => r.name)).toEqual([
      'Beta 50% Off_Shop',
    ]);
    expect((await accounts.list(a, { q: 'ACME.C' })).items.map((r) => r.name)).toEqual(['Acme']);
    expect((await accounts.list(a, { q: '%' })).items.map((r) => r.name)).toEqual(['Beta 50% Off_Shop']);
    await expectIds({ q: 'special_%' }, (r) => String(r.title).includes('special_%'));
  });
});

describe('list: sort and paging', () => {
  it('sorts by several keys, NULLs last going up and first going down', async () => {
    const up = await all({ sort: 'amount,title' });
    const amounts = up.map((r) => r.amount ?? null);
    expect(amounts.slice(0, amounts.indexOf(null))).toEqual(
      [...amounts.slice(0, amounts.indexOf(null))].sort((x, y) => Number(x) - Number(y)),
    );
    expect(amounts.slice(amounts.indexOf(null)).every((v) => v === null)).toBe(true);
    const down = await all({ sort: ['-amount', 'title'] });
    expect(down[0]?.amount).toBeNull();
    expect(down.at(-1)?.amount).toBe(0);
  });

  it.each([
    ['amount'],
    ['-amount'],
    ['-amount,title'],
    ['stage,-expectedClose'],
    [undefined],
    ['-createdAt'],
    ['probability'],
  ])('walks every page of sort=%s by cursor without skipping or repeating', async (sort) => {
    const full = ids(await all(sort === undefined ? {} : { sort }));
    const walked: unknown[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await opportunities.list(a, {
        pageSize: 4,
        ...(sort === undefined ? {} : { sort }),
        ...(cursor ? { cursor } : {}),
      });
      walked.push(...ids(page.items));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(walked).toEqual(full);
    expect(new Set(walked).size).toBe(23);
  });

  it('keeps its place when records are inserted before the cursor', async () => {
    const first = await opportunities.list(a, { pageSize: 5, sort: '-createdAt' });
    const extra = await opportunities.create(a, { title: 'Inserted meanwhile', accountId: acme.id });
    const second = await opportunities.list(a, { pageSize: 5, sort: '-createdAt', cursor: first.nextCursor });
    expect(ids(second.items)).not.toContain(extra.id);
    expect(ids(second.items).some((id) => ids(first.items).includes(id))).toBe(false);
    await opportunities.delete(a, String(extra.id));
  });

  it('pages by number with a total', async () => {
    const full = ids(await all({ sort: 'title' }));
    const third = await opportunities.list(a, { sort: 'title', page: 3, pageSize: 5, total: true });
    expect(ids(third.items)).toEqual(full.slice(10, 15));
    expect(third.total).toBe(23);
    const last = await opportunities.list(a, { sort: 'title', page: 5, pageSize: 5 });
    expect(ids(last.items)).toEqual(full.slice(20));
    expect(last.nextCursor).toBeNull();
    expect(last).not.toHaveProperty('total');
  });

  it('refuses a forged cursor and a cursor of another order', async () => {
    const page = await opportunities.list(a, { pageSize: 2, sort: 'amount' });
    const cursor = String(page.nextCursor);
    await expect(opportunities.list(a, { sort: 'amount', cursor: `x${cursor}` })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
      status: 400,
    });
    await expect(opportunities.list(a, { sort: '-amount', cursor })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    await expect(accounts.list(a, { sort: 'amount', cursor })).rejects.toMatchObject({ status: 400 });
  });
});

describe('list: fields and include', () => {
  it('returns only the asked fields, with id and version', async () => {
    const page = await opportunities.list(a, { fields: ['title'], sort: 'amount', pageSize: 3 });
    expect(Object.keys(page.items[0] ?? {}).sort()).toEqual(['id', 'title', 'version']);
    // the cursor still works: sort values are read even when not shown
    const next = await opportunities.list(a, {
      fields: 'title',
      sort: 'amount',
      pageSize: 3,
      cursor: page.nextCursor,
    });
    expect(next.items).toHaveLength(3);
  });

  it('embeds the referenced record of a to-one relation', async () => {
    const page = await opportunities.list(a, {
      include: ['accountId'],
      fields: ['title', 'accountId'],
      pageSize: 200,
    });
    for (const item of page.items) {
      const account = item.account as ApiRecord;
      expect(account.id).toBe(item.accountId);
      expect(account.name).toBe(item.accountId === acme.id ? 'Acme' : 'Beta 50% Off_Shop');
    }
  });

  it('refuses unknown fields, relations and filters with a 400 naming the parameter', async () => {
    await expect(opportunities.list(a, { fields: ['nope'] })).rejects.toMatchObject({
      code: 'INVALID_PARAMETER',
      issues: [{ path: '/fields' }],
    });
    await expect(opportunities.list(a, { include: ['title'] })).rejects.toMatchObject({
      code: 'INVALID_PARAMETER',
    });
    await expect(opportunities.list(a, { filter: { nope: 1 } })).rejects.toMatchObject({
      code: 'INVALID_FILTER',
      issues: [{ path: '/filter/nope' }],
    });
    await expect(opportunities.list(a, { filter: { amount: 'many' } })).rejects.toMatchObject({
      code: 'INVALID_FILTER',
      issues: [{ path: '/filter/amount' }],
    });
    await expect(opportunities.list(a, { sort: 'nope' })).rejects.toMatchObject({ code: 'INVALID_SORT' });
    await expect(opportunities.list(a, { where: '{"==":[{"var":"nope"},1]}' })).rejects.toMatchObject({
      code: 'INVALID_FILTER',
    });
  });
});

describe('get', () => {
  it('returns the record, with fields and include', async () => {
    const first = seeded[0] as ApiRecord;
    expect(await opportunities.get(a, String(first.id))).toEqual(first);
    const slim = await opportunities.get(a, String(first.id), { fields: 'title', include: 'accountId' });
    expect(slim).toEqual({
      id: first.id,
      version: 1,
      title: first.title,
      account: expect.objectContaining({ id: beta.id }),
    });
  });

  it('answers 404 for a missing id, a malformed one, another tenant’s record and a deleted one', async () => {
    const first = seeded[0] as ApiRecord;
    for (const [ctx, id] of [
      [a, '00000000-0000-4000-8000-000000000000'],
      [a, 'not-a-uuid'],
      [b, String(first.id)],
      [a, String(gone.id)],
    ] as const) {
      await expect(opportunities.get(ctx, id).catch(() => accounts.get(ctx, id))).rejects.toMatchObject({
        code: 'NOT_FOUND',
        status: 404,
      });
    }
    expect((await accounts.get(a, String(gone.id), {}, { deleted: 'include' })).name).toBe('Gone');
  });
});
