import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeId } from '../testing/fake-api.js';
import { renderSalesApp } from '../testing/render-sales-app.js';

const user = () => userEvent.setup({ delay: null });

/** The error text a field's control points at through aria-describedby. */
function errorOf(control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('generated create form', () => {
  it('shows the rule message before submitting, then creates the record', async () => {
    const { api, router } = renderSalesApp({ path: '/opportunities/new' });
    const u = user();
    const title = await screen.findByRole('textbox', { name: /Title/ });
    // schema defaults fill the form; read-only system fields are no inputs at all
    expect((screen.getByRole('textbox', { name: /Currency/ }) as HTMLInputElement).value).toBe('EUR');
    expect(screen.queryByRole('textbox', { name: /Created/ })).toBeNull();
    expect(screen.queryByText('Version')).toBeNull();

    await u.type(title, 'Big renewal');
    await u.click(screen.getByRole('combobox', { name: /Account/ }));
    await u.click(await screen.findByRole('option', { name: 'Globex' }));
    await u.click(screen.getByRole('combobox', { name: /Status/ }));
    await u.click(await screen.findByRole('option', { name: 'Won' }));
    // the same JSON Logic rule file as the server's, evaluated in the browser
    const amount = screen.getByRole('textbox', { name: /Amount/ });
    await waitFor(() =>
      expect(errorOf(amount)).toContain('A won opportunity needs an amount greater than zero'),
    );
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    await u.type(amount, '1234.5');
    await waitFor(() => expect(errorOf(amount)).not.toContain('A won opportunity'));
    expect(errorOf(amount)).toContain('€1,234.50');
    await u.type(screen.getByRole('textbox', { name: /Probability/ }), '40');
    await u.click(screen.getByRole('button', { name: 'Create Opportunity' }));

    await waitFor(() => expect(api.requests.some((request) => request.method === 'POST')).toBe(true));
    const post = api.requests.find((request) => request.method === 'POST');
    expect(post?.body).toEqual({
      title: 'Big renewal',
      accountId: fakeId(2),
      amount: 123450,
      currency: 'EUR',
      stage: 'lead',
      status: 'won',
      probability: 0.4,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Big renewal' })).toBeTruthy();
    expect(router.state.location.pathname).toMatch(/^\/opportunities\/0{8}-/);
  });

  it('puts a server field error (problem+json errors[].path) on its field', async () => {
    renderSalesApp({ path: '/accounts/new' });
    const u = user();
    await u.type(await screen.findByRole('textbox', { name: /Name/ }), 'Acme again');
    // acme.example belongs to Acme: only the server knows (a unique key), the form cannot
    const domain = screen.getByRole('textbox', { name: /Domain/ });
    await u.type(domain, 'acme.example');
    await u.click(screen.getByRole('button', { name: 'Create Account' }));
    await waitFor(() => expect(errorOf(domain)).toContain('is already taken'));
    expect(domain.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(domain);
  });

  it('validates embedded objects and JSON with the schema', async () => {
    renderSalesApp({ path: '/tasks/new' });
    const u = user();
    await u.type(await screen.findByRole('textbox', { name: /Subject/ }), 'Call back');
    const meta = screen.getByRole('textbox', { name: /Meta/ });
    await u.click(meta);
    await u.paste('{"a": ');
    await u.tab();
    await waitFor(() => expect(errorOf(meta)).toContain('is not valid JSON'));
    expect(screen.getByRole('switch', { name: /Done/ })).toBeTruthy();
  });
});

describe('generated edit form', () => {
  it('sends a merge patch of the changed fields only, with If-Match', async () => {
    const { api } = renderSalesApp({ path: `/accounts/${fakeId(1)}/edit` });
    const u = user();
    const name = await screen.findByRole('textbox', { name: /Name/ });
    expect((name as HTMLInputElement).value).toBe('Acme');
    await u.clear(name);
    await u.type(name, 'Acme Corp');
    await u.type(screen.getByRole('textbox', { name: /City/ }), 'Berlin');
    await u.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.requests.some((request) => request.method === 'PATCH')).toBe(true));
    const patch = api.requests.find((request) => request.method === 'PATCH');
    expect(patch?.url).toBe(`/api/sales/accounts/${fakeId(1)}`);
    expect(patch?.body).toEqual({ name: 'Acme Corp', address: { city: 'Berlin' } });
    expect(patch?.headers['if-match']).toBe('"1"');
    expect(patch?.headers['content-type']).toBe('application/merge-patch+json');
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Corp' })).toBeTruthy();
  });

  it('offers a reload when someone else changed the record (412)', async () => {
    const { api } = renderSalesApp({ path: `/accounts/${fakeId(1)}/edit` });
    const u = user();
    const name = await screen.findByRole('textbox', { name: /Name/ });
    api.touch('accounts', fakeId(1), { name: 'Acme (renamed elsewhere)' });
    await u.type(name, ' Ltd');
    await u.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this record');
    await u.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: /Name/ }) as HTMLInputElement).value).toBe(
        'Acme (renamed elsewhere)',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reports a failure that names no field in a toast', async () => {
    const { api } = renderSalesApp({ path: '/accounts/new' });
    const answer = api.fetch;
    // the server falls over on this write
    api.fetch = async (input, init) =>
      (init?.method ?? (input instanceof Request ? input.method : 'GET')) === 'POST'
        ? new Response(JSON.stringify({ title: 'Internal', status: 500, requestId: 'req-42', errors: [] }), {
            status: 500,
            headers: { 'content-type': 'application/problem+json' },
          })
        : answer(input, init);
    const u = user();
    await u.type(await screen.findByRole('textbox', { name: /Name/ }), 'Northwind');
    await u.click(screen.getByRole('button', { name: 'Create Account' }));
    expect(
      await screen.findByText('Something went wrong on the server. Try again in a moment.'),
    ).toBeTruthy();
    expect(screen.getByText('req-42')).toBeTruthy();
  });
});
