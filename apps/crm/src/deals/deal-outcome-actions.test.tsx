import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderCrm, requestLines } from '../crm-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });
const wonNeedsAmount = 'A won deal needs a value greater than zero';

/** win and lose as the server answers them: the rule's own words when it refuses. */
const routes: FakeRoute[] = [
  {
    method: 'POST',
    path: '/deals/{id}/win',
    handle: ({ params, tables }) => {
      const deal = tables.get('deals')?.find((row) => row.id === params.id);
      if (!deal) return { status: 404 };
      if (!(typeof deal.amount === 'number' && deal.amount > 0)) {
        return {
          status: 422,
          body: {
            detail: wonNeedsAmount,
            errors: [{ path: '/amount', code: 'won-needs-amount', message: wonNeedsAmount }],
          },
        };
      }
      Object.assign(deal, {
        status: 'won',
        probability: 1,
        closedAt: '2026-11-16T10:00:00.000Z',
        version: 2,
      });
      return { body: deal };
    },
  },
  {
    method: 'POST',
    path: '/deals/{id}/lose',
    handle: ({ params, body, tables }) => {
      const deal = tables.get('deals')?.find((row) => row.id === params.id);
      const lostReason = (body as { lostReason?: string }).lostReason;
      Object.assign(deal ?? {}, {
        status: 'lost',
        lostReason,
        probability: 0,
        closedAt: '2026-11-16T10:00:00.000Z',
      });
      return { body: deal };
    },
  },
];

describe('win and lose on a deal', () => {
  it('marks a deal won through winDeal and shows the outcome', async () => {
    const { api } = renderCrm(`/deals/${ids.bigDeal}`, { routes });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Won' }));
    await waitFor(() => expect(requestLines(api)).toContain(`POST /api/crm/deals/${ids.bigDeal}/win`));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Won on /);
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeTruthy();
  });

  it("shows the server's message when a deal without value cannot be won", async () => {
    renderCrm(`/deals/${ids.zeroDeal}`, { routes });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Won' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(wonNeedsAmount)).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Edit deal' }).getAttribute('href')).toBe(
      `/deals/${ids.zeroDeal}/edit`,
    );
  });

  it('asks why before losing, with the rule’s message for an empty reason, then sends the reason', async () => {
    const { api } = renderCrm(`/deals/${ids.bigDeal}`, { routes });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Lost' }));
    const dialog = await screen.findByRole('dialog', { name: 'Why was “Acme: Platform” lost?' });
    await u.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    expect(await within(dialog).findByText('Say why the deal was lost')).toBeTruthy();
    expect(requestLines(api)).not.toContain(`POST /api/crm/deals/${ids.bigDeal}/lose`);
    const reason = within(dialog).getByRole('textbox', { name: /Lost reason/ });
    expect(reason.getAttribute('placeholder')).toBe('Chose a competitor on price');
    await u.type(reason, 'Chose a competitor');
    await u.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    await waitFor(() => expect(requestLines(api)).toContain(`POST /api/crm/deals/${ids.bigDeal}/lose`));
    expect(api.requests.find((request) => request.url.endsWith('/lose'))?.body).toEqual({
      lostReason: 'Chose a competitor',
    });
    expect((await screen.findByRole('status')).textContent).toMatch(/^Lost on .*Chose a competitor/);
  });

  it("puts the server's refusal of the reason on the reason field and keeps the dialog open", async () => {
    const tooVague = 'Say more than one word';
    const refusing: FakeRoute[] = [
      ...routes.filter((route) => !route.path.endsWith('/lose')),
      {
        method: 'POST',
        path: '/deals/{id}/lose',
        handle: () => ({
          status: 422,
          body: {
            detail: tooVague,
            errors: [{ path: '/body/lostReason', code: 'too-vague', message: tooVague }],
          },
        }),
      },
    ];
    renderCrm(`/deals/${ids.bigDeal}`, { routes: refusing });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Lost' }));
    const dialog = await screen.findByRole('dialog', { name: 'Why was “Acme: Platform” lost?' });
    const reason = within(dialog).getByRole('textbox', { name: /Lost reason/ });
    await u.type(reason, 'Price');
    await u.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    const message = await within(dialog).findByText(tooVague);
    expect(reason.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByRole('dialog', { name: 'Why was “Acme: Platform” lost?' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
