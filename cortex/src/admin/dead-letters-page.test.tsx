import type { DeadLetter } from '@codexion/contracts/events/types';
import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAdmin } from './admin-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

function letters(): DeadLetter[] {
  return [
    {
      consumer: 'erp',
      eventId: '0190f3a0-0000-7000-8000-000000000001',
      event: 'crm.deal.won',
      aggregateKey: 'crm.deal:42',
      occurredAt: '2026-12-07T08:00:00.000Z',
      payload: { dealId: '42' },
      attempts: 8,
      lastError: 'Error: the ledger is down',
      deadSince: '2026-12-07T09:00:00.000Z',
    },
    {
      consumer: 'lms',
      eventId: '0190f3a0-0000-7000-8000-000000000002',
      event: 'crm.deal.won',
      aggregateKey: 'crm.deal:43',
      occurredAt: '2026-12-07T08:01:00.000Z',
      payload: { dealId: '43' },
      attempts: 8,
      lastError: null,
      deadSince: '2026-12-07T09:01:00.000Z',
    },
  ];
}

function deadLetterRoutes(list: DeadLetter[]): FakeRoute[] {
  const remove = (consumer: string | undefined, eventId: string | undefined) => {
    const at = list.findIndex((letter) => letter.consumer === consumer && letter.eventId === eventId);
    if (at < 0) return { status: 404, body: { code: 'NOT_FOUND', detail: 'No such dead letter' } };
    list.splice(at, 1);
    return { status: 204 };
  };
  return [
    {
      method: 'GET',
      path: '/events/dead-letters',
      handle: () => ({ body: { items: list, nextCursor: null } }),
    },
    {
      method: 'POST',
      path: '/events/dead-letters/{consumer}/{eventId}/retry',
      handle: ({ params }) => remove(params.consumer, params.eventId),
    },
    {
      method: 'DELETE',
      path: '/events/dead-letters/{consumer}/{eventId}',
      handle: ({ params }) => remove(params.consumer, params.eventId),
    },
  ];
}

const rows = async () => {
  const table = await screen.findByRole('table', { name: 'Dead letters' });
  return within(table).getAllByRole('row').slice(1);
};

describe('dead letters page', () => {
  it('lists each dead letter with its consumer, aggregate, attempts and last error', async () => {
    renderAdmin({ path: '/dead-letters', routes: deadLetterRoutes(letters()) });
    const [first, second] = await rows();
    expect(first?.textContent).toContain('crm.deal.wonerpcrm.deal:428Error: the ledger is down');
    expect(second?.textContent).toContain('lms');
  });

  it('retries one through the events API, and the list reloads without it', async () => {
    const { requests } = renderAdmin({ path: '/dead-letters', routes: deadLetterRoutes(letters()) });
    const [first] = await rows();
    if (first === undefined) throw new Error('no rows');
    await user().click(within(first).getByRole('button', { name: 'Retry' }));
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    expect(requests().map((r) => `${r.method} ${r.url.split('?')[0]}`)).toContain(
      'POST /api/events/dead-letters/erp/0190f3a0-0000-7000-8000-000000000001/retry',
    );
  });

  it('discards one after a confirmation', async () => {
    const { requests } = renderAdmin({ path: '/dead-letters', routes: deadLetterRoutes(letters()) });
    const [, second] = await rows();
    if (second === undefined) throw new Error('no rows');
    await user().click(within(second).getByRole('button', { name: 'Discard' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard this dead letter?' });
    await user().click(within(dialog).getByRole('button', { name: 'Discard' }));
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    expect(
      requests().some(
        (r) => r.method === 'DELETE' && r.url.endsWith('/lms/0190f3a0-0000-7000-8000-000000000002'),
      ),
    ).toBe(true);
  });

  it('says so when there is none', async () => {
    renderAdmin({ path: '/dead-letters', routes: deadLetterRoutes([]) });
    expect(await screen.findByText('No dead letters: every event reached its consumers.')).toBeTruthy();
  });
});
