import type { JsonSchema, RuleFile } from '@codexion/schema';
import { defineEntities } from '@codexion/web';
import { ecommerceResources } from '../core/generated/client/resources.gen.js';
import categoryRules from '../core/rules/category.rules.json' with { type: 'json' };
import productRules from '../core/rules/product.rules.json' with { type: 'json' };
import promotionRules from '../core/rules/promotion.rules.json' with { type: 'json' };
import address from '../core/schema/address.schema.json' with { type: 'json' };
import cart from '../core/schema/cart.schema.json' with { type: 'json' };
import cartLine from '../core/schema/cart-line.schema.json' with { type: 'json' };
import category from '../core/schema/category.schema.json' with { type: 'json' };
import collection from '../core/schema/collection.schema.json' with { type: 'json' };
import customer from '../core/schema/customer.schema.json' with { type: 'json' };
import customerGroup from '../core/schema/customer-group.schema.json' with { type: 'json' };
import inventoryLevel from '../core/schema/inventory-level.schema.json' with { type: 'json' };
import optionValue from '../core/schema/option-value.schema.json' with { type: 'json' };
import order from '../core/schema/order.schema.json' with { type: 'json' };
import orderEvent from '../core/schema/order-event.schema.json' with { type: 'json' };
import orderLine from '../core/schema/order-line.schema.json' with { type: 'json' };
import payment from '../core/schema/payment.schema.json' with { type: 'json' };
import price from '../core/schema/price.schema.json' with { type: 'json' };
import priceList from '../core/schema/price-list.schema.json' with { type: 'json' };
import product from '../core/schema/product.schema.json' with { type: 'json' };
import productOption from '../core/schema/product-option.schema.json' with { type: 'json' };
import promotion from '../core/schema/promotion.schema.json' with { type: 'json' };
import region from '../core/schema/region.schema.json' with { type: 'json' };
import reservation from '../core/schema/reservation.schema.json' with { type: 'json' };
import shopSettings from '../core/schema/shop-settings.schema.json' with { type: 'json' };
import stockLocation from '../core/schema/stock-location.schema.json' with { type: 'json' };
import taxRate from '../core/schema/tax-rate.schema.json' with { type: 'json' };
import variant from '../core/schema/variant.schema.json' with { type: 'json' };
import { OptionValuesControl } from './products/option-values-control.js';
import { ProductOptionsControl } from './products/product-options-control.js';

/**
 * The e-commerce app's entities for the generated pages, schemas straight from core/: the catalog
 * (products, variants, categories, collections), the customers with their groups, pricing
 * (price lists and their prices, regions and their tax rates, promotions), and checkout's carts,
 * orders, payments, stock locations, inventory levels and shop settings.
 */
export const ecommerce = defineEntities({
  app: 'ecommerce',
  schemas: [
    product,
    variant,
    category,
    collection,
    customer,
    customerGroup,
    address,
    productOption,
    optionValue,
    priceList,
    price,
    region,
    taxRate,
    promotion,
    order,
    orderLine,
    orderEvent,
    cart,
    cartLine,
    payment,
    inventoryLevel,
    stockLocation,
    shopSettings,
    reservation,
  ] as JsonSchema[],
  rules: {
    category: categoryRules as unknown as RuleFile,
    product: productRules as unknown as RuleFile,
    promotion: promotionRules as unknown as RuleFile,
  },
  options: {
    // the detail page shows the options with their values in a card of its own (products/product-options-card)
    product: { fieldControls: { options: ProductOptionsControl }, detailHiddenFields: ['options'] },
    variant: { fieldControls: { optionValues: OptionValuesControl } },
  },
  // the generated pages call each entity's API through the generated SDK
  operations: ecommerceResources,
});
