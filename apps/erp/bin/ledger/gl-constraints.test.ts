import { randomUUID } from 'node:crypto';
import { executeRows, pgErrorOf } from '@codexion/framework/data';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErpKernel, erpKernel, setUpCompany, tenantA } from '../erp-kernel.test-helper.js';

/**
 * The ledger's deferred balance constraint (ADR 0027 §5), by raw inserts in a tenant transaction
 * as the app role, on PGlite and (with DATABASE_URL) PostgreSQL: a voucher may be written in
 * several statements, and must balance at COMMIT or at SET CONSTRAINTS … IMMEDIATE.
 */
let erp: ErpKernel;
let bank: string;
let rent: string;
let periodId: string;

beforeAll(async () => {
  erp = await erpKernel();
  const accounts = await setUpCompany(erp);
  bank = String(accounts['1120']);
  rent = String(accounts['6200']);
  const periods = await erp.call('listAccountingPeriods', 'GET', '/accounting-periods?pageSize=50');
  periodId = String(
    (periods.body.items as { id: string; name: string }[]).find((p) => p.name === '2026-04')?.id,
  );
}, 180_000);

afterAll(async () => {
  await erp?.dispose();
});

function row(voucherId: string, accountId: string, debit: number, credit: number) {
  return sql`insert into erp.gl_entries (tenant_id, voucher_type, voucher_id, voucher_no, posting_date, period_id,
               account_id, debit, credit, currency, debit_fc, credit_fc, rate_nano)
             values (${tenantA}::uuid, 'journal-entry', ${voucherId}::uuid, 'RAW-1', '2026-04-15', ${periodId}::uuid,
               ${accountId}::uuid, ${debit}, ${credit}, 'EUR', ${debit}, ${credit}, 1000000000)`;
}

async function rowsOf(voucherId: string): Promise<number> {
  const [count] = await erp.database.database.transaction(
    (tx) =>
      executeRows<{ n: string }>(
        tx,
        sql`select count(*)::text as n from erp.gl_entries where voucher_id = ${voucherId}::uuid`,
      ),
    { tenantId: tenantA },
  );
  return Number(count?.n);
}

/** Where a transaction failed: `commit` when its work ran and COMMIT refused it, else the SQLSTATE at the statement. */
async function outcome(
  work: (tx: Parameters<Parameters<typeof erp.database.database.transaction>[0]>[0]) => Promise<void>,
) {
  let ran = false;
  try {
    await erp.database.database.transaction(
      async (tx) => {
        await work(tx);
        ran = true;
      },
      { tenantId: tenantA },
    );
    return { ran, code: 'committed' };
  } catch (error) {
    return { ran, code: pgErrorOf(error)?.code, constraint: pgErrorOf(error)?.constraint };
  }
}

describe(`the ledger's balance constraint on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('commits a debit and its credit written in two statements', async () => {
    const voucher = randomUUID();
    const result = await outcome(async (tx) => {
      await tx.execute(row(voucher, rent, 7_000, 0));
      await tx.execute(row(voucher, bank, 0, 7_000));
    });
    expect(result).toEqual({ ran: true, code: 'committed' });
    expect(await rowsOf(voucher)).toBe(2);
  });

  it('refuses a lone debit at COMMIT with 23514, and writes nothing', async () => {
    const voucher = randomUUID();
    const result = await outcome(async (tx) => {
      await tx.execute(row(voucher, rent, 7_000, 0));
    });
    expect(result).toEqual({ ran: true, code: '23514', constraint: 'gl_voucher_balanced' });
    expect(await rowsOf(voucher)).toBe(0);
  });

  it('refuses a lone debit at SET CONSTRAINTS … IMMEDIATE, at that statement', async () => {
    const voucher = randomUUID();
    const result = await outcome(async (tx) => {
      await tx.execute(row(voucher, rent, 7_000, 0));
      await tx.execute(sql`set constraints erp.gl_voucher_balanced immediate`);
    });
    expect(result).toEqual({ ran: false, code: '23514', constraint: 'gl_voucher_balanced' });
    expect(await rowsOf(voucher)).toBe(0);
  });

  it('checks at erp.check_vouchers_balanced(), at that statement, and defers the rows after it to COMMIT again', async () => {
    const lone = randomUUID();
    const refused = await outcome(async (tx) => {
      await tx.execute(row(lone, rent, 7_000, 0));
      await tx.execute(sql`select erp.check_vouchers_balanced()`);
    });
    expect(refused).toEqual({ ran: false, code: '23514', constraint: 'gl_voucher_balanced' });
    expect(await rowsOf(lone)).toBe(0);
    const split = randomUUID();
    const balanced = await outcome(async (tx) => {
      await tx.execute(row(split, rent, 7_000, 0));
      await tx.execute(row(split, bank, 0, 7_000));
      await tx.execute(sql`select erp.check_vouchers_balanced()`);
      // deferred again: a debit now and its credit in the next statement still commit
      const later = randomUUID();
      await tx.execute(row(later, rent, 500, 0));
      await tx.execute(row(later, bank, 0, 500));
    });
    expect(balanced).toEqual({ ran: true, code: 'committed' });
    expect(await rowsOf(split)).toBe(2);
  });
});
