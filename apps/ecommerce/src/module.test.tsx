import '@codexion/web/testing/setup-dom';
import { renderModule } from '@codexion/web/testing';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import manifest from '../core/app.json' with { type: 'json' };
import module, { entities } from './module.js';

describe('ecommerce module', () => {
  it('lists products on the generated list page', async () => {
    renderModule({
      module,
      catalog: entities,
      path: '/products',
      records: { products: [{ title: 'Linen shirt', handle: 'linen-shirt', status: 'draft' }] },
    });
    expect(await screen.findByText('Linen shirt')).toBeTruthy();
  });

  it('lists promotions on the generated list page', async () => {
    renderModule({
      module,
      catalog: entities,
      path: '/promotions',
      records: { promotions: [{ name: 'Winter sale', code: 'WINTER', kind: 'percentage', target: 'order' }] },
    });
    expect(await screen.findByText('Winter sale')).toBeTruthy();
  });

  it('takes its navigation from core/app.json and searches its catalog, customers, pricing, orders, carts and locations', () => {
    expect(module.nav.map((item) => `/${item.path}`)).toEqual(manifest.nav.map((item) => item.path));
    expect(module.search?.map((entity) => entity.name)).toEqual([
      'product',
      'variant',
      'category',
      'collection',
      'customer',
      'customer-group',
      'price-list',
      'region',
      'tax-rate',
      'promotion',
      'order',
      'cart',
      'stock-location',
    ]);
  });
});
