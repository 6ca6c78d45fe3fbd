import { todayIn } from '@codexion/web';
import '@codexion/web/testing/setup-dom';
import { type FakeRoute, fakeId, renderModule } from '@codexion/web/testing';
import { addDays, endOfMonth } from './dashboard/dashboard-figures.js';
import module, { entities } from './module.js';

/** Today as the app sees it in the tests' time zone (renderModule uses UTC). */
export const today = todayIn('UTC');

/** Named ids, so tests can say which record they mean. */
export const ids = {
  newBusiness: fakeId(101),
  expansion: fakeId(102),
  qualified: fakeId(201),
  proposal: fakeId(202),
  negotiation: fakeId(203),
  upsell: fakeId(211),
  acme: fakeId(301),
  globex: fakeId(302),
  jane: fakeId(401),
  lena: fakeId(402),
  bigDeal: fakeId(501),
  smallDeal: fakeId(502),
  usdDeal: fakeId(503),
  wonDeal: fakeId(504),
  lostDeal: fakeId(505),
  zeroDeal: fakeId(506),
  call: fakeId(601),
  overdueTask: fakeId(602),
  doneNote: fakeId(603),
};

/**
 * A small CRM with known figures: two pipelines, three open EUR deals of 10,000 + 2,500 + 0 € and a
 * USD one, one deal won and one lost this month, an activity due today and one overdue, and a
 * lead (Lena) without a company.
 */
export function crmRecords(): Record<string, Record<string, unknown>[]> {
  const closedAt = `${today}T09:00:00.000Z`;
  const deal = (id: string, title: string, extra: Record<string, unknown>) => ({
    id,
    title,
    companyId: ids.acme,
    primaryContactId: ids.jane,
    currency: 'EUR',
    pipelineId: ids.newBusiness,
    stageId: ids.qualified,
    status: 'open',
    ...extra,
  });
  return {
    pipelines: [
      { id: ids.newBusiness, name: 'New Business', position: 1 },
      { id: ids.expansion, name: 'Expansion', position: 2 },
    ],
    stages: [
      {
        id: ids.negotiation,
        pipelineId: ids.newBusiness,
        name: 'Negotiation',
        position: 3,
        probability: 0.6,
      },
      { id: ids.qualified, pipelineId: ids.newBusiness, name: 'Qualified', position: 1, probability: 0.2 },
      { id: ids.proposal, pipelineId: ids.newBusiness, name: 'Proposal', position: 2, probability: 0.4 },
      { id: ids.upsell, pipelineId: ids.expansion, name: 'Upsell', position: 1, probability: 0.3 },
    ],
    companies: [
      { id: ids.acme, name: 'Acme GmbH', domain: 'acme.de', tagIds: [] },
      { id: ids.globex, name: 'Globex Ltd', domain: 'globex.co.uk', tagIds: [] },
    ],
    people: [
      { id: ids.jane, firstName: 'Jane', lastName: 'Doe', name: 'Jane Doe', companyId: ids.acme, tagIds: [] },
      {
        id: ids.lena,
        firstName: 'Lena',
        lastName: 'Lead',
        name: 'Lena Lead',
        email: 'lena@nordwind-labs.de',
        tagIds: [],
      },
    ],
    deals: [
      deal(ids.bigDeal, 'Acme: Platform', {
        amount: 1_000_000,
        probability: 0.5,
        rank: '50',
        expectedCloseDate: endOfMonth(today),
      }),
      deal(ids.smallDeal, 'Acme: Training', {
        amount: 250_000,
        probability: 0.2,
        rank: '51',
        stageId: ids.proposal,
      }),
      deal(ids.usdDeal, 'Globex: Pilot', {
        amount: 900_000,
        currency: 'USD',
        companyId: ids.globex,
        rank: '52',
      }),
      deal(ids.zeroDeal, 'Acme: Unpriced idea', { rank: '53' }),
      deal(ids.wonDeal, 'Acme: Licences', { amount: 300_000, status: 'won', probability: 1, closedAt }),
      deal(ids.lostDeal, 'Globex: Audit', {
        amount: 400_000,
        status: 'lost',
        lostReason: 'Budget',
        probability: 0,
        closedAt,
      }),
    ],
    activities: [
      {
        id: ids.call,
        type: 'call',
        subject: 'Call Jane about pricing',
        dueDate: today,
        dueTime: '10:00',
        done: false,
        companyId: ids.acme,
        dealId: ids.bigDeal,
        personId: ids.jane,
      },
      {
        id: ids.overdueTask,
        type: 'task',
        subject: 'Send the proposal',
        dueDate: addDays(today, -3),
        done: false,
        companyId: ids.acme,
        dealId: ids.bigDeal,
      },
      {
        id: ids.doneNote,
        type: 'note',
        subject: 'Kick-off notes',
        dueDate: addDays(today, -10),
        done: true,
        doneAt: `${addDays(today, -10)}T12:00:00.000Z`,
        companyId: ids.acme,
      },
    ],
  };
}

/**
 * The CRM module on the fake API with {@link crmRecords} at `path`, answering the app's actions
 * through `routes`.
 *
 * @example
 * const { api } = renderCrm('/deals/board');
 */
export function renderCrm(path: string, { routes = [] as FakeRoute[] } = {}) {
  return renderModule({ module, catalog: entities, path, records: crmRecords(), routes });
}

/** The requests the app sent, as `METHOD /path` lines. */
export function requestLines(api: { requests: { method: string; url: string }[] }): string[] {
  return api.requests.map((request) => `${request.method} ${request.url.split('?')[0]}`);
}
