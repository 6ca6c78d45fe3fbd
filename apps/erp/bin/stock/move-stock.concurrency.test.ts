import { randomUUID } from 'node:crypto';
import { DomainError } from '@codexion/framework/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErpKernel, erpKernel, tenantA } from '../erp-kernel.test-helper.js';
import { moveStock } from './move-stock.js';
import {
  binOf,
  createItem,
  draftEntry,
  postEntry,
  type StockCompany,
  setUpStockCompany,
} from './stock.test-helper.js';

let erp: ErpKernel;
let company: StockCompany;

beforeAll(async () => {
  erp = await erpKernel();
  company = await setUpStockCompany(erp);
}, 120_000);

afterAll(async () => {
  await erp?.dispose();
});

describe(`concurrent issues of the last unit on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('posts exactly one of eight parallel issues; seven get 422 INSUFFICIENT_STOCK and write nothing', async () => {
    const item = await createItem(erp, { sku: 'LAST-1', name: 'The last one' });
    const received = await postEntry(erp, {
      kind: 'receipt',
      lines: [{ itemId: item, toWarehouseId: company.mainWarehouseId, qty: 1, unitCost: 700 }],
    });
    expect(received.status, received.text).toBe(200);
    const drafts = await Promise.all(
      Array.from({ length: 8 }, () =>
        draftEntry(erp, {
          kind: 'issue',
          lines: [{ itemId: item, fromWarehouseId: company.mainWarehouseId, qty: 1 }],
        }),
      ),
    );
    // straight at the app, all in flight at once: on PostgreSQL each request has its own connection
    const answers = await Promise.all(
      drafts.map((id) =>
        erp.kernel.app.request(`/api/erp/stock-entries/${id}/transition`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-codexion-tenant': tenantA },
          body: JSON.stringify({ to: 'posted' }),
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 422, 422, 422, 422, 422, 422, 422]);
    const refusals = await Promise.all(
      answers
        .filter((answer) => answer.status === 422)
        .map((answer) => answer.json() as Promise<{ code: string }>),
    );
    expect(new Set(refusals.map((refusal) => refusal.code))).toEqual(new Set(['INSUFFICIENT_STOCK']));
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 0, value: 0 });
    const moves = await erp.database.database.execute<{ qty: string }>(
      'select qty::text as qty from erp.stock_moves where item_id = $1 and qty < 0',
      [item],
    );
    expect(moves).toEqual([{ qty: '-1' }]);
    const issuedGl = await erp.database.database.execute<{ vouchers: string; net: string }>(
      `select count(distinct voucher_id)::text as vouchers, coalesce(sum(debit - credit), 0)::text as net
         from erp.gl_entries where voucher_id = any($1::uuid[])`,
      [drafts],
    );
    expect(issuedGl).toEqual([{ vouchers: '1', net: '0' }]);
    const posted = await erp.database.database.execute<{ n: string }>(
      `select count(*)::text as n from erp.stock_entries where id = any($1::uuid[]) and status = 'posted'`,
      [drafts],
    );
    expect(posted).toEqual([{ n: '1' }]);
  });

  it('serializes on the bin itself: eight parallel moveStock transactions take the last unit once', async () => {
    // posting over HTTP also queues on the STE number series; this takes the bin lock alone
    const item = await createItem(erp, { sku: 'LAST-2' });
    await postEntry(erp, {
      kind: 'receipt',
      lines: [{ itemId: item, toWarehouseId: company.mainWarehouseId, qty: 1, unitCost: 90 }],
    });
    const ctx = (tx: Parameters<Parameters<typeof erp.database.database.transaction>[0]>[0]) => ({
      tx,
      tenantId: tenantA,
      userId: undefined,
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        erp.database.database.transaction((tx) =>
          moveStock(ctx(tx), {
            voucherType: 'test',
            voucherId: randomUUID(),
            voucherNo: 'T',
            postingDate: '2026-03-02',
            lines: [
              {
                lineNo: 0,
                itemId: item,
                warehouseId: company.mainWarehouseId,
                qty: -1,
                path: '/lines/0',
                warehouseField: 'fromWarehouseId',
              },
            ],
          }),
        ),
      ),
    );
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(7);
    for (const reason of lost) {
      expect(reason).toBeInstanceOf(DomainError);
      expect((reason as DomainError).code).toBe('INSUFFICIENT_STOCK');
    }
    expect(await binOf(erp, item, company.mainWarehouseId)).toEqual({ qty: 0, value: 0 });
  });
});
