import type { AuditEntry } from '@codexion/contracts/audit/types';
import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorOf, ids, listRoute, members, renderAdmin } from './admin-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

const hash = (n: number) => String(n).repeat(64).slice(0, 64);

function entry(seq: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    tenantId: ids.tenant,
    seq,
    at: `2025-03-0${seq}T10:00:00Z`,
    actorType: 'user',
    actor: ids.grace,
    action: 'update',
    entity: 'crm.deal',
    recordId: 'deal-42',
    diff: { amount: { before: 100, after: 250 } },
    requestId: null,
    metadata: null,
    prevHash: hash(seq - 1),
    hash: hash(seq),
    ...extra,
  };
}

const newest: AuditEntry[] = [
  entry(3, {
    diff: {
      title: { before: 'Old', after: 'New' },
      amount: { before: 100, after: 250 },
      stage: { before: 'a', after: 'b' },
      owner: { after: 'x' },
    },
  }),
  entry(2, { action: 'create', actor: 'system', actorType: 'system', diff: { title: { after: 'Old' } } }),
];
const older: AuditEntry[] = [
  entry(1, { action: 'login', entity: null, recordId: null, diff: null, actor: ids.ada }),
];

function auditRoutes(log: FakeRoute['handle']): FakeRoute[] {
  return [{ method: 'GET', path: '/audit/log', handle: log }, listRoute('/tenancy/members', members)];
}

const paged: FakeRoute['handle'] = ({ query }) =>
  query.get('cursor') === 'page-2'
    ? { body: { items: older, nextCursor: null } }
    : { body: { items: newest, nextCursor: 'page-2' } };

describe('audit log', () => {
  it('lists time, actor, action, resource and a summary of the changes, a page at a time', async () => {
    const { requests } = renderAdmin({ path: '/audit', routes: auditRoutes(paged) });
    const table = await screen.findByRole('table', { name: 'Entries' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(first?.textContent).toContain('Mar 3, 2025');
    expect(first?.textContent).toContain('Grace Hopper');
    expect(first?.textContent).toContain('Updated');
    expect(first?.textContent).toContain('title, amount, stage and 1 more');
    expect(
      within(first as HTMLElement)
        .getByRole('link', { name: 'History of crm.deal deal-42' })
        .getAttribute('href'),
    ).toBe('/audit/crm.deal/deal-42');
    expect(second?.textContent).toContain('System');
    expect(second?.textContent).toContain('Created');

    await user().click(screen.getByRole('button', { name: 'Load older entries' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(within(table).getAllByRole('row')[3]?.textContent).toContain('Signed in');
    expect(screen.queryByRole('button', { name: 'Load older entries' })).toBeNull();
    expect(
      requests()
        .map((request) => request.url)
        .filter((url) => url.startsWith('/api/audit')),
    ).toEqual(['/api/audit/log?pageSize=50', '/api/audit/log?pageSize=50&cursor=page-2']);
    // the links of the loaded chain hold
    expect(screen.getByText('Chain links intact')).toBeTruthy();
  });

  it('filters by actor, resource, action and time, kept in the URL', async () => {
    const { requests, router } = renderAdmin({ path: '/audit', routes: auditRoutes(paged) });
    const u = user();
    await screen.findByRole('table', { name: 'Entries' });
    await u.click(screen.getByRole('combobox', { name: 'Actor' }));
    await u.click(await screen.findByRole('option', { name: 'Grace Hopper' }));
    await u.click(screen.getByRole('combobox', { name: 'Action' }));
    await u.click(await screen.findByRole('option', { name: 'Updated' }));
    await u.type(screen.getByRole('textbox', { name: /Resource/ }), 'crm.deal');
    const from = screen.getByLabelText('From');
    await u.type(from, '2025-03-01T00:00');
    await u.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(router.state.location.search).toContain('actor='));
    const last = requests()
      .filter((request) => request.url.startsWith('/api/audit/log'))
      .at(-1);
    const query = new URL(last?.url ?? '', 'http://localhost').searchParams;
    expect(query.get('actor')).toBe(ids.grace);
    expect(query.get('action')).toBe('update');
    expect(query.get('entity')).toBe('crm.deal');
    expect(query.get('from')).toBe(new Date('2025-03-01T00:00').toISOString());
    expect(query.get('to')).toBeNull();
  });

  it("puts the server's refusal of a filter on that filter", async () => {
    renderAdmin({
      path: '/audit?entity=deal',
      routes: auditRoutes(({ query }) =>
        query.get('entity') === 'deal'
          ? {
              status: 400,
              body: {
                code: 'INVALID_PARAMETER',
                errors: [{ path: '/query/entity', code: 'pattern', message: 'must match "app.entity"' }],
              },
            }
          : paged({ query } as Parameters<typeof paged>[0]),
      ),
    });
    const entity = await screen.findByRole('textbox', { name: /Resource/ });
    await waitFor(() => expect(errorOf(entity)).toContain('must match "app.entity"'));
    expect(screen.getByText('Fix the filters marked above')).toBeTruthy();
  });

  it("shows one record's history with each change's before and after", async () => {
    const { requests, router } = renderAdmin({
      path: '/audit/crm.deal/deal-42',
      routes: [
        {
          method: 'GET',
          path: '/audit/records/{entity}/{id}/history',
          handle: ({ params }) => ({
            body: { items: params.id === 'deal-42' ? newest : [], nextCursor: null },
          }),
        },
        listRoute('/tenancy/members', members),
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'History of a crm.deal record' }),
    ).toBeTruthy();
    const changes = await screen.findByRole('table', { name: 'Changes of Mar 3, 2025, 10:00 AM' });
    const rows = within(changes)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ['title', 'Old', 'New'],
      ['amount', '100', '250'],
      ['stage', 'a', 'b'],
      ['owner', '—', 'x'],
    ]);
    expect(
      requests().some((request) => request.url.startsWith('/api/audit/records/crm.deal/deal-42/history')),
    ).toBe(true);
    const trail = screen.getByRole('navigation', { name: 'You are here' });
    await user().click(within(trail).getByRole('link', { name: 'Audit log' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/audit'));
  });
});
