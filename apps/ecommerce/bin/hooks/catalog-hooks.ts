import type { ResourceHooks } from '@codexion/framework/plugins';
import type { Collection, Customer } from '../../core/generated/client/types.gen.js';
import { ecommerce } from '../ecommerce.js';
import { categoryHooks } from './category-hooks.js';
import { productHooks } from './product-hooks.js';
import { fillHandle } from './unique-handle.js';
import { variantHooks } from './variant-hooks.js';

/**
 * A customer's email in the form the unique key compares (trimmed, lower case) and their name
 * composed: first and last name, or the email when both are empty.
 *
 * @example
 * customerName({ firstName: 'Ada', lastName: null, email: 'ada@example.com' }); // 'Ada'
 */
export function customerName(customer: Pick<Partial<Customer>, 'firstName' | 'lastName' | 'email'>) {
  const name = [customer.firstName, customer.lastName]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  return name === '' ? customer.email : name;
}

function customerHooks(): ResourceHooks<Customer> {
  return ecommerce.defineHooks('customer', {
    prepare(_ctx, input) {
      const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : input.email;
      return { ...input, email, name: customerName({ ...input, email }) };
    },
  });
}

function collectionHooks(): ResourceHooks<Collection> {
  return ecommerce.defineHooks('collection', {
    async prepare(ctx, input, previous) {
      return {
        ...input,
        handle: await fillHandle(ctx, 'collections', input.handle, input.title, previous?.id),
      };
    },
  });
}

/**
 * The hooks of the catalog and the customers: products and variants (`productHooks`,
 * `variantHooks`), the category tree, handles made from titles, customers' emails and names.
 *
 * @example
 * ecommerce.definePlugin({ …, hooks: { ...catalogHooks() } })
 */
export function catalogHooks() {
  return {
    product: productHooks(),
    variant: variantHooks(),
    category: categoryHooks(),
    collection: collectionHooks(),
    customer: customerHooks(),
  };
}
