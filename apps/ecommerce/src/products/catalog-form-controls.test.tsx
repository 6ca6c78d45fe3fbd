import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderShop } from '../ecommerce-test-data.test-helper.js';
import { draftItems, messageAt } from './draft-json.js';

const user = () => userEvent.setup({ delay: null });

describe('the variant form', () => {
  it('offers a select per option of the product and sends the picked values', async () => {
    const { api } = renderShop(`/variants/new?productId=${ids.publishedTee}`);
    const u = user();
    const size = await screen.findByRole('combobox', { name: 'Size' });
    await u.click(size);
    await u.click(await screen.findByRole('option', { name: 'L' }));
    await u.type(screen.getByRole('textbox', { name: /^SKU/ }), 'TEE-XL');
    await u.click(screen.getByRole('button', { name: 'Create Variant' }));
    await waitFor(() => expect(api.requests.some((request) => request.method === 'POST')).toBe(true));
    const created = api.requests.find((request) => request.method === 'POST');
    expect(created?.body).toMatchObject({
      productId: ids.publishedTee,
      sku: 'TEE-XL',
      optionValues: [{ option: 'Size', value: 'L' }],
    });
  });

  it('asks for the product first', async () => {
    renderShop('/variants/new');
    expect(await screen.findByText(/Pick the product first/)).toBeTruthy();
  });
});

describe('the product form', () => {
  it('edits options as rows of a name and comma-separated values', async () => {
    const { api } = renderShop(`/products/${ids.draftShirt}/edit`);
    const u = user();
    const rows = await screen.findByRole('group', { name: 'Options' });
    const values = within(rows).getByRole('textbox', { name: /^Values/ });
    expect((values as HTMLInputElement).value).toBe('M, L');
    await u.clear(values);
    await u.type(values, 'S, M, L, M');
    await u.click(within(rows).getByRole('button', { name: 'Add option' }));
    await u.type(within(rows).getByRole('textbox', { name: 'Option 2' }), 'Colour');
    const colourValues = within(rows).getAllByRole('textbox', { name: /^Values/ })[1] as HTMLElement;
    await u.type(colourValues, 'Red,Navy');
    await u.click(screen.getByRole('button', { name: /^Save/ }));
    await waitFor(() => expect(api.requests.some((request) => request.method === 'PATCH')).toBe(true));
    const patch = api.requests.find((request) => request.method === 'PATCH');
    expect(patch?.body).toMatchObject({
      options: [
        { name: 'Size', values: ['S', 'M', 'L'] },
        { name: 'Colour', values: ['Red', 'Navy'] },
      ],
    });
  });
});

describe('draft helpers', () => {
  it('read JSON text or arrays, and messages at a dotted path', () => {
    expect(draftItems('[{"a":1}]')).toEqual([{ a: 1 }]);
    expect(draftItems([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(draftItems('{')).toEqual([]);
    expect(draftItems('{"a":1}')).toEqual([]);
    expect(draftItems(undefined)).toEqual([]);
    expect(
      messageAt({ optionValues: { 1: { value: { message: 'Size takes S, M' } } } }, 'optionValues.1.value'),
    ).toBe('Size takes S, M');
    expect(messageAt({}, 'optionValues.1.value')).toBeUndefined();
  });
});
