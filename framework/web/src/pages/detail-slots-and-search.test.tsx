import '../testing/setup-dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defineAppModule } from '../module/define-app-module.js';
import { RecordSearch } from '../search/record-search.js';
import { SearchHostProvider } from '../search/search-host.js';
import { fakeId } from '../testing/fake-api.js';
import { renderModule } from '../testing/render-module.js';
import { salesCatalog } from '../testing/sales-fixture.js';
import { createResourceRoutes } from './create-resource-routes.js';
import type { DetailSlotProps } from './resource-detail-page.js';

const user = () => userEvent.setup({ delay: null });

function app() {
  const catalog = salesCatalog();
  const module = defineAppModule({
    manifest: { name: 'sales', title: 'Sales', nav: [{ label: 'Accounts', path: '/accounts' }] },
    routes: [
      ...createResourceRoutes(catalog.entity('account'), {
        detailSlots: async () => ({
          actions: ({ record }: DetailSlotProps) => <button type="button">Call {String(record.name)}</button>,
          aside: ({ id }: DetailSlotProps) => <section aria-label="Timeline">timeline of {id}</section>,
        }),
      }),
      ...createResourceRoutes(catalog.entity('opportunity')),
    ],
    shellActions: async () => () => (
      <RecordSearch entities={[catalog.entity('account'), catalog.entity('opportunity')]} />
    ),
  });
  return { module, catalog };
}

const records = {
  accounts: [
    { id: fakeId(11), name: 'Acme' },
    { id: fakeId(12), name: 'Globex' },
  ],
  opportunities: [
    {
      id: fakeId(21),
      title: 'Acme renewal',
      accountId: fakeId(11),
      stage: 'lead',
      status: 'open',
      currency: 'EUR',
    },
  ],
};

describe('extension points of the generated pages', () => {
  it("renders an app's detail slots with the record: actions beside Edit, the aside on top", async () => {
    const { module, catalog } = app();
    renderModule({ module, catalog, path: `/accounts/${fakeId(11)}`, records });
    expect(await screen.findByRole('button', { name: 'Call Acme' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Timeline' }).textContent).toBe(`timeline of ${fakeId(11)}`);
  });

  it('searches several entities from the top bar and opens the hit', async () => {
    const { module, catalog } = app();
    const { router, api } = renderModule({ module, catalog, path: '/accounts', records });
    const u = user();
    await u.click(await screen.findByRole('button', { name: /Search/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Search' });
    await u.type(within(dialog).getByRole('combobox'), 'acme');
    await u.click(await within(dialog).findByRole('option', { name: 'Acme renewal' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/opportunities/${fakeId(21)}`));
    expect(api.requests.some((request) => request.url.startsWith('/api/sales/accounts?q=acme'))).toBe(true);
  });

  it('inside a shell with its own search, it shows nothing and leaves Ctrl+K to the shell', async () => {
    const { catalog } = app();
    let opened = 0;
    const module = defineAppModule({
      manifest: { name: 'sales', title: 'Sales', nav: [{ label: 'Accounts', path: '/accounts' }] },
      routes: createResourceRoutes(catalog.entity('account')),
      shellActions: async () => () => (
        <SearchHostProvider host={{ open: () => (opened += 1) }}>
          <RecordSearch entities={[catalog.entity('account')]} />
        </SearchHostProvider>
      ),
    });
    renderModule({ module, catalog, path: '/accounts', records });
    const u = user();
    await screen.findByRole('heading', { name: 'Accounts', level: 1 });
    expect(screen.queryByRole('button', { name: /^Search/ })).toBeNull();
    await u.keyboard('{Control>}k{/Control}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opened).toBe(0);
  });
});
