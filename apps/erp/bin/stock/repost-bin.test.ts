import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Answer, type ErpKernel, erpKernel, tenantA } from '../erp-kernel.test-helper.js';
import {
  binOf,
  countRows,
  createItem,
  createStockAccount,
  createWarehouse,
  draftEntry,
  postEntry,
  type StockCompany,
  setUpStockCompany,
  transition,
} from './stock.test-helper.js';

/**
 * Backdated stock entries re-value everything after them (issue 15, ADR 0027 §13): the replay
 * follows a later transfer into its receiving bin (and onward), re-derives cancellations, and
 * refuses — writing nothing — what would go below zero or change a closed book. Figures are in
 * base minor units, worked by hand in the comments.
 */

let erp: ErpKernel;
let company: StockCompany;
/** a second stock account, and two stores valued in it */
let storeAccount: string;
let storeB: string;
let storeC: string;

beforeAll(async () => {
  erp = await erpKernel();
  company = await setUpStockCompany(erp);
  storeAccount = await createStockAccount(erp, company, '1396', 'Stock in the stores');
  storeB = await createWarehouse(erp, { stockAccountId: storeAccount });
  storeC = await createWarehouse(erp, { stockAccountId: storeAccount });
}, 120_000);

afterAll(async () => {
  await erp?.dispose();
});

const receipt = (itemId: string, qty: number, unitCost: number, postingDate: string, to?: string) => ({
  kind: 'receipt',
  postingDate,
  lines: [{ itemId, toWarehouseId: to ?? company.mainWarehouseId, qty, unitCost }],
});
const issue = (itemId: string, qty: number, postingDate: string, from?: string) => ({
  kind: 'issue',
  postingDate,
  lines: [{ itemId, fromWarehouseId: from ?? company.mainWarehouseId, qty }],
});
const transfer = (itemId: string, qty: number, postingDate: string, from: string, to: string) => ({
  kind: 'transfer',
  postingDate,
  lines: [{ itemId, fromWarehouseId: from, toWarehouseId: to, qty }],
});

async function posted(entry: Record<string, unknown>): Promise<string> {
  const answer = await postEntry(erp, entry);
  expect(answer.status, answer.text).toBe(200);
  expect(answer.contract).toEqual([]);
  return String(answer.body.id);
}

/** The stock ledger of an entry's moves, in line order: qty after, value after, value change. */
async function ledgerOf(entryId: string): Promise<[number, number, number][]> {
  const rows = await erp.database.database.execute<{ q: string; v: string; c: string }>(
    `select v.qty_after::text as q, v.value_after::text as v, v.value_change::text as c from erp.stock_moves m
       join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
      where m.voucher_id = $1 order by m.id`,
    [entryId],
  );
  return rows.map((row) => [Number(row.q), Number(row.v), Number(row.c)]);
}

/** The stock-revaluation vouchers a backdated entry booked: date → account → debit − credit. */
async function revaluationsBy(number: unknown): Promise<Record<string, Record<string, number>>> {
  const rows = await erp.database.database.execute<{ day: string; account_id: string; net: string }>(
    `select posting_date::text as day, account_id, sum(debit - credit)::text as net from erp.gl_entries
      where voucher_type = 'stock-revaluation' and voucher_no like $1 group by 1, 2 order by 1, 2`,
    [`${String(number)}/%`],
  );
  const byDay: Record<string, Record<string, number>> = {};
  for (const row of rows) byDay[row.day] = { ...byDay[row.day], [row.account_id]: Number(row.net) };
  return byDay;
}

/**
 * The invariant after every repost: per stock account, Σ bins.value of the warehouses it values
 * equals its balance in the general ledger; and each bin equals its last stock-ledger row.
 */
async function expectStockAgrees(): Promise<void> {
  const rows = await erp.database.database.execute<{ account_id: string; bins: string; ledger: string }>(
    `select a.id as account_id,
            (select coalesce(sum(b.value), 0) from erp.bins b
               join erp.warehouses w on w.tenant_id = b.tenant_id and w.id = b.warehouse_id
              where b.tenant_id = $1 and coalesce(w.stock_account_id, $2::uuid) = a.id)::text as bins,
            (select coalesce(sum(g.debit - g.credit), 0) from erp.gl_entries g
              where g.tenant_id = $1 and g.account_id = a.id)::text as ledger
       from erp.accounts a where a.tenant_id = $1 and a.id in ($2::uuid, $3::uuid)`,
    [tenantA, company.stockAccountId, storeAccount],
  );
  expect(rows).toHaveLength(2);
  for (const row of rows) expect(Number(row.ledger), row.account_id).toBe(Number(row.bins));
  const stale = await erp.database.database.execute<{ item_id: string }>(
    `select b.item_id from erp.bins b
       join lateral (select v.qty_after, v.value_after from erp.stock_moves m
                       join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
                      where m.tenant_id = b.tenant_id and m.item_id = b.item_id and m.warehouse_id = b.warehouse_id
                      order by m.posting_date desc, m.id desc limit 1) last on true
      where b.tenant_id = $1 and (b.qty, b.value) <> (last.qty_after, last.value_after)`,
    [tenantA],
  );
  expect(stale).toEqual([]);
}

const tables = ['stock_moves', 'stock_valuation', 'fifo_layers', 'gl_entries', 'bins'];
const counts = () => Promise.all(tables.map((table) => countRows(erp, table)));

/** Posts a draft and expects a 422 with `code` at `/body/postingDate` naming `mention`, nothing written. */
async function expectRefused(
  entry: Record<string, unknown>,
  code: string,
  mention: string[],
): Promise<Answer> {
  const before = await counts();
  const id = await draftEntry(erp, entry);
  const refused = await transition(erp, id, 'posted');
  expect(refused.status, refused.text).toBe(422);
  expect(refused.contract).toEqual([]);
  expect(refused.body.code).toBe(code);
  const [problem] = refused.body.errors as { path: string; message: string }[];
  expect(problem?.path).toBe('/body/postingDate');
  for (const text of mention) expect(problem?.message).toContain(text);
  expect(await counts()).toEqual(before);
  expect((await erp.call('getStockEntry', 'GET', `/stock-entries/${id}`)).body).toMatchObject({
    status: 'draft',
    number: null,
  });
  return refused;
}

const numberOf = async (id: string) =>
  (await erp.call('getStockEntry', 'GET', `/stock-entries/${id}`)).body.number;

describe(`backdated entries across transfers and cancellations on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('moving average: a backdated receipt re-values a later transfer and the issue in the receiving store', async () => {
    const item = await createItem(erp, { valuation: 'moving-average' });
    await posted(receipt(item, 10, 100, '2026-03-10')); // main 10 / 1000
    const moved = await posted(transfer(item, 4, '2026-03-15', company.mainWarehouseId, storeB)); // 4 × 100
    const sold = await posted(issue(item, 2, '2026-03-20', storeB)); // B 4 / 400 → 2 / 200
    const late = await postEntry(erp, receipt(item, 10, 200, '2026-03-05'));
    expect(late.status, late.text).toBe(200);
    // main: 10 / 2000 on the 5th, 20 / 3000 on the 10th; the transfer takes 3000 × 4 / 20 = 600
    expect(await ledgerOf(String(late.body.id))).toEqual([[10, 2000, 2000]]);
    expect(await ledgerOf(moved)).toEqual([
      [16, 2400, -600],
      [4, 600, 600],
    ]);
    // B: 4 / 600, the issue of 2 takes 300
    expect(await ledgerOf(sold)).toEqual([[2, 300, -300]]);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 16, value: 2400 });
    expect(await binOf(erp, item, storeB)).toEqual({ qty: 2, value: 300 });
    // the transfer's 200 moves from the main stock account to the stores'; the issue's 100 more to COGS
    expect(await revaluationsBy(late.body.number)).toEqual({
      '2026-03-15': { [company.stockAccountId]: -200, [storeAccount]: 200 },
      '2026-03-20': { [storeAccount]: -100, [company.cogsAccountId]: 100 },
    });
    await expectStockAgrees();
  });

  it('FIFO: the backdated layer goes first, so the transfer carries its cost into the receiving store', async () => {
    const item = await createItem(erp, { valuation: 'fifo' });
    await posted(receipt(item, 10, 100, '2026-04-10'));
    const moved = await posted(transfer(item, 4, '2026-04-15', company.mainWarehouseId, storeB)); // 400
    const sold = await posted(issue(item, 2, '2026-04-20', storeB)); // 200
    const late = await postEntry(erp, receipt(item, 10, 200, '2026-04-05'));
    expect(late.status, late.text).toBe(200);
    // main layers: [0, 10) worth 2000 (backdated), [10, 20) worth 1000; the transfer takes 4 of the first: 800
    expect(await ledgerOf(moved)).toEqual([
      [16, 2200, -800],
      [4, 800, 800],
    ]);
    // B: one layer of 4 worth 800; the issue of 2 takes 400
    expect(await ledgerOf(sold)).toEqual([[2, 400, -400]]);
    expect(await binOf(erp, item, storeB)).toEqual({ qty: 2, value: 400 });
    const layers = await erp.database.database.execute<{ w: string; c: string; q: string; v: string }>(
      `select warehouse_id as w, cum_qty_before::text as c, qty::text as q, value::text as v from erp.fifo_layers
        where item_id = $1 order by warehouse_id = $2 desc, cum_qty_before`,
      [item, company.mainWarehouseId],
    );
    expect(layers.map((layer) => [layer.w, Number(layer.c), Number(layer.q), Number(layer.v)])).toEqual([
      [company.mainWarehouseId, 0, 10, 2000],
      [company.mainWarehouseId, 10, 10, 1000],
      [storeB, 0, 4, 800],
    ]);
    expect(await revaluationsBy(late.body.number)).toEqual({
      '2026-04-15': { [company.stockAccountId]: -400, [storeAccount]: 400 },
      '2026-04-20': { [storeAccount]: -200, [company.cogsAccountId]: 200 },
    });
    // the next issue in B goes on from the replayed layer: the other 2 of 800
    const next = await posted(issue(item, 2, '2026-04-25', storeB));
    expect(await ledgerOf(next)).toEqual([[0, 0, -400]]);
    await expectStockAgrees();
  });

  it('follows a chain of two transfers: main → B → C, then the issue in C', async () => {
    const item = await createItem(erp, { valuation: 'fifo' });
    await posted(receipt(item, 10, 100, '2026-05-10'));
    const first = await posted(transfer(item, 4, '2026-05-15', company.mainWarehouseId, storeB)); // 400
    const second = await posted(transfer(item, 2, '2026-05-18', storeB, storeC)); // 200
    const sold = await posted(issue(item, 1, '2026-05-20', storeC)); // 100
    const late = await postEntry(erp, receipt(item, 10, 200, '2026-05-05'));
    expect(late.status, late.text).toBe(200);
    // main → B: 4 of the 2000 layer = 800; B → C: 2 of B's 800 layer = 400; C's issue: 1 of 400 = 200
    expect(await ledgerOf(first)).toEqual([
      [16, 2200, -800],
      [4, 800, 800],
    ]);
    expect(await ledgerOf(second)).toEqual([
      [2, 400, -400],
      [2, 400, 400],
    ]);
    expect(await ledgerOf(sold)).toEqual([[1, 200, -200]]);
    expect(await binOf(erp, item, storeC)).toEqual({ qty: 1, value: 200 });
    // B and C share the stores' account: the second transfer's 200 moves nothing between accounts
    expect(await revaluationsBy(late.body.number)).toEqual({
      '2026-05-15': { [company.stockAccountId]: -400, [storeAccount]: 400 },
      '2026-05-20': { [storeAccount]: -100, [company.cogsAccountId]: 100 },
    });
    await expectStockAgrees();
  });

  it('a chain that comes back (main → B → main) replays main again from where it re-enters', async () => {
    const item = await createItem(erp, { valuation: 'moving-average' });
    await posted(receipt(item, 10, 100, '2026-06-10')); // main 10 / 1000
    const out = await posted(transfer(item, 4, '2026-06-15', company.mainWarehouseId, storeB)); // 400: main 6 / 600
    const back = await posted(transfer(item, 2, '2026-06-18', storeB, company.mainWarehouseId)); // 200: main 8 / 800
    const sold = await posted(issue(item, 3, '2026-06-20')); // 800 × 3 / 8 = 300: main 5 / 500
    const late = await postEntry(erp, receipt(item, 10, 200, '2026-06-05'));
    expect(late.status, late.text).toBe(200);
    // main 20 / 3000 on the 10th; out: 3000 × 4 / 20 = 600 → 16 / 2400; B 4 / 600, back: 300 → B 2 / 300
    expect(await ledgerOf(out)).toEqual([
      [16, 2400, -600],
      [4, 600, 600],
    ]);
    expect(await ledgerOf(back)).toEqual([
      [2, 300, -300],
      [18, 2700, 300],
    ]);
    // main 18 / 2700 on the 18th: the issue of 3 takes 450
    expect(await ledgerOf(sold)).toEqual([[15, 2250, -450]]);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 15, value: 2250 });
    expect(await binOf(erp, item, storeB)).toEqual({ qty: 2, value: 300 });
    expect(await revaluationsBy(late.body.number)).toEqual({
      '2026-06-15': { [company.stockAccountId]: -200, [storeAccount]: 200 },
      '2026-06-18': { [company.stockAccountId]: 100, [storeAccount]: -100 },
      '2026-06-20': { [company.stockAccountId]: -150, [company.cogsAccountId]: 150 },
    });
    await expectStockAgrees();
  });

  it('re-derives a later cancelled issue at its original’s new cost: their differences cancel out', async () => {
    const item = await createItem(erp, { valuation: 'moving-average' });
    await posted(receipt(item, 10, 100, '2026-07-10')); // 10 / 1000
    const cancelled = await posted(issue(item, 4, '2026-07-20')); // 400 → 6 / 600
    expect((await transition(erp, cancelled, 'cancelled')).status).toBe(200); // back at 400 → 10 / 1000
    const sold = await posted(issue(item, 2, '2026-07-25')); // 200 → 8 / 800
    const late = await postEntry(erp, receipt(item, 10, 200, '2026-07-05'));
    expect(late.status, late.text).toBe(200);
    // 20 / 3000 on the 10th: the issue takes 600 (16 / 2400), its reversal brings 600 back (20 / 3000)
    expect(await ledgerOf(cancelled)).toEqual([
      [16, 2400, -600],
      [20, 3000, 600],
    ]);
    // the later issue of 2 of 20 / 3000 takes 300 → 18 / 2700
    expect(await ledgerOf(sold)).toEqual([[18, 2700, -300]]);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 18, value: 2700 });
    // the cancelled entry's −200 and +200 net to nothing on the 20th: no voucher that day
    expect(await revaluationsBy(late.body.number)).toEqual({
      '2026-07-25': { [company.stockAccountId]: -100, [company.cogsAccountId]: 100 },
    });
    await expectStockAgrees();
  });

  it('FIFO: a later cancelled receipt still takes its own layer back; the issue after it is re-valued', async () => {
    const item = await createItem(erp, { valuation: 'fifo' });
    await posted(receipt(item, 10, 100, '2026-08-10'));
    const cancelled = await posted(receipt(item, 5, 300, '2026-08-12'));
    expect((await transition(erp, cancelled, 'cancelled')).status).toBe(200); // its layer of 1500 back out
    const sold = await posted(issue(item, 4, '2026-08-15')); // 4 of the 1000 layer: 400
    const late = await postEntry(erp, receipt(item, 10, 200, '2026-08-05'));
    expect(late.status, late.text).toBe(200);
    // layers [0,10) 2000, [10,20) 1000, [20,25) 1500 taken back whole: 25 / 4500 → 20 / 3000
    expect(await ledgerOf(cancelled)).toEqual([
      [25, 4500, 1500],
      [20, 3000, -1500],
    ]);
    // the issue takes 4 of the backdated layer: 800 → 16 / 2200
    expect(await ledgerOf(sold)).toEqual([[16, 2200, -800]]);
    const layers = await erp.database.database.execute<{ c: string; q: string; v: string }>(
      'select cum_qty_before::text as c, qty::text as q, value::text as v from erp.fifo_layers where item_id = $1 order by 1',
      [item],
    );
    expect(layers.map((layer) => [layer.c, layer.q, layer.v].map(Number))).toEqual([
      [0, 10, 2000],
      [10, 10, 1000],
    ]);
    expect(await revaluationsBy(late.body.number)).toEqual({
      '2026-08-15': { [company.stockAccountId]: -400, [company.cogsAccountId]: 400 },
    });
    await expectStockAgrees();
  });

  it('FIFO: a replay that crosses a cancellation dated after its receipt starts at the receipt, whose layer it takes back', async () => {
    const item = await createItem(erp, { valuation: 'fifo' });
    await posted(receipt(item, 10, 100, '2026-01-10')); // [0, 10) 1000
    const cancelled = await posted(receipt(item, 5, 300, '2026-01-20')); // [10, 15) 1500
    const sold = await posted(issue(item, 4, '2026-03-05')); // 4 of the first layer: 400 → 11 / 2100
    const periods = await erp.call('listAccountingPeriods', 'GET', '/accounting-periods?pageSize=50');
    const january = (periods.body.items as { id: string; name: string }[]).find((p) => p.name === '2026-01');
    expect((await erp.call('closePeriod', 'POST', `/accounting-periods/${january?.id}/close`)).status).toBe(
      200,
    );
    // January is closed: the cancellation is dated the day it is made, here 2026-03-10
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-10T12:00:00Z') });
    try {
      expect((await transition(erp, cancelled, 'cancelled')).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
    // its layer was the last and untouched: taken back whole, 1500 → 6 / 600
    expect(await ledgerOf(cancelled)).toEqual([
      [15, 2500, 1500],
      [6, 600, -1500],
    ]);
    const late = await postEntry(erp, issue(item, 1, '2026-02-10'));
    expect(late.status, late.text).toBe(200);
    // replayed from the receipt of 01-20 (unchanged, though January is closed): 15 / 2500; the
    // backdated issue takes 1 of the first layer (100) → 14 / 2400; the issue of 03-05 the next 4
    // (400) → 10 / 2000; the reversal finds the receipt's layer still last and untouched → 5 / 500
    expect(await ledgerOf(String(late.body.id))).toEqual([[14, 2400, -100]]);
    expect(await ledgerOf(sold)).toEqual([[10, 2000, -400]]);
    expect(await ledgerOf(cancelled)).toEqual([
      [15, 2500, 1500],
      [5, 500, -1500],
    ]);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 5, value: 500 });
    // no later move changed its value: nothing to revalue
    expect(await revaluationsBy(late.body.number)).toEqual({});
    await expectStockAgrees();
  });

  it('refuses a backdated issue that would take a later transfer below zero, writing nothing', async () => {
    const item = await createItem(erp, { valuation: 'fifo' });
    await posted(receipt(item, 5, 100, '2026-09-10'));
    const moved = await posted(transfer(item, 5, '2026-09-15', company.mainWarehouseId, storeB));
    await expectRefused(issue(item, 1, '2026-09-12'), 'INSUFFICIENT_STOCK', [
      String(await numberOf(moved)),
      '2026-09-15',
    ]);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 0, value: 0 });
    expect(await binOf(erp, item, storeB)).toEqual({ qty: 5, value: 500 });
    await expectStockAgrees();
  });

  it('refuses a replay that would change a move in a closed period, naming it, writing nothing', async () => {
    const item = await createItem(erp, { valuation: 'moving-average' });
    await posted(receipt(item, 10, 100, '2026-10-10'));
    await posted(transfer(item, 4, '2026-10-15', company.mainWarehouseId, storeB));
    const sold = await posted(issue(item, 2, '2026-11-20', storeB));
    // through the API periods close in order, so a later one cannot be closed while October is
    // open; closed here by hand, it stands for the backstop: November's issue may not change
    const close = (status: string) =>
      erp.database.database.execute(
        `update erp.accounting_periods set status = $1 where tenant_id = $2 and name = '2026-11'`,
        [status, tenantA],
      );
    await close('closed');
    try {
      await expectRefused(receipt(item, 10, 200, '2026-10-05'), 'PERIOD_CLOSED', [
        String(await numberOf(sold)),
        '2026-11-20',
        'closed period 2026-11',
      ]);
    } finally {
      await close('open');
    }
    expect(await binOf(erp, item, storeB)).toEqual({ qty: 2, value: 200 });
    await expectStockAgrees();
  });

  it('refuses a backdated entry into a closed period or on the lock date before any replay', async () => {
    const item = await createItem(erp, { valuation: 'moving-average' });
    await posted(receipt(item, 10, 100, '2026-02-10'));
    await posted(transfer(item, 4, '2026-03-01', company.mainWarehouseId, storeB));
    const periods = await erp.call('listAccountingPeriods', 'GET', '/accounting-periods?pageSize=50');
    // January was closed above
    const february = (periods.body.items as { id: string; name: string }[]).find((p) => p.name === '2026-02');
    const closed = await erp.call('closePeriod', 'POST', `/accounting-periods/${february?.id}/close`);
    expect(closed.status, closed.text).toBe(200);
    await expectRefused(receipt(item, 10, 200, '2026-02-05'), 'PERIOD_CLOSED', ['2026-02']);
    const locked = await erp.call('setLockDate', 'POST', '/company/lock-date', {
      body: { lockDate: '2026-02-28' },
    });
    expect(locked.status, locked.text).toBe(200);
    // the lock date only passes closed periods: the period's refusal comes first
    await expectRefused(receipt(item, 10, 200, '2026-02-28'), 'PERIOD_CLOSED', ['2026-02']);
    expect(await binOf(erp, item, storeB)).toEqual({ qty: 4, value: 400 });
    await expectStockAgrees();
  });
});
