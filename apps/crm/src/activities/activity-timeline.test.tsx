import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderCrm, requestLines } from '../crm-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });

describe('activity timeline on a record', () => {
  it("groups a company's activities: overdue, upcoming, done", async () => {
    renderCrm(`/companies/${ids.acme}`);
    const overdue = await screen.findByRole('region', { name: 'Overdue' });
    expect(within(overdue).getByText('Send the proposal')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Upcoming' })).getByText('Call Jane about pricing'),
    ).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Done' })).getByText('Kick-off notes')).toBeTruthy();
  });

  it('logs an activity on a deal, linked to the deal, its company and its contact', async () => {
    const { api } = renderCrm(`/deals/${ids.bigDeal}`);
    const u = user();
    const composer = await screen.findByRole('form', { name: 'New activity' });
    await u.click(within(composer).getByRole('radio', { name: 'Meeting' }));
    await u.type(within(composer).getByRole('textbox', { name: 'Subject' }), 'Demo with the board');
    await u.click(within(composer).getByRole('button', { name: 'Add activity' }));
    await waitFor(() => expect(requestLines(api)).toContain('POST /api/crm/activities'));
    expect(api.requests.find((request) => request.method === 'POST')?.body).toMatchObject({
      type: 'meeting',
      subject: 'Demo with the board',
      done: false,
      dealId: ids.bigDeal,
      companyId: ids.acme,
      personId: ids.jane,
    });
    expect(await screen.findByRole('link', { name: 'Demo with the board' })).toBeTruthy();
  });

  it("shows the activity rule's message instead of sending a task without a date", async () => {
    const { api } = renderCrm(`/deals/${ids.bigDeal}`);
    const u = user();
    const composer = await screen.findByRole('form', { name: 'New activity' });
    await u.click(within(composer).getByRole('radio', { name: 'Task' }));
    await u.type(within(composer).getByRole('textbox', { name: 'Subject' }), 'Chase the signature');
    await u.clear(within(composer).getByLabelText('Date'));
    await u.click(within(composer).getByRole('button', { name: 'Add activity' }));
    expect((await within(composer).findByRole('alert')).textContent).toBe('A task needs a due date');
    expect(requestLines(api)).not.toContain('POST /api/crm/activities');
  });

  it('ticks an activity done with a merge patch guarded by its version', async () => {
    const { api } = renderCrm(`/companies/${ids.acme}`);
    const u = user();
    await u.click(await screen.findByRole('checkbox', { name: 'Mark “Send the proposal” done' }));
    await waitFor(() => expect(requestLines(api)).toContain(`PATCH /api/crm/activities/${ids.overdueTask}`));
    const patch = api.requests.find((request) => request.method === 'PATCH');
    expect(patch?.body).toEqual({ done: true });
    expect(patch?.headers['if-match']).toBe('"1"');
    expect(
      await within(await screen.findByRole('region', { name: 'Done' })).findByText('Send the proposal'),
    ).toBeTruthy();
  });
});
