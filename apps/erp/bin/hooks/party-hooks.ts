import { executeRows } from '@codexion/framework/data';
import { validationFailed } from '@codexion/framework/errors';
import type { Draft, HookContext, ResourceHooks } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import type { Party } from '../../core/generated/client/types.gen.js';
import { erp } from '../erp.js';
import { exists, inUse } from './check-tree-node.js';

type Ctx = Pick<HookContext, 'tx' | 'tenantId'>;

/** 422 at `/accountId` unless the party's own account is a ledger account of its kind. */
async function checkPartyAccount(ctx: Ctx, party: Draft<Party>): Promise<void> {
  if (party.accountId == null) return;
  const kind = party.kind === 'customer' ? 'receivable' : 'payable';
  const [account] = await executeRows<{ account_type: string; is_group: boolean }>(
    ctx.tx,
    sql`select account_type, is_group from erp.accounts where tenant_id = ${ctx.tenantId} and id = ${party.accountId}::uuid`,
  );
  if (account === undefined || account.is_group || account.account_type !== kind) {
    throw validationFailed([
      {
        path: '/accountId',
        code: 'account-kind',
        message: `must be a ${kind} ledger account for a ${party.kind}`,
      },
    ]);
  }
}

/**
 * A party's guards: its own account, when given, is a receivable ledger account for a customer
 * and a payable one for a supplier (422 at `/accountId`); its `kind` is fixed once the ledger has
 * rows for it (409 LEDGER_IN_USE at `/kind`).
 *
 * @example
 * erp.definePlugin({ …, hooks: { party: partyHooks() } })
 */
export function partyHooks(): ResourceHooks<Party> {
  return erp.defineHooks('party', {
    async beforeCreate(ctx, record) {
      await checkPartyAccount(ctx, record);
      return undefined;
    },
    async beforeUpdate(ctx, next, previous) {
      if (next.kind !== previous.kind) {
        const posted = await exists(
          ctx,
          sql`select 1 from erp.gl_entries where tenant_id = ${ctx.tenantId} and party_id = ${previous.id}::uuid limit 1`,
        );
        if (posted) throw inUse('kind', `${previous.name} has ledger rows`);
      }
      if (next.accountId !== previous.accountId || next.kind !== previous.kind)
        await checkPartyAccount(ctx, next);
      return undefined;
    },
  });
}
