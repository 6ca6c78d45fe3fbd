import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import chart from '../../core/templates/standard-chart.json' with { type: 'json' };
import { type ErpKernel, erpKernel, tenantB } from '../erp-kernel.test-helper.js';

let erp: ErpKernel;

beforeAll(async () => {
  erp = await erpKernel();
}, 120_000);

afterAll(async () => {
  await erp?.dispose();
});

function countAccounts(nodes: readonly { children?: readonly unknown[] }[]): number {
  return nodes.reduce(
    (sum, node) => sum + 1 + countAccounts((node.children ?? []) as { children?: unknown[] }[]),
    0,
  );
}

describe('setup-company', () => {
  it('refuses a fiscal year that does not start on the first of a month, and writes nothing', async () => {
    const refused = await erp.call('setupCompany', 'POST', '/company/setup', {
      body: { companyName: 'Nordwind GmbH', baseCurrency: 'EUR', fiscalYearStart: '2026-01-15' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { path: '/body/fiscalYearStart', code: 'first-of-month', message: 'must be the first day of a month' },
    ]);
    const accounts = await erp.call('listAccounts', 'GET', '/accounts');
    expect(accounts.body.items).toEqual([]);
  });

  it('sets the company up: settings wired to the standard chart, a fiscal year of twelve open periods', async () => {
    const created = await erp.call('setupCompany', 'POST', '/company/setup', {
      body: { companyName: 'Nordwind GmbH', baseCurrency: 'EUR', fiscalYearStart: '2026-01-01' },
    });
    expect(created.status).toBe(201);
    expect(created.contract).toEqual([]);
    expect(created.body).toMatchObject({ companyName: 'Nordwind GmbH', baseCurrency: 'EUR', lockDate: null });
    const accounts = await erp.call('listAccounts', 'GET', '/accounts?pageSize=100');
    const items = accounts.body.items as { id: string; number: string; isGroup: boolean; rootType: string }[];
    expect(items).toHaveLength(countAccounts(chart.accounts));
    const byId = new Map(items.map((account) => [account.id, account]));
    expect(byId.get(String(created.body.receivableAccountId))).toMatchObject({
      number: '1200',
      isGroup: false,
    });
    expect(byId.get(String(created.body.salesAccountId))).toMatchObject({
      number: '4100',
      rootType: 'income',
    });
    const periods = await erp.call(
      'listAccountingPeriods',
      'GET',
      '/accounting-periods?pageSize=50&sort=startDate',
    );
    const names = (
      periods.body.items as { name: string; startDate: string; endDate: string; status: string }[]
    ).map((p) => `${p.name} ${p.startDate}..${p.endDate} ${p.status}`);
    expect(names).toHaveLength(12);
    expect(names[0]).toBe('2026-01 2026-01-01..2026-01-31 open');
    expect(names[1]).toBe('2026-02 2026-02-01..2026-02-28 open');
    expect(names[11]).toBe('2026-12 2026-12-01..2026-12-31 open');
  });

  it('sets a company up once: 409 the second time', async () => {
    const again = await erp.call('setupCompany', 'POST', '/company/setup', {
      body: { companyName: 'Other', baseCurrency: 'USD', fiscalYearStart: '2026-01-01' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('COMPANY_ALREADY_SET_UP');
  });

  it('opens the next fiscal year, refuses an overlapping one, and needs a company', async () => {
    const next = await erp.call('openFiscalYear', 'POST', '/fiscal-years/open', {
      body: { startDate: '2027-01-01' },
    });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ name: '2027', startDate: '2027-01-01', endDate: '2027-12-31' });
    const overlap = await erp.call('openFiscalYear', 'POST', '/fiscal-years/open', {
      body: { startDate: '2027-07-01' },
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.errors).toEqual([
      { path: '/body/startDate', code: 'overlap', message: 'overlaps the fiscal year 2027' },
    ]);
    const none = await erp.call('openFiscalYear', 'POST', '/fiscal-years/open', {
      body: { startDate: '2026-01-01' },
      tenant: tenantB,
    });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('COMPANY_NOT_SET_UP');
  });
});
