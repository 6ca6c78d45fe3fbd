import type { Db } from '@codexion/framework/data';
import { executeRows } from '@codexion/framework/data';
import { sql } from 'drizzle-orm';
import { ecommerce } from '../ecommerce.js';

/** Units of a variant wanted, and where a refusal points (`/lines/2/quantity`). */
export interface WantedUnits {
  variantId: string;
  quantity: number;
  path: string;
}

/** Whom a reservation holds units for: a cart (with an expiry) or an order. */
export interface ReservationHolder {
  cartId?: string | undefined;
  orderId?: string | undefined;
  /** an ISO instant after which the release job gives the units back; none for an order's */
  expiresAt?: string | undefined;
}

/** How often a reservation tries again after a concurrent checkout took the level it picked. */
const raceRetries = 8;

/**
 * Reserves `wanted.quantity` units of a variant from one active location, lowest priority first,
 * with one conditional UPDATE (`reserved = reserved + q WHERE stocked - reserved >= q`): when two
 * checkouts race for the last units, the second one's WHERE is checked again on the row the first
 * one committed, and finds nothing. The database's CHECK (`reserved <= stocked`) refuses any write
 * that would still oversell. Answers the reservation's id.
 *
 * @throws {DomainError} 409 OUT_OF_STOCK at `wanted.path` when no active location has the units available
 */
export async function reserveUnits(
  tx: Db,
  tenantId: string,
  wanted: WantedUnits,
  holder: ReservationHolder,
): Promise<string> {
  const { variantId, quantity } = wanted;
  for (let attempt = 0; attempt <= raceRetries; attempt++) {
    const [level] = await executeRows<{ id: string }>(
      tx,
      sql`update ecommerce.inventory_levels as l
          set reserved = l.reserved + ${quantity}, updated_at = now()
          where l.tenant_id = ${tenantId}::uuid and l.stocked - l.reserved >= ${quantity}
            and l.id = (
              select il.id from ecommerce.inventory_levels il
              join ecommerce.stock_locations s on s.tenant_id = il.tenant_id and s.id = il.location_id
              where il.tenant_id = ${tenantId}::uuid and il.variant_id = ${variantId}::uuid and s.active
                and il.stocked - il.reserved >= ${quantity}
              order by s.priority, s.code
              limit 1)
          returning l.id`,
    );
    if (level !== undefined) {
      const [reservation] = await executeRows<{ id: string }>(
        tx,
        sql`insert into ecommerce.reservations (tenant_id, inventory_level_id, variant_id, cart_id, order_id, quantity, expires_at)
            values (${tenantId}::uuid, ${level.id}::uuid, ${variantId}::uuid, ${holder.cartId ?? null}::uuid,
              ${holder.orderId ?? null}::uuid, ${quantity}, ${holder.expiresAt ?? null}::timestamptz)
            returning id`,
      );
      if (reservation === undefined) throw new Error('a reservation was not inserted');
      return reservation.id;
    }
    // nothing reserved: out of stock, unless a concurrent checkout changed the level we picked
    const [left] = await executeRows<{ available: string | number | null }>(
      tx,
      sql`select max(il.stocked - il.reserved) as available from ecommerce.inventory_levels il
          join ecommerce.stock_locations s on s.tenant_id = il.tenant_id and s.id = il.location_id
          where il.tenant_id = ${tenantId}::uuid and il.variant_id = ${variantId}::uuid and s.active`,
    );
    const available = Number(left?.available ?? 0);
    if (available < quantity) {
      throw ecommerce.error('OUT_OF_STOCK', `Only ${available} of ${quantity} units are available`, {
        issues: [
          { path: wanted.path, code: 'out-of-stock', message: `only ${available} available at one location` },
        ],
        extensions: { variantId, available },
      });
    }
  }
  throw ecommerce.error('OUT_OF_STOCK', `The stock of variant ${variantId} kept changing: try again`, {
    issues: [{ path: wanted.path, code: 'out-of-stock', message: 'the stock kept changing' }],
  });
}

/**
 * Gives reservations back: deletes them and takes their units off their levels' `reserved`, in one
 * statement, so a reservation already released (by the expiry job, a compensation run twice) is
 * not given back twice. Answers how many units were released.
 */
export async function releaseReservations(tx: Db, tenantId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [released] = await executeRows<{ units: string | number | null }>(
    tx,
    sql`with gone as (
          delete from ecommerce.reservations
          where tenant_id = ${tenantId}::uuid and id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          returning inventory_level_id, quantity),
        per_level as (select inventory_level_id, sum(quantity) as units from gone group by inventory_level_id),
        moved as (
          update ecommerce.inventory_levels l set reserved = l.reserved - p.units, updated_at = now()
          from per_level p where l.tenant_id = ${tenantId}::uuid and l.id = p.inventory_level_id
          returning p.units)
        select coalesce(sum(units), 0) as units from moved`,
  );
  return Number(released?.units ?? 0);
}

/** The ids of the reservations a cart holds (not yet an order's). */
export async function cartReservations(tx: Db, tenantId: string, cartId: string): Promise<string[]> {
  const rows = await executeRows<{ id: string }>(
    tx,
    sql`select id from ecommerce.reservations
        where tenant_id = ${tenantId}::uuid and cart_id = ${cartId}::uuid and order_id is null
        order by id for update`,
  );
  return rows.map((r) => r.id);
}

/**
 * Makes a cart's reservations hold exactly its lines: what it held is released and each line
 * reserved again (in one transaction, so the units never leave the cart in between for anyone
 * else), with `holder.expiresAt`. Used at add-to-cart (with an expiry) and by checkout.
 *
 * @throws {DomainError} 409 OUT_OF_STOCK at the first line that cannot be reserved
 */
export async function reserveCart(
  tx: Db,
  tenantId: string,
  cartId: string,
  lines: readonly WantedUnits[],
  holder: ReservationHolder,
): Promise<string[]> {
  await releaseReservations(tx, tenantId, await cartReservations(tx, tenantId, cartId));
  const ids: string[] = [];
  // levels locked in one order (by variant) by every checkout: two carts never wait for each other
  const ordered = [...lines].sort((a, b) =>
    a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0,
  );
  for (const line of ordered) ids.push(await reserveUnits(tx, tenantId, line, { ...holder, cartId }));
  return ids;
}
