import type { DetailSlots } from '@codexion/web';
import { ItemStockCard, ItemStockLedger } from './item-stock.js';

/** An item's page: its stock per warehouse beside the fields, its stock ledger under them. */
export const itemDetailSlots: DetailSlots = {
  aside: ItemStockCard,
  main: ItemStockLedger,
};
