import { validationFailed } from '@codexion/framework/errors';
import type { Draft, HookContext, ResourceHooks } from '@codexion/framework/plugins';
import { sql } from 'drizzle-orm';
import type { Account } from '../../core/generated/client/types.gen.js';
import { erp } from '../erp.js';
import { checkTreeNode, exists, inUse } from './check-tree-node.js';

type Ctx = Pick<HookContext, 'tx' | 'tenantId'>;

/** What an account's ledger rows depend on: fixed once it has any. */
const fixedOnceUsed = ['isGroup', 'rootType', 'accountType', 'currency'] as const;

function hasLedgerRows(ctx: Ctx, accountId: string): Promise<boolean> {
  return exists(
    ctx,
    sql`select 1 from erp.gl_entries where tenant_id = ${ctx.tenantId} and account_id = ${accountId}::uuid limit 1`,
  );
}

/** The tree and kind rules of an account about to be stored (`previous` on an update). */
async function checkAccount(ctx: Ctx, next: Draft<Account>, previous?: Account): Promise<void> {
  if (next.isGroup && (next.accountType === 'receivable' || next.accountType === 'payable')) {
    throw validationFailed([
      {
        path: '/accountType',
        code: 'ledger-only',
        message: `a ${next.accountType} account takes postings with a party: it cannot be a group`,
      },
    ]);
  }
  if (previous !== undefined && next.rootType !== previous.rootType) {
    const children = await exists(
      ctx,
      sql`select 1 from erp.accounts where tenant_id = ${ctx.tenantId} and parent_id = ${previous.id}::uuid limit 1`,
    );
    if (children) {
      throw validationFailed([
        { path: '/rootType', code: 'has-children', message: 'is shared by its children: move them first' },
      ]);
    }
  }
  const parent = await checkTreeNode(ctx, 'accounts', next, previous);
  if (parent !== undefined && parent.root_type !== next.rootType) {
    throw validationFailed([
      { path: '/rootType', code: 'parent-root-type', message: `must be its parent's: ${parent.root_type}` },
    ]);
  }
}

/**
 * The chart of accounts' guards. A parent exists, is a group of the same `rootType` (422 at
 * `/rootType`), and is neither the account nor one under it (422 at `/parentId`); a group with
 * children stays a group and keeps its root type; receivable and payable accounts are ledger
 * accounts. Once the ledger has rows on the account, `isGroup`, `rootType`, `accountType` and
 * `currency` are fixed and it cannot be deleted (409 LEDGER_IN_USE at the field). The update
 * holds the account's row, and a posting's rows take a key share of it, so they take turns.
 *
 * @example
 * erp.definePlugin({ …, hooks: { account: accountHooks() } })
 */
export function accountHooks(): ResourceHooks<Account> {
  return erp.defineHooks('account', {
    async beforeCreate(ctx, record) {
      await checkAccount(ctx, record);
      return undefined;
    },
    async beforeUpdate(ctx, next, previous) {
      const changed = fixedOnceUsed.find((field) => (next[field] ?? null) !== (previous[field] ?? null));
      if (changed !== undefined && (await hasLedgerRows(ctx, previous.id))) {
        throw inUse(changed, `${previous.number} ${previous.name} has ledger rows`);
      }
      await checkAccount(ctx, next, previous);
      return undefined;
    },
    async beforeDelete(ctx, record) {
      if (await hasLedgerRows(ctx, record.id)) {
        const message = `${record.number} ${record.name} has ledger rows: it cannot be deleted (freeze it instead)`;
        throw erp.error('LEDGER_IN_USE', message);
      }
    },
  });
}
