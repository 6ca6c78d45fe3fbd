import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErpKernel, erpKernel, tenantA, tenantB } from '../erp-kernel.test-helper.js';
import {
  createItem,
  ledgerBalance,
  postEntry,
  type StockCompany,
  setUpStockCompany,
} from '../stock/stock.test-helper.js';

let erp: ErpKernel;
let company: StockCompany;
let bolt: string;
let nut: string;
let washer: string;

beforeAll(async () => {
  erp = await erpKernel();
  company = await setUpStockCompany(erp);
  bolt = await createItem(erp, { sku: 'BOLT', name: 'Bolt' });
  nut = await createItem(erp, {
    sku: 'NUT',
    name: 'Nut',
    valuation: 'fifo',
    reorderLevel: 10,
    reorderQty: 50,
  });
  washer = await createItem(erp, { sku: 'WASHER', name: 'Washer', reorderLevel: 2, reorderQty: 5 });
  const main = company.mainWarehouseId;
  for (const entry of [
    {
      postingDate: '2026-03-02',
      kind: 'receipt',
      lines: [{ itemId: bolt, toWarehouseId: main, qty: 4, unitCost: 250 }],
    },
    {
      postingDate: '2026-03-05',
      kind: 'receipt',
      lines: [{ itemId: nut, toWarehouseId: main, qty: 3, unitCost: 100 }],
    },
    { postingDate: '2026-04-01', kind: 'issue', lines: [{ itemId: bolt, fromWarehouseId: main, qty: 1 }] },
  ]) {
    const posted = await postEntry(erp, entry);
    expect(posted.status, posted.text).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await erp?.dispose();
});

describe(`stock reports on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('answers the stock balance now and as of a date, filtered by item', async () => {
    const now = await erp.call('reportStockBalance', 'GET', '/reports/stock-balance');
    expect(now.status, now.text).toBe(200);
    expect(now.contract).toEqual([]);
    expect(now.body).toEqual({
      items: [
        {
          itemId: bolt,
          sku: 'BOLT',
          itemName: 'Bolt',
          warehouseId: company.mainWarehouseId,
          warehouseName: 'Main store',
          qty: 3,
          value: 750,
        },
        {
          itemId: nut,
          sku: 'NUT',
          itemName: 'Nut',
          warehouseId: company.mainWarehouseId,
          warehouseName: 'Main store',
          qty: 3,
          value: 300,
        },
      ],
      totalValue: 1050,
    });
    const march = await erp.call(
      'reportStockBalance',
      'GET',
      `/reports/stock-balance?asOf=2026-03-31&itemId=${bolt}`,
    );
    expect(march.body).toMatchObject({ items: [{ sku: 'BOLT', qty: 4, value: 1000 }], totalValue: 1000 });
    const before = await erp.call('reportStockBalance', 'GET', '/reports/stock-balance?asOf=2026-03-01');
    expect(before.body).toEqual({ items: [], totalValue: 0 });
  });

  it('values stock per item, its total equal to the stock account’s balance in the ledger', async () => {
    const valuation = await erp.call('reportStockValuation', 'GET', '/reports/stock-valuation');
    expect(valuation.contract).toEqual([]);
    expect(valuation.body).toMatchObject({
      items: [
        { sku: 'BOLT', valuation: 'moving-average', qty: 3, value: 750 },
        { sku: 'NUT', valuation: 'fifo', qty: 3, value: 300 },
      ],
      totalValue: 1050,
    });
    expect(await ledgerBalance(erp, company.stockAccountId)).toBe(1050);
  });

  it('lists an item’s stock ledger with quantity after, rate and value change, a page at a time', async () => {
    const first = await erp.call('reportStockLedger', 'GET', `/reports/stock-ledger?itemId=${bolt}&limit=1`);
    expect(first.status, first.text).toBe(200);
    expect(first.contract).toEqual([]);
    const [receipt] = first.body.items as { moveId: number }[];
    expect(first.body.items).toEqual([
      expect.objectContaining({
        postingDate: '2026-03-02',
        voucherType: 'stock-entry',
        qty: 4,
        qtyAfter: 4,
        valuationRate: 250,
        valueChange: 1000,
        valueAfter: 1000,
        reversesId: null,
      }),
    ]);
    expect(first.body.nextCursor).toBe(receipt?.moveId);
    const second = await erp.call(
      'reportStockLedger',
      'GET',
      `/reports/stock-ledger?itemId=${bolt}&limit=1&after=${first.body.nextCursor}`,
    );
    expect(second.body).toEqual({
      items: [
        expect.objectContaining({
          postingDate: '2026-04-01',
          qty: -1,
          qtyAfter: 3,
          valuationRate: 250,
          valueChange: -250,
          valueAfter: 750,
        }),
      ],
      nextCursor: null,
    });
    const missing = await erp.call('reportStockLedger', 'GET', '/reports/stock-ledger');
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.status).toBeLessThan(500);
    expect(missing.contract).toEqual([]);
    expect(JSON.stringify(missing.body.errors)).toContain('itemId');
  });

  it('lists the items below their reorder level, also those with no stock anywhere', async () => {
    const below = await erp.call('reportItemsBelowReorder', 'GET', '/reports/items-below-reorder');
    expect(below.contract).toEqual([]);
    expect(below.body).toEqual({
      items: [
        {
          itemId: nut,
          sku: 'NUT',
          itemName: 'Nut',
          warehouseId: company.mainWarehouseId,
          warehouseName: 'Main store',
          qty: 3,
          reorderLevel: 10,
          reorderQty: 50,
        },
        {
          itemId: washer,
          sku: 'WASHER',
          itemName: 'Washer',
          warehouseId: null,
          warehouseName: null,
          qty: 0,
          reorderLevel: 2,
          reorderQty: 5,
        },
      ],
    });
  });

  it('answers ?format=csv as a download of the same rows', async () => {
    // straight at the app: the contract check reads answers as JSON (OpenAPI names only that one)
    const csv = await erp.kernel.app.request('/api/erp/reports/stock-balance?format=csv', {
      headers: { 'x-codexion-tenant': tenantA },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('stock-balance.csv');
    expect((await csv.text()).split(/\r?\n/).filter(Boolean)).toEqual([
      'SKU,Item,Warehouse,Quantity,Value',
      'BOLT,Bolt,Main store,3,750',
      'NUT,Nut,Main store,3,300',
    ]);
  });

  it('shows another tenant nothing', async () => {
    const other = await erp.call('reportStockValuation', 'GET', '/reports/stock-valuation', {
      tenant: tenantB,
    });
    expect(other.body).toEqual({ items: [], totalValue: 0 });
  });
});
