import { Toaster } from '@codexion/resources';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../api/problem-error.js';
import { validateRecord } from '../entity/validate-record.js';
import { createI18n } from '../i18n/create-i18n.js';
import { LocaleProvider } from '../locale/locale-provider.js';
import { salesCatalog } from '../testing/sales-fixture.js';
import type { ActionDeclaration } from './action-declaration.js';
import { ActionDialog } from './action-dialog.js';

/** A shop's "ship an order" action, as its `core/actions/ship-order.json` declares it. */
const shipOrder: ActionDeclaration = {
  id: 'shipOrder',
  permission: 'shop:order:ship',
  request: {
    type: 'object',
    additionalProperties: false,
    required: ['trackingCode', 'carrier'],
    properties: {
      trackingCode: { type: 'string', minLength: 6, maxLength: 40 },
      carrier: { type: 'string', enum: ['dhl', 'ups'] },
      parcels: { type: 'integer', minimum: 1, title: 'Parcels' },
      shippedOn: { type: 'string', format: 'date' },
    },
  },
};

interface ShipOrderBody {
  [key: string]: unknown;
  trackingCode: string;
  carrier: 'dhl' | 'ups';
  parcels?: number;
  shippedOn?: string;
}

const shopCatalog = {
  actions: {
    shipOrder: {
      fields: { trackingCode: 'Tracking code' },
      placeholders: { trackingCode: '1Z999AA10123456784' },
      help: { parcels: 'Boxes, not pallets' },
      options: { carrier: { dhl: 'DHL Express' } },
    },
  },
};

function problem(status: number, errors: { path: string; code: string; message: string }[], detail?: string) {
  return new ProblemError({ type: 'about:blank', title: 'Refused', status, detail, errors });
}

function renderDialog({
  run = vi.fn(async (_input: ShipOrderBody) => ({ shipped: true })),
  check,
}: {
  run?: (input: ShipOrderBody) => Promise<unknown>;
  check?: (input: ShipOrderBody) => { path: string; code: string; message: string }[];
} = {}) {
  const onOpenChange = vi.fn();
  const onDone = vi.fn();
  const i18n = createI18n({ resources: { en: { shop: shopCatalog } } });
  render(
    <LocaleProvider i18n={i18n}>
      <Toaster />
      <ActionDialog<ShipOrderBody>
        action={shipOrder}
        title="Ship order"
        description="Where the parcels went"
        submitLabel="Ship"
        initialValues={{ shippedOn: '2026-12-07' }}
        check={check}
        run={run}
        onDone={onDone}
        open
        onOpenChange={onOpenChange}
      />
    </LocaleProvider>,
  );
  return { run, onOpenChange, onDone, dialog: screen.getByRole('dialog', { name: 'Ship order' }) };
}

const user = () => userEvent.setup({ delay: null });

async function fillValid(dialog: HTMLElement) {
  const u = user();
  await u.type(within(dialog).getByRole('textbox', { name: /Tracking code/ }), '1Z999AA1');
  await u.click(within(dialog).getByRole('combobox', { name: /Carrier/ }));
  await u.click(await screen.findByRole('option', { name: 'DHL Express' }));
  await u.type(within(dialog).getByRole('textbox', { name: /Parcels/ }), '2');
  return u;
}

describe('ActionDialog', () => {
  it("renders one control per property of the action's request schema, labelled from the app's catalog", () => {
    const { dialog } = renderDialog();
    const code = within(dialog).getByRole('textbox', { name: /Tracking code/ });
    expect(code.getAttribute('aria-required')).toBe('true');
    expect(code.getAttribute('placeholder')).toBe('1Z999AA10123456784');
    expect(
      within(dialog)
        .getByRole('combobox', { name: /Carrier/ })
        .getAttribute('aria-required'),
    ).toBe('true');
    // the schema's `title`, then the name in words, where the catalog says nothing
    const parcels = within(dialog).getByRole('textbox', { name: /Parcels/ });
    expect(parcels.getAttribute('inputmode')).toBe('decimal');
    expect(parcels.getAttribute('aria-required')).toBeNull();
    const hint = within(dialog).getByText('Boxes, not pallets');
    expect(parcels.getAttribute('aria-describedby')).toContain(hint.id);
    expect(within(dialog).getByRole('button', { name: /Shipped on/ })).toBeTruthy();
  });

  it('refuses bad input in the browser with the field messages, sending nothing', async () => {
    const { run, dialog } = renderDialog();
    const u = user();
    await u.type(within(dialog).getByRole('textbox', { name: /Tracking code/ }), '1Z');
    await u.type(within(dialog).getByRole('textbox', { name: /Parcels/ }), '0');
    await u.click(within(dialog).getByRole('button', { name: 'Ship' }));
    expect(await within(dialog).findByText('must be at least 6 characters long')).toBeTruthy();
    expect(within(dialog).getByText('is required')).toBeTruthy();
    expect(within(dialog).getByText('must be 1 or more')).toBeTruthy();
    expect(run).not.toHaveBeenCalled();
  });

  it("puts the check's message on its field before the schema's", async () => {
    const check = (input: ShipOrderBody) =>
      input.carrier === 'ups'
        ? []
        : [{ path: '/carrier', code: 'carrier-closed', message: 'DHL takes no parcels today' }];
    const { run, dialog } = renderDialog({ check });
    const u = user();
    await u.type(within(dialog).getByRole('textbox', { name: /Tracking code/ }), '1Z999AA1');
    // no carrier chosen: the schema says "is required", the check says why in the domain's words
    await u.click(within(dialog).getByRole('button', { name: 'Ship' }));
    const message = await within(dialog).findByText('DHL takes no parcels today');
    const carrier = within(dialog).getByRole('combobox', { name: /Carrier/ });
    expect(carrier.getAttribute('aria-describedby')).toContain(message.id);
    expect(within(dialog).queryByText('is required')).toBeNull();
    expect(run).not.toHaveBeenCalled();
  });

  it('sends the typed input, then closes and hands over the answer', async () => {
    const { run, onOpenChange, onDone, dialog } = renderDialog();
    const u = await fillValid(dialog);
    await u.click(within(dialog).getByRole('button', { name: 'Ship' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ shipped: true }));
    expect(run).toHaveBeenCalledWith({
      trackingCode: '1Z999AA1',
      carrier: 'dhl',
      parcels: 2,
      shippedOn: '2026-12-07',
    });
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it("puts a server 422's field error on its field and keeps the dialog open", async () => {
    const run = vi.fn(async () => {
      throw problem(422, [{ path: '/body/trackingCode', code: 'unique', message: 'is already used' }]);
    });
    const { onOpenChange, dialog } = renderDialog({ run });
    const u = await fillValid(dialog);
    await u.click(within(dialog).getByRole('button', { name: 'Ship' }));
    const message = await within(dialog).findByText('is already used');
    const code = within(dialog).getByRole('textbox', { name: /Tracking code/ });
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('aria-describedby')).toContain(message.id);
    expect(onOpenChange).not.toHaveBeenCalledWith(false);
    expect(screen.queryByText('Refused')).toBeNull();
  });

  it('reports a problem that names no field of the form in a toast', async () => {
    const run = vi.fn(async () => {
      throw problem(409, [], 'The order has already shipped');
    });
    const { onDone, dialog } = renderDialog({ run });
    const u = await fillValid(dialog);
    await u.click(within(dialog).getByRole('button', { name: 'Ship' }));
    expect(await screen.findByText('The order has already shipped')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it("labels an entity's field as the entity does, resolves its $refs and says its rules in the app's words", async () => {
    const opportunity = salesCatalog().entity('opportunity');
    const loseOpportunity: ActionDeclaration = {
      id: 'loseOpportunity',
      permission: 'sales:opportunity:lose',
      entity: 'opportunity',
      request: {
        type: 'object',
        required: ['lostReason'],
        properties: {
          lostReason: { type: 'string', minLength: 1, maxLength: 500 },
          billTo: { $ref: 'address.schema.json' },
        },
      },
    };
    const i18n = createI18n({
      locale: 'de',
      resources: {
        de: {
          sales: {
            opportunity: {
              fields: { lostReason: 'Verlustgrund' },
              rules: { 'lost-needs-reason': 'Sagen Sie, warum die Chance verloren ging' },
            },
            actions: { loseOpportunity: { fields: { billTo: 'Rechnungsadresse' } } },
          },
        },
      },
    });
    const run = vi.fn(async () => ({}));
    render(
      <LocaleProvider i18n={i18n} locale="de">
        <ActionDialog<{ lostReason: string }>
          action={loseOpportunity}
          entity={opportunity}
          title="Verloren"
          description="Warum?"
          submitLabel="Als verloren markieren"
          check={(input) =>
            validateRecord(opportunity, { title: 'Big', status: 'lost', ...input }).filter(
              (issue) => issue.path === '/lostReason',
            )
          }
          run={run}
          open
          onOpenChange={() => undefined}
        />
      </LocaleProvider>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Verloren' });
    const reason = within(dialog).getByRole('textbox', { name: /Verlustgrund/ });
    // `billTo` is the app's address schema: a group of its fields, named by the action's catalog entry
    expect(within(dialog).getByRole('group', { name: 'Rechnungsadresse' })).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: /City/ })).toBeTruthy();
    await user().click(within(dialog).getByRole('button', { name: 'Als verloren markieren' }));
    const message = await within(dialog).findByText('Sagen Sie, warum die Chance verloren ging');
    expect(reason.getAttribute('aria-describedby')).toContain(message.id);
    expect(run).not.toHaveBeenCalled();
  });
});
