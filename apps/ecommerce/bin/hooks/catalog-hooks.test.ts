import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  type EcommerceKernel,
  ecommerceKernel,
  refusal,
  tenantB,
} from '../ecommerce-kernel.test-helper.js';

let shop: EcommerceKernel;

beforeAll(async () => {
  shop = await ecommerceKernel();
}, 120_000);

afterAll(async () => {
  await shop?.dispose();
});

const shirtOptions = [
  { name: 'Size', values: ['S', 'M', 'L'] },
  { name: 'Colour', values: ['Red', 'Navy'] },
];

function created(answer: Answer): Record<string, unknown> {
  expect(answer.contract).toEqual([]);
  if (answer.status !== 201) throw new Error(`expected 201, got ${answer.status}: ${answer.text}`);
  return answer.body;
}

async function product(body: Record<string, unknown>) {
  return created(await shop.call('createProduct', 'POST', '/products', { body }));
}

async function variant(body: Record<string, unknown>) {
  return created(await shop.call('createVariant', 'POST', '/variants', { body }));
}

async function count(table: 'products' | 'variants' | 'categories' | 'customers', where = sql`true`) {
  const [row] = await shop.rows<{ n: number }>(
    sql`select count(*)::int as n from ${sql.raw(`ecommerce.${table}`)} where ${where}`,
  );
  return row?.n;
}

describe('products', () => {
  it('fills the handle from the title, numbering a taken one', async () => {
    const first = await product({ title: 'Größe & Passform Shirt' });
    const second = await product({ title: 'Größe & Passform Shirt' });
    const typed = await product({ title: 'Another', handle: 'my-own' });
    expect([first.handle, second.handle, typed.handle]).toEqual([
      'groesse-and-passform-shirt',
      'groesse-and-passform-shirt-2',
      'my-own',
    ]);
  });

  it('refuses unknown and read-only fields', async () => {
    const unknown = await shop.call('createProduct', 'POST', '/products', {
      body: { title: 'x', colour: 'red' },
    });
    expect(refusal(unknown)[0]).toBe('422');
    const readOnly = await shop.call('createProduct', 'POST', '/products', {
      body: { title: 'x', publishedAt: '2026-01-01T00:00:00Z' },
    });
    expect(refusal(readOnly)[0]).toBe('422');
  });

  it('is created as a draft', async () => {
    const answer = await shop.call('createProduct', 'POST', '/products', {
      body: { title: 'Early', status: 'published' },
    });
    expect(refusal(answer)).toEqual(['422', '/body/status created-as-draft']);
  });

  it('refuses a taken handle, an option named twice and a non-https image, writing nothing', async () => {
    const before = await count('products');
    const taken = await shop.call('createProduct', 'POST', '/products', {
      body: { title: 'Copy', handle: 'my-own' },
    });
    expect(refusal(taken)).toEqual(['409', '/body/handle unique']);
    const options = await shop.call('createProduct', 'POST', '/products', {
      body: { title: 'Twice', options: [...shirtOptions, { name: 'size', values: ['XL'] }] },
    });
    expect(refusal(options)).toEqual(['422', '/body/options/2/name duplicate-option']);
    const image = await shop.call('createProduct', 'POST', '/products', {
      body: { title: 'Pics', images: ['http://cdn.example.com/a.jpg'] },
    });
    expect(refusal(image)[0]).toBe('422');
    expect(
      refusal(image)
        .slice(1)
        .every((line) => line.startsWith('/body/images/0 ')),
    ).toBe(true);
    expect(await count('products')).toBe(before);
  });

  it('goes on sale only with a variant that has a SKU, and keeps one while on sale', async () => {
    const shirt = await product({ title: 'Linen shirt', options: shirtOptions });
    const id = String(shirt.id);
    const noVariant = await shop.call('transitionProduct', 'POST', `/products/${id}/transition`, {
      body: { to: 'published' },
    });
    expect(refusal(noVariant)).toEqual(['422', '/body/to needs-sellable-variant']);
    const unnamed = await variant({
      productId: id,
      optionValues: [
        { option: 'Size', value: 'S' },
        { option: 'Colour', value: 'Red' },
      ],
    });
    expect(
      refusal(
        await shop.call('transitionProduct', 'POST', `/products/${id}/transition`, {
          body: { to: 'published' },
        }),
      ),
    ).toEqual(['422', '/body/to needs-sellable-variant']);
    const sku = await variant({
      productId: id,
      sku: 'LIN-M-NAVY',
      optionValues: [
        { option: 'Size', value: 'M' },
        { option: 'Colour', value: 'Navy' },
      ],
    });
    const published = await shop.call('transitionProduct', 'POST', `/products/${id}/transition`, {
      body: { to: 'published' },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published' });
    expect(typeof published.body.publishedAt).toBe('string');

    // the only variant with a SKU stays: neither deleted nor stripped of its SKU
    const deleting = await shop.call('deleteVariant', 'DELETE', `/variants/${String(sku.id)}`);
    // a delete has no body: the issue names the record's field
    expect(refusal(deleting)).toEqual(['409', '/sku last-sellable-variant']);
    const stripping = await shop.call('updateVariant', 'PATCH', `/variants/${String(sku.id)}`, {
      body: { sku: null },
      headers: { 'if-match': '*' },
    });
    expect(refusal(stripping)).toEqual(['409', '/body/sku last-sellable-variant']);
    expect(await count('variants', sql`sku = 'LIN-M-NAVY'`)).toBe(1);
    // the one without a SKU may go; after unpublishing, so may the last one
    expect((await shop.call('deleteVariant', 'DELETE', `/variants/${String(unnamed.id)}`)).status).toBe(204);
    const draft = await shop.call('transitionProduct', 'POST', `/products/${id}/transition`, {
      body: { to: 'draft' },
    });
    expect(draft.status).toBe(200);
    expect((await shop.call('deleteVariant', 'DELETE', `/variants/${String(sku.id)}`)).status).toBe(204);
  });

  it('keeps its variants fitting when its options change', async () => {
    const tee = await product({ title: 'Tee', options: shirtOptions });
    const id = String(tee.id);
    await variant({
      productId: id,
      sku: 'TEE-S-RED',
      optionValues: [
        { option: 'Size', value: 'S' },
        { option: 'Colour', value: 'Red' },
      ],
    });
    const read = await shop.call('getProduct', 'GET', `/products/${id}`);
    const etag = read.headers.get('etag') ?? '';
    const dropS = await shop.call('updateProduct', 'PATCH', `/products/${id}`, {
      body: { options: [{ name: 'Size', values: ['M', 'L'] }, shirtOptions[1]] },
      headers: { 'if-match': etag },
    });
    expect(refusal(dropS)).toEqual(['409', '/body/options variants-do-not-fit']);
    expect(String((dropS.body.errors as { message: string }[])[0]?.message)).toContain('TEE-S-RED');
    const addFit = await shop.call('updateProduct', 'PATCH', `/products/${id}`, {
      body: { options: [...shirtOptions, { name: 'Fit', values: ['Slim'] }] },
      headers: { 'if-match': etag },
    });
    expect(refusal(addFit)).toEqual(['409', '/body/options variants-do-not-fit']);
    const addXl = await shop.call('updateProduct', 'PATCH', `/products/${id}`, {
      body: { options: [{ name: 'Size', values: ['S', 'M', 'L', 'XL'] }, shirtOptions[1]] },
      headers: { 'if-match': etag },
    });
    expect(addXl.status).toBe(200);
  });

  it('is locked while archived, until it is restored to draft', async () => {
    const old = await product({ title: 'Old stock' });
    const id = String(old.id);
    expect(
      (
        await shop.call('transitionProduct', 'POST', `/products/${id}/transition`, {
          body: { to: 'archived' },
        })
      ).status,
    ).toBe(200);
    const edit = await shop.call('updateProduct', 'PATCH', `/products/${id}`, {
      body: { brand: 'X' },
      headers: { 'if-match': '*' },
    });
    expect(refusal(edit)[0]).toBe('409');
    expect(edit.body.code).toBe('RECORD_LOCKED');
    const publish = await shop.call('transitionProduct', 'POST', `/products/${id}/transition`, {
      body: { to: 'published' },
    });
    expect(publish.status).toBe(409);
  });
});

describe('variants', () => {
  let productId: string;

  beforeAll(async () => {
    productId = String((await product({ title: 'Chino', options: shirtOptions })).id);
  });

  it('titles itself from its option values in the product option order', async () => {
    const made = await variant({
      productId,
      sku: 'CHI-L-NAVY',
      barcode: '4006381333931',
      weightGrams: 420,
      optionValues: [
        { option: 'Colour', value: 'Navy' },
        { option: 'Size', value: 'L' },
      ],
    });
    expect(made).toMatchObject({ title: 'L / Navy', sku: 'CHI-L-NAVY', barcode: '4006381333931' });
    // a change of values changes a made title, a typed title stays
    const moved = await shop.call('updateVariant', 'PATCH', `/variants/${String(made.id)}`, {
      body: {
        optionValues: [
          { option: 'Size', value: 'M' },
          { option: 'Colour', value: 'Navy' },
        ],
      },
      headers: { 'if-match': '*' },
    });
    expect(moved.body.title).toBe('M / Navy');
    const typed = await variant({
      productId,
      title: 'Small red',
      optionValues: [
        { option: 'Size', value: 'S' },
        { option: 'Colour', value: 'Red' },
      ],
    });
    expect(typed.title).toBe('Small red');
  });

  it('refuses bad input with the field paths and reasons, writing nothing', async () => {
    const before = await count('variants');
    const cases: [Record<string, unknown>, string[]][] = [
      [
        {
          productId,
          sku: 'B-1',
          barcode: '4006381333932',
          optionValues: [
            { option: 'Size', value: 'L' },
            { option: 'Colour', value: 'Red' },
          ],
        },
        ['422', '/body/barcode check-digit'],
      ],
      [
        {
          productId,
          sku: 'B-2',
          optionValues: [
            { option: 'Size', value: 'XL' },
            { option: 'Material', value: 'Linen' },
          ],
        },
        [
          '422',
          '/body/optionValues/0/value unknown-value',
          '/body/optionValues/1/option unknown-option',
          '/body/optionValues missing-option',
        ],
      ],
      [
        {
          productId,
          sku: 'B-3',
          optionValues: [
            { option: 'Size', value: 'M' },
            { option: 'Colour', value: 'Navy' },
          ],
        },
        ['422', '/body/optionValues duplicate-combination'],
      ],
      [
        {
          productId,
          sku: 'CHI-L-NAVY',
          optionValues: [
            { option: 'Size', value: 'L' },
            { option: 'Colour', value: 'Red' },
          ],
        },
        ['409', '/body/sku unique'],
      ],
      [
        { productId: '00000000-0000-4000-8000-000000000999', sku: 'B-5' },
        ['422', '/body/productId reference'],
      ],
    ];
    for (const [body, expected] of cases) {
      expect(refusal(await shop.call('createVariant', 'POST', '/variants', { body }))).toEqual(expected);
    }
    const schema = await shop.call('createVariant', 'POST', '/variants', {
      body: {
        productId,
        sku: 'has space',
        barcode: '12345',
        weightGrams: -1,
        images: ['ftp://x.example.com/a.png'],
      },
    });
    expect(refusal(schema)[0]).toBe('422');
    const paths = new Set(
      refusal(schema)
        .slice(1)
        .map((line) => line.split(' ')[0]),
    );
    expect([...paths].sort()).toEqual(['/body/barcode', '/body/images/0', '/body/sku', '/body/weightGrams']);
    expect(await count('variants')).toBe(before);
  });

  it('refuses twin combinations within one bulk create, writing nothing', async () => {
    const before = await count('variants');
    const red = [
      { option: 'Size', value: 'L' },
      { option: 'Colour', value: 'Red' },
    ];
    const answer = await shop.call('bulkCreateVariants', 'POST', '/variants/bulk', {
      body: {
        items: [
          { productId, sku: 'TW-1', optionValues: red },
          { productId, sku: 'TW-2', optionValues: [...red].reverse() },
        ],
      },
    });
    expect(refusal(answer)[0]).toBe('409');
    // the unique key (productId, optionKey) refuses the second twin in the batch's one insert
    expect(refusal(answer)[1]).toMatch(/^\/body\/items\S* unique$/);
    expect(await count('variants')).toBe(before);
  });

  it('stays with the product it was created for', async () => {
    const other = String((await product({ title: 'Other' })).id);
    const [row] = await shop.rows<{ id: string }>(
      sql`select id from ecommerce.variants where sku = 'CHI-L-NAVY'`,
    );
    const moved = await shop.call('updateVariant', 'PATCH', `/variants/${String(row?.id)}`, {
      body: { productId: other, optionValues: [] },
      headers: { 'if-match': '*' },
    });
    expect(refusal(moved)).toEqual(['422', '/body/productId fixed']);
  });

  it("never reaches another tenant's product", async () => {
    const answer = await shop.call('createVariant', 'POST', '/variants', {
      body: { productId, sku: 'B-TENANT' },
      tenant: tenantB,
    });
    expect(refusal(answer)).toEqual(['422', '/body/productId reference']);
    expect((await shop.call('listProducts', 'GET', '/products', { tenant: tenantB })).body.items).toEqual([]);
  });
});

describe('categories', () => {
  it('keeps the tree free of loops', async () => {
    const clothing = await shop.call('createCategory', 'POST', '/categories', { body: { name: 'Clothing' } });
    const shirts = await shop.call('createCategory', 'POST', '/categories', {
      body: { name: 'Shirts', parentId: clothing.body.id },
    });
    const linen = await shop.call('createCategory', 'POST', '/categories', {
      body: { name: 'Linen shirts', parentId: shirts.body.id },
    });
    expect([clothing.body.handle, shirts.body.handle, linen.body.handle]).toEqual([
      'clothing',
      'shirts',
      'linen-shirts',
    ]);
    const loop = await shop.call('updateCategory', 'PATCH', `/categories/${String(clothing.body.id)}`, {
      body: { parentId: linen.body.id },
      headers: { 'if-match': '*' },
    });
    expect(refusal(loop)).toEqual(['422', '/body/parentId cycle']);
    const self = await shop.call('updateCategory', 'PATCH', `/categories/${String(clothing.body.id)}`, {
      body: { parentId: clothing.body.id },
      headers: { 'if-match': '*' },
    });
    expect(refusal(self)).toEqual(['422', '/body/parentId not-own-parent']);
    const [row] = await shop.rows<{ parent_id: string | null }>(
      sql`select parent_id from ecommerce.categories where name = 'Clothing'`,
    );
    expect(row?.parent_id).toBeNull();
  });
});

describe('customers', () => {
  it('keeps the email in lower case, unique, and composes the name', async () => {
    const ada = await shop.call('createCustomer', 'POST', '/customers', {
      body: {
        email: 'Ada@Example.COM',
        firstName: 'Ada',
        lastName: 'Lovelace',
        addresses: [{ line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' }],
      },
    });
    expect(created(ada)).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace' });
    const noName = await shop.call('createCustomer', 'POST', '/customers', {
      body: { email: 'x@example.com' },
    });
    expect(created(noName).name).toBe('x@example.com');
    const again = await shop.call('createCustomer', 'POST', '/customers', {
      body: { email: 'ADA@example.com' },
    });
    expect(refusal(again)).toEqual(['409', '/body/email unique']);
  });

  it('refuses a bad address with its path, writing nothing', async () => {
    const before = await count('customers');
    const answer = await shop.call('createCustomer', 'POST', '/customers', {
      body: {
        email: 'bad@example.com',
        addresses: [{ line1: 'Main St 1', city: 'Springfield', country: 'usa' }],
      },
    });
    expect(refusal(answer)).toEqual([
      '422',
      '/body/addresses/0/country maxLength',
      '/body/addresses/0/country pattern',
    ]);
    expect(await count('customers')).toBe(before);
  });
});
