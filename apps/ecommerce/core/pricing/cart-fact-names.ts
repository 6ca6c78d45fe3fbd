import type { CartFacts } from './cart-facts.js';

/**
 * The names a promotion condition may read, the top-level keys of `CartFacts`; a condition that
 * reads another name is refused when the promotion is written. Inside `some`/`all`/`filter` over
 * `lines`, `var` names a line's field instead.
 */
export const cartFactNames: readonly (keyof CartFacts)[] = [
  'currency',
  'regionId',
  'customerGroupIds',
  'at',
  'date',
  'subtotal',
  'itemCount',
  'lineCount',
  'shipping',
  'variantIds',
  'productIds',
  'categoryIds',
  'collectionIds',
  'codes',
  'lines',
];
