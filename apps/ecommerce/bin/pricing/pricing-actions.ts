import { DomainError, validationFailed } from '@codexion/framework/errors';
import type { AppActions } from '@codexion/framework/plugins';
import type { EcommerceContract } from '../../core/generated/contract.js';
import { priceCart } from '../../core/pricing/price-cart.js';
import { PricingInputError } from '../../core/pricing/pricing-input-error.js';
import { ecommerce } from '../ecommerce.js';
import { loadPricingInput } from './load-pricing-input.js';

/** The places of the engine's input that come straight from the request body. */
const requestFields = /^\/(lines\/\d+\/(variantId|quantity)|currency|shipping|at)$/;

/** The engine's refusal as the answer of the request: 422 at the field of the body. */
function asProblem(error: PricingInputError): DomainError {
  if (!requestFields.test(error.path)) return new DomainError('INTERNAL', error.message, { cause: error });
  const issue = { path: `/body${error.path}`, code: error.code, message: error.message };
  return error.code === 'PRICE_NOT_FOUND'
    ? ecommerce.error('PRICE_NOT_FOUND', error.message, { issues: [issue] })
    : validationFailed([issue], error.message);
}

/**
 * The pricing actions of `core/actions/`: `priceCart` loads what the cart needs
 * (`loadPricingInput`) and prices it with the pure engine (`core/pricing/price-cart.ts`), the
 * computation the checkout runs too. It writes nothing.
 *
 * @example
 * ecommerce.definePlugin({ …, actions: { ...pricingActions() } })
 */
export function pricingActions(): Pick<AppActions<EcommerceContract>, 'priceCart'> {
  return {
    priceCart: async (ctx, { body }) => {
      const input = await loadPricingInput(ctx, body);
      try {
        return { body: { ...priceCart(input), at: input.at } };
      } catch (error) {
        throw error instanceof PricingInputError ? asProblem(error) : error;
      }
    },
  };
}
