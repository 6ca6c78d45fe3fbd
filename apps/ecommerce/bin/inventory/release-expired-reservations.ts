import { type Database, executeRows } from '@codexion/framework/data';
import { defineJob } from '@codexion/framework/jobs';
import { sql } from 'drizzle-orm';
import { releaseReservations } from './reserve-stock.js';

/**
 * Gives back every cart reservation whose hold lapsed (`expires_at` passed, not an order's), tenant
 * by tenant (the app's tables are under row-level security). Answers the units released.
 *
 * @example
 * await releaseExpiredReservations(database); // 12
 */
export async function releaseExpiredReservations(
  database: Database,
  { batch = 500 }: { batch?: number } = {},
): Promise<number> {
  const tenants = await database.execute<{ id: string }>('select id from prefiq.tenants order by id');
  let units = 0;
  for (const { id: tenantId } of tenants) {
    units += await database.transaction(
      async (tx) => {
        const expired = await executeRows<{ id: string }>(
          tx,
          sql`select id from ecommerce.reservations
              where tenant_id = ${tenantId}::uuid and order_id is null and expires_at < now()
              order by expires_at limit ${batch} for update skip locked`,
        );
        return releaseReservations(
          tx,
          tenantId,
          expired.map((r) => r.id),
        );
      },
      { tenantId },
    );
  }
  return units;
}

/** Every minute: the lapsed holds of carts go back on sale. */
export const releaseExpiredReservationsJob = defineJob({
  name: 'ecommerce.release-expired-reservations',
  schedule: { cron: '* * * * *' },
  policy: 'singleton',
  async handler({ database, logger }) {
    const units = await releaseExpiredReservations(database);
    if (units > 0) logger.info({ units }, 'released expired cart reservations');
  },
});
