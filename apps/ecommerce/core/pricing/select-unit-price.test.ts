import { describe, expect, it } from 'vitest';
import type { PriceListInput } from './pricing-model.js';
import { selectUnitPrice } from './select-unit-price.js';

const atMs = Date.parse('2026-12-07T12:00:00Z');
const retail: PriceListInput = {
  id: 'retail',
  name: 'Retail',
  currency: 'EUR',
  priority: 0,
  prices: [
    { variantId: 'v1', minQuantity: 1, amount: 1000 },
    { variantId: 'v1', minQuantity: 10, amount: 900 },
    { variantId: 'v1', minQuantity: 50, amount: 800 },
    { variantId: 'v2', minQuantity: 1, amount: 2500 },
  ],
};
const usd: PriceListInput = {
  ...retail,
  id: 'retail-usd',
  currency: 'USD',
  prices: [{ variantId: 'v1', minQuantity: 1, amount: 1100 }],
};
const wholesale: PriceListInput = {
  id: 'wholesale',
  name: 'Wholesale',
  currency: 'EUR',
  customerGroupId: 'group-b2b',
  priority: 10,
  prices: [{ variantId: 'v1', minQuantity: 1, amount: 850 }],
};
const winterSale: PriceListInput = {
  id: 'winter-sale',
  name: 'Winter sale',
  currency: 'EUR',
  priority: 5,
  validFrom: '2026-12-24T00:00:00Z',
  validTo: '2027-01-07T00:00:00Z',
  prices: [{ variantId: 'v1', minQuantity: 1, amount: 700 }],
};
const lists = [retail, usd, wholesale, winterSale];

describe('selectUnitPrice', () => {
  it('takes the largest quantity tier the line reaches', () => {
    const context = { currency: 'EUR', atMs };
    expect(selectUnitPrice('v1', 9, lists, context)).toEqual({
      priceListId: 'retail',
      tierMinQuantity: 1,
      unitPrice: 1000,
    });
    expect(selectUnitPrice('v1', 12, lists, context)).toEqual({
      priceListId: 'retail',
      tierMinQuantity: 10,
      unitPrice: 900,
    });
    expect(selectUnitPrice('v1', 50, lists, context)?.unitPrice).toBe(800);
  });

  it("picks by currency, the customer's group and priority", () => {
    expect(selectUnitPrice('v1', 1, lists, { currency: 'USD', atMs })?.priceListId).toBe('retail-usd');
    // the wholesale list has the higher priority, even where retail's tier is cheaper
    expect(
      selectUnitPrice('v1', 60, lists, { currency: 'EUR', customerGroupIds: ['group-b2b'], atMs }),
    ).toEqual({
      priceListId: 'wholesale',
      tierMinQuantity: 1,
      unitPrice: 850,
    });
    // a variant the group's list does not price falls back to the general list
    expect(
      selectUnitPrice('v2', 1, lists, { currency: 'EUR', customerGroupIds: ['group-b2b'], atMs })
        ?.priceListId,
    ).toBe('retail');
    expect(
      selectUnitPrice('v1', 1, lists, { currency: 'EUR', customerGroupIds: ['group-other'], atMs })
        ?.priceListId,
    ).toBe('retail');
  });

  it('applies a list from its validFrom (inclusive) until its validTo (exclusive)', () => {
    const at = (iso: string) => ({ currency: 'EUR', atMs: Date.parse(iso) });
    expect(selectUnitPrice('v1', 1, lists, at('2026-12-23T23:59:59Z'))?.priceListId).toBe('retail');
    expect(selectUnitPrice('v1', 1, lists, at('2026-12-24T00:00:00Z'))?.priceListId).toBe('winter-sale');
    expect(selectUnitPrice('v1', 1, lists, at('2027-01-07T00:00:00Z'))?.priceListId).toBe('retail');
  });

  it('at equal priority takes the lower price, then the list id, whatever the input order', () => {
    const a: PriceListInput = {
      ...retail,
      id: 'b-list',
      prices: [{ variantId: 'v3', minQuantity: 1, amount: 500 }],
    };
    const b: PriceListInput = {
      ...retail,
      id: 'a-list',
      prices: [{ variantId: 'v3', minQuantity: 1, amount: 500 }],
    };
    const c: PriceListInput = {
      ...retail,
      id: 'c-list',
      prices: [{ variantId: 'v3', minQuantity: 1, amount: 450 }],
    };
    expect(selectUnitPrice('v3', 1, [a, b], { currency: 'EUR', atMs })?.priceListId).toBe('a-list');
    expect(selectUnitPrice('v3', 1, [b, a], { currency: 'EUR', atMs })?.priceListId).toBe('a-list');
    expect(selectUnitPrice('v3', 1, [a, b, c], { currency: 'EUR', atMs })?.priceListId).toBe('c-list');
  });

  it('answers nothing for a variant no list in force prices', () => {
    expect(selectUnitPrice('v9', 1, lists, { currency: 'EUR', atMs })).toBeUndefined();
    expect(selectUnitPrice('v2', 1, lists, { currency: 'USD', atMs })).toBeUndefined();
  });
});
