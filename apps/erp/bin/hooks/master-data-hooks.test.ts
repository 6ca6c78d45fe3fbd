import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, type ErpKernel, erpKernel, setUpCompany } from '../erp-kernel.test-helper.js';
import { countRows, createItem, postEntry } from '../stock/stock.test-helper.js';

/**
 * The master data's guards through the API, on one booted kernel (PGlite, or PostgreSQL with
 * DATABASE_URL): each refusal answers its code and field path and leaves the data as it was.
 */
let erp: ErpKernel;
let account: Record<string, string>;
let customer: string;

type Row = Record<string, unknown>;

/** The master data's resources: operation type name and path. */
const resources = {
  accounts: 'Account',
  'cost-centers': 'CostCenter',
  warehouses: 'Warehouse',
  parties: 'Party',
  currencies: 'Currency',
  'exchange-rates': 'ExchangeRate',
  'company-settings': 'CompanySettings',
} as const;
type Resource = keyof typeof resources;

const tables: Record<Resource, string> = {
  accounts: 'accounts',
  'cost-centers': 'cost_centers',
  warehouses: 'warehouses',
  parties: 'parties',
  currencies: 'currencies',
  'exchange-rates': 'exchange_rates',
  'company-settings': 'company_settings',
};

function create(resource: Resource, body: Row): Promise<Answer> {
  return erp.call(`create${resources[resource]}`, 'POST', `/${resource}`, { body });
}

async function created(resource: Resource, body: Row): Promise<string> {
  const answer = await create(resource, body);
  expect(answer.status, answer.text).toBe(201);
  return String(answer.body.id);
}

/** The record's ETag, for the If-Match every change needs. */
async function etagOf(resource: Resource, id: string): Promise<string> {
  const current = await erp.call(`get${resources[resource]}`, 'GET', `/${resource}/${id}`);
  return String(current.headers.get('etag'));
}

async function patch(resource: Resource, id: string, body: Row): Promise<Answer> {
  const headers = { 'if-match': await etagOf(resource, id) };
  return erp.call(`update${resources[resource]}`, 'PATCH', `/${resource}/${id}`, { body, headers });
}

async function remove(resource: Resource, id: string): Promise<Answer> {
  const headers = { 'if-match': await etagOf(resource, id) };
  return erp.call(`delete${resources[resource]}`, 'DELETE', `/${resource}/${id}`, { headers });
}

async function get(resource: Resource, id: string): Promise<Row> {
  return (await erp.call(`get${resources[resource]}`, 'GET', `/${resource}/${id}`)).body;
}

/** The answer is the refusal `code` with `status`, naming `paths` of the body in any order (when given), within the contract. */
function expectRefusal(answer: Answer, status: number, code: string, paths?: string[]): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.contract).toEqual([]);
  expect(answer.body.code).toBe(code);
  if (paths !== undefined) {
    const named = (answer.body.errors as { path: string }[]).map((issue) => issue.path);
    expect(named.sort()).toEqual(paths.map((path) => `/body${path}`).sort());
  }
}

/** A refused create: its code and path, and no row more in the table. */
async function refusedCreate(resource: Resource, body: Row, code: string, path: string): Promise<void> {
  const before = await countRows(erp, tables[resource]);
  expectRefusal(await create(resource, body), 422, code, [path]);
  expect(await countRows(erp, tables[resource])).toBe(before);
}

/** A refused PATCH: its status, code and paths, and the record as it was (same version). */
async function refusedPatch(
  resource: Resource,
  id: string,
  body: Row,
  status: number,
  code: string,
  paths: string[],
): Promise<void> {
  const before = await get(resource, id);
  expectRefusal(await patch(resource, id, body), status, code, paths);
  expect(await get(resource, id)).toEqual(before);
}

/** Posts a journal entry in EUR (or `extra`'s currency) dated 2026-03-10 and answers its id. */
async function postJournal(lines: Row[], extra: Row = {}): Promise<string> {
  const draft = await erp.call('createJournalEntry', 'POST', '/journal-entries', {
    body: {
      postingDate: '2026-03-10',
      memo: 'Guards',
      currency: 'EUR',
      rateNano: 1_000_000_000,
      lines,
      ...extra,
    },
  });
  expect(draft.status, draft.text).toBe(201);
  const posted = await erp.call(
    'transitionJournalEntry',
    'POST',
    `/journal-entries/${draft.body.id}/transition`,
    {
      body: { to: 'posted' },
    },
  );
  expect(posted.status, posted.text).toBe(200);
  return String(draft.body.id);
}

beforeAll(async () => {
  erp = await erpKernel();
  account = await setUpCompany(erp);
  customer = await created('parties', {
    kind: 'customer',
    name: 'Acme AG',
    currency: 'EUR',
    paymentTermsDays: 30,
  });
}, 180_000);

afterAll(async () => {
  await erp?.dispose();
});

const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const ledger = (number: string) => String(account[number]);

describe(`the chart of accounts on ${db}`, () => {
  it('refuses a parent that is a ledger account, unknown, or of another root type, writing nothing', async () => {
    const base = {
      number: '1130',
      name: 'Petty cash',
      rootType: 'asset',
      accountType: 'cash',
      isGroup: false,
    };
    await refusedCreate('accounts', { ...base, parentId: ledger('1120') }, 'VALIDATION_FAILED', '/parentId');
    await refusedCreate(
      'accounts',
      { ...base, parentId: '00000000-0000-4000-8000-000000000999' },
      'VALIDATION_FAILED',
      '/parentId',
    );
    await refusedCreate(
      'accounts',
      { ...base, rootType: 'expense', parentId: ledger('1100') },
      'VALIDATION_FAILED',
      '/rootType',
    );
    const petty = await create('accounts', { ...base, parentId: ledger('1100') });
    expect(petty.status, petty.text).toBe(201);
    expect(petty.contract).toEqual([]);
  });

  it('refuses a receivable or payable group account at /accountType', async () => {
    await refusedCreate(
      'accounts',
      {
        number: '1250',
        name: 'Receivables',
        rootType: 'asset',
        accountType: 'receivable',
        isGroup: true,
        parentId: ledger('1100'),
      },
      'VALIDATION_FAILED',
      '/accountType',
    );
    await refusedPatch('accounts', ledger('1100'), { accountType: 'receivable' }, 422, 'VALIDATION_FAILED', [
      '/accountType',
    ]);
  });

  it('refuses a cycle: the account itself or one under it as parent, at /parentId', async () => {
    await refusedPatch('accounts', ledger('1000'), { parentId: ledger('1100') }, 422, 'VALIDATION_FAILED', [
      '/parentId',
    ]);
    await refusedPatch('accounts', ledger('1100'), { parentId: ledger('1100') }, 422, 'VALIDATION_FAILED', [
      '/parentId',
    ]);
    // a move to a group of the same root that is not below it is fine
    const moved = await patch('accounts', ledger('1600'), { parentId: ledger('1100') });
    expect(moved.status, moved.text).toBe(200);
    expect((await patch('accounts', ledger('1600'), { parentId: ledger('1000') })).status).toBe(200);
  });

  it('keeps a group with children a group, with its root type', async () => {
    await refusedPatch('accounts', ledger('1600'), { isGroup: false }, 422, 'VALIDATION_FAILED', [
      '/isGroup',
    ]);
    await refusedPatch('accounts', ledger('2500'), { rootType: 'equity' }, 422, 'VALIDATION_FAILED', [
      '/rootType',
    ]);
  });

  it('fixes kind, type and currency once the account has ledger rows, and refuses its delete (409)', async () => {
    // unused: it may still change, and go
    expect((await patch('accounts', ledger('6600'), { accountType: 'other' })).status).toBe(200);
    const gone = await remove('accounts', ledger('6600'));
    expect(gone.status, gone.text).toBe(204);

    await postJournal([
      { accountId: ledger('6200'), debit: 5_000, credit: 0 },
      { accountId: ledger('1120'), debit: 0, credit: 5_000 },
    ]);
    const ledgerRows = await countRows(erp, 'gl_entries');
    const rent = ledger('6200');
    await refusedPatch('accounts', rent, { accountType: 'other' }, 409, 'LEDGER_IN_USE', ['/accountType']);
    await refusedPatch('accounts', rent, { currency: 'USD' }, 409, 'LEDGER_IN_USE', ['/currency']);
    await refusedPatch('accounts', rent, { isGroup: true }, 409, 'LEDGER_IN_USE', ['/isGroup']);
    await refusedPatch(
      'accounts',
      rent,
      { rootType: 'income', parentId: ledger('4000') },
      409,
      'LEDGER_IN_USE',
      ['/rootType'],
    );
    const refused = await remove('accounts', rent);
    expectRefusal(refused, 409, 'LEDGER_IN_USE');
    expect((await get('accounts', rent)).number).toBe('6200');
    expect(await countRows(erp, 'gl_entries')).toBe(ledgerRows);
    // what the rows do not depend on may still change
    expect((await patch('accounts', rent, { name: 'Office rent' })).status).toBe(200);
  });
});

describe(`the company's default accounts on ${db}`, () => {
  it('refuses a default account of the wrong kind or a group, one issue per field', async () => {
    const list = await erp.call('listCompanySettings', 'GET', '/company-settings');
    const [settings] = list.body.items as { id: string }[];
    const id = String(settings?.id);
    await refusedPatch(
      'company-settings',
      id,
      {
        receivableAccountId: ledger('2110'),
        payableAccountId: ledger('1200'),
        bankAccountId: ledger('1100'),
        salesAccountId: ledger('5300'),
        purchaseAccountId: ledger('4100'),
        cogsAccountId: ledger('1300'),
        retainedEarningsAccountId: ledger('3000'),
      },
      422,
      'VALIDATION_FAILED',
      [
        '/receivableAccountId',
        '/payableAccountId',
        '/bankAccountId',
        '/salesAccountId',
        '/purchaseAccountId',
        '/cogsAccountId',
        '/retainedEarningsAccountId',
      ],
    );
    await refusedPatch(
      'company-settings',
      id,
      { roundOffAccountId: ledger('6000') },
      422,
      'VALIDATION_FAILED',
      ['/roundOffAccountId'],
    );
    const cash = await patch('company-settings', id, { bankAccountId: ledger('1110') });
    expect(cash.status, cash.text).toBe(200);
  });
});

describe(`cost center and warehouse trees on ${db}`, () => {
  /** The main cost center or warehouse setup-company made. */
  async function mainOf(resource: 'cost-centers' | 'warehouses'): Promise<string> {
    const list = await erp.call(`list${resources[resource]}s`, 'GET', `/${resource}`);
    const [main] = list.body.items as { id: string }[];
    return String(main?.id);
  }

  it.each(['cost-centers', 'warehouses'] as const)(
    'holds %s to the parent rules: a group parent, no cycle, a group with children stays one',
    async (resource) => {
      const main = await mainOf(resource);
      await refusedCreate(
        resource,
        { name: 'Shelf', isGroup: false, parentId: main },
        'VALIDATION_FAILED',
        '/parentId',
      );
      const region = await created(resource, { name: 'North', isGroup: true });
      const depot = await created(resource, { name: 'Depot', isGroup: true, parentId: region });
      await refusedPatch(resource, region, { parentId: depot }, 422, 'VALIDATION_FAILED', ['/parentId']);
      await refusedPatch(resource, region, { isGroup: false }, 422, 'VALIDATION_FAILED', ['/isGroup']);
      expect((await patch(resource, depot, { isGroup: false })).status).toBe(200);
    },
  );

  it('keeps a cost center with ledger rows a ledger cost center', async () => {
    const main = await mainOf('cost-centers');
    await postJournal([
      { accountId: ledger('6300'), debit: 700, credit: 0, costCenterId: main },
      { accountId: ledger('1120'), debit: 0, credit: 700 },
    ]);
    await refusedPatch('cost-centers', main, { isGroup: true }, 409, 'LEDGER_IN_USE', ['/isGroup']);
  });

  it('keeps a warehouse with stock moves a ledger warehouse', async () => {
    const main = await mainOf('warehouses');
    const item = await createItem(erp);
    const received = await postEntry(erp, {
      kind: 'receipt',
      lines: [{ itemId: item, toWarehouseId: main, qty: 2, unitCost: 100 }],
    });
    expect(received.status, received.text).toBe(200);
    await refusedPatch('warehouses', main, { isGroup: true }, 409, 'LEDGER_IN_USE', ['/isGroup']);
  });
});

describe(`parties on ${db}`, () => {
  it('takes only a receivable account for a customer and a payable one for a supplier', async () => {
    const party = { name: 'Initech', currency: 'EUR', paymentTermsDays: 14 };
    await refusedCreate(
      'parties',
      { ...party, kind: 'customer', accountId: ledger('2110') },
      'VALIDATION_FAILED',
      '/accountId',
    );
    await refusedCreate(
      'parties',
      { ...party, kind: 'supplier', accountId: ledger('1200') },
      'VALIDATION_FAILED',
      '/accountId',
    );
    const own = await created('parties', { ...party, kind: 'supplier', accountId: ledger('2110') });
    await refusedPatch('parties', own, { accountId: ledger('4100') }, 422, 'VALIDATION_FAILED', [
      '/accountId',
    ]);
  });

  it('fixes the kind of a party with ledger rows', async () => {
    await postJournal([
      { accountId: ledger('1200'), debit: 900, credit: 0, partyId: customer },
      { accountId: ledger('4100'), debit: 0, credit: 900 },
    ]);
    await refusedPatch('parties', customer, { kind: 'supplier' }, 409, 'LEDGER_IN_USE', ['/kind']);
  });
});

describe(`currencies and exchange rates on ${db}`, () => {
  it('fixes a currency’s exponent once enabled', async () => {
    const [eur] = (await erp.call('listCurrencies', 'GET', '/currencies')).body.items as { id: string }[];
    await refusedPatch('currencies', String(eur?.id), { exponent: 3 }, 409, 'LEDGER_IN_USE', ['/exponent']);
  });

  it('keeps the rate of a day with postings in that currency, and lets the others change', async () => {
    await created('currencies', { code: 'USD', name: 'US Dollar', exponent: 2 });
    const used = await created('exchange-rates', {
      currency: 'USD',
      date: '2026-03-10',
      rateNano: 920_000_000,
    });
    const free = await created('exchange-rates', {
      currency: 'USD',
      date: '2026-03-11',
      rateNano: 921_000_000,
    });
    await postJournal(
      [
        { accountId: ledger('6200'), debit: 1_000, credit: 0 },
        { accountId: ledger('1120'), debit: 0, credit: 1_000 },
      ],
      { currency: 'USD', rateNano: 920_000_000 },
    );
    await refusedPatch('exchange-rates', used, { rateNano: 930_000_000 }, 409, 'LEDGER_IN_USE', [
      '/rateNano',
    ]);
    expectRefusal(await remove('exchange-rates', used), 409, 'LEDGER_IN_USE');
    expect((await get('exchange-rates', used)).rateNano).toBe(920_000_000);
    expect((await patch('exchange-rates', free, { rateNano: 922_000_000 })).status).toBe(200);
  });
});
