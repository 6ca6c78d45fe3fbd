import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErpKernel, erpKernel, tenantA } from '../erp-kernel.test-helper.js';
import {
  binOf,
  countRows,
  createItem,
  createWarehouse,
  draftEntry,
  ledgerBalance,
  postEntry,
  type StockCompany,
  setUpStockCompany,
  transition,
} from '../stock/stock.test-helper.js';

let erp: ErpKernel;
let company: StockCompany;

beforeAll(async () => {
  erp = await erpKernel();
  company = await setUpStockCompany(erp);
}, 120_000);

afterAll(async () => {
  await erp?.dispose();
});

/** The stock GL rows of a voucher: account → debit − credit. */
async function voucherNet(voucherId: string): Promise<Record<string, number>> {
  const rows = await erp.database.database.execute<{ account_id: string; net: string }>(
    `select account_id, sum(debit - credit)::text as net from erp.gl_entries where voucher_id = $1 group by 1`,
    [voucherId],
  );
  return Object.fromEntries(rows.map((row) => [row.account_id, Number(row.net)]));
}

async function outboxEvents(name: string): Promise<Record<string, unknown>[]> {
  const rows = await erp.database.database.execute<{ payload: Record<string, unknown> }>(
    'select payload from prefiq.event_outbox where name = $1 order by id',
    [name],
  );
  return rows.map((row) => row.payload);
}

const receipt = (itemId: string, qty: number, unitCost: number, toWarehouseId = company.mainWarehouseId) => ({
  kind: 'receipt',
  lines: [{ itemId, toWarehouseId, qty, unitCost }],
});
const issue = (itemId: string, qty: number, fromWarehouseId = company.mainWarehouseId) => ({
  kind: 'issue',
  lines: [{ itemId, fromWarehouseId, qty }],
});

describe(`stock entries on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('posts a receipt: a number, the move, the bin and Dr stock / Cr stock received not billed', async () => {
    const item = await createItem(erp);
    const posted = await postEntry(erp, receipt(item, 4, 250));
    expect(posted.status, posted.text).toBe(200);
    expect(posted.contract).toEqual([]);
    expect(posted.body).toMatchObject({
      status: 'posted',
      number: expect.stringMatching(/^STE-2026-\d{5}$/),
    });
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 4, value: 1000 });
    expect(await voucherNet(String(posted.body.id))).toEqual({
      [company.stockAccountId]: 1000,
      [company.stockReceivedNotBilledAccountId]: -1000,
    });
    const [moved] = (await outboxEvents('erp.stock.moved')).filter((e) => e.stockEntryId === posted.body.id);
    expect(moved).toMatchObject({
      kind: 'receipt',
      number: posted.body.number,
      moves: [{ itemId: item, warehouseId: company.mainWarehouseId, qty: 4, qtyAfter: 4, valueChange: 1000 }],
    });
  });

  it('refuses an issue beyond the stock on hand at the line’s qty, naming item, warehouse and stock, writing nothing', async () => {
    const item = await createItem(erp, { sku: 'BOLT-9', name: 'Bolt' });
    expect((await postEntry(erp, receipt(item, 2, 100))).status).toBe(200);
    const before = await Promise.all(
      ['stock_moves', 'stock_valuation', 'gl_entries'].map((t) => countRows(erp, t)),
    );
    const id = await draftEntry(erp, issue(item, 3));
    const refused = await transition(erp, id, 'posted');
    expect(refused.status).toBe(422);
    expect(refused.contract).toEqual([]);
    expect(refused.body).toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    expect(refused.body.errors).toEqual([
      {
        path: '/body/lines/0/qty',
        code: 'insufficient-stock',
        message: 'BOLT-9 (Bolt): 2 on hand in Main store, 3 to take out',
      },
    ]);
    expect(
      await Promise.all(['stock_moves', 'stock_valuation', 'gl_entries'].map((t) => countRows(erp, t))),
    ).toEqual(before);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 2, value: 200 });
    const entry = await erp.call('getStockEntry', 'GET', `/stock-entries/${id}`);
    expect(entry.body).toMatchObject({ status: 'draft', number: null });
  });

  it('values issues at moving average, half-even, the last unit taking the rest; Dr COGS / Cr stock', async () => {
    const item = await createItem(erp);
    await postEntry(erp, receipt(item, 3, 10));
    await postEntry(erp, receipt(item, 1, 11));
    const first = await postEntry(erp, issue(item, 1)); // 41 × 1 / 4 = 10.25 → 10
    expect(await voucherNet(String(first.body.id))).toEqual({
      [company.cogsAccountId]: 10,
      [company.stockAccountId]: -10,
    });
    const rest = await postEntry(erp, issue(item, 3));
    expect(await voucherNet(String(rest.body.id))).toEqual({
      [company.cogsAccountId]: 31,
      [company.stockAccountId]: -31,
    });
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 0, value: 0 });
  });

  it('values issues FIFO: the first units received go first, at their cost', async () => {
    const item = await createItem(erp, { valuation: 'fifo' });
    await postEntry(erp, receipt(item, 2, 10));
    await postEntry(erp, receipt(item, 3, 20));
    const issued = await postEntry(erp, issue(item, 3));
    expect(await voucherNet(String(issued.body.id))).toEqual({
      [company.cogsAccountId]: 40,
      [company.stockAccountId]: -40,
    });
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 2, value: 40 });
  });

  it('transfers at the issue’s exact cost: rows between two stock accounts, none within one', async () => {
    const item = await createItem(erp);
    await postEntry(erp, receipt(item, 3, 0));
    await postEntry(erp, receipt(item, 0 + 1, 100)); // 4 units worth 100: an awkward rate
    const sameAccount = await createWarehouse(erp);
    const within = await postEntry(erp, {
      kind: 'transfer',
      lines: [{ itemId: item, fromWarehouseId: company.mainWarehouseId, toWarehouseId: sameAccount, qty: 1 }],
    });
    expect(within.status, within.text).toBe(200);
    expect(await voucherNet(String(within.body.id))).toEqual({});
    expect(await binOf(erp, item, sameAccount)).toEqual({ qty: 1, value: 25 });
    const accounts = await erp.call('listAccounts', 'GET', '/accounts?pageSize=200');
    const stock = (accounts.body.items as { id: string; parentId: string | null }[]).find(
      (account) => account.id === company.stockAccountId,
    );
    const other = await erp.call('createAccount', 'POST', '/accounts', {
      body: {
        number: '1399',
        name: 'Stock in transit',
        rootType: 'asset',
        accountType: 'stock',
        isGroup: false,
        parentId: stock?.parentId,
      },
    });
    expect(other.status, other.text).toBe(201);
    const elsewhere = await createWarehouse(erp, { stockAccountId: other.body.id });
    const between = await postEntry(erp, {
      kind: 'transfer',
      lines: [{ itemId: item, fromWarehouseId: company.mainWarehouseId, toWarehouseId: elsewhere, qty: 2 }],
    });
    expect(await voucherNet(String(between.body.id))).toEqual({
      [String(other.body.id)]: 50,
      [company.stockAccountId]: -50,
    });
    expect(await binOf(erp, item, elsewhere)).toEqual({ qty: 2, value: 50 });
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 1, value: 25 });
  });

  it('adjusts in at a given cost and out at the valuation, against the stock adjustment account', async () => {
    const item = await createItem(erp);
    const found = await postEntry(erp, {
      kind: 'adjustment',
      lines: [{ itemId: item, toWarehouseId: company.mainWarehouseId, qty: 5, unitCost: 30 }],
    });
    expect(await voucherNet(String(found.body.id))).toEqual({
      [company.stockAccountId]: 150,
      [company.stockAdjustmentAccountId]: -150,
    });
    const lost = await postEntry(erp, {
      kind: 'adjustment',
      lines: [{ itemId: item, fromWarehouseId: company.mainWarehouseId, qty: 2 }],
    });
    expect(await voucherNet(String(lost.body.id))).toEqual({
      [company.stockAccountId]: -60,
      [company.stockAdjustmentAccountId]: 60,
    });
  });

  it('refuses a group warehouse at the line’s warehouse field', async () => {
    const item = await createItem(erp);
    const group = await createWarehouse(erp, { isGroup: true });
    const refused = await postEntry(erp, receipt(item, 1, 1, group));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('STOCK_LINE_INVALID');
    expect((refused.body.errors as { path: string }[])[0]?.path).toBe('/body/lines/0/toWarehouseId');
  });

  it('refuses bad lines and dates at posting with their field path, leaving the entry a draft', async () => {
    const item = await createItem(erp);
    await postEntry(erp, { ...receipt(item, 2, 10), postingDate: '2026-05-10' });
    const cases: [Record<string, unknown>, string, string][] = [
      [receipt('00000000-0000-4000-8000-000000000001', 1, 1), 'STOCK_LINE_INVALID', '/body/lines/0/itemId'],
      [
        receipt(item, 1, 1, '00000000-0000-4000-8000-000000000002'),
        'STOCK_LINE_INVALID',
        '/body/lines/0/toWarehouseId',
      ],
      [receipt(item, 1_000_000, 9_007_199_254_740), 'STOCK_LINE_INVALID', '/body/lines/0/unitCost'],
      [{ ...receipt(item, 1, 1), postingDate: '2025-06-01' }, 'PERIOD_CLOSED', '/body/postingDate'],
      [{ ...issue(item, 1), postingDate: '2026-05-01' }, 'INSUFFICIENT_STOCK', '/body/lines/0/qty'],
    ];
    for (const [entry, code, path] of cases) {
      const id = await draftEntry(erp, entry);
      const refused = await transition(erp, id, 'posted');
      expect(refused.status, refused.text).toBe(422);
      expect(refused.contract).toEqual([]);
      expect(refused.body.code).toBe(code);
      expect((refused.body.errors as { path: string }[]).map((issue) => issue.path)).toEqual([path]);
      expect((await erp.call('getStockEntry', 'GET', `/stock-entries/${id}`)).body).toMatchObject({
        status: 'draft',
        number: null,
      });
    }
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 2, value: 20 });
  });

  it('cancels by reversal at the original cost: stock and value restored, the voucher nets to zero, the entry locked', async () => {
    for (const valuation of ['moving-average', 'fifo']) {
      const item = await createItem(erp, { valuation });
      await postEntry(erp, receipt(item, 5, 10));
      const sold = await postEntry(erp, issue(item, 3));
      const afterIssue = await binOf(erp, item, company.mainWarehouseId);
      expect(afterIssue).toEqual({ qty: 2, value: 20 });
      const bought = await postEntry(erp, receipt(item, 10, 30));
      const undone = await transition(erp, String(bought.body.id), 'cancelled');
      expect(undone.status, undone.text).toBe(200);
      expect(undone.contract).toEqual([]);
      expect(await binOf(erp, item, company.mainWarehouseId)).toEqual(afterIssue);
      const cancelled = await transition(erp, String(sold.body.id), 'cancelled');
      expect(cancelled.status, cancelled.text).toBe(200);
      expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 5, value: 50 });
      for (const id of [sold.body.id, bought.body.id]) {
        expect(Object.values(await voucherNet(String(id)))).toEqual([0, 0]);
      }
      const reversals = await erp.database.database.execute<{ n: string }>(
        'select count(*)::text as n from erp.stock_moves where voucher_id = $1 and reverses_id is not null',
        [sold.body.id],
      );
      expect(reversals).toEqual([{ n: '1' }]);
      const again = await transition(erp, String(sold.body.id), 'cancelled');
      expect(again.status).toBeGreaterThanOrEqual(400);
      expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 5, value: 50 });
      const patched = await erp.call('updateStockEntry', 'PATCH', `/stock-entries/${sold.body.id}`, {
        body: { memo: 'changed' },
        headers: { 'if-match': cancelled.headers.get('etag') ?? '' },
      });
      expect(patched.status).toBe(409);
      expect(patched.body.code).toBe('RECORD_LOCKED');
    }
  });

  it('refuses cancelling a receipt whose units have been issued', async () => {
    const item = await createItem(erp);
    const bought = await postEntry(erp, receipt(item, 2, 10));
    await postEntry(erp, issue(item, 2));
    const refused = await transition(erp, String(bought.body.id), 'cancelled');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('INSUFFICIENT_STOCK');
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 0, value: 0 });
  });

  it('allows negative stock for an item that allows it', async () => {
    const item = await createItem(erp, { allowNegativeStock: true });
    const issued = await postEntry(erp, issue(item, 2));
    expect(issued.status, issued.text).toBe(200);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: -2, value: 0 });
  });

  it('emits erp.item.below-reorder when a bin falls below its item’s reorder level, once', async () => {
    const item = await createItem(erp, { sku: 'REORDER-1', reorderLevel: 5, reorderQty: 20 });
    for (const entry of [receipt(item, 8, 1), issue(item, 3), issue(item, 1), issue(item, 1)]) {
      const posted = await postEntry(erp, entry);
      expect(posted.status, `${JSON.stringify(entry)} ${posted.text}`).toBe(200);
    }
    const events = (await outboxEvents('erp.item.below-reorder')).filter((e) => e.itemId === item);
    expect(events).toEqual([
      {
        itemId: item,
        sku: 'REORDER-1',
        warehouseId: company.mainWarehouseId,
        qty: 4,
        reorderLevel: 5,
        reorderQty: 20,
      },
    ]);
  });

  it('fixes an item’s valuation method once it has moved', async () => {
    const item = await createItem(erp);
    const etag = async () => (await erp.call('getItem', 'GET', `/items/${item}`)).headers.get('etag') ?? '';
    const free = await erp.call('updateItem', 'PATCH', `/items/${item}`, {
      body: { valuation: 'fifo' },
      headers: { 'if-match': await etag() },
    });
    expect(free.status, free.text).toBe(200);
    await postEntry(erp, receipt(item, 1, 1));
    const fixed = await erp.call('updateItem', 'PATCH', `/items/${item}`, {
      body: { valuation: 'moving-average' },
      headers: { 'if-match': await etag() },
    });
    expect(fixed.status).toBe(409);
    expect(fixed.contract).toEqual([]);
    expect(fixed.body).toMatchObject({ code: 'ITEM_VALUATION_FIXED' });
    expect(fixed.body.errors).toEqual([
      { path: '/body/valuation', code: 'valuation-fixed', message: expect.stringContaining('stays fifo') },
    ]);
  });

  it('keeps the GL stock account equal to the value of all bins', async () => {
    const [row] = await erp.database.database.execute<{ value: string }>(
      `select coalesce(sum(b.value), 0)::text as value from erp.bins b
         join erp.warehouses w on w.tenant_id = b.tenant_id and w.id = b.warehouse_id where w.stock_account_id is null`,
    );
    expect(await ledgerBalance(erp, company.stockAccountId)).toBe(Number(row?.value));
  });
});

const dated = (entry: Record<string, unknown>, postingDate: string) => ({ ...entry, postingDate });

/** The valuation of an entry's moves, in line order. */
async function valuationOf(entryId: string): Promise<{ qtyAfter: number; valueChange: number }[]> {
  const rows = await erp.database.database.execute<{ qty_after: string; value_change: string }>(
    `select v.qty_after::text as qty_after, v.value_change::text as value_change from erp.stock_moves m
       join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
      where m.voucher_id = $1 order by m.id`,
    [entryId],
  );
  return rows.map((row) => ({ qtyAfter: Number(row.qty_after), valueChange: Number(row.value_change) }));
}

/** The stock-revaluation vouchers of a date: account → debit − credit. */
async function revaluations(
  postingDate: string,
): Promise<{ voucherNo: string; net: Record<string, number> }[]> {
  const rows = await erp.database.database.execute<{
    voucher_id: string;
    voucher_no: string;
    account_id: string;
    net: string;
  }>(
    `select voucher_id, voucher_no, account_id, sum(debit - credit)::text as net from erp.gl_entries
      where voucher_type = 'stock-revaluation' and posting_date = $1 group by 1, 2, 3 order by 1, 3`,
    [postingDate],
  );
  const vouchers = new Map<string, { voucherNo: string; net: Record<string, number> }>();
  for (const row of rows) {
    const voucher = vouchers.get(row.voucher_id) ?? { voucherNo: row.voucher_no, net: {} };
    voucher.net[row.account_id] = Number(row.net);
    vouchers.set(row.voucher_id, voucher);
  }
  return [...vouchers.values()];
}

/** The company's stock account in the ledger equals Σ bins.value of the warehouses it values. */
async function expectLedgerEqualsBins(): Promise<void> {
  const [bins] = await erp.database.database.execute<{ value: string }>(
    `select coalesce(sum(b.value), 0)::text as value from erp.bins b
       join erp.warehouses w on w.tenant_id = b.tenant_id and w.id = b.warehouse_id
      where b.tenant_id = $1 and w.stock_account_id is null`,
    [tenantA],
  );
  expect(await ledgerBalance(erp, company.stockAccountId)).toBe(Number(bins?.value ?? 0));
}

describe(`backdated stock entries (repostBin) on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('a backdated receipt at a higher cost raises a later issue’s moving-average cost and books the exact difference', async () => {
    const item = await createItem(erp, { valuation: 'moving-average' });
    await postEntry(erp, dated(receipt(item, 10, 100), '2026-03-10'));
    const sold = await postEntry(erp, dated(issue(item, 4), '2026-03-20'));
    expect(await valuationOf(String(sold.body.id))).toEqual([{ qtyAfter: 6, valueChange: -400 }]);
    const late = await postEntry(erp, dated(receipt(item, 10, 200), '2026-03-05'));
    expect(late.status, late.text).toBe(200);
    expect(late.contract).toEqual([]);
    // 20 units worth 3000 on the 20th: 4 of them cost 600, 200 more than booked
    expect(await valuationOf(String(late.body.id))).toEqual([{ qtyAfter: 10, valueChange: 2000 }]);
    expect(await valuationOf(String(sold.body.id))).toEqual([{ qtyAfter: 16, valueChange: -600 }]);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 16, value: 2400 });
    expect(await revaluations('2026-03-20')).toEqual([
      {
        voucherNo: `${late.body.number}/2026-03-20`,
        net: { [company.stockAccountId]: -200, [company.cogsAccountId]: 200 },
      },
    ]);
    await expectLedgerEqualsBins();
    // the stock ledger lists the moves in the order they are valued, a page at a time
    const page = async (after?: unknown) => {
      const cursor = after === undefined ? '' : `&after=${after}`;
      const answer = await erp.call(
        'reportStockLedger',
        'GET',
        `/reports/stock-ledger?itemId=${item}&limit=2${cursor}`,
      );
      expect(answer.contract).toEqual([]);
      return answer.body as { items: { postingDate: string; qtyAfter: number }[]; nextCursor: unknown };
    };
    const first = await page();
    const second = await page(first.nextCursor);
    expect([...first.items, ...second.items].map((move) => [move.postingDate, move.qtyAfter])).toEqual([
      ['2026-03-05', 10],
      ['2026-03-10', 20],
      ['2026-03-20', 16],
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('a backdated receipt under FIFO becomes the first layer: the later issue takes its units and the difference is booked', async () => {
    const item = await createItem(erp, { valuation: 'fifo' });
    await postEntry(erp, dated(receipt(item, 10, 100), '2026-04-10'));
    const sold = await postEntry(erp, dated(issue(item, 4), '2026-04-20'));
    const late = await postEntry(erp, dated(receipt(item, 10, 200), '2026-04-05'));
    expect(late.status, late.text).toBe(200);
    expect(await valuationOf(String(sold.body.id))).toEqual([{ qtyAfter: 16, valueChange: -800 }]);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 16, value: 2200 });
    const layers = await erp.database.database.execute<{
      cum_qty_before: string;
      qty: string;
      value: string;
    }>(
      `select cum_qty_before::text, qty::text, value::text from erp.fifo_layers where item_id = $1 order by cum_qty_before`,
      [item],
    );
    expect(layers.map((layer) => [layer.cum_qty_before, layer.qty, layer.value].map(Number))).toEqual([
      [0, 10, 2000],
      [10, 10, 1000],
    ]);
    expect((await revaluations('2026-04-20'))[0]?.net).toEqual({
      [company.stockAccountId]: -400,
      [company.cogsAccountId]: 400,
    });
    // the next issue goes on from the replayed position: 6 left of the first layer, then the second
    const next = await postEntry(erp, dated(issue(item, 8), '2026-04-25'));
    expect(await valuationOf(String(next.body.id))).toEqual([{ qtyAfter: 8, valueChange: -(1200 + 200) }]);
    await expectLedgerEqualsBins();
  });

  it('refuses a backdated issue that takes a later issue below zero, naming its date, and writes nothing', async () => {
    const item = await createItem(erp, { valuation: 'fifo' });
    await postEntry(erp, dated(receipt(item, 5, 10), '2026-05-10'));
    await postEntry(erp, dated(issue(item, 5), '2026-05-20'));
    const tables = ['stock_moves', 'stock_valuation', 'fifo_layers', 'gl_entries', 'bins'];
    const before = await Promise.all(tables.map((table) => countRows(erp, table)));
    const id = await draftEntry(erp, dated(issue(item, 1), '2026-05-15'));
    const refused = await transition(erp, id, 'posted');
    expect(refused.status, refused.text).toBe(422);
    expect(refused.contract).toEqual([]);
    expect(refused.body.code).toBe('INSUFFICIENT_STOCK');
    const [problem] = refused.body.errors as { path: string; message: string }[];
    expect(problem?.path).toBe('/body/postingDate');
    expect(problem?.message).toContain('2026-05-20');
    expect(await Promise.all(tables.map((table) => countRows(erp, table)))).toEqual(before);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 0, value: 0 });
    expect((await erp.call('getStockEntry', 'GET', `/stock-entries/${id}`)).body).toMatchObject({
      status: 'draft',
      number: null,
    });
    await expectLedgerEqualsBins();
  });

  it('a backdated transfer leaves at its date’s cost and re-values the source’s later issue', async () => {
    const item = await createItem(erp);
    const store = await createWarehouse(erp);
    await postEntry(erp, dated(receipt(item, 10, 100), '2026-09-01'));
    await postEntry(erp, dated(receipt(item, 10, 300), '2026-09-10'));
    const sold = await postEntry(erp, dated(issue(item, 5), '2026-09-20'));
    expect(await valuationOf(String(sold.body.id))).toEqual([{ qtyAfter: 15, valueChange: -1000 }]);
    const moved = await postEntry(erp, {
      kind: 'transfer',
      postingDate: '2026-09-05',
      lines: [{ itemId: item, fromWarehouseId: company.mainWarehouseId, toWarehouseId: store, qty: 5 }],
    });
    expect(moved.status, moved.text).toBe(200);
    expect(await valuationOf(String(moved.body.id))).toEqual([
      { qtyAfter: 5, valueChange: -500 },
      { qtyAfter: 5, valueChange: 500 },
    ]);
    // 15 units worth 3500 on the 20th: 5 cost 1167 (half-even), 167 more than booked
    expect(await valuationOf(String(sold.body.id))).toEqual([{ qtyAfter: 10, valueChange: -1167 }]);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 10, value: 2333 });
    expect(await binOf(erp, item, store)).toEqual({ qty: 5, value: 500 });
    expect((await revaluations('2026-09-20'))[0]?.net).toEqual({
      [company.stockAccountId]: -167,
      [company.cogsAccountId]: 167,
    });
    await expectLedgerEqualsBins();
  });

  it('a backdated receipt whose later moves keep their cost books no revaluation', async () => {
    const item = await createItem(erp, { valuation: 'fifo' });
    await postEntry(erp, dated(receipt(item, 2, 50), '2026-07-10'));
    await postEntry(erp, dated(issue(item, 2), '2026-07-20'));
    const before = await countRows(erp, 'gl_entries');
    // the backdated layer comes first now, at the same unit cost as the one the issue took
    const late = await postEntry(erp, dated(receipt(item, 3, 50), '2026-07-01'));
    expect(late.status, late.text).toBe(200);
    // same unit cost: the issue's value is unchanged, only the receipt's own two rows are new
    expect(await countRows(erp, 'gl_entries')).toBe(before + 2);
    expect(await revaluations('2026-07-20')).toEqual([]);
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 3, value: 150 });
    await expectLedgerEqualsBins();
  });
});
