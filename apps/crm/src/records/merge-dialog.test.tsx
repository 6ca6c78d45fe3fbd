import type { FakeRoute } from '@codexion/web/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderCrm } from '../crm-test-data.test-helper.js';

const user = () => userEvent.setup({ delay: null });
const merge: FakeRoute = {
  method: 'POST',
  path: '/companies/{id}/merge',
  handle: ({ params, body, tables }) => {
    const duplicateIds = (body as { duplicateIds: string[] }).duplicateIds;
    for (const row of tables.get('companies') ?? [])
      if (duplicateIds.includes(String(row.id))) row.deletedAt = 'now';
    const company = tables.get('companies')?.find((row) => row.id === params.id);
    return { body: { company, mergedIds: duplicateIds, moved: { people: 0, deals: 0, activities: 0 } } };
  },
};

describe('merge duplicates', () => {
  it('merges the picked duplicate into the record the user keeps', async () => {
    const { api, router } = renderCrm(`/companies/${ids.globex}`, { routes: [merge] });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Merge duplicates' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge duplicates of Globex Ltd' });
    const search = within(dialog).getByRole('textbox', { name: 'Find another record' });
    await u.clear(search);
    await u.type(search, 'Acme');
    await u.click(await within(dialog).findByRole('checkbox', { name: /Acme GmbH/ }));
    // keep Acme, fold Globex into it
    await u.click(within(dialog).getByRole('radio', { name: /Acme GmbH/ }));
    await u.click(within(dialog).getByRole('button', { name: 'Merge 1 record' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/companies/${ids.acme}`));
    const request = api.requests.find((candidate) => candidate.url.endsWith('/merge'));
    expect(request?.url).toBe(`/api/crm/companies/${ids.acme}/merge`);
    expect(request?.body).toEqual({ duplicateIds: [ids.globex] });
  });

  it('cannot merge before a duplicate is picked', async () => {
    renderCrm(`/companies/${ids.globex}`, { routes: [merge] });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Merge duplicates' }));
    const dialog = await screen.findByRole('dialog');
    const button = within(dialog).getAllByRole('button', { name: 'Merge duplicates' }).at(-1);
    expect(button?.hasAttribute('disabled')).toBe(true);
  });
});
