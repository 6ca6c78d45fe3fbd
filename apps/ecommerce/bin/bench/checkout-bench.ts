/**
 * Bench of checkout (issue 16): on a scratch PostgreSQL database, the kernel with the e-commerce
 * app, one stock location and `--variants` variants with plenty of stock, and `--checkouts` carts
 * of two lines each made through HTTP. Then every cart is checked out through HTTP (the whole
 * stack: contract, row-level security, the saga's six steps and its persisted run, the test
 * payment provider), `--concurrency` at a time: checkouts per second and p50/p99 latency, PASS/FAIL
 * against the floors below. Last, the same for the last units of one variant (every checkout races
 * for one row): the rate of answers (orders and 409 OUT_OF_STOCK) and that exactly the stock was sold.
 *
 *   DATABASE_URL=postgres://… node --import tsx apps/ecommerce/bin/bench/checkout-bench.ts [--checkouts 400] [--concurrency 16]
 *
 * Without DATABASE_URL it says so and exits 0 (PGlite serializes transactions: not what the floors are about).
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { type EcommerceKernel, ecommerceKernel, tenantA } from '../ecommerce-kernel.test-helper.js';
import { testCards } from '../payments/test-payment-provider.js';

const { values: args } = parseArgs({
  options: {
    checkouts: { type: 'string', default: '400' },
    variants: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '16' },
  },
});
const checkouts = Number(args.checkouts);
const variantCount = Number(args.variants);
const concurrency = Number(args.concurrency);
/** floors on one node of the CI machine (2 shared cores): checkouts/s and p99 in ms */
const throughputFloor = 40;
const p99Bound = 1_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function created(
  shop: EcommerceKernel,
  operationId: string,
  path: string,
  body: unknown,
): Promise<string> {
  const answer = await shop.call(operationId, 'POST', path, { body });
  if (answer.status !== 201) throw new Error(`${operationId}: ${answer.status} ${answer.text.slice(0, 300)}`);
  return String(answer.body.id);
}

async function variantWithStock(
  shop: EcommerceKernel,
  location: string,
  n: number,
  stocked: number,
): Promise<string> {
  const product = await created(shop, 'createProduct', '/products', { title: `Bench product ${n}` });
  const variant = await created(shop, 'createVariant', '/variants', {
    productId: product,
    title: `Bench ${n}`,
    sku: `BENCH-${n}`,
  });
  await created(shop, 'createInventoryLevel', '/inventory-levels', {
    variantId: variant,
    locationId: location,
    stocked,
  });
  return variant;
}

/** Runs `work` over `items`, `limit` at a time; answers each item's latency in ms and the wall time. */
async function timed<T>(items: readonly T[], limit: number, work: (item: T) => Promise<number>) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        const t0 = performance.now();
        const status = await work(item);
        latencies.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { seconds, latencies, statuses };
}

/** One checkout through HTTP, straight to the app (the test helper's contract check and event drain left out). */
async function checkout(shop: EcommerceKernel, cartId: string): Promise<number> {
  const response = await shop.kernel.app.request(`/api/ecommerce/carts/${cartId}/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-codexion-tenant': tenantA },
    body: JSON.stringify({ payment: { provider: 'test', card: testCards.pays } }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function main(): Promise<number> {
  if (process.env.DATABASE_URL === undefined) {
    console.log(
      'bench:ecommerce skipped: set DATABASE_URL to a PostgreSQL server (the floors are about PostgreSQL)',
    );
    return 0;
  }
  // a bench sends more requests a minute than the per-client limit lets through
  const shop = await ecommerceKernel({ env: { CODEXION_HTTP__RATE_LIMIT__ENABLED: 'false' } });
  try {
    const location = await created(shop, 'createStockLocation', '/stock-locations', {
      name: 'Bench',
      code: 'BENCH',
    });
    const variants: string[] = [];
    for (let i = 0; i < variantCount; i++)
      variants.push(await variantWithStock(shop, location, i, 1_000_000));
    const carts: string[] = [];
    for (let i = 0; i < checkouts; i++) {
      const lines = [0, 1].map((k) => ({
        variantId: variants[(i + k * 7) % variantCount],
        quantity: 1 + (i % 3),
        unitAmount: 1999,
      }));
      carts.push(await created(shop, 'createCart', '/carts', { currency: 'EUR', lines }));
    }
    const run = await timed(carts, concurrency, (cartId) => checkout(shop, cartId));
    const rate = checkouts / run.seconds;
    const p50 = percentile(run.latencies, 50);
    const p99 = percentile(run.latencies, 99);
    const placed = run.statuses.get(201) ?? 0;
    const pass = placed === checkouts && rate >= throughputFloor && p99 <= p99Bound;
    console.log(
      `checkout, ${checkouts} carts of 2 lines over ${variantCount} variants, ${concurrency} at a time: ${rate.toFixed(1)} checkouts/s, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${placed} orders`,
    );
    console.log(
      `floors: ≥ ${throughputFloor} checkouts/s, p99 ≤ ${p99Bound} ms, every checkout placed  ${pass ? 'PASS' : 'FAIL'}`,
    );

    // the last units: every checkout races for one inventory row
    const last = await variantWithStock(shop, location, variantCount, 50);
    const racers: string[] = [];
    for (let i = 0; i < 200; i++) {
      racers.push(
        await created(shop, 'createCart', '/carts', {
          currency: 'EUR',
          lines: [{ variantId: last, quantity: 1, unitAmount: 500 }],
        }),
      );
    }
    const race = await timed(racers, concurrency, (cartId) => checkout(shop, cartId));
    const [level] = await shop.rows<{ stocked: number; reserved: number }>(
      sql`select stocked::int as stocked, reserved::int as reserved from ecommerce.inventory_levels where variant_id = ${last}::uuid`,
    );
    const sold = race.statuses.get(201) ?? 0;
    const refused = race.statuses.get(409) ?? 0;
    const exact = sold === 50 && refused === 150 && level?.reserved === 50 && level.stocked === 50;
    console.log(
      `last 50 units, 200 checkouts ${concurrency} at a time: ${(200 / race.seconds).toFixed(1)} answers/s, p99 ${percentile(race.latencies, 99).toFixed(1)} ms, ${sold} orders, ${refused} OUT_OF_STOCK, reserved ${level?.reserved}/${level?.stocked}  ${exact ? 'PASS' : 'FAIL'}`,
    );
    return pass && exact ? 0 : 1;
  } finally {
    await shop.dispose();
  }
}

process.exitCode = await main();
