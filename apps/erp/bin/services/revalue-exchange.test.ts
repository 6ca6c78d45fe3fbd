import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  type ErpKernel,
  erpKernel,
  setUpCompany,
  tenantRows,
  voucherNets,
} from '../erp-kernel.test-helper.js';

/**
 * Exchange revaluation (ADR 0027 §7) through the API on one booted kernel (PGlite, or PostgreSQL
 * with DATABASE_URL): a USD receivable and a USD bank account revalued at the period-end rate as
 * one posted journal entry against exchange gain/loss; the refusals (no rate, second run, closed
 * period, closing an unrevalued period) leave the ledger and the period as they were.
 */
let erp: ErpKernel;
let account: Record<string, string>;
let customer: string;
let usdBank: string;
let invoiceId: string;

type Row = Record<string, unknown>;

function query<T extends Row>(statement: ReturnType<typeof sql>): Promise<T[]> {
  return tenantRows<T>(erp, statement);
}

async function ledgerSize(): Promise<number> {
  const [row] = await query<{ n: string }>(sql`select count(*)::text as n from erp.gl_entries`);
  return Number(row?.n);
}

/** Σ (debit − credit) in base and in currency of an account (and one open item, when given). */
async function balanceOf(accountId: string, againstVoucherId?: string): Promise<[number, number]> {
  const [row] = await query<{ base: string; fc: string }>(
    sql`select coalesce(sum(debit - credit), 0)::text as base, coalesce(sum(debit_fc - credit_fc), 0)::text as fc
          from erp.gl_entries where account_id = ${accountId}::uuid
           ${againstVoucherId === undefined ? sql`` : sql`and against_voucher_id = ${againstVoucherId}::uuid`}`,
  );
  return [Number(row?.base), Number(row?.fc)];
}

const voucherSums = (voucherId: string) => voucherNets(erp, voucherId);

async function openItem(voucherId: string): Promise<Row | undefined> {
  const [row] = await query<Row>(
    sql`select balance::text as balance, balance_fc::text as balance_fc from erp.open_items
         where voucher_id = ${voucherId}::uuid`,
  );
  return row;
}

async function period(name: string): Promise<Row> {
  const list = await erp.call('listAccountingPeriods', 'GET', '/accounting-periods?pageSize=50');
  return (list.body.items as Row[]).find((item) => item.name === name) ?? {};
}

function revalue(name: string): Promise<Answer> {
  return period(name).then((p) =>
    erp.call('revalueExchange', 'POST', `/accounting-periods/${String(p.id)}/revalue`),
  );
}

function closePeriod(name: string): Promise<Answer> {
  return period(name).then((p) =>
    erp.call('closePeriod', 'POST', `/accounting-periods/${String(p.id)}/close`),
  );
}

async function post(
  type: 'JournalEntry' | 'SalesInvoice' | 'Payment',
  path: string,
  body: Row,
): Promise<Row> {
  const draft = await erp.call(`create${type}`, 'POST', path, { body });
  expect(draft.status, draft.text).toBe(201);
  const posted = await erp.call(`transition${type}`, 'POST', `${path}/${String(draft.body.id)}/transition`, {
    body: { to: 'posted' },
  });
  expect(posted.status, posted.text).toBe(200);
  return posted.body;
}

async function addRate(date: string, rateNano: number): Promise<void> {
  const created = await erp.call('createExchangeRate', 'POST', '/exchange-rates', {
    body: { currency: 'USD', date, rateNano },
  });
  expect(created.status, created.text).toBe(201);
}

/** A refusal: its code, nothing written to the ledger, the period's `revaluedAt` unchanged. */
async function refused(answer: Promise<Answer>, status: number, code: string, name: string): Promise<Answer> {
  const before = { size: await ledgerSize(), revaluedAt: (await period(name)).revaluedAt ?? null };
  const result = await answer;
  expect(result.contract).toEqual([]);
  expect(result.status, result.text).toBe(status);
  expect(result.body.code).toBe(code);
  expect(await ledgerSize()).toBe(before.size);
  expect((await period(name)).revaluedAt ?? null).toBe(before.revaluedAt);
  return result;
}

beforeAll(async () => {
  erp = await erpKernel();
  account = await setUpCompany(erp);
  const party = await erp.call('createParty', 'POST', '/parties', {
    body: { kind: 'customer', name: 'Boston Traders', currency: 'USD', paymentTermsDays: 30 },
  });
  customer = String(party.body.id);
  const accounts = await erp.call('listAccounts', 'GET', '/accounts?pageSize=100');
  const current = (accounts.body.items as Row[]).find((item) => item.number === '1100');
  const bank = await erp.call('createAccount', 'POST', '/accounts', {
    body: {
      parentId: current?.id,
      number: '1130',
      name: 'Bank USD',
      rootType: 'asset',
      accountType: 'bank',
      isGroup: false,
      currency: 'USD',
    },
  });
  expect(bank.status, bank.text).toBe(201);
  usdBank = String(bank.body.id);
  // 100.00 USD invoiced at 1.10 (110.00 EUR); 50.00 USD paid in as capital at 1.10 (55.00 EUR)
  const invoice = await post('SalesInvoice', '/sales-invoices', {
    kind: 'invoice',
    partyId: customer,
    postingDate: '2026-01-10',
    dueDate: '2026-02-09',
    currency: 'USD',
    rateNano: 1_100_000_000,
    lines: [{ description: 'Export', qty: 1, unitPrice: 10_000, accountId: account['4100'] }],
  });
  invoiceId = String(invoice.id);
  await post('JournalEntry', '/journal-entries', {
    postingDate: '2026-01-15',
    memo: 'Capital in USD',
    currency: 'USD',
    rateNano: 1_100_000_000,
    lines: [
      { accountId: usdBank, debit: 5_000, credit: 0 },
      { accountId: account['3100'], debit: 0, credit: 5_000 },
    ],
  });
}, 180_000);

afterAll(async () => {
  await erp?.dispose();
});

describe(`exchange revaluation on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('refuses without a rate on or before the period end, naming the currency', async () => {
    await addRate('2026-02-01', 1_300_000_000); // after January's end: not the closing rate
    const answer = await refused(revalue('2026-01'), 422, 'EXCHANGE_RATE_MISSING', '2026-01');
    expect(answer.body.detail).toContain('USD');
  });

  it('refuses to close a period with foreign balances that is not revalued, naming the action', async () => {
    const answer = await refused(closePeriod('2026-01'), 409, 'PERIOD_NOT_REVALUED', '2026-01');
    expect(answer.body.detail).toContain('revalue-exchange');
    expect((await period('2026-01')).status).toBe('open');
  });

  let entryId: string;

  it('books the open item and the USD account at the closing rate as one posted journal entry', async () => {
    await addRate('2026-01-31', 1_200_000_000);
    const answer = await revalue('2026-01');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.contract).toEqual([]);
    const {
      entries,
      adjustments,
      period: revalued,
    } = answer.body as {
      entries: { id: string; number: string }[];
      adjustments: Row[];
      period: Row;
    };
    expect(revalued.revaluedAt).toEqual(expect.any(String));
    expect(adjustments).toEqual([
      expect.objectContaining({
        accountId: account['1200'],
        partyId: customer,
        againstVoucherId: invoiceId,
        currency: 'USD',
        balanceFc: 10_000,
        balance: 11_000,
        rateNano: 1_200_000_000,
        revalued: 12_000,
        difference: 1_000,
      }),
      expect.objectContaining({
        accountId: usdBank,
        partyId: null,
        againstVoucherId: null,
        currency: 'USD',
        balanceFc: 5_000,
        balance: 5_500,
        revalued: 6_000,
        difference: 500,
      }),
    ]);
    expect(entries).toEqual([{ id: expect.any(String), number: expect.stringMatching(/^JV-2026-/) }]);
    entryId = String(entries[0]?.id);
    const entry = await erp.call('getJournalEntry', 'GET', `/journal-entries/${entryId}`);
    expect(entry.body).toMatchObject({ status: 'posted', postingDate: '2026-01-31', currency: 'EUR' });
    // the foreign amounts stay, the base values move; the gain is credited
    expect(await openItem(invoiceId)).toEqual({ balance: '12000', balance_fc: '10000' });
    expect(await balanceOf(usdBank)).toEqual([6_000, 5_000]);
    expect(await balanceOf(account['6900'] as string)).toEqual([-1_500, -1_500]);
    const [sums] = await query<{ debit: string; credit: string }>(
      sql`select sum(debit)::text as debit, sum(credit)::text as credit from erp.gl_entries where voucher_id = ${entryId}::uuid`,
    );
    expect(sums?.debit).toBe(sums?.credit);
  });

  it('refuses a second run while the revaluation stands, and runs again once it is cancelled', async () => {
    await refused(revalue('2026-01'), 409, 'ALREADY_REVALUED', '2026-01');
    const cancelled = await erp.call(
      'transitionJournalEntry',
      'POST',
      `/journal-entries/${entryId}/transition`,
      {
        body: { to: 'cancelled' },
      },
    );
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(await openItem(invoiceId)).toEqual({ balance: '11000', balance_fc: '10000' });
    await refused(closePeriod('2026-01'), 409, 'PERIOD_NOT_REVALUED', '2026-01');
    const again = await revalue('2026-01');
    expect(again.status, again.text).toBe(200);
    expect((again.body.entries as Row[]).length).toBe(1);
    expect(await openItem(invoiceId)).toEqual({ balance: '12000', balance_fc: '10000' });
    expect(await balanceOf(account['6900'] as string)).toEqual([-1_500, -1_500]);
  });

  it('closes the revalued period; a closed period is not revalued', async () => {
    const closed = await closePeriod('2026-01');
    expect(closed.status, closed.text).toBe(200);
    await refused(revalue('2026-01'), 422, 'PERIOD_CLOSED', '2026-01');
  });

  it('revalues the next period from the revalued base, without a reversal', async () => {
    await addRate('2026-02-28', 1_150_000_000);
    const answer = await revalue('2026-02');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.adjustments).toEqual([
      expect.objectContaining({
        againstVoucherId: invoiceId,
        balance: 12_000,
        revalued: 11_500,
        difference: -500,
      }),
      expect.objectContaining({ accountId: usdBank, balance: 6_000, revalued: 5_750, difference: -250 }),
    ]);
    expect(await openItem(invoiceId)).toEqual({ balance: '11500', balance_fc: '10000' });
    expect(await balanceOf(account['6900'] as string)).toEqual([-750, -750]);
  });

  it('refuses a journal line against an open item of another party or currency', async () => {
    const before = await ledgerSize();
    const draft = await erp.call('createJournalEntry', 'POST', '/journal-entries', {
      body: {
        postingDate: '2026-03-05',
        memo: 'Write-off',
        currency: 'EUR',
        rateNano: 1_000_000_000,
        lines: [
          { accountId: account['6900'], debit: 100, credit: 0 },
          {
            accountId: account['1200'],
            partyId: customer,
            againstVoucherId: invoiceId,
            debit: 0,
            credit: 100,
          },
        ],
      },
    });
    expect(draft.status, draft.text).toBe(201);
    const posted = await erp.call(
      'transitionJournalEntry',
      'POST',
      `/journal-entries/${String(draft.body.id)}/transition`,
      {
        body: { to: 'posted' },
      },
    );
    expect(posted.status, posted.text).toBe(422);
    expect(posted.body.errors).toEqual([expect.objectContaining({ path: '/body/lines/1/againstVoucherId' })]);
    expect(await ledgerSize()).toBe(before);
  });
});

describe('realised exchange difference on payments', () => {
  async function usdInvoice(postingDate: string): Promise<string> {
    const invoice = await post('SalesInvoice', '/sales-invoices', {
      kind: 'invoice',
      partyId: customer,
      postingDate,
      dueDate: '2026-04-30',
      currency: 'USD',
      rateNano: 1_100_000_000,
      lines: [{ description: 'Export', qty: 1, unitPrice: 10_000, accountId: account['4100'] }],
    });
    return String(invoice.id);
  }

  async function usdPayment(allocations: Row[], rateNano: number): Promise<string> {
    const payment = await post('Payment', '/payments', {
      direction: 'received',
      partyId: customer,
      postingDate: '2026-03-20',
      amount: 10_000,
      currency: 'USD',
      rateNano,
      bankAccountId: usdBank,
      allocations,
    });
    expect(payment.status).toBe('posted');
    return String(payment.id);
  }

  it('clears a 1.10 USD invoice paid at 1.05 with a loss and one paid at 1.15 with a gain, to 0 in base', async () => {
    for (const [rateNano, bank, exchange] of [
      [1_050_000_000, 10_500, 500],
      [1_150_000_000, 11_500, -500],
    ] as const) {
      const invoice = await usdInvoice('2026-03-02');
      expect(await openItem(invoice)).toEqual({ balance: '11000', balance_fc: '10000' });
      const payment = await usdPayment([{ invoiceId: invoice, amount: 10_000 }], rateNano);
      // Σ of the voucher's rows per account; no key is absent, so the voucher balances in base
      expect(await voucherSums(payment)).toEqual({
        [usdBank]: bank,
        [String(account['1200'])]: -11_000,
        [String(account['6900'])]: exchange,
      });
      expect(await openItem(invoice)).toEqual({ balance: '0', balance_fc: '0' });
    }
  });

  it('clears a revalued invoice at the value it carries since its revaluation', async () => {
    expect(await openItem(invoiceId)).toEqual({ balance: '11500', balance_fc: '10000' });
    const payment = await usdPayment([{ invoiceId, amount: 10_000 }], 1_120_000_000);
    expect(await voucherSums(payment)).toEqual({
      [usdBank]: 11_200,
      [String(account['1200'])]: -11_500,
      [String(account['6900'])]: 300,
    });
    expect(await openItem(invoiceId)).toEqual({ balance: '0', balance_fc: '0' });
  });
});
