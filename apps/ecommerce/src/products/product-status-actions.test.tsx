import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderShop } from '../ecommerce-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

/** The server refusing to publish a product without a variant that has a SKU. */
const refuse: FakeRoute[] = [
  {
    method: 'POST',
    path: '/products/{id}/transition',
    handle: () => ({
      status: 422,
      body: {
        title: 'Unprocessable Entity',
        detail: 'Linen shirt has no variant with a SKU',
        code: 'VALIDATION_FAILED',
        errors: [
          {
            path: '/body/to',
            code: 'needs-sellable-variant',
            message: 'a product goes on sale with at least one variant that has a SKU',
          },
        ],
      },
    }),
  },
];

describe('a product’s detail page', () => {
  it('lists the product’s variants beside Unpublish, Archive and Add variant', async () => {
    const { api } = renderShop(`/products/${ids.publishedTee}`);
    const variants = await screen.findByRole('heading', { name: 'Variants', level: 2 });
    const card = variants.closest('[data-slot="card"]') as HTMLElement;
    expect(await within(card).findByText('TEE-M')).toBeTruthy();
    expect(within(card).getByText('TEE-L')).toBeTruthy();
    // the options with every value they take
    const options = screen
      .getByRole('heading', { name: 'Options', level: 2 })
      .closest('[data-slot="card"]') as HTMLElement;
    expect(within(options).getByText('Size')).toBeTruthy();
    expect(within(options).getByText('M')).toBeTruthy();
    expect(within(options).getByText('L')).toBeTruthy();
    // published: unpublish and archive, and a way to add a variant with the product filled in
    expect(screen.getByRole('button', { name: 'Unpublish' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Archive' })).toBeTruthy();
    const add = screen.getByRole('link', { name: 'Add variant' });
    expect(add.getAttribute('href')).toBe(`/variants/new?productId=${ids.publishedTee}`);
    expect(api.requests.some((request) => request.method !== 'GET')).toBe(false);
  });

  it('publishes a draft and then offers to unpublish it', async () => {
    const { api } = renderShop(`/products/${ids.draftShirt}`);
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Publish' }));
    await waitFor(() =>
      expect(api.requests.some((request) => request.url.endsWith('/transition'))).toBe(true),
    );
    const move = api.requests.find((request) => request.url.endsWith('/transition'));
    expect(move?.body).toEqual({ to: 'published' });
    expect(await screen.findByRole('button', { name: 'Unpublish' })).toBeTruthy();
  });

  it('shows why the server refused to publish, and the product stays a draft', async () => {
    renderShop(`/products/${ids.draftShirt}`, { routes: refuse });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Linen shirt stays Draft')).toBeTruthy();
    expect(screen.getByText(/at least one variant that has a SKU/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Publish' })).toBeTruthy();
  });

  it('offers only Restore on an archived product, which the workflow locks', async () => {
    renderShop(`/products/${ids.archivedCap}`);
    expect(await screen.findByRole('button', { name: 'Restore to draft' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Add variant' })).toBeNull();
  });

  it('speaks German', async () => {
    renderShop(`/products/${ids.draftShirt}`, { locale: 'de' });
    expect(await screen.findByRole('button', { name: 'Veröffentlichen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Archivieren' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Variante hinzufügen' })).toBeTruthy();
  });
});
