import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, type EcommerceKernel, ecommerceKernel } from '../ecommerce-kernel.test-helper.js';
import { releaseExpiredReservations } from '../inventory/release-expired-reservations.js';
import { testCards } from '../payments/test-payment-provider.js';
import { paymentProvider } from './checkout-action.js';

let shop: EcommerceKernel;
let locationA: string;
let locationB: string;
let sku = 0;

function created(answer: Answer): Record<string, unknown> {
  expect(answer.contract).toEqual([]);
  if (answer.status !== 201) throw new Error(`expected 201, got ${answer.status}: ${answer.text}`);
  return answer.body;
}

/** The answer's status and issues as `path code` lines. */
function refusal(answer: Answer): string[] {
  expect(answer.contract).toEqual([]);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const errors = (answer.body.errors ?? []) as { path: string; code: string }[];
  return [
    `${answer.status} ${String(answer.body.code)}`,
    ...errors.map((issue) => `${issue.path} ${issue.code}`),
  ];
}

/** A variant with `stocked` units at location A (and `atB` at B). */
async function stockedVariant(stocked: number, atB = 0): Promise<string> {
  sku++;
  // a product without options has one variant: one product per variant
  const product = created(
    await shop.call('createProduct', 'POST', '/products', { body: { title: `Shirt ${sku}` } }),
  );
  const variant = created(
    await shop.call('createVariant', 'POST', '/variants', {
      body: { productId: String(product.id), title: `V${sku}`, sku: `SKU-${sku}` },
    }),
  );
  const id = String(variant.id);
  created(
    await shop.call('createInventoryLevel', 'POST', '/inventory-levels', {
      body: { variantId: id, locationId: locationA, stocked },
    }),
  );
  if (atB > 0)
    created(
      await shop.call('createInventoryLevel', 'POST', '/inventory-levels', {
        body: { variantId: id, locationId: locationB, stocked: atB },
      }),
    );
  return id;
}

async function cart(
  lines: { variantId: string; quantity: number; unitAmount?: number }[],
  email = 'shopper@example.com',
) {
  const body = { currency: 'EUR', email, lines: lines.map((l) => ({ unitAmount: 1000, ...l })) };
  return String(created(await shop.call('createCart', 'POST', '/carts', { body })).id);
}

function checkout(cartId: string, card: string = testCards.pays, headers: Record<string, string> = {}) {
  return shop.call('checkoutCart', 'POST', `/carts/${cartId}/checkout`, {
    body: { payment: { provider: 'test', card } },
    headers,
  });
}

async function level(variantId: string) {
  const rows = await shop.rows<{ stocked: number; reserved: number; available: number }>(
    sql`select sum(stocked)::int as stocked, sum(reserved)::int as reserved, sum(available)::int as available
        from ecommerce.inventory_levels where variant_id = ${variantId}::uuid`,
  );
  return rows[0];
}

async function count(statement: ReturnType<typeof sql>): Promise<number> {
  const [row] = await shop.rows<{ n: number }>(statement);
  return Number(row?.n);
}

/** What a failed checkout of `cartId` must leave: no reservation, no live order, no payment held. */
async function nothingLeft(cartId: string, variantId: string, reserved = 0) {
  expect(
    await count(sql`select count(*)::int as n from ecommerce.reservations where cart_id = ${cartId}::uuid`),
  ).toBe(0);
  expect(
    await count(
      sql`select count(*)::int as n from ecommerce.orders where cart_id = ${cartId}::uuid and status <> 'cancelled'`,
    ),
  ).toBe(0);
  expect(
    await count(
      sql`select count(*)::int as n from ecommerce.payments p join ecommerce.orders o on o.id = p.order_id
          where o.cart_id = ${cartId}::uuid and p.status in ('authorized', 'captured')`,
    ),
  ).toBe(0);
  expect((await level(variantId))?.reserved).toBe(reserved);
  const [cartRow] = await shop.rows<{ status: string }>(
    sql`select status from ecommerce.carts where id = ${cartId}::uuid`,
  );
  expect(cartRow?.status).toBe('open');
}

/** The test provider's payments of the checkout saga runs of a cart. */
async function providerStates(cartId: string): Promise<string[]> {
  const runs = await shop.database.database.execute<{ id: string }>(
    `select id from prefiq.saga_runs where input->>'cartId' = $1`,
    [cartId],
  );
  return runs.map((r) => paymentProvider.payment(r.id)?.state ?? 'none');
}

beforeAll(async () => {
  shop = await ecommerceKernel();
  locationA = String(
    created(
      await shop.call('createStockLocation', 'POST', '/stock-locations', {
        body: { name: 'Berlin', code: 'BER', priority: 1 },
      }),
    ).id,
  );
  locationB = String(
    created(
      await shop.call('createStockLocation', 'POST', '/stock-locations', {
        body: { name: 'Leeds', code: 'LDS', priority: 2 },
      }),
    ).id,
  );
  // faults injected below the app, by data the tests choose: an order for this email, an event of this total
  await shop.database.database.execute(`
    create function ecommerce.test_fail_order() returns trigger language plpgsql as $$
    begin if new.email = 'fail-order@example.com' then raise exception 'injected: the order insert fails'; end if; return new; end $$;
    create trigger test_fail_order before insert on ecommerce.orders for each row execute function ecommerce.test_fail_order();
    create function prefiq.test_fail_event() returns trigger language plpgsql as $$
    begin if new.payload->>'total' = '7770' then raise exception 'injected: the event fails'; end if; return new; end $$;
    create trigger test_fail_event before insert on prefiq.event_outbox for each row execute function prefiq.test_fail_event();`);
}, 120_000);

afterAll(async () => {
  await shop?.dispose();
});

describe('checkoutCart', () => {
  it('places the order: stock reserved, payment captured, the order paid with its timeline, the event emitted', async () => {
    const shirt = await stockedVariant(5);
    const cartId = await cart([{ variantId: shirt, quantity: 2, unitAmount: 1250 }]);
    const answer = await checkout(cartId);
    const order = created(answer);
    expect(order).toMatchObject({
      status: 'paid',
      currency: 'EUR',
      subtotal: 2500,
      total: 2500,
      cartId,
      lines: [
        { variantId: shirt, sku: expect.stringMatching(/^SKU-/), quantity: 2, unitAmount: 1250, total: 2500 },
      ],
    });
    expect(String(order.number)).toMatch(/^ORD-\d{5}$/);
    expect((order.timeline as { kind: string }[]).map((e) => e.kind)).toEqual([
      'placed',
      'payment-authorized',
      'payment-captured',
      'paid',
    ]);
    expect(await level(shirt)).toEqual({ stocked: 5, reserved: 2, available: 3 });
    const [payment] = await shop.rows<{ status: string; amount: number }>(
      sql`select status, amount::int as amount from ecommerce.payments where order_id = ${String(order.id)}::uuid`,
    );
    expect(payment).toEqual({ status: 'captured', amount: 2500 });
    expect(await providerStates(cartId)).toEqual(['captured']);
    const events = await shop.rows<{ payload: { orderId: string; total: number } }>(
      sql`select payload from prefiq.event_outbox where name = 'ecommerce.order.placed' and payload->>'orderId' = ${String(order.id)}`,
    );
    expect(events.map((e) => e.payload.total)).toEqual([2500]);
    expect(refusal(await checkout(cartId))).toEqual(['409 CART_CHECKED_OUT']);
  });

  it('places one order for two requests with the same Idempotency-Key, the second a replay', async () => {
    const shirt = await stockedVariant(5);
    const cartId = await cart([{ variantId: shirt, quantity: 1 }]);
    const key = { 'idempotency-key': `checkout-${randomUUID()}` };
    const first = await checkout(cartId, testCards.pays, key);
    const second = await checkout(cartId, testCards.pays, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect(
      await count(sql`select count(*)::int as n from ecommerce.orders where cart_id = ${cartId}::uuid`),
    ).toBe(1);
    expect((await level(shirt))?.reserved).toBe(1);
  });

  it('reserves from the next location by priority when the first has too few', async () => {
    const shirt = await stockedVariant(1, 4);
    const cartId = await cart([{ variantId: shirt, quantity: 3 }]);
    created(await checkout(cartId));
    const levels = await shop.rows<{ code: string; reserved: number }>(
      sql`select s.code, l.reserved::int as reserved from ecommerce.inventory_levels l
          join ecommerce.stock_locations s on s.id = l.location_id where l.variant_id = ${shirt}::uuid order by s.code`,
    );
    expect(levels).toEqual([
      { code: 'BER', reserved: 0 },
      { code: 'LDS', reserved: 3 },
    ]);
  });
});

describe('checkoutCart undoes a failure at each step', () => {
  it('validate: a cart line whose variant is gone → 422 at the line, nothing held', async () => {
    const shirt = await stockedVariant(5);
    const gone = await stockedVariant(5);
    const cartId = await cart([
      { variantId: shirt, quantity: 1 },
      { variantId: gone, quantity: 1 },
    ]);
    await shop.database.database.execute('delete from ecommerce.variants where id = $1', [gone]);
    expect(refusal(await checkout(cartId))).toEqual([
      '422 VALIDATION_FAILED',
      '/cart/lines/1/variantId unknown',
    ]);
    await nothingLeft(cartId, shirt);
    expect(await providerStates(cartId)).toEqual(['none']);
  });

  it('reserve: more than is available → 409 OUT_OF_STOCK at the line, nothing held', async () => {
    const shirt = await stockedVariant(2);
    const cartId = await cart([{ variantId: shirt, quantity: 3 }]);
    expect(refusal(await checkout(cartId))).toEqual([
      '409 OUT_OF_STOCK',
      '/cart/lines/0/quantity out-of-stock',
    ]);
    await nothingLeft(cartId, shirt);
    expect(await providerStates(cartId)).toEqual(['none']);
  });

  it('authorize: a declined card → 422 PAYMENT_DECLINED, the reservation released', async () => {
    const shirt = await stockedVariant(5);
    const cartId = await cart([{ variantId: shirt, quantity: 2 }]);
    expect(refusal(await checkout(cartId, testCards.declined))).toEqual([
      '422 PAYMENT_DECLINED',
      '/body/payment/card declined',
    ]);
    await nothingLeft(cartId, shirt);
    expect(await providerStates(cartId)).toEqual(['none']);
  });

  it('authorize: a provider that times out after authorizing → 409 PAYMENT_TIMEOUT, the authorization voided', async () => {
    const shirt = await stockedVariant(5);
    const cartId = await cart([{ variantId: shirt, quantity: 2 }]);
    expect(refusal(await checkout(cartId, testCards.timesOut))).toEqual(['409 PAYMENT_TIMEOUT']);
    await nothingLeft(cartId, shirt);
    expect(await providerStates(cartId)).toEqual(['voided']);
  });

  it('create order: the insert fails → 500, the authorization voided, the reservation released', async () => {
    const shirt = await stockedVariant(5);
    const cartId = await cart([{ variantId: shirt, quantity: 2 }], 'fail-order@example.com');
    expect((await checkout(cartId)).status).toBe(500);
    await nothingLeft(cartId, shirt);
    expect(
      await count(sql`select count(*)::int as n from ecommerce.orders where cart_id = ${cartId}::uuid`),
    ).toBe(0);
    expect(await providerStates(cartId)).toEqual(['voided']);
  });

  it('capture: the capture fails → 409 PAYMENT_FAILED, the order cancelled, the authorization voided', async () => {
    const shirt = await stockedVariant(5);
    const cartId = await cart([{ variantId: shirt, quantity: 2 }]);
    expect(refusal(await checkout(cartId, testCards.captureFails))).toEqual(['409 PAYMENT_FAILED']);
    await nothingLeft(cartId, shirt);
    const [order] = await shop.rows<{ status: string; timeline: { kind: string }[] }>(
      sql`select status, timeline from ecommerce.orders where cart_id = ${cartId}::uuid`,
    );
    expect(order?.status).toBe('cancelled');
    expect(order?.timeline.map((e) => e.kind).at(-1)).toBe('cancelled');
    expect(await providerStates(cartId)).toEqual(['voided']);
  });

  it('placed: the event cannot be written → 500, the capture refunded, the order cancelled', async () => {
    const shirt = await stockedVariant(10);
    const cartId = await cart([{ variantId: shirt, quantity: 7, unitAmount: 1110 }]);
    expect((await checkout(cartId)).status).toBe(500);
    await nothingLeft(cartId, shirt);
    const [payment] = await shop.rows<{ status: string }>(
      sql`select p.status from ecommerce.payments p join ecommerce.orders o on o.id = p.order_id where o.cart_id = ${cartId}::uuid`,
    );
    expect(payment?.status).toBe('refunded');
    expect(await providerStates(cartId)).toEqual(['refunded']);
  });
});

describe('bad input writes nothing', () => {
  it('refuses cart lines of 0, negative or huge quantities, unknown variants and currencies the shop does not sell', async () => {
    const shirt = await stockedVariant(5);
    const before = await count(sql`select count(*)::int as n from ecommerce.carts`);
    const post = (body: unknown) => shop.call('createCart', 'POST', '/carts', { body });
    const line = { variantId: shirt, quantity: 1, unitAmount: 100 };
    expect(refusal(await post({ currency: 'EUR', lines: [{ ...line, quantity: 0 }] }))).toEqual([
      '422 VALIDATION_FAILED',
      '/body/lines/0/quantity minimum',
    ]);
    expect(refusal(await post({ currency: 'EUR', lines: [{ ...line, quantity: -3 }] }))).toEqual([
      '422 VALIDATION_FAILED',
      '/body/lines/0/quantity minimum',
    ]);
    expect(refusal(await post({ currency: 'EUR', lines: [{ ...line, quantity: 100_001 }] }))).toEqual([
      '422 VALIDATION_FAILED',
      '/body/lines/0/quantity maximum',
    ]);
    expect(refusal(await post({ currency: 'EUR', lines: [{ ...line, variantId: randomUUID() }] }))).toEqual([
      '422 VALIDATION_FAILED',
      '/body/lines/0/variantId unknown',
    ]);
    expect(refusal(await post({ currency: 'JPY', lines: [line] }))).toEqual([
      '422 VALIDATION_FAILED',
      '/body/currency currency',
    ]);
    expect(refusal(await post({ currency: 'eur', lines: [line] }))[0]).toBe('422 VALIDATION_FAILED');
    expect(await count(sql`select count(*)::int as n from ecommerce.carts`)).toBe(before);
  });

  it('refuses to check out an empty cart, an unknown cart or a malformed card, and holds nothing', async () => {
    const empty = await cart([]);
    expect(refusal(await checkout(empty))).toEqual(['422 VALIDATION_FAILED', '/cart/lines minItems']);
    expect(refusal(await checkout(randomUUID()))[0]).toBe('404 NOT_FOUND');
    const shirt = await stockedVariant(5);
    const cartId = await cart([{ variantId: shirt, quantity: 1 }]);
    expect(refusal(await checkout(cartId, 'not-a-card'))[0]).toMatch(/^(400|422) /);
    await nothingLeft(cartId, shirt);
  });

  it('refuses orders and payments made by hand, and stock set below what is reserved', async () => {
    expect(refusal(await shop.call('createOrder', 'POST', '/orders', { body: {} }))[0]).toMatch(
      /^(409|422) /,
    );
    const shirt = await stockedVariant(5);
    created(await checkout(await cart([{ variantId: shirt, quantity: 4 }])));
    const [row] = await shop.rows<{ id: string; version: number }>(
      sql`select id, version from ecommerce.inventory_levels where variant_id = ${shirt}::uuid`,
    );
    const read = await shop.call('getInventoryLevel', 'GET', `/inventory-levels/${row?.id}`);
    const lowered = await shop.call('updateInventoryLevel', 'PATCH', `/inventory-levels/${row?.id}`, {
      body: { stocked: 3 },
      headers: { 'if-match': read.headers.get('etag') ?? '' },
    });
    expect(refusal(lowered)).toEqual(['422 STOCK_BELOW_RESERVED', '/body/stocked below-reserved']);
    expect(await level(shirt)).toEqual({ stocked: 5, reserved: 4, available: 1 });
  });
});

describe('reservation timing', () => {
  it('at add-to-cart, a cart holds its units until its hold lapses; the release job gives them back', async () => {
    const settings = created(
      await shop.call('createShopSettings', 'POST', '/shop-settings', {
        body: { reservationTiming: 'add-to-cart', cartHoldMinutes: 5 },
      }),
    );
    try {
      const shirt = await stockedVariant(3);
      const held = await cart([{ variantId: shirt, quantity: 2 }]);
      expect(await level(shirt)).toEqual({ stocked: 3, reserved: 2, available: 1 });
      expect(
        refusal(
          await shop.call('createCart', 'POST', '/carts', {
            body: { currency: 'EUR', lines: [{ variantId: shirt, quantity: 2, unitAmount: 1 }] },
          }),
        ),
      ).toEqual(['409 OUT_OF_STOCK', '/body/lines/0/quantity out-of-stock']);
      await shop.database.database.execute(
        `update ecommerce.reservations set expires_at = now() - interval '1 minute' where cart_id = $1`,
        [held],
      );
      expect(await releaseExpiredReservations(shop.database.database)).toBe(2);
      expect(await level(shirt)).toEqual({ stocked: 3, reserved: 0, available: 3 });
      // checkout reserves the cart afresh, and the order holds the units for good
      created(await checkout(held));
      expect(await level(shirt)).toEqual({ stocked: 3, reserved: 2, available: 1 });
      expect(
        await count(
          sql`select count(*)::int as n from ecommerce.reservations where cart_id = ${held}::uuid and expires_at is null and order_id is not null`,
        ),
      ).toBe(1);
    } finally {
      await shop.database.database.execute('delete from ecommerce.shop_settings where id = $1', [
        String(settings.id),
      ]);
    }
  });
});

describe('reservation timing: payment', () => {
  it('authorizes first, reserves after: the checkouts that find no stock void their authorization', async () => {
    const settings = created(
      await shop.call('createShopSettings', 'POST', '/shop-settings', {
        body: { reservationTiming: 'payment' },
      }),
    );
    try {
      const shirt = await stockedVariant(2);
      const carts: string[] = [];
      for (let i = 0; i < 10; i++) carts.push(await cart([{ variantId: shirt, quantity: 1 }]));
      const answers = await Promise.all(carts.map((id) => checkout(id)));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
      expect(answers.filter((a) => a.status === 409 && a.body.code === 'OUT_OF_STOCK')).toHaveLength(8);
      expect(await level(shirt)).toEqual({ stocked: 2, reserved: 2, available: 0 });
      const failed = carts.filter((_, i) => answers[i]?.status !== 201);
      expect((await Promise.all(failed.map(providerStates))).flat()).toEqual(Array(8).fill('voided'));
      for (const cartId of failed) await nothingLeft(cartId, shirt, 2);
    } finally {
      await shop.database.database.execute('delete from ecommerce.shop_settings where id = $1', [
        String(settings.id),
      ]);
    }
  }, 60_000);
});

describe('the last units under concurrency', () => {
  it('50 concurrent checkouts for the last 10 units: exactly 10 orders, 40 OUT_OF_STOCK, stock consistent, nothing authorized for a failure', async () => {
    const shirt = await stockedVariant(10);
    const carts: string[] = [];
    for (let i = 0; i < 50; i++) carts.push(await cart([{ variantId: shirt, quantity: 1 }]));
    const answers = await Promise.all(carts.map((id) => checkout(id)));
    const statuses = answers.map((a) => (a.status === 201 ? '201' : `${a.status} ${String(a.body.code)}`));
    expect(statuses.filter((s) => s === '201')).toHaveLength(10);
    expect(statuses.filter((s) => s === '409 OUT_OF_STOCK')).toHaveLength(40);
    expect(await level(shirt)).toEqual({ stocked: 10, reserved: 10, available: 0 });
    expect(
      await count(
        sql`select coalesce(sum(quantity), 0)::int as n from ecommerce.reservations where variant_id = ${shirt}::uuid and order_id is not null`,
      ),
    ).toBe(10);
    const failed = carts.filter((_, i) => answers[i]?.status !== 201);
    const held = (await Promise.all(failed.map(providerStates))).flat();
    expect(held.filter((state) => state === 'authorized' || state === 'captured')).toEqual([]);
  }, 120_000);
});
