import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErpKernel, erpKernel } from '../erp-kernel.test-helper.js';
import {
  createItem,
  createStockAccount,
  createWarehouse,
  postEntry,
  type StockCompany,
  setUpStockCompany,
  transition,
} from './stock.test-helper.js';

/**
 * Random receipts, issues, transfers and cancellations (of the latest entry still posted) of a
 * moving-average and a FIFO item over two warehouses (each valued in its own stock account),
 * through the API, against a plain model: a running average per bin, and an array of layers each
 * consumed front to back; a cancelled issue comes back as a new layer at its cost. After every step
 * the database's bins, the last valuation row of each bin and the ledger's stock accounts must
 * equal the model; an issue beyond the stock must be refused and change nothing.
 */

let erp: ErpKernel;
let company: StockCompany;
let warehouses: [string, string];
let stockAccounts: [string, string];
/** the two stores of the backdating property, each valued in an account of its own */
let backdatedStores: { warehouseId: string; accountId: string }[];

beforeAll(async () => {
  erp = await erpKernel();
  company = await setUpStockCompany(erp);
  const second = await createStockAccount(erp, company, '1398', 'Stock in the second store');
  warehouses = [company.mainWarehouseId, await createWarehouse(erp, { stockAccountId: second })];
  stockAccounts = [company.stockAccountId, second];
  backdatedStores = [];
  for (const [number, name] of [
    ['1397', 'Stock in the backdating store'],
    ['1395', 'Stock in the second backdating store'],
  ] as const) {
    const accountId = await createStockAccount(erp, company, number, name);
    backdatedStores.push({
      warehouseId: await createWarehouse(erp, { stockAccountId: accountId }),
      accountId,
    });
  }
}, 120_000);

afterAll(async () => {
  await erp?.dispose();
});

type Method = 'moving-average' | 'fifo';

/** The model of one bin: what a careful clerk with a ledger book would compute. */
interface ModelBin {
  qty: number;
  value: number;
  /** FIFO: each receipt's units, value and how many of them have gone, oldest first */
  layers: { qty: number; value: number; used: number }[];
  /** whether a move has touched it (the database then holds its bin, even when empty) */
  moved: boolean;
}

function halfEven(numerator: number, denominator: number): number {
  const quotient = Math.floor(numerator / denominator);
  const twice = 2 * (numerator - quotient * denominator);
  return twice > denominator || (twice === denominator && quotient % 2 === 1) ? quotient + 1 : quotient;
}

/** Takes `qty` out of the bin (the caller checked there are enough) and answers its cost. */
function take(bin: ModelBin, method: Method, qty: number): number {
  bin.moved = true;
  let cost: number;
  if (method === 'moving-average') {
    cost = qty === bin.qty ? bin.value : halfEven(bin.value * qty, bin.qty);
  } else {
    cost = 0;
    let left = qty;
    for (const layer of bin.layers) {
      if (left === 0) break;
      const k = Math.min(layer.qty - layer.used, left);
      if (k === 0) continue;
      // a layer's units cost floor(value × units / qty) cumulatively, so a whole layer costs its value
      cost +=
        Math.floor((layer.value * (layer.used + k)) / layer.qty) -
        Math.floor((layer.value * layer.used) / layer.qty);
      layer.used += k;
      left -= k;
    }
  }
  bin.qty -= qty;
  bin.value -= cost;
  return cost;
}

function put(bin: ModelBin, qty: number, value: number): ModelBin['layers'][number] {
  bin.moved = true;
  bin.qty += qty;
  bin.value += value;
  const layer = { qty, value, used: 0 };
  bin.layers.push(layer);
  return layer;
}

/**
 * Takes a cancelled receipt's units back out at what they brought: moving average bounded by the
 * bin's value (all of it when the bin empties); FIFO its own layer when that is still the last
 * and untouched, else first in, first out.
 */
function takeBack(
  bin: ModelBin,
  method: Method,
  qty: number,
  value: number,
  layer: ModelBin['layers'][number],
): number {
  if (method === 'fifo') {
    if (bin.layers.at(-1) !== layer || layer.used > 0) return take(bin, method, qty);
    bin.layers.pop();
    bin.qty -= qty;
    bin.value -= value;
    return value;
  }
  const cost = bin.qty === qty ? bin.value : Math.min(Math.max(value, 0), Math.max(bin.value, 0));
  bin.qty -= qty;
  bin.value -= cost;
  return cost;
}

/** A posted entry of the run, as the model needs it to cancel it. */
interface Posted {
  id: string;
  kind: 'receipt' | 'issue' | 'transfer';
  item: number;
  /** the bin the units went into (receipts, transfers) and the layer they made there */
  into?: { bin: ModelBin; layer: ModelBin['layers'][number] };
  /** the bin they came from (issues, transfers) */
  outOf?: ModelBin;
  qty: number;
  /** what the units cost or brought */
  value: number;
}

const step = fc.oneof(
  fc.record({
    kind: fc.constant('receipt' as const),
    item: fc.integer({ min: 0, max: 1 }),
    to: fc.integer({ min: 0, max: 1 }),
    qty: fc.integer({ min: 1, max: 7 }),
    unitCost: fc.integer({ min: 0, max: 999 }),
  }),
  fc.record({
    kind: fc.constant('issue' as const),
    item: fc.integer({ min: 0, max: 1 }),
    from: fc.integer({ min: 0, max: 1 }),
    qty: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({
    kind: fc.constant('transfer' as const),
    item: fc.integer({ min: 0, max: 1 }),
    from: fc.integer({ min: 0, max: 1 }),
    qty: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({ kind: fc.constant('cancel-last' as const) }),
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

async function databaseState(items: string[], vouchers: string[]) {
  const bins = await erp.database.database.execute<{
    item_id: string;
    warehouse_id: string;
    qty: string;
    value: string;
  }>(
    'select item_id, warehouse_id, qty::text as qty, value::text as value from erp.bins where item_id = any($1::uuid[])',
    [items],
  );
  const last = await erp.database.database.execute<{
    item_id: string;
    warehouse_id: string;
    qty_after: string;
    value_after: string;
  }>(
    `select distinct on (m.item_id, m.warehouse_id) m.item_id, m.warehouse_id, v.qty_after::text as qty_after, v.value_after::text as value_after
       from erp.stock_moves m join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
      where m.item_id = any($1::uuid[]) order by m.item_id, m.warehouse_id, m.id desc`,
    [items],
  );
  const ledger = await erp.database.database.execute<{ account_id: string; net: string }>(
    `select account_id, sum(debit - credit)::text as net from erp.gl_entries
      where voucher_id = any($1::uuid[]) and account_id = any($2::uuid[]) group by 1`,
    [vouchers, stockAccounts],
  );
  const [balance] = await erp.database.database.execute<{ net: string }>(
    'select coalesce(sum(debit - credit), 0)::text as net from erp.gl_entries where voucher_id = any($1::uuid[])',
    [vouchers],
  );
  return { bins, last, ledger, voucherNet: Number(balance?.net ?? 0) };
}

describe(`FIFO and moving average against a reference model on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('keeps bins, valuation rows and the ledger’s stock accounts equal to the model after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const methods: [Method, Method] = ['moving-average', 'fifo'];
        const items = [
          await createItem(erp, { valuation: methods[0] }),
          await createItem(erp, { valuation: methods[1] }),
        ];
        const model = new Map<string, ModelBin>();
        const binOf = (item: number, warehouse: number) => {
          const key = `${items[item]}/${warehouses[warehouse]}`;
          const bin = model.get(key) ?? { qty: 0, value: 0, layers: [], moved: false };
          model.set(key, bin);
          return bin;
        };
        const vouchers: string[] = [];
        const posted: Posted[] = [];
        for (const s of steps as Step[]) {
          let answer: Awaited<ReturnType<typeof postEntry>>;
          let expectRefusal = false;
          if (s.kind === 'cancel-last') {
            // the latest entry still posted is cancelled: its moves reversed, last first
            const last = posted.at(-1);
            if (last === undefined) continue;
            const method = methods[last.item] as Method;
            expectRefusal = last.into !== undefined && last.into.bin.qty < last.qty;
            answer = await transition(erp, last.id, 'cancelled');
            if (!expectRefusal) {
              posted.pop();
              if (last.into !== undefined)
                takeBack(last.into.bin, method, last.qty, last.value, last.into.layer);
              if (last.outOf !== undefined) put(last.outOf, last.qty, last.value);
            }
          } else if (s.kind === 'receipt') {
            answer = await postEntry(erp, {
              kind: 'receipt',
              lines: [
                { itemId: items[s.item], toWarehouseId: warehouses[s.to], qty: s.qty, unitCost: s.unitCost },
              ],
            });
            const bin = binOf(s.item, s.to);
            const value = s.qty * s.unitCost;
            const layer = put(bin, s.qty, value);
            posted.push({
              id: String(answer.body.id),
              kind: s.kind,
              item: s.item,
              into: { bin, layer },
              qty: s.qty,
              value,
            });
          } else {
            const itemId = items[s.item];
            const source = binOf(s.item, s.from);
            const to = 1 - s.from;
            expectRefusal = source.qty < s.qty;
            answer = await postEntry(erp, {
              kind: s.kind,
              lines: [
                s.kind === 'issue'
                  ? { itemId, fromWarehouseId: warehouses[s.from], qty: s.qty }
                  : {
                      itemId,
                      fromWarehouseId: warehouses[s.from],
                      toWarehouseId: warehouses[to],
                      qty: s.qty,
                    },
              ],
            });
            if (!expectRefusal) {
              const cost = take(source, methods[s.item] as Method, s.qty);
              const target = binOf(s.item, to);
              const into =
                s.kind === 'transfer' ? { bin: target, layer: put(target, s.qty, cost) } : undefined;
              posted.push({
                id: String(answer.body.id),
                kind: s.kind,
                item: s.item,
                into,
                outOf: source,
                qty: s.qty,
                value: cost,
              });
            }
          }
          if (expectRefusal) {
            expect(answer.status).toBe(422);
            expect(answer.body.code).toBe('INSUFFICIENT_STOCK');
          } else {
            expect(answer.status, answer.text).toBe(200);
            if (s.kind !== 'cancel-last') vouchers.push(String(answer.body.id));
          }
          const db = await databaseState(items, vouchers);
          const expectedBins = [...model]
            .filter(([, bin]) => bin.moved)
            .map(([key, bin]) => `${key} ${bin.qty} ${bin.value}`)
            .sort();
          expect(db.bins.map((b) => `${b.item_id}/${b.warehouse_id} ${b.qty} ${b.value}`).sort()).toEqual(
            expectedBins,
          );
          expect(
            db.last.map((v) => `${v.item_id}/${v.warehouse_id} ${v.qty_after} ${v.value_after}`).sort(),
          ).toEqual(expectedBins);
          const perAccount = stockAccounts.map((_, w) =>
            [...model]
              .filter(([key]) => key.endsWith(`/${warehouses[w]}`))
              .reduce((sum, [, bin]) => sum + bin.value, 0),
          );
          const ledger = new Map(db.ledger.map((row) => [row.account_id, Number(row.net)]));
          expect(stockAccounts.map((account) => ledger.get(account) ?? 0)).toEqual(perAccount);
          expect(db.voucherNet).toBe(0);
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);

  it('values backdated receipts, issues and transfers as if they had been posted in date order', async () => {
    // receipts bring more than issues and transfers take, so that most moves go through
    const common = {
      item: fc.integer({ min: 0, max: 1 }),
      /** the store a receipt goes into, an issue or a transfer comes out of (a transfer goes to the other) */
      store: fc.integer({ min: 0, max: 1 }),
      day: fc.integer({ min: 1, max: 20 }),
      unitCost: fc.integer({ min: 0, max: 999 }),
    };
    const dated = fc.oneof(
      fc.record({ kind: fc.constant('receipt' as const), qty: fc.integer({ min: 1, max: 9 }), ...common }),
      fc.record({ kind: fc.constant('issue' as const), qty: fc.integer({ min: 1, max: 4 }), ...common }),
      fc.record({ kind: fc.constant('transfer' as const), qty: fc.integer({ min: 1, max: 4 }), ...common }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(dated, { minLength: 1, maxLength: 12 }), async (steps) => {
        const methods: [Method, Method] = ['moving-average', 'fifo'];
        const items = [
          await createItem(erp, { valuation: methods[0] }),
          await createItem(erp, { valuation: methods[1] }),
        ];
        const accepted: ((typeof steps)[number] & { date: string; id?: string })[] = [];
        /**
         * The model in date order (then posting order) over the four bins (item × store): each
         * entry's moves' qty after and value change (a transfer: its issue, then its receipt at
         * that cost), the bins, and whether any bin went below zero on the way.
         */
        const replay = (entries: typeof accepted) => {
          const bins = [0, 1, 2, 3].map(() => ({ qty: 0, value: 0, layers: [], moved: false }) as ModelBin);
          const valuations: { qtyAfter: number; valueChange: number }[][] = [];
          let negative = false;
          const order = entries.map((entry, seq) => ({ entry, seq }));
          order.sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.seq - b.seq);
          for (const { entry, seq } of order) {
            const method = methods[entry.item] as Method;
            const bin = bins[entry.item * 2 + entry.store] as ModelBin;
            if (entry.kind === 'receipt') {
              const change = entry.qty * entry.unitCost;
              put(bin, entry.qty, change);
              valuations[seq] = [{ qtyAfter: bin.qty, valueChange: change }];
              continue;
            }
            if (bin.qty < entry.qty) negative = true;
            // 0 − cost, not −cost: an issue of zero-cost units changes the value by 0, not −0
            const cost = take(bin, method, entry.qty);
            valuations[seq] = [{ qtyAfter: bin.qty, valueChange: 0 - cost }];
            if (entry.kind === 'transfer') {
              const target = bins[entry.item * 2 + 1 - entry.store] as ModelBin;
              put(target, entry.qty, cost);
              valuations[seq]?.push({ qtyAfter: target.qty, valueChange: cost });
            }
          }
          return { bins, valuations, negative };
        };
        for (const s of steps) {
          const date = `2026-08-${String(s.day).padStart(2, '0')}`;
          const itemId = items[s.item];
          const [here, there] = [backdatedStores[s.store], backdatedStores[1 - s.store]].map(
            (store) => store?.warehouseId,
          );
          const line =
            s.kind === 'receipt'
              ? { itemId, toWarehouseId: here, qty: s.qty, unitCost: s.unitCost }
              : s.kind === 'issue'
                ? { itemId, fromWarehouseId: here, qty: s.qty }
                : { itemId, fromWarehouseId: here, toWarehouseId: there, qty: s.qty };
          const answer = await postEntry(erp, { kind: s.kind, postingDate: date, lines: [line] });
          if (replay([...accepted, { ...s, date }]).negative) {
            expect(answer.status, answer.text).toBe(422);
            expect(answer.body.code).toBe('INSUFFICIENT_STOCK');
          } else {
            expect(answer.status, answer.text).toBe(200);
            accepted.push({ ...s, date, id: String(answer.body.id) });
          }
          const model = replay(accepted);
          const rows = await erp.database.database.execute<{
            voucher_id: string;
            qty_after: string;
            value_change: string;
          }>(
            `select m.voucher_id, v.qty_after::text as qty_after, v.value_change::text as value_change
               from erp.stock_moves m join erp.stock_valuation v on v.tenant_id = m.tenant_id and v.move_id = m.id
              where m.item_id = any($1::uuid[]) order by m.id`,
            [items],
          );
          expect(
            accepted.map((entry) =>
              rows
                .filter((row) => row.voucher_id === entry.id)
                .map((row) => ({ qtyAfter: Number(row.qty_after), valueChange: Number(row.value_change) })),
            ),
          ).toEqual(model.valuations);
          for (const [index, itemId] of items.entries()) {
            for (const [store, { warehouseId }] of backdatedStores.entries()) {
              const bin = model.bins[index * 2 + store] as ModelBin;
              const [row] = await erp.database.database.execute<{ qty: string; value: string }>(
                'select qty::text as qty, value::text as value from erp.bins where item_id = $1 and warehouse_id = $2',
                [itemId, warehouseId],
              );
              expect({ qty: Number(row?.qty ?? 0), value: Number(row?.value ?? 0) }).toEqual({
                qty: bin.qty,
                value: bin.value,
              });
            }
          }
          // every run's bins in each store, against its stock account: the revaluations keep them equal
          for (const { warehouseId, accountId } of backdatedStores) {
            const [store] = await erp.database.database.execute<{ value: string }>(
              'select coalesce(sum(value), 0)::text as value from erp.bins where warehouse_id = $1',
              [warehouseId],
            );
            const [ledger] = await erp.database.database.execute<{ net: string }>(
              'select coalesce(sum(debit - credit), 0)::text as net from erp.gl_entries where account_id = $1',
              [accountId],
            );
            expect(Number(ledger?.net)).toBe(Number(store?.value));
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
