import type { DetailSlots } from '@codexion/web';
import { ProductOptionsCard } from './product-options-card.js';
import { ProductStatusActions } from './product-status-actions.js';

/** The product detail page's additions: the status buttons and Add variant beside Edit, its options with their values. */
export const productDetailSlots: DetailSlots = { actions: ProductStatusActions, main: ProductOptionsCard };
