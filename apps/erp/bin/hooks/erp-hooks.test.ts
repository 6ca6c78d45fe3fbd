import { executeRows, pgErrorOf } from '@codexion/framework/data';
import { createAjv } from '@codexion/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../core/app.json' with { type: 'json' };
import {
  type Answer,
  type ErpKernel,
  erpKernel,
  setUpCompany,
  tenantA,
  voucherNets,
} from '../erp-kernel.test-helper.js';

/**
 * Posting, cancelling and settling the ERP's documents through the API, on one booted kernel
 * (PGlite, or PostgreSQL with DATABASE_URL): every refusal answers its problem+json code and field
 * path and leaves the ledger and the document as they were.
 */
let erp: ErpKernel;
let account: Record<string, string>;
let customer: string;
let otherCustomer: string;
let supplier: string;

type Row = Record<string, unknown>;

function query<T extends Row>(statement: ReturnType<typeof sql>): Promise<T[]> {
  return erp.database.database.transaction((tx) => executeRows<T>(tx, statement), { tenantId: tenantA });
}

async function ledgerSize(): Promise<number> {
  const [row] = await query<{ n: string }>(sql`select count(*)::text as n from erp.gl_entries`);
  return Number(row?.n);
}

/** Σ debit − Σ credit per account of one voucher (ids → minor units); only the non-zero ones. */
const voucherSums = (voucherId: string) => voucherNets(erp, voucherId);

async function openBalance(voucherId: string): Promise<number | undefined> {
  const [row] = await query<{ balance: string }>(
    sql`select balance::text as balance from erp.open_items where voucher_id = ${voucherId}::uuid`,
  );
  return row === undefined ? undefined : Number(row.balance);
}

const paths = {
  'journal-entry': ['JournalEntry', '/journal-entries'],
  'sales-invoice': ['SalesInvoice', '/sales-invoices'],
  'purchase-invoice': ['PurchaseInvoice', '/purchase-invoices'],
  payment: ['Payment', '/payments'],
} as const;
type Doc = keyof typeof paths;

async function create(doc: Doc, body: Row): Promise<Row> {
  const [type, path] = paths[doc];
  const created = await erp.call(`create${type}`, 'POST', path, { body });
  expect(created.contract).toEqual([]);
  expect(created.status, created.text).toBe(201);
  return created.body;
}

function move(doc: Doc, id: unknown, to: 'posted' | 'cancelled'): Promise<Answer> {
  const [type, path] = paths[doc];
  return erp.call(`transition${type}`, 'POST', `${path}/${String(id)}/transition`, { body: { to } });
}

async function post(doc: Doc, body: Row): Promise<Row> {
  const draft = await create(doc, body);
  const posted = await move(doc, draft.id, 'posted');
  expect(posted.status, posted.text).toBe(200);
  expect(posted.contract).toEqual([]);
  return posted.body;
}

async function statusOf(doc: Doc, id: unknown): Promise<unknown> {
  const [type, path] = paths[doc];
  return (await erp.call(`get${type}`, 'GET', `${path}/${String(id)}`)).body.status;
}

/** A refused posting: its code and issue path, nothing written, the document still a draft. */
async function refusedPosting(doc: Doc, body: Row, code: string, path: string): Promise<Answer> {
  const draft = await create(doc, body);
  const before = await ledgerSize();
  const refused = await move(doc, draft.id, 'posted');
  expect(refused.contract).toEqual([]);
  expect(refused.body.code, refused.text).toBe(code);
  expect((refused.body.errors as { path: string }[]).map((issue) => issue.path)).toContain(path);
  expect(await ledgerSize()).toBe(before);
  expect(await statusOf(doc, draft.id)).toBe('draft');
  return refused;
}

const eur = { currency: 'EUR', rateNano: 1_000_000_000 };

function entry(lines: Row[], postingDate = '2026-03-10'): Row {
  return { postingDate, memo: 'Test entry', ...eur, lines };
}

/** A two-line entry: `amount` from the account numbered `credited` to the one numbered `debited`. */
function transfer(debited: string, credited: string, amount: number, postingDate?: string): Row {
  return entry(
    [
      { accountId: account[debited], debit: amount, credit: 0 },
      { accountId: account[credited], debit: 0, credit: amount },
    ],
    postingDate,
  );
}

function invoice(partyId: string, lines: Row[], extra: Row = {}): Row {
  return {
    kind: 'invoice',
    partyId,
    postingDate: '2026-03-02',
    dueDate: '2026-04-01',
    ...eur,
    lines,
    ...extra,
  };
}

function payment(partyId: string, amount: number, allocations: Row[], extra: Row = {}): Row {
  const direction = extra.direction ?? 'received';
  return {
    direction,
    partyId,
    postingDate: '2026-03-20',
    amount,
    ...eur,
    bankAccountId: account['1120'],
    allocations,
    ...extra,
  };
}

beforeAll(async () => {
  erp = await erpKernel();
  account = await setUpCompany(erp);
  const party = async (kind: string, name: string) => {
    const created = await erp.call('createParty', 'POST', '/parties', {
      body: { kind, name, currency: 'EUR', paymentTermsDays: 30 },
    });
    expect(created.status).toBe(201);
    return String(created.body.id);
  };
  customer = await party('customer', 'Acme AG');
  otherCustomer = await party('customer', 'Globex SA');
  supplier = await party('supplier', 'Papier & Co');
}, 180_000);

afterAll(async () => {
  await erp?.dispose();
});

describe(`journal entries on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let posted: Row;

  it('keeps the totals of a draft and posts it: a number, balanced rows, period totals', async () => {
    const draft = await create('journal-entry', transfer('6200', '1120', 120_000));
    expect(draft).toMatchObject({ status: 'draft', number: null, totalDebit: 120_000, totalCredit: 120_000 });
    const answer = await move('journal-entry', draft.id, 'posted');
    expect(answer.status, answer.text).toBe(200);
    posted = answer.body;
    expect(posted).toMatchObject({ status: 'posted', number: 'JV-2026-00001' });
    expect(await voucherSums(String(posted.id))).toEqual({
      [String(account['6200'])]: 120_000,
      [String(account['1120'])]: -120_000,
    });
    const totals = await query<{ debit: string; credit: string }>(
      sql`select t.debit::text as debit, t.credit::text as credit from erp.account_period_totals t
            join erp.accounting_periods p on p.id = t.period_id
           where t.account_id = ${account['6200']}::uuid and p.name = '2026-03'`,
    );
    expect(totals).toEqual([{ debit: '120000', credit: '0' }]);
  });

  it('refuses an unbalanced entry when it is written (the rule), at /body/lines', async () => {
    const before = await ledgerSize();
    const refused = await erp.call('createJournalEntry', 'POST', '/journal-entries', {
      body: entry([
        { accountId: account['6200'], debit: 100, credit: 0 },
        { accountId: account['1120'], debit: 0, credit: 99 },
      ]),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ path: '/body/lines' }));
    expect(await ledgerSize()).toBe(before);
  });

  it('refuses a group account, a frozen account and a receivable line without a party, naming the line', async () => {
    await refusedPosting(
      'journal-entry',
      transfer('6200', '1100', 500),
      'ACCOUNT_NOT_POSTABLE',
      '/body/lines/1/accountId',
    );
    const marketing = await erp.call('getAccount', 'GET', `/accounts/${account['6500']}`);
    const frozen = await erp.call('updateAccount', 'PATCH', `/accounts/${account['6500']}`, {
      body: { frozen: true },
      headers: { 'if-match': String(marketing.headers.get('etag')) },
    });
    expect(frozen.status, frozen.text).toBe(200);
    await refusedPosting(
      'journal-entry',
      transfer('6500', '1120', 500),
      'ACCOUNT_NOT_POSTABLE',
      '/body/lines/0/accountId',
    );
    await refusedPosting(
      'journal-entry',
      transfer('1200', '4100', 500),
      'PARTY_REQUIRED',
      '/body/lines/0/partyId',
    );
  });

  it('refuses a posting date that no period holds', async () => {
    await refusedPosting(
      'journal-entry',
      transfer('6200', '1120', 500, '2025-06-30'),
      'PERIOD_CLOSED',
      '/body/postingDate',
    );
  });

  it('locks a posted entry: PATCH and DELETE answer 409', async () => {
    const path = `/journal-entries/${String(posted.id)}`;
    const etag = `"${String(posted.id)}:${String(posted.version)}"`;
    const current = await erp.call('getJournalEntry', 'GET', path);
    const patched = await erp.call('updateJournalEntry', 'PATCH', path, {
      body: { memo: 'changed' },
      headers: { 'if-match': current.headers.get('etag') ?? etag },
    });
    expect(patched.status).toBe(409);
    expect(patched.body.code).toBe('RECORD_LOCKED');
    const deleted = await erp.call('deleteJournalEntry', 'DELETE', path, {
      headers: { 'if-match': current.headers.get('etag') ?? etag },
    });
    expect(deleted.status).toBe(409);
    expect((await erp.call('getJournalEntry', 'GET', path)).body.memo).toBe('Test entry');
  });

  it('cancels by appending the reversal (the voucher sums to zero), once', async () => {
    const rowsBefore = await query<{ id: string }>(
      sql`select id::text from erp.gl_entries where voucher_id = ${String(posted.id)}::uuid order by id`,
    );
    const cancelled = await move('journal-entry', posted.id, 'cancelled');
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(await voucherSums(String(posted.id))).toEqual({});
    const reversal = await query<{ reverses_id: string; posting_date: string }>(
      sql`select reverses_id::text, posting_date::text from erp.gl_entries
           where voucher_id = ${String(posted.id)}::uuid and reverses_id is not null order by id`,
    );
    expect(reversal.map((row) => row.reverses_id)).toEqual(rowsBefore.map((row) => row.id));
    expect(reversal.every((row) => row.posting_date === '2026-03-10')).toBe(true);
    const again = await move('journal-entry', posted.id, 'cancelled');
    expect(again.status).toBe(409);
    expect(await voucherSums(String(posted.id))).toEqual({});
  });
});

describe('the ledger is append-only', () => {
  it('refuses UPDATE and DELETE of a ledger row to the tenant role (grants) and to the superuser (trigger)', async () => {
    const sqlState = async (work: Promise<unknown>) => {
      try {
        await work;
        return 'ok';
      } catch (error) {
        return pgErrorOf(error)?.code;
      }
    };
    const { database } = erp.database;
    for (const statement of [
      sql`update erp.gl_entries set debit = debit + 1 where debit > 0`,
      sql`delete from erp.gl_entries`,
    ]) {
      expect(await sqlState(database.transaction((tx) => tx.execute(statement), { tenantId: tenantA }))).toBe(
        '42501',
      );
      expect(await sqlState(database.db.execute(statement))).toBe('42501');
    }
    expect(await ledgerSize()).toBeGreaterThan(0);
  });
});

describe('invoices, payments and credit notes', () => {
  let sale: Row;

  it('posts a sales invoice: receivable = total as its open item, income and tax, the event', async () => {
    sale = await post(
      'sales-invoice',
      invoice(customer, [
        { description: 'Consulting', qty: 10, unitPrice: 15_000, taxRateBp: 1_900 },
        { description: 'Travel', qty: 1, unitPrice: 20_000 },
      ]),
    );
    expect(sale).toMatchObject({ number: 'SINV-2026-00001', net: 170_000, tax: 28_500, total: 198_500 });
    expect(await voucherSums(String(sale.id))).toEqual({
      [String(account['1200'])]: 198_500,
      [String(account['4100'])]: -170_000,
      [String(account['2120'])]: -28_500,
    });
    expect(await openBalance(String(sale.id))).toBe(198_500);
    const items = await erp.call('listOpenItems', 'GET', `/open-items?partyId=${customer}&kind=receivable`);
    expect(items.contract).toEqual([]);
    expect(items.body.items).toEqual([
      expect.objectContaining({
        voucherId: sale.id,
        number: 'SINV-2026-00001',
        dueDate: '2026-04-01',
        balance: 198_500,
      }),
    ]);
  });

  it('refuses a payment allocating more than the invoice owes, to another party’s invoice, or not into a bank', async () => {
    await refusedPosting(
      'payment',
      payment(customer, 300_000, [{ invoiceId: sale.id, amount: 198_501 }]),
      'OVER_ALLOCATED',
      '/body/allocations/0/amount',
    );
    await refusedPosting(
      'payment',
      payment(otherCustomer, 1_000, [{ invoiceId: sale.id, amount: 1_000 }]),
      'VALIDATION_FAILED',
      '/body/allocations/0/invoiceId',
    );
    await refusedPosting(
      'payment',
      payment(customer, 1_000, [], { bankAccountId: account['4100'] }),
      'VALIDATION_FAILED',
      '/body/bankAccountId',
    );
    expect(await openBalance(String(sale.id))).toBe(198_500);
  });

  it('settles part of the invoice with a payment; the rest of the payment is an advance', async () => {
    const received = await post(
      'payment',
      payment(customer, 100_000, [{ invoiceId: sale.id, amount: 80_000 }]),
    );
    expect(received.number).toBe('PAY-2026-00001');
    expect(await openBalance(String(sale.id))).toBe(118_500);
    expect(await openBalance(String(received.id))).toBe(-20_000);
    expect(await voucherSums(String(received.id))).toEqual({
      [String(account['1120'])]: 100_000,
      [String(account['1200'])]: -100_000,
    });

    const cancelInvoice = await move('sales-invoice', sale.id, 'cancelled');
    expect(cancelInvoice.status).toBe(409);
    expect(cancelInvoice.body.code).toBe('INVOICE_ALLOCATED');
    expect(await statusOf('sales-invoice', sale.id)).toBe('posted');

    expect((await move('payment', received.id, 'cancelled')).status).toBe(200);
    expect(await openBalance(String(sale.id))).toBe(198_500);
    expect(await openBalance(String(received.id))).toBe(0);
    expect(await voucherSums(String(received.id))).toEqual({});
  });

  it('lets exactly one of two payments take the last amount of an invoice', async () => {
    const bill = await post(
      'sales-invoice',
      invoice(customer, [{ description: 'Licence', qty: 1, unitPrice: 50_000 }]),
    );
    const first = await create(
      'payment',
      payment(customer, 50_000, [{ invoiceId: bill.id, amount: 50_000 }]),
    );
    const second = await create(
      'payment',
      payment(customer, 50_000, [{ invoiceId: bill.id, amount: 50_000 }]),
    );
    const answers = await Promise.all([
      move('payment', first.id, 'posted'),
      move('payment', second.id, 'posted'),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422]);
    expect(answers.find((answer) => answer.status === 422)?.body.code).toBe('OVER_ALLOCATED');
    expect(await openBalance(String(bill.id))).toBe(0);
    const current = await erp.call('getSalesInvoice', 'GET', `/sales-invoices/${String(bill.id)}`);
    const patched = await erp.call('updateSalesInvoice', 'PATCH', `/sales-invoices/${String(bill.id)}`, {
      body: { reference: 'changed after posting' },
      headers: { 'if-match': String(current.headers.get('etag')) },
    });
    expect([patched.status, patched.body.code]).toEqual([409, 'RECORD_LOCKED']);
  });

  it('reduces an invoice by a credit note against it, and refuses one above what it still owes', async () => {
    await refusedPosting(
      'sales-invoice',
      invoice(customer, [{ description: 'Refund', qty: 1, unitPrice: 200_000 }], {
        kind: 'credit-note',
        returnAgainstId: sale.id,
      }),
      'OVER_ALLOCATED',
      '/body/returnAgainstId',
    );
    const note = await post(
      'sales-invoice',
      invoice(customer, [{ description: 'Travel not incurred', qty: 1, unitPrice: 20_000 }], {
        kind: 'credit-note',
        returnAgainstId: sale.id,
      }),
    );
    expect(note.number).toBe('SCN-2026-00001');
    expect(await openBalance(String(sale.id))).toBe(178_500);
    expect(await openBalance(String(note.id))).toBeUndefined();
    expect((await move('sales-invoice', sale.id, 'cancelled')).body.code).toBe('INVOICE_ALLOCATED');
    expect((await move('sales-invoice', note.id, 'cancelled')).status).toBe(200);
    const cancelled = await move('sales-invoice', sale.id, 'cancelled');
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(await openBalance(String(sale.id))).toBe(0);
    expect(await voucherSums(String(sale.id))).toEqual({});
    expect(await voucherSums(String(note.id))).toEqual({});
    const twice = await move('sales-invoice', sale.id, 'cancelled');
    expect([twice.status, twice.body.code]).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
    expect(await voucherSums(String(sale.id))).toEqual({});
  });

  it('posts a purchase invoice and a payment made against it', async () => {
    const bill = await post(
      'purchase-invoice',
      invoice(supplier, [{ description: 'Paper', qty: 4, unitPrice: 2_500, taxRateBp: 1_900 }]),
    );
    expect(bill).toMatchObject({ number: 'PINV-2026-00001', total: 11_900 });
    expect(await openBalance(String(bill.id))).toBe(-11_900);
    await post(
      'payment',
      payment(supplier, 11_900, [{ invoiceId: bill.id, amount: 11_900 }], { direction: 'paid' }),
    );
    expect(await openBalance(String(bill.id))).toBe(0);
  });

  it('posts an invoice in a foreign currency in both amounts, balanced in base', async () => {
    const usd = await post(
      'sales-invoice',
      invoice(customer, [{ description: 'Export', qty: 3, unitPrice: 3_333 }], {
        currency: 'USD',
        rateNano: 921_000_000,
      }),
    );
    const rows = await query<{ debit: string; credit: string; debit_fc: string; credit_fc: string }>(
      sql`select debit::text, credit::text, debit_fc::text, credit_fc::text from erp.gl_entries
           where voucher_id = ${String(usd.id)}::uuid order by id`,
    );
    expect(rows[0]).toEqual({ debit: '9209', credit: '0', debit_fc: '9999', credit_fc: '0' });
    expect(rows.reduce((sum, row) => sum + Number(row.debit) - Number(row.credit), 0)).toBe(0);
  });

  it('emitted its events with payloads valid against core/app.json', async () => {
    const events = await query<{ name: string; payload: unknown }>(
      sql`select name, payload from prefiq.event_outbox where name like 'erp.%' order by seq`,
    );
    const ajv = createAjv({ strict: false });
    const declared = new Map(manifest.events.map((event) => [event.name, ajv.compile(event.payload)]));
    expect(events.map((event) => event.name)).toContain('erp.invoice.posted');
    expect(events.map((event) => event.name)).toContain('erp.payment.received');
    for (const event of events) expect(declared.get(event.name)?.(event.payload), event.name).toBe(true);
    expect(events.find((event) => event.name === 'erp.invoice.posted')?.payload).toMatchObject({
      voucherType: 'sales-invoice',
      number: 'SINV-2026-00001',
      total: 198_500,
      baseTotal: 198_500,
    });
  });
});

describe('periods and the lock date', () => {
  async function period(name: string): Promise<Row> {
    const list = await erp.call('listAccountingPeriods', 'GET', '/accounting-periods?pageSize=50');
    return (list.body.items as Row[]).find((item) => item.name === name) ?? {};
  }

  it('closes periods in order, refuses postings into them, and reopens only the latest', async () => {
    const march = await erp.call(
      'closePeriod',
      'POST',
      `/accounting-periods/${String((await period('2026-03')).id)}/close`,
    );
    expect(march.status).toBe(409);
    expect(march.body.code).toBe('PERIOD_SEQUENCE');
    for (const name of ['2026-01', '2026-02']) {
      const closed = await erp.call(
        'closePeriod',
        'POST',
        `/accounting-periods/${String((await period(name)).id)}/close`,
      );
      expect(closed.status, closed.text).toBe(200);
      expect(closed.contract).toEqual([]);
      expect(closed.body.status).toBe('closed');
    }
    await refusedPosting(
      'journal-entry',
      transfer('6200', '1120', 500, '2026-02-27'),
      'PERIOD_CLOSED',
      '/body/postingDate',
    );
    const january = await erp.call(
      'reopenPeriod',
      'POST',
      `/accounting-periods/${String((await period('2026-01')).id)}/reopen`,
    );
    expect(january.status).toBe(409);
    expect(january.body.code).toBe('PERIOD_SEQUENCE');
  });

  it('moves the lock date forward over closed periods only; a locked period does not reopen', async () => {
    const tooFar = await erp.call('setLockDate', 'POST', '/company/lock-date', {
      body: { lockDate: '2026-03-15' },
    });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.code).toBe('LOCK_DATE_INVALID');
    expect(tooFar.body.errors).toEqual([expect.objectContaining({ path: '/body/lockDate' })]);
    const locked = await erp.call('setLockDate', 'POST', '/company/lock-date', {
      body: { lockDate: '2026-02-28' },
    });
    expect(locked.status, locked.text).toBe(200);
    expect(locked.contract).toEqual([]);
    expect(locked.body.lockDate).toBe('2026-02-28');
    await refusedPosting(
      'journal-entry',
      transfer('6200', '1120', 500, '2026-02-28'),
      'PERIOD_CLOSED',
      '/body/postingDate',
    );
    const back = await erp.call('setLockDate', 'POST', '/company/lock-date', {
      body: { lockDate: '2026-01-31' },
    });
    expect(back.body.code).toBe('LOCK_DATE_INVALID');
    const february = await erp.call(
      'reopenPeriod',
      'POST',
      `/accounting-periods/${String((await period('2026-02')).id)}/reopen`,
    );
    expect(february.status).toBe(422);
    expect(february.body.code).toBe('LOCK_DATE_INVALID');
    expect((await period('2026-02')).status).toBe('closed');
  });

  it('keeps what the ledger refers to: a closed period’s dates, the base currency once posted', async () => {
    const february = await period('2026-02');
    const moved = await erp.call(
      'updateAccountingPeriod',
      'PATCH',
      `/accounting-periods/${String(february.id)}`,
      {
        body: { endDate: '2026-02-27' },
        headers: { 'if-match': `"${String(february.id)}:${String(february.version)}"` },
      },
    );
    expect(moved.status, moved.text).toBe(409);
    expect(moved.body.code).toBe('LEDGER_IN_USE');
    expect(moved.body.errors).toEqual([expect.objectContaining({ path: '/body/endDate' })]);
    const settings = await erp.call('listCompanySettings', 'GET', '/company-settings');
    const [company] = settings.body.items as Row[];
    const rebased = await erp.call(
      'updateCompanySettings',
      'PATCH',
      `/company-settings/${String(company?.id)}`,
      {
        body: { baseCurrency: 'USD' },
        headers: { 'if-match': `"${String(company?.id)}:${String(company?.version)}"` },
      },
    );
    expect(rebased.status, rebased.text).toBe(409);
    expect(rebased.body.code).toBe('LEDGER_IN_USE');
  });

  it('closes the year with a voucher that brings income and expense to retained earnings', async () => {
    // the USD invoice's rate: its revaluation finds no difference
    const rate = await erp.call('createExchangeRate', 'POST', '/exchange-rates', {
      body: { currency: 'USD', date: '2026-03-31', rateNano: 921_000_000 },
    });
    expect(rate.status, rate.text).toBe(201);
    for (const month of ['03', '04', '05', '06', '07', '08', '09', '10', '11', '12']) {
      const id = String((await period(`2026-${month}`)).id);
      // a period ending with foreign-currency balances closes once revalued (ADR 0027 §7)
      const revalued = await erp.call('revalueExchange', 'POST', `/accounting-periods/${id}/revalue`);
      expect(revalued.status, revalued.text).toBe(200);
      const closed = await erp.call('closePeriod', 'POST', `/accounting-periods/${id}/close`);
      expect(closed.status, closed.text).toBe(200);
    }
    const [result] = await query<{ income_expense: string; retained: string; closing_date: string }>(
      sql`select
            (select coalesce(sum(g.debit - g.credit), 0)::text from erp.gl_entries g
               join erp.accounts a on a.id = g.account_id where a.root_type in ('income', 'expense')) as income_expense,
            (select coalesce(sum(g.debit - g.credit), 0)::text from erp.gl_entries g
              where g.account_id = ${account['3200']}::uuid) as retained,
            (select max(posting_date)::text from erp.gl_entries where voucher_type = 'period-closing') as closing_date`,
    );
    expect(result).toMatchObject({ income_expense: '0', closing_date: '2026-12-31' });
    expect(Number(result?.retained)).toBeLessThan(0);
  });
});
