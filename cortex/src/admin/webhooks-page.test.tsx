import type { WebhookDelivery, WebhookEndpoint } from '@codexion/contracts/webhooks/types';
import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAdmin } from './admin-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

const erp: WebhookEndpoint = {
  id: '0190f3a0-0000-7000-8000-0000000000e1',
  url: 'https://erp.example.com/hooks',
  description: 'ERP',
  eventTypes: ['crm.deal.won'],
  enabled: true,
  createdAt: '2026-12-07T08:00:00.000Z',
  updatedAt: '2026-12-07T08:00:00.000Z',
};

function delivery(id: string, status: WebhookDelivery['status'], lastError: string | null): WebhookDelivery {
  return {
    id,
    endpointId: erp.id,
    eventId: '0190f3a0-0000-7000-8000-0000000000f1',
    eventType: 'crm.deal.won',
    status,
    attempts: status === 'failed' ? 8 : 1,
    lastResponseStatus: status === 'failed' ? 503 : 200,
    lastLatencyMs: 42,
    lastError,
    nextAttemptAt: null,
    createdAt: '2026-12-07T09:00:00.000Z',
    updatedAt: '2026-12-07T09:05:00.000Z',
  };
}

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** The webhooks API over `endpoints` and `deliveries`, as the server answers it. */
function webhookRoutes(endpoints: WebhookEndpoint[], deliveries: WebhookDelivery[]): FakeRoute[] {
  return [
    { method: 'GET', path: '/webhooks/endpoints', handle: () => ({ body: { items: endpoints } }) },
    {
      method: 'GET',
      path: '/webhooks/event-types',
      handle: () => ({ body: { items: ['crm.*', 'crm.deal.lost', 'crm.deal.won'] } }),
    },
    {
      method: 'POST',
      path: '/webhooks/endpoints',
      handle: ({ body }) => {
        const input = body as { url: string; eventTypes: string[] };
        if (input.url.startsWith('http:')) {
          return {
            status: 422,
            body: {
              code: 'VALIDATION_FAILED',
              detail: 'The request has invalid fields',
              errors: [{ path: '/body/url', code: 'url', message: 'The URL must use https in production' }],
            },
          };
        }
        const endpoint = { ...erp, id: '0190f3a0-0000-7000-8000-0000000000e2', description: null, ...input };
        endpoints.push(endpoint);
        return { status: 201, body: { endpoint, secret } };
      },
    },
    {
      method: 'GET',
      path: '/webhooks/endpoints/{id}/deliveries',
      handle: ({ params, query }) => {
        // newest first, keyset on the id, as the server pages them
        const size = Number(query.get('pageSize') ?? 50);
        const after = query.get('cursor');
        const mine = deliveries.filter((d) => d.endpointId === params.id && (after === null || d.id < after));
        const items = mine.slice(0, size);
        return { body: { items, nextCursor: mine.length > size ? (items.at(-1)?.id ?? null) : null } };
      },
    },
    {
      method: 'POST',
      path: '/webhooks/deliveries/{id}/redeliver',
      handle: ({ params }) => {
        const found = deliveries.find((d) => d.id === params.id);
        if (found === undefined)
          return { status: 404, body: { code: 'NOT_FOUND', detail: 'No such delivery' } };
        found.status = 'pending';
        return { status: 202, body: found };
      },
    },
    {
      method: 'POST',
      path: '/webhooks/endpoints/{id}/rotate-secret',
      handle: ({ params }) => ({
        body: { endpoint: endpoints.find((e) => e.id === params.id), secret: `${secret.slice(0, -4)}ROT8` },
      }),
    },
    {
      method: 'PATCH',
      path: '/webhooks/endpoints/{id}',
      handle: ({ params, body }) => {
        const found = endpoints.find((e) => e.id === params.id);
        if (found === undefined)
          return { status: 404, body: { code: 'NOT_FOUND', detail: 'No such endpoint' } };
        Object.assign(found, body);
        return { body: found };
      },
    },
    {
      method: 'DELETE',
      path: '/webhooks/endpoints/{id}',
      handle: ({ params }) => {
        endpoints.splice(
          endpoints.findIndex((e) => e.id === params.id),
          1,
        );
        return { status: 204 };
      },
    },
  ];
}

const endpointRows = async () => {
  const table = await screen.findByRole('table', { name: 'Endpoints' });
  return within(table).getAllByRole('row').slice(1);
};

describe('webhooks page', () => {
  it('lists the endpoints with their events and status', async () => {
    renderAdmin({ path: '/webhooks', routes: webhookRoutes([{ ...erp }], []) });
    const [row] = await endpointRows();
    expect(row?.textContent).toContain('https://erp.example.com/hookscrm.deal.wonEnabledERP');
  });

  it('creates an endpoint, shows the server’s field error, then the secret once', async () => {
    const endpoints: WebhookEndpoint[] = [];
    const { requests } = renderAdmin({ path: '/webhooks', routes: webhookRoutes(endpoints, []) });
    expect(await screen.findByText('No webhook endpoints')).toBeTruthy();
    await user().click(screen.getByRole('button', { name: 'New endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'New webhook endpoint' });
    await user().type(within(dialog).getByLabelText(/^URL/), 'http://erp.example.com/in');
    await user().click(await within(dialog).findByRole('checkbox', { name: 'crm.*' }));
    await user().click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    expect(await within(dialog).findByText('The URL must use https in production')).toBeTruthy();

    const url = within(dialog).getByLabelText(/^URL/);
    await user().clear(url);
    await user().type(url, 'https://erp.example.com/in');
    await user().click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    const shown = await screen.findByRole('dialog', { name: 'Copy the signing secret' });
    expect((within(shown).getByLabelText('Signing secret') as HTMLInputElement).value).toBe(secret);
    const posted = requests().filter((r) => r.method === 'POST' && r.url.endsWith('/api/webhooks/endpoints'));
    expect(posted.at(-1)?.body).toEqual({ url: 'https://erp.example.com/in', eventTypes: ['crm.*'] });
    const clipboard = user();
    await clipboard.click(within(shown).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(secret);
    await user().click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(async () => expect(await endpointRows()).toHaveLength(1));
    // the list never carries the secret
    expect(screen.queryByDisplayValue(secret)).toBeNull();
  });

  it('shows an endpoint’s delivery log and redelivers a failed delivery', async () => {
    const deliveries = [
      delivery('0190f3a0-0000-7000-8000-0000000000d2', 'failed', 'HTTP 503: busy'),
      delivery('0190f3a0-0000-7000-8000-0000000000d1', 'delivered', null),
    ];
    const { requests } = renderAdmin({ path: '/webhooks', routes: webhookRoutes([{ ...erp }], deliveries) });
    const [row] = await endpointRows();
    if (row === undefined) throw new Error('no rows');
    await user().click(within(row).getByRole('button', { name: 'Deliveries' }));
    const log = await screen.findByRole('table', { name: `Deliveries to ${erp.url}` });
    const [failed, delivered] = within(log).getAllByRole('row').slice(1);
    expect(failed?.textContent).toContain('Failed');
    expect(failed?.textContent).toContain('503 · 42 ms');
    expect(failed?.textContent).toContain('HTTP 503: busy');
    expect(delivered?.textContent).toContain('Delivered');
    if (failed === undefined) throw new Error('no failed row');
    await user().click(within(failed).getByRole('button', { name: 'Redeliver' }));
    await waitFor(() =>
      expect(requests().map((r) => `${r.method} ${r.url.split('?')[0]}`)).toContain(
        'POST /api/webhooks/deliveries/0190f3a0-0000-7000-8000-0000000000d2/redeliver',
      ),
    );
    // pending again: no second redelivery while it is attempted
    await waitFor(() => expect(within(failed).getByText('Pending')).toBeTruthy());
    expect((within(failed).getByRole('button', { name: 'Redeliver' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('pages a long delivery log', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      delivery(`0190f3a0-0000-7000-8000-${String(999 - i).padStart(12, '0')}`, 'delivered', null),
    );
    renderAdmin({ path: '/webhooks', routes: webhookRoutes([{ ...erp }], many) });
    const [row] = await endpointRows();
    if (row === undefined) throw new Error('no rows');
    await user().click(within(row).getByRole('button', { name: 'Deliveries' }));
    const log = await screen.findByRole('table', { name: `Deliveries to ${erp.url}` });
    expect(within(log).getAllByRole('row')).toHaveLength(51);
    await user().click(screen.getByRole('button', { name: 'Load older deliveries' }));
    await waitFor(() => expect(within(log).getAllByRole('row')).toHaveLength(61));
    expect(screen.queryByRole('button', { name: 'Load older deliveries' })).toBeNull();
  });

  it('disables an endpoint and enables it again', async () => {
    const { requests } = renderAdmin({ path: '/webhooks', routes: webhookRoutes([{ ...erp }], []) });
    const [row] = await endpointRows();
    if (row === undefined) throw new Error('no rows');
    await user().click(within(row).getByRole('button', { name: /^More actions for / }));
    await user().click(await screen.findByRole('menuitem', { name: 'Disable' }));
    await waitFor(async () => expect((await endpointRows())[0]?.textContent).toContain('Disabled'));
    expect(requests().find((r) => r.method === 'PATCH')?.body).toEqual({ enabled: false });
    const [again] = await endpointRows();
    await user().click(within(again as HTMLElement).getByRole('button', { name: /^More actions for / }));
    await user().click(await screen.findByRole('menuitem', { name: 'Enable' }));
    await waitFor(async () => expect((await endpointRows())[0]?.textContent).toContain('Enabled'));
  });

  it('rotates a secret after a confirmation and shows the new one', async () => {
    renderAdmin({ path: '/webhooks', routes: webhookRoutes([{ ...erp }], []) });
    const [row] = await endpointRows();
    if (row === undefined) throw new Error('no rows');
    await user().click(within(row).getByRole('button', { name: /^More actions for / }));
    await user().click(await screen.findByRole('menuitem', { name: 'Rotate secret' }));
    const confirm = await screen.findByRole('dialog', { name: 'Rotate the signing secret?' });
    await user().click(within(confirm).getByRole('button', { name: 'Rotate secret' }));
    const shown = await screen.findByRole('dialog', { name: 'Copy the signing secret' });
    expect((within(shown).getByLabelText('Signing secret') as HTMLInputElement).value).toMatch(/ROT8$/);
  });

  it('deletes an endpoint after a confirmation', async () => {
    renderAdmin({ path: '/webhooks', routes: webhookRoutes([{ ...erp }], []) });
    const [row] = await endpointRows();
    if (row === undefined) throw new Error('no rows');
    await user().click(within(row).getByRole('button', { name: /^More actions for / }));
    await user().click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete this endpoint?' });
    await user().click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No webhook endpoints')).toBeTruthy();
  });

  it('offers no writes to a session that may only read', async () => {
    renderAdmin({
      path: '/webhooks',
      permissions: ['prefiq:webhooks:read'],
      routes: webhookRoutes([{ ...erp }], []),
    });
    const [row] = await endpointRows();
    expect(screen.queryByRole('button', { name: 'New endpoint' })).toBeNull();
    expect(within(row as HTMLElement).queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(within(row as HTMLElement).getByRole('button', { name: 'Deliveries' })).toBeTruthy();
  });
});
