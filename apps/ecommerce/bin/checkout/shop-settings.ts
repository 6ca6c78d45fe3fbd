import type { Db } from '@codexion/framework/data';
import { eq } from 'drizzle-orm';
import type { ShopSettings } from '../../core/generated/client/types.gen.js';
import { shopSettings } from '../../core/generated/tables.js';

/** The settings checkout reads, with the schema's defaults where the shop has none. */
export type CheckoutSettings = Required<
  Pick<ShopSettings, 'currencies' | 'reservationTiming' | 'cartHoldMinutes'>
>;

/** The schema's defaults (`shop-settings.schema.json`): a shop that never saved its settings. */
export const defaultShopSettings: CheckoutSettings = {
  currencies: ['EUR', 'USD'],
  reservationTiming: 'checkout',
  cartHoldMinutes: 15,
};

/**
 * The tenant's shop settings (row-level security picks the tenant of `tx`), or the defaults.
 *
 * @example
 * const { reservationTiming } = await shopSettingsOf(tx, tenantId);
 */
export async function shopSettingsOf(tx: Db, tenantId: string): Promise<CheckoutSettings> {
  const [row] = await tx.select().from(shopSettings).where(eq(shopSettings.tenantId, tenantId)).limit(1);
  if (row === undefined) return defaultShopSettings;
  return {
    currencies: row.currencies,
    reservationTiming: row.reservationTiming,
    cartHoldMinutes: row.cartHoldMinutes,
  };
}
