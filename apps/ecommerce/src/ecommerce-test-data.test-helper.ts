import '@codexion/web/testing/setup-dom';
import { type FakeRoute, fakeId, renderModule } from '@codexion/web/testing';
import { ecommerce } from './entities.js';
import module from './module.js';

/** Named ids, so tests can say which record they mean. */
export const ids = {
  draftShirt: fakeId(1),
  publishedTee: fakeId(2),
  archivedCap: fakeId(3),
  teeM: fakeId(11),
  teeL: fakeId(12),
  shirts: fakeId(21),
  summer: fakeId(31),
  ada: fakeId(41),
  vip: fakeId(51),
};

const sizes = [{ name: 'Size', values: ['M', 'L'] }];

/** A small shop: a draft, a published and an archived product, two variants, a customer. */
export function shopRecords(): Record<string, Record<string, unknown>[]> {
  const product = (id: string, title: string, handle: string, status: string) => ({
    id,
    title,
    handle,
    brand: 'Nordwind',
    status,
    options: sizes,
    categoryIds: [ids.shirts],
    collectionIds: [ids.summer],
    images: [`https://images.example.com/demo/${handle}/1.jpg`],
  });
  const variant = (id: string, size: string) => ({
    id,
    productId: ids.publishedTee,
    title: size,
    sku: `TEE-${size}`,
    barcode: size === 'M' ? '4006381333931' : null,
    optionValues: [{ option: 'Size', value: size }],
    optionKey: `size=${size}`,
    weightGrams: 180,
    images: [],
  });
  return {
    products: [
      product(ids.draftShirt, 'Linen shirt', 'linen-shirt', 'draft'),
      product(ids.publishedTee, 'Harbor tee', 'harbor-tee', 'published'),
      product(ids.archivedCap, 'Old cap', 'old-cap', 'archived'),
    ],
    variants: [variant(ids.teeM, 'M'), variant(ids.teeL, 'L')],
    categories: [{ id: ids.shirts, name: 'Shirts', handle: 'shirts', parentId: null, active: true }],
    collections: [{ id: ids.summer, title: 'Summer edit', handle: 'summer-edit' }],
    customers: [
      {
        id: ids.ada,
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        name: 'Ada Lovelace',
        groupIds: [ids.vip],
        addresses: [{ line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' }],
        acceptsMarketing: true,
      },
    ],
    'customer-groups': [{ id: ids.vip, name: 'VIP', description: 'Top customers' }],
  };
}

/** The e-commerce module on the fake API at `path`, with {@link shopRecords} and the given extra routes. */
export function renderShop(path: string, options: { routes?: FakeRoute[]; locale?: string } = {}) {
  return renderModule({ module, catalog: ecommerce, path, records: shopRecords(), ...options });
}
