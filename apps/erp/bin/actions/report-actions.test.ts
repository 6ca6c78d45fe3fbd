import { randomUUID } from 'node:crypto';
import { executeRows } from '@codexion/framework/data';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErpKernel, erpKernel, tenantA, tenantB } from '../erp-kernel.test-helper.js';
import { type LedgerRow, postVoucher } from '../ledger/post-voucher.js';
import { aging } from '../reports/aging.js';

/**
 * The reports over a small quarter of known vouchers, written by `postVoucher` (the documents'
 * posting is built elsewhere): exact figures, partial-period ranges against a brute-force
 * GROUP BY over the ledger, drill-down, paging, CSV and bad parameters.
 */
let erp: ErpKernel;
const account: Record<string, string> = {};
const party: Record<'adler' | 'birke' | 'supplier', string> = { adler: '', birke: '', supplier: '' };
const voucher = {
  si1: randomUUID(),
  si2: randomUUID(),
  pi1: randomUUID(),
  pay2: randomUUID(),
  je1: randomUUID(),
};

function row(number: string, debit: number, credit: number, extra: Partial<LedgerRow> = {}): LedgerRow {
  const accountId = account[number];
  if (accountId === undefined) throw new Error(`no account ${number}`);
  return { accountId, debit, credit, currency: 'EUR', rateNano: 1_000_000_000, ...extra };
}

async function post(
  voucherType: string,
  voucherNo: string,
  postingDate: string,
  rows: LedgerRow[],
  voucherId = randomUUID(),
) {
  await erp.database.database.transaction(
    (tx) =>
      postVoucher(
        { tx, tenantId: tenantA, userId: undefined },
        { voucherType, voucherId, voucherNo, postingDate, rows },
      ),
    { tenantId: tenantA },
  );
}

beforeAll(async () => {
  erp = await erpKernel();
  const setup = await erp.call('setupCompany', 'POST', '/company/setup', {
    body: { companyName: 'Nordwind GmbH', baseCurrency: 'EUR', fiscalYearStart: '2026-01-01' },
  });
  expect(setup.status).toBe(201);
  const accounts = await erp.call('listAccounts', 'GET', '/accounts?pageSize=100');
  for (const item of accounts.body.items as { id: string; number: string }[]) account[item.number] = item.id;
  const names = { adler: 'Adler, "Eagle" AG', birke: '=Birke GmbH', supplier: 'Kranich KG' } as const;
  for (const key of ['adler', 'birke', 'supplier'] as const) {
    const created = await erp.call('createParty', 'POST', '/parties', {
      body: {
        kind: key === 'supplier' ? 'supplier' : 'customer',
        name: names[key],
        currency: 'EUR',
        paymentTermsDays: 30,
      },
    });
    expect(created.status).toBe(201);
    party[key] = String(created.body.id);
  }
  const ar = (partyId: string, against: string, dueDate?: string) => ({
    partyId,
    againstVoucherId: against,
    dueDate,
  });
  await post(
    'journal-entry',
    'JE-1',
    '2026-01-05',
    [row('1120', 1_000_000, 0), row('3100', 0, 1_000_000)],
    voucher.je1,
  );
  await post(
    'sales-invoice',
    'SINV-1',
    '2026-01-20',
    [
      row('1200', 119_000, 0, ar(party.adler, voucher.si1, '2026-02-19')),
      row('4100', 0, 100_000),
      row('2120', 0, 19_000),
    ],
    voucher.si1,
  );
  await post(
    'purchase-invoice',
    'PINV-1',
    '2026-02-03',
    [row('5300', 50_000, 0), row('2110', 0, 50_000, ar(party.supplier, voucher.pi1, '2026-03-05'))],
    voucher.pi1,
  );
  await post('payment', 'PAY-1', '2026-02-15', [
    row('1120', 60_000, 0),
    row('1200', 0, 60_000, ar(party.adler, voucher.si1)),
  ]);
  await post('journal-entry', 'JE-2', '2026-02-28', [row('6200', 20_000, 0), row('1120', 0, 20_000)]);
  await post(
    'sales-invoice',
    'SINV-2',
    '2026-03-10',
    [
      row('1200', 23_800, 0, ar(party.birke, voucher.si2, '2026-04-09')),
      row('4200', 0, 20_000),
      row('2120', 0, 3_800),
    ],
    voucher.si2,
  );
  // an advance: a payment against no invoice, open against itself without a due date
  await post(
    'payment',
    'PAY-2',
    '2026-03-12',
    [row('1120', 5_000, 0), row('1200', 0, 5_000, ar(party.birke, voucher.pay2))],
    voucher.pay2,
  );
  await post('journal-entry', 'JE-3', '2026-03-20', [row('6100', 30_000, 0), row('1120', 0, 30_000)]);
}, 120_000);

afterAll(async () => {
  await erp?.dispose();
});

type Figures = { opening: number; debit: number; credit: number };
type TbRow = Figures & {
  accountId: string;
  number: string;
  isGroup: boolean;
  depth: number;
  closing: number;
  drill: unknown;
};

/** Σ per account straight over the ledger rows: what the period totals and cut periods must equal. */
async function bruteForce(from: string, to: string): Promise<Map<string, Figures>> {
  const rows = await erp.database.database.transaction(
    (tx) =>
      executeRows<{ account_id: string; opening: string; debit: string; credit: string }>(
        tx,
        sql`select account_id,
                   sum(case when posting_date < ${from}::date then debit - credit else 0 end)::text as opening,
                   sum(case when posting_date between ${from}::date and ${to}::date then debit else 0 end)::text as debit,
                   sum(case when posting_date between ${from}::date and ${to}::date then credit else 0 end)::text as credit
              from erp.gl_entries where tenant_id = ${tenantA} and posting_date <= ${to}::date group by account_id`,
      ),
    { tenantId: tenantA },
  );
  return new Map(
    rows
      .map(
        (r) =>
          [
            r.account_id,
            { opening: Number(r.opening), debit: Number(r.debit), credit: Number(r.credit) },
          ] as const,
      )
      .filter(([, f]) => f.opening !== 0 || f.debit !== 0 || f.credit !== 0),
  );
}

async function trialBalance(from: string, to: string) {
  const answer = await erp.call('reportTrialBalance', 'GET', `/reports/trial-balance?from=${from}&to=${to}`);
  expect(answer.status).toBe(200);
  expect(answer.contract).toEqual([]);
  return answer.body as { rows: TbRow[]; totals: Figures & { closing: number }; currency: string };
}

describe(`the trial balance on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('gives each account its opening, debits, credits and closing for whole periods, groups rolled up', async () => {
    const { rows, totals, currency } = await trialBalance('2026-01-01', '2026-03-31');
    expect(currency).toBe('EUR');
    expect(totals).toEqual({ opening: 0, debit: 1_307_800, credit: 1_307_800, closing: 0 });
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    expect(byNumber.get('1120')).toMatchObject({
      opening: 0,
      debit: 1_065_000,
      credit: 50_000,
      closing: 1_015_000,
      depth: 2,
    });
    expect(byNumber.get('1200')).toMatchObject({ debit: 142_800, credit: 65_000, closing: 77_800 });
    // Current assets = bank + receivables; Assets adds nothing else
    expect(byNumber.get('1100')).toMatchObject({
      isGroup: true,
      debit: 1_207_800,
      credit: 115_000,
      closing: 1_092_800,
    });
    expect(byNumber.get('1000')).toMatchObject({ isGroup: true, depth: 0, closing: 1_092_800 });
    expect(byNumber.get('6000')).toMatchObject({ isGroup: true, closing: 50_000 });
    expect(byNumber.get('1110')).toBeUndefined(); // no figures: hidden unless includeZero
    expect(byNumber.get('1120')?.drill).toEqual({
      accountId: account['1120'],
      from: '2026-01-01',
      to: '2026-03-31',
    });
    // tree order: each group before its children
    expect(rows.map((r) => r.number).slice(0, 4)).toEqual(['1000', '1100', '1120', '1200']);
  });

  it('cuts periods at both ends exactly as a GROUP BY over the ledger rows', async () => {
    const ranges: [string, string][] = [
      ['2026-01-15', '2026-02-20'],
      ['2026-02-10', '2026-02-20'],
      ['2026-02-16', '2026-02-28'],
      ['2026-01-20', '2026-01-20'],
      ['2026-02-01', '2026-03-11'],
      ['2025-06-01', '2026-03-15'],
      ['2026-03-21', '2026-12-31'],
      ['2026-01-01', '2026-12-31'],
    ];
    for (const [from, to] of ranges) {
      const { rows, totals } = await trialBalance(from, to);
      const ledger = rows.filter((r) => !r.isGroup);
      const reported = new Map(
        ledger.map((r) => [r.accountId, { opening: r.opening, debit: r.debit, credit: r.credit }]),
      );
      expect(reported, `${from}..${to}`).toEqual(await bruteForce(from, to));
      expect(totals.debit, `${from}..${to}`).toBe(totals.credit);
      expect(totals.opening).toBe(0);
    }
    const mid = await trialBalance('2026-01-15', '2026-02-20');
    expect(mid.rows.find((r) => r.number === '1120')).toMatchObject({
      opening: 1_000_000,
      debit: 60_000,
      credit: 0,
      closing: 1_060_000,
    });
    expect(mid.totals).toMatchObject({ debit: 229_000, credit: 229_000 });
  });

  it('lists every account with includeZero', async () => {
    const answer = await erp.call(
      'reportTrialBalance',
      'GET',
      '/reports/trial-balance?from=2026-01-01&to=2026-01-31&includeZero=true',
    );
    expect(answer.contract).toEqual([]);
    const accounts = await erp.call('listAccounts', 'GET', '/accounts?pageSize=100');
    expect((answer.body.rows as unknown[]).length).toBe((accounts.body.items as unknown[]).length);
  });

  it('answers CSV: a header row, the tree indented, amounts in euros, quotes escaped', async () => {
    const response = await erp.kernel.app.request(
      '/api/erp/reports/trial-balance?from=2026-01-01&to=2026-03-31&format=csv',
      {
        headers: { 'x-codexion-tenant': tenantA },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('trial-balance-2026-01-01-2026-03-31.csv');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      'Number,Account,Root type,Group,Opening (EUR),Debit (EUR),Credit (EUR),Closing (EUR)',
    );
    expect(lines[1]).toBe('1000,Assets,asset,true,0,12078,1150,10928');
    expect(lines).toContain('1120,    Bank,asset,false,0,10650,500,10150');
    expect(lines).toContain('2120,    Output tax,liability,false,0,0,228,-228');
  });

  it('refuses bad parameters with problem+json naming the query parameter', async () => {
    const reversed = await erp.call(
      'reportTrialBalance',
      'GET',
      '/reports/trial-balance?from=2026-03-01&to=2026-02-01',
    );
    expect(reversed.status).toBe(422);
    expect(reversed.headers.get('content-type')).toContain('application/problem+json');
    expect(reversed.body).toMatchObject({ code: 'REPORT_PARAMETERS_INVALID' });
    expect(reversed.body.errors).toEqual([
      expect.objectContaining({ path: '/query/to', code: 'before-from' }),
    ]);
    const badDate = await erp.call(
      'reportTrialBalance',
      'GET',
      '/reports/trial-balance?from=2026-13-01&to=2026-02-01',
    );
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body.errors)).toContain('/query/from');
    const missing = await erp.call('reportTrialBalance', 'GET', '/reports/trial-balance?from=2026-01-01');
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.errors)).toContain('/query/to');
    const format = await erp.call(
      'reportTrialBalance',
      'GET',
      '/reports/trial-balance?from=2026-01-01&to=2026-01-31&format=xlsx',
    );
    expect(format.status).toBe(400);
    expect(JSON.stringify(format.body.errors)).toContain('/query/format');
  });

  it('answers 409 COMPANY_NOT_SET_UP for a tenant without a company, and shows no other tenant’s ledger', async () => {
    const answer = await erp.call(
      'reportTrialBalance',
      'GET',
      '/reports/trial-balance?from=2026-01-01&to=2026-03-31',
      {
        tenant: tenantB,
      },
    );
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'COMPANY_NOT_SET_UP' });
  });
});

type GlRow = {
  id: number;
  voucherType: string;
  voucherId: string;
  voucherNo: string;
  debit: number;
  credit: number;
  balance: number;
  partyName: string | null;
};
type Gl = { opening: number; closing: number; rows: GlRow[]; nextCursor: string | null };

async function generalLedger(query: string): Promise<Gl> {
  const answer = await erp.call('reportGeneralLedger', 'GET', `/reports/general-ledger?${query}`);
  expect(answer.status, answer.text).toBe(200);
  expect(answer.contract).toEqual([]);
  return answer.body as unknown as Gl;
}

describe('the general ledger', () => {
  it('pages an account’s rows by cursor with a running balance that carries across pages', async () => {
    const range = `accountId=${account['1120']}&from=2026-01-01&to=2026-03-31&limit=2`;
    const first = await generalLedger(range);
    expect(first).toMatchObject({ opening: 0, closing: 1_015_000 });
    expect(first.rows.map((r) => [r.voucherNo, r.balance])).toEqual([
      ['JE-1', 1_000_000],
      ['PAY-1', 1_060_000],
    ]);
    expect(first.rows[0]).toMatchObject({ voucherType: 'journal-entry', voucherId: voucher.je1 });
    const second = await generalLedger(`${range}&cursor=${first.nextCursor}`);
    expect(second.rows.map((r) => [r.voucherNo, r.balance])).toEqual([
      ['JE-2', 1_040_000],
      ['PAY-2', 1_045_000],
    ]);
    const third = await generalLedger(`${range}&cursor=${second.nextCursor}`);
    expect(third.rows.map((r) => [r.voucherNo, r.credit, r.balance])).toEqual([['JE-3', 30_000, 1_015_000]]);
    expect(third.nextCursor).toBeNull();
  });

  it('starts from the balance before a mid-period `from`, for a group account and for one party', async () => {
    const bank = await generalLedger(`accountId=${account['1120']}&from=2026-02-16&to=2026-03-31`);
    expect(bank.opening).toBe(1_060_000);
    expect(bank.rows.map((r) => r.voucherNo)).toEqual(['JE-2', 'PAY-2', 'JE-3']);
    const group = await generalLedger(`accountId=${account['1100']}&from=2026-03-01&to=2026-03-31`);
    expect(group.opening).toBe(1_000_000 + 60_000 - 20_000 + 119_000 - 60_000);
    expect(group.rows.map((r) => r.voucherNo)).toEqual(['SINV-2', 'PAY-2', 'PAY-2', 'JE-3']);
    expect(group.rows.at(-1)?.balance).toBe(group.closing);
    const birke = await generalLedger(
      `accountId=${account['1200']}&partyId=${party.birke}&from=2026-03-11&to=2026-03-31`,
    );
    expect(birke).toMatchObject({ opening: 23_800, closing: 18_800 });
    expect(birke.rows).toEqual([
      expect.objectContaining({
        voucherNo: 'PAY-2',
        credit: 5_000,
        balance: 18_800,
        partyName: '=Birke GmbH',
      }),
    ]);
  });

  it('refuses an unknown account or party and a forged cursor', async () => {
    const unknown = await erp.call(
      'reportGeneralLedger',
      'GET',
      `/reports/general-ledger?accountId=${randomUUID()}&from=2026-01-01&to=2026-03-31`,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ path: '/query/accountId', code: 'not-found' }),
    ]);
    const noParty = await erp.call(
      'reportGeneralLedger',
      'GET',
      `/reports/general-ledger?accountId=${account['1200']}&partyId=${randomUUID()}&from=2026-01-01&to=2026-03-31`,
    );
    expect(noParty.body.errors).toEqual([expect.objectContaining({ path: '/query/partyId' })]);
    const forged = await erp.call(
      'reportGeneralLedger',
      'GET',
      `/reports/general-ledger?accountId=${account['1120']}&from=2026-01-01&to=2026-03-31&cursor=bm9wZQ`,
    );
    expect(forged.status).toBe(422);
    expect(forged.body.errors).toEqual([expect.objectContaining({ path: '/query/cursor' })]);
    const notUuid = await erp.call(
      'reportGeneralLedger',
      'GET',
      '/reports/general-ledger?accountId=bank&from=2026-01-01&to=2026-03-31',
    );
    expect(notUuid.status).toBe(400);
    expect(JSON.stringify(notUuid.body.errors)).toContain('/query/accountId');
  });

  it('answers every row of the range as CSV, party names escaped', async () => {
    const response = await erp.kernel.app.request(
      `/api/erp/reports/general-ledger?accountId=${account['1200']}&from=2026-01-01&to=2026-03-31&limit=1&format=csv`,
      { headers: { 'x-codexion-tenant': tenantA } },
    );
    expect(response.status).toBe(200);
    expect((await response.text()).split('\r\n')).toEqual([
      'Date,Voucher type,Voucher,Party,Remarks,Debit (EUR),Credit (EUR),Balance (EUR)',
      '2026-01-20,sales-invoice,SINV-1,"Adler, ""Eagle"" AG",,1190,0,1190',
      '2026-02-15,payment,PAY-1,"Adler, ""Eagle"" AG",,0,600,590',
      "2026-03-10,sales-invoice,SINV-2,'=Birke GmbH,,238,0,828",
      "2026-03-12,payment,PAY-2,'=Birke GmbH,,0,50,778",
      '',
    ]);
  });
});

describe('profit and loss, balance sheet, dashboard', () => {
  it('gives income, expense and the net result by account', async () => {
    const answer = await erp.call(
      'reportProfitAndLoss',
      'GET',
      '/reports/profit-and-loss?from=2026-01-01&to=2026-03-31',
    );
    expect(answer.contract).toEqual([]);
    const body = answer.body as {
      income: { rows: { number: string; amount: number }[]; total: number };
      expense: { rows: { number: string; amount: number }[]; total: number };
      netResult: number;
    };
    expect(body.income.rows.map((r) => [r.number, r.amount])).toEqual([
      ['4000', 120_000],
      ['4100', 100_000],
      ['4200', 20_000],
    ]);
    expect(body.expense.rows.map((r) => [r.number, r.amount])).toEqual([
      ['5000', 100_000],
      ['5300', 50_000],
      ['6000', 50_000],
      ['6100', 30_000],
      ['6200', 20_000],
    ]);
    expect([body.income.total, body.expense.total, body.netResult]).toEqual([120_000, 100_000, 20_000]);
    const february = await erp.call(
      'reportProfitAndLoss',
      'GET',
      '/reports/profit-and-loss?from=2026-02-01&to=2026-02-28',
    );
    expect(february.body.netResult).toBe(-70_000);
  });

  it('balances assets against liabilities, equity and the current result at any date', async () => {
    const march = await erp.call('reportBalanceSheet', 'GET', '/reports/balance-sheet?asOf=2026-03-31');
    expect(march.contract).toEqual([]);
    expect(march.body).toMatchObject({
      assets: { total: 1_092_800 },
      liabilities: { total: 72_800 },
      equity: { total: 1_000_000 },
      currentResult: 20_000,
      balanced: true,
      difference: 0,
    });
    const early = await erp.call('reportBalanceSheet', 'GET', '/reports/balance-sheet?asOf=2026-02-10');
    expect(early.body).toMatchObject({
      assets: { total: 1_119_000 },
      liabilities: { total: 69_000 },
      currentResult: 50_000,
      balanced: true,
    });
    for (const asOf of ['2026-01-04', '2026-01-31', '2026-02-28', '2026-03-15']) {
      const answer = await erp.call('reportBalanceSheet', 'GET', `/reports/balance-sheet?asOf=${asOf}`);
      expect(answer.body.balanced, asOf).toBe(true);
    }
    const rows = (march.body.assets as { rows: { number: string; amount: number; drill: unknown }[] }).rows;
    expect(rows.find((r) => r.number === '1200')).toMatchObject({
      amount: 77_800,
      drill: { accountId: account['1200'], from: '0001-01-01', to: '2026-03-31' },
    });
  });

  it('gives the dashboard its balances and twelve months of results', async () => {
    const answer = await erp.call('reportDashboard', 'GET', '/reports/dashboard?asOf=2026-03-31');
    expect(answer.contract).toEqual([]);
    expect(answer.body).toMatchObject({ cash: 1_015_000, receivables: 77_800, payables: 50_000 });
    const months = answer.body.months as { month: string; netResult: number }[];
    expect(months).toHaveLength(12);
    expect(months[0]?.month).toBe('2025-04');
    expect(months.slice(-3)).toEqual([
      { month: '2026-01', income: 100_000, expense: 0, netResult: 100_000 },
      { month: '2026-02', income: 0, expense: 70_000, netResult: -70_000 },
      { month: '2026-03', income: 20_000, expense: 30_000, netResult: -10_000 },
    ]);
  });
});

describe('aging', () => {
  it('buckets what each customer owes by days past due, advances apart', async () => {
    const answer = await erp.call('reportAging', 'GET', '/reports/aging?asOf=2026-03-31&kind=receivable');
    expect(answer.contract).toEqual([]);
    const rows = answer.body.rows as { partyId: string; openItems: number }[];
    expect(rows.find((r) => r.partyId === party.adler)).toMatchObject({
      openItems: 1,
      days31to60: 59_000,
      total: 59_000,
    });
    expect(rows.find((r) => r.partyId === party.birke)).toMatchObject({
      openItems: 2,
      notDue: 23_800,
      advances: -5_000,
      total: 18_800,
      drill: { accountId: account['1200'], partyId: party.birke, from: '0001-01-01', to: '2026-03-31' },
    });
    expect(answer.body.totals).toEqual({
      notDue: 23_800,
      days0to30: 0,
      days31to60: 59_000,
      days61to90: 0,
      over90: 0,
      advances: -5_000,
      total: 77_800,
    });
    const payable = await erp.call('reportAging', 'GET', '/reports/aging?asOf=2026-03-31&kind=payable');
    expect(payable.body.rows).toEqual([
      expect.objectContaining({ partyId: party.supplier, days0to30: 50_000, total: 50_000 }),
    ]);
  });

  it('ages at a past date from the ledger rows, and both sources agree today', async () => {
    const past = await erp.call('reportAging', 'GET', '/reports/aging?asOf=2026-02-10&kind=receivable');
    expect(past.body.rows).toEqual([
      expect.objectContaining({ partyId: party.adler, notDue: 119_000, total: 119_000 }),
    ]);
    const late = await erp.call('reportAging', 'GET', '/reports/aging?asOf=2026-06-30&kind=receivable');
    expect(late.body.totals).toMatchObject({ over90: 59_000, days61to90: 23_800, advances: -5_000 });
    const [fromOpenItems, fromLedger] = await erp.database.database.transaction(
      (tx) =>
        Promise.all([
          aging({ tx, tenantId: tenantA }, { asOf: '2026-03-31', kind: 'receivable', source: 'open-items' }),
          aging({ tx, tenantId: tenantA }, { asOf: '2026-03-31', kind: 'receivable', source: 'ledger' }),
        ]),
      { tenantId: tenantA },
    );
    expect(fromLedger).toEqual(fromOpenItems);
  });

  it('answers CSV and refuses an unknown kind', async () => {
    const response = await erp.kernel.app.request(
      '/api/erp/reports/aging?asOf=2026-03-31&kind=receivable&format=csv',
      {
        headers: { 'x-codexion-tenant': tenantA },
      },
    );
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      'Party,Open items,Not due (EUR),0-30 days (EUR),31-60 days (EUR),61-90 days (EUR),Over 90 days (EUR),Advances (EUR),Total (EUR)',
    );
    expect(lines).toContain('"Adler, ""Eagle"" AG",1,0,0,590,0,0,0,590');
    expect(lines).toContain("'=Birke GmbH,2,238,0,0,0,0,-50,188");
    const refused = await erp.call('reportAging', 'GET', '/reports/aging?asOf=2026-03-31&kind=both');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.errors)).toContain('/query/kind');
  });
});

describe('a document posted through its transition', () => {
  it('shows in the trial balance and the general ledger, its row drilling to the document', async () => {
    const created = await erp.call('createJournalEntry', 'POST', '/journal-entries', {
      body: {
        postingDate: '2026-11-16',
        currency: 'EUR',
        rateNano: 1_000_000_000,
        status: 'draft',
        lines: [
          { accountId: account['6300'], debit: 4_200, credit: 0 },
          { accountId: account['1120'], debit: 0, credit: 4_200 },
        ],
      },
    });
    expect(created.status).toBe(201);
    const posted = await erp.call(
      'transitionJournalEntry',
      'POST',
      `/journal-entries/${created.body.id}/transition`,
      {
        body: { to: 'posted' },
      },
    );
    expect(posted.status, posted.text).toBe(200);
    const { rows, totals } = await trialBalance('2026-11-01', '2026-11-30');
    expect(rows.find((r) => r.number === '6300')).toMatchObject({ opening: 0, debit: 4_200, closing: 4_200 });
    expect(totals).toMatchObject({ debit: 4_200, credit: 4_200 });
    const ledger = await generalLedger(`accountId=${account['6300']}&from=2026-11-01&to=2026-11-30`);
    expect(ledger.rows).toEqual([
      expect.objectContaining({
        voucherType: 'journal-entry',
        voucherId: created.body.id,
        voucherNo: posted.body.number,
        debit: 4_200,
        balance: 4_200,
      }),
    ]);
  });
});
