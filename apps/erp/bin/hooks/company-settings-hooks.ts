import { executeRows } from '@codexion/framework/data';
import type { ResourceHooks } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import type { CompanySettings } from '../../core/generated/client/types.gen.js';
import { erp } from '../erp.js';
import { checkDefaultAccounts } from './check-default-accounts.js';

/**
 * The company settings' server side: the lock date only moves forward, and only over closed
 * periods (every period starting on or before it must be closed) — 422 LOCK_DATE_INVALID at
 * `/lockDate`, whether it comes from `set-lock-date` or a PATCH of the settings. The ledger's
 * guard trigger then refuses any row dated on or before it. The base currency is fixed once
 * anything is posted (409 LEDGER_IN_USE at `/baseCurrency`). The default accounts are ledger
 * accounts of their kind (`checkDefaultAccounts`, 422 at the field).
 *
 * @example
 * erp.definePlugin({ …, hooks: { 'company-settings': companySettingsHooks() } })
 */
export function companySettingsHooks(): ResourceHooks<CompanySettings> {
  return erp.defineHooks('company-settings', {
    async beforeCreate(ctx, record) {
      await checkDefaultAccounts(ctx, record);
      return undefined;
    },
    async beforeUpdate(ctx, next, previous) {
      await checkDefaultAccounts(ctx, next, previous);
      if (next.baseCurrency !== previous.baseCurrency) {
        const [posted] = await executeRows<{ n: string }>(
          ctx.tx,
          sql`select count(*)::text as n from (select 1 from erp.gl_entries where tenant_id = ${ctx.tenantId} limit 1) g`,
        );
        if (Number(posted?.n) > 0) {
          const message = `the books are kept in ${previous.baseCurrency}: the base currency is fixed once anything is posted`;
          throw erp.error('LEDGER_IN_USE', message, {
            issues: [{ path: '/baseCurrency', code: 'in-use', message }],
          });
        }
      }
      const lockDate = next.lockDate ?? null;
      const before = previous.lockDate ?? null;
      if (lockDate === before) return undefined;
      const refuse = (message: string) =>
        erp.error('LOCK_DATE_INVALID', message, {
          issues: [{ path: '/lockDate', code: 'lock-date', message }],
        });
      if (lockDate === null || (before !== null && lockDate < before)) {
        throw refuse(`the lock date only moves forward from ${before}`);
      }
      const [open] = await executeRows<{ name: string }>(
        ctx.tx,
        sql`select name from erp.accounting_periods where tenant_id = ${ctx.tenantId} and status = 'open'
              and start_date <= ${lockDate}::date order by start_date limit 1`,
      );
      if (open !== undefined) throw refuse(`${open.name} is still open: close it before locking it`);
      return undefined;
    },
  });
}
