import type { ResourceHooks } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import type { Currency, ExchangeRate } from '../../core/generated/client/types.gen.js';
import { erp } from '../erp.js';
import { exists, inUse } from './check-tree-node.js';

/**
 * A currency's exponent is fixed once it is enabled (the record exists): amounts are stored in its
 * minor units, so a new exponent would change what every stored amount means (409 LEDGER_IN_USE
 * at `/exponent`).
 *
 * @example
 * erp.definePlugin({ …, hooks: { currency: currencyHooks() } })
 */
export function currencyHooks(): ResourceHooks<Currency> {
  return erp.defineHooks('currency', {
    beforeUpdate(_ctx, next, previous) {
      if (next.exponent !== previous.exponent || next.code !== previous.code) {
        throw inUse(next.code !== previous.code ? 'code' : 'exponent', `${previous.code} is enabled`);
      }
      return undefined;
    },
  });
}

/**
 * An exchange rate of a day the ledger has rows in that currency (a posted document) keeps its
 * currency, date and rate, and stays (409 LEDGER_IN_USE at the field): one indexed probe of
 * `erp.gl_entries` by date.
 *
 * @example
 * erp.definePlugin({ …, hooks: { 'exchange-rate': exchangeRateHooks() } })
 */
export function exchangeRateHooks(): ResourceHooks<ExchangeRate> {
  return erp.defineHooks('exchange-rate', {
    async beforeUpdate(ctx, next, previous) {
      const changed = (['rateNano', 'currency', 'date'] as const).find(
        (field) => next[field] !== previous[field],
      );
      if (changed === undefined) return undefined;
      const posted = await exists(
        ctx,
        sql`select 1 from erp.gl_entries where tenant_id = ${ctx.tenantId} and posting_date = ${previous.date}::date
              and currency = ${previous.currency} limit 1`,
      );
      if (posted) throw inUse(changed, `${previous.currency} has postings on ${previous.date}`);
      return undefined;
    },
    async beforeDelete(ctx, record) {
      const posted = await exists(
        ctx,
        sql`select 1 from erp.gl_entries where tenant_id = ${ctx.tenantId} and posting_date = ${record.date}::date
              and currency = ${record.currency} limit 1`,
      );
      if (posted) {
        throw erp.error('LEDGER_IN_USE', `${record.currency} has postings on ${record.date}: its rate stays`);
      }
    },
  });
}
