import { fakeId } from './fake-api.js';

type Row = Record<string, unknown>;

const stages = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
const tiers = ['standard', 'gold', 'platinum'] as const;
const names = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark',
  'Wayne',
  'Wonka',
  'Tyrell',
  'Cyberdyne',
];

/**
 * Demo records for the sales fixture: accounts get ids 1…n (the fake API numbers records in the
 * order it reads them, accounts first), opportunities point at them.
 *
 * @example
 * createFakeApi({ catalog, records: seedSales({ accounts: 10, opportunities: 40 }) })
 */
export function seedSales({ accounts = 10, opportunities = 30, tasks = 5 } = {}): Record<string, Row[]> {
  const accountRows: Row[] = Array.from({ length: accounts }, (_, index) => ({
    name: `${names[index % names.length]}${index >= names.length ? ` ${Math.floor(index / names.length) + 1}` : ''}`,
    domain: `${(names[index % names.length] ?? 'x').toLowerCase()}${index >= names.length ? index : ''}.example`,
    tier: tiers[index % tiers.length],
    employees: 10 + ((index * 37) % 500),
    tags: index % 2 ? ['key'] : [],
  }));
  const opportunityRows: Row[] = Array.from({ length: opportunities }, (_, index) => ({
    title: `Deal ${String(index + 1).padStart(3, '0')}`,
    accountId: fakeId((index % Math.max(accounts, 1)) + 1),
    amount: 100_000 + ((index * 7919) % 900_000),
    currency: 'EUR',
    stage: stages[index % stages.length],
    status: 'open',
    expectedClose: `2025-0${(index % 9) + 1}-15`,
    probability: ((index % 10) + 1) / 10,
  }));
  const taskRows: Row[] = Array.from({ length: tasks }, (_, index) => ({
    subject: `Follow up ${index + 1}`,
    opportunityId: fakeId(accounts + (index % Math.max(opportunities, 1)) + 1),
    done: index % 2 === 0,
    dueAt: `2025-02-0${(index % 9) + 1}T09:30:00.000Z`,
  }));
  return { accounts: accountRows, opportunities: opportunityRows, tasks: taskRows };
}
