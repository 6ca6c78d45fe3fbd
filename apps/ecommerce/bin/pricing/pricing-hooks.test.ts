import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EcommerceKernel, ecommerceKernel, refusal, tenantB } from '../ecommerce-kernel.test-helper.js';

let shop: EcommerceKernel;

beforeAll(async () => {
  shop = await ecommerceKernel();
}, 120_000);

afterAll(async () => {
  await shop?.dispose();
});

async function count(table: 'promotions' | 'price_lists') {
  const [row] = await shop.rows<{ n: number }>(
    sql`select count(*)::int as n from ${sql.raw(`ecommerce.${table}`)}`,
  );
  return row?.n;
}

const promotion = (body: Record<string, unknown>) =>
  shop.call('createPromotion', 'POST', '/promotions', {
    body: { name: 'Ten off', kind: 'percentage', target: 'order', percentBp: 1000, ...body },
  });

describe('promotion checks', () => {
  it('takes a condition over the cart facts', async () => {
    const answer = await promotion({
      condition: {
        and: [
          { '>=': [{ var: 'itemCount' }, 3] },
          { some: [{ var: 'lines' }, { '>': [{ var: 'quantity' }, 1] }] },
        ],
      },
    });
    expect(answer.contract).toEqual([]);
    expect(answer.status).toBe(201);
  });

  it('refuses a condition with an unknown fact or operator, at its path, writing nothing', async () => {
    const before = await count('promotions');
    expect(refusal(await promotion({ condition: { '>': [{ var: 'total' }, 0] } }))).toEqual([
      '422',
      '/body/condition/>/0/var UNKNOWN_FACT',
    ]);
    expect(refusal(await promotion({ condition: { or: [true, { method: ['x', 'toString'] }] } }))).toEqual([
      '422',
      '/body/condition/or/1/method UNKNOWN_OPERATOR',
    ]);
    const huge = { in: [{ var: 'currency' }, Array.from({ length: 2000 }, (_, i) => `C${i}`)] };
    expect(refusal(await promotion({ condition: huge }))).toEqual(['422', '/body/condition maxLength']);
    expect(await count('promotions')).toBe(before);
  });

  it('refuses an end before the start, a fixed amount without currency and buy X get Y off items', async () => {
    const before = await count('promotions');
    expect(
      refusal(await promotion({ startsAt: '2026-12-10T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' })),
    ).toEqual(['422', '/body/endsAt interval']);
    expect(refusal(await promotion({ kind: 'fixed', percentBp: null, amount: 500 }))).toEqual([
      '422',
      '/body/currency amount-needs-currency',
    ]);
    expect(refusal(await promotion({ kind: 'buy-x-get-y', buyQuantity: 2, getQuantity: 1 }))).toEqual([
      '422',
      '/body/target buy-x-get-y-targets-items',
    ]);
    expect(refusal(await promotion({ code: 'lower case' }))[0]).toBe('422');
    expect(await count('promotions')).toBe(before);
  });

  it('refuses a scope naming another tenant’s records (or none), at the id, writing nothing', async () => {
    const product = await shop.call('createProduct', 'POST', '/products', {
      body: { title: 'Tenant B lamp', options: [] },
      tenant: tenantB,
    });
    expect(product.status).toBe(201);
    const before = await count('promotions');
    const answer = await promotion({
      target: 'item',
      scope: {
        productIds: [String(product.body.id)],
        collectionIds: ['00000000-0000-4000-8000-000000000000'],
      },
    });
    expect(refusal(answer)).toEqual([
      '422',
      '/body/scope/productIds/0 reference',
      '/body/scope/collectionIds/0 reference',
    ]);
    expect(await count('promotions')).toBe(before);
    // the tenant's own product is taken
    const own = await shop.call('createProduct', 'POST', '/products', {
      body: { title: 'Lamp', options: [] },
    });
    expect((await promotion({ target: 'item', scope: { productIds: [String(own.body.id)] } })).status).toBe(
      201,
    );
  });

  it('checks an update the same way', async () => {
    const created = await promotion({ name: 'Later' });
    expect(created.status).toBe(201);
    const answer = await shop.call('updatePromotion', 'PATCH', `/promotions/${String(created.body.id)}`, {
      body: { condition: { '==': [{ var: 'customer.email' }, 'x'] } },
      headers: { 'if-match': created.headers.get('etag') ?? '' },
    });
    expect(refusal(answer)).toEqual(['422', '/body/condition/==/0/var UNKNOWN_FACT']);
  });
});

describe('price list checks', () => {
  it('refuses a list that ends before it starts, writing nothing', async () => {
    const before = await count('price_lists');
    const answer = await shop.call('createPriceList', 'POST', '/price-lists', {
      body: {
        name: 'Backwards',
        currency: 'EUR',
        validFrom: '2027-01-01T00:00:00Z',
        validTo: '2026-01-01T00:00:00Z',
      },
    });
    expect(refusal(answer)).toEqual(['422', '/body/validTo interval']);
    expect(await count('price_lists')).toBe(before);
  });
});
