import type { DetailSlots } from '@codexion/web';
import { ProductStatusActions } from './product-status-actions.js';

/** The product detail page's additions: the status buttons and Add variant beside Edit. */
export const productDetailSlots: DetailSlots = { actions: ProductStatusActions };
