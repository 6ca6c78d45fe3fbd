import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { ids, renderShop } from './ecommerce-test-data.test-helper.js';

/** Serious and critical axe findings on the page as rendered (contrast is checked in Chromium). */
async function findings(): Promise<string[]> {
  const results = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    resultTypes: ['violations'],
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(', ')}`);
}

describe('the back office pages are accessible', () => {
  it.each([
    ['the product list', '/products', 'Harbor tee'],
    ['a product with its variants and status buttons', `/products/${ids.publishedTee}`, 'TEE-M'],
    ['the product form', `/products/${ids.draftShirt}/edit`, 'Options'],
    ['the variant form', `/variants/new?productId=${ids.publishedTee}`, 'Identification'],
    ['the category list', '/categories', 'Shirts'],
    ['a customer with addresses', `/customers/${ids.ada}`, 'ada@example.com'],
    ['the customer form', `/customers/${ids.ada}/edit`, 'Addresses'],
    ['the promotion form', '/promotions/new', 'Condition (JSON Logic)'],
    ['the price list form', '/price-lists/new', 'Validity'],
    ['the region form', '/regions/new', 'Prices include tax'],
  ])('%s', async (_name, path, text) => {
    renderShop(path);
    expect((await screen.findAllByText(text)).length).toBeGreaterThan(0);
    expect(await findings()).toEqual([]);
  });
});
