import type { AppHooks } from '@codexion/framework/plugins';
import type { ErpContract } from '../../core/generated/contract.js';
import type { ErpEventOutbox } from '../erp.js';
import { itemHooks } from './item-hooks.js';
import { stockEntryHooks } from './stock-entry-hooks.js';

/**
 * The inventory's resource hooks, by entity: stock entries post and cancel their moves and ledger
 * rows; items keep their valuation method once moved.
 *
 * @example
 * erp.definePlugin({ …, hooks: { ...stockHooks(events) } })
 */
export function stockHooks(events: ErpEventOutbox): AppHooks<ErpContract> {
  return { item: itemHooks(), 'stock-entry': stockEntryHooks(events) };
}
