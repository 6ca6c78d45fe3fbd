import { readFileSync } from 'node:fs';
import { type AppModel, buildOpenApi, type OpenApiDocument } from '@codexion/schema';
import { formatProblem, lintOpenApi } from '@codexion/schema/testing';
import { describe, expect, it } from 'vitest';
import { billingModel, billingOpenApi } from './http-test-app.test-helper.js';
import { mergeOpenApi } from './merge-openapi.js';

/** Every `$ref` in `value`. */
function refsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsOf(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refsOf(child, found);
    }
  }
  return found;
}

function resolves(doc: OpenApiDocument, ref: string): boolean {
  let node: unknown = doc;
  for (const token of ref.replace(/^#\//, '').split('/')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[token] : undefined;
  }
  return node !== undefined;
}

/** A second app whose `Invoice` differs from billing's, so the two clash. */
function ledgerOpenApi(): OpenApiDocument {
  const model = billingModel('ledger');
  const [invoice] = model.entities;
  if (invoice === undefined) throw new Error('no invoice');
  invoice.schema = {
    ...invoice.schema,
    properties: { ...invoice.schema.properties, ledgerCode: { type: 'string' } },
  };
  return buildOpenApi(model);
}

describe('mergeOpenApi', () => {
  const billing = billingOpenApi();
  const ledger = ledgerOpenApi();
  const merged = mergeOpenApi([
    { name: 'billing', openapi: billing },
    { name: 'ledger', openapi: ledger },
  ]);

  it('contains every app path under /api/<app>', () => {
    for (const [name, doc] of [
      ['billing', billing],
      ['ledger', ledger],
    ] as const) {
      for (const path of Object.keys(doc.paths)) expect(merged.paths).toHaveProperty([`/api/${name}${path}`]);
    }
    expect(Object.keys(merged.paths)).toHaveLength(Object.keys(billing.paths).length * 2);
  });

  it('shares equal components and prefixes clashing ones, every ref resolving', () => {
    const schemas = Object.keys(merged.components.schemas);
    expect(schemas).toContain('Problem');
    expect(schemas).toEqual(
      expect.arrayContaining(['BillingInvoice', 'LedgerInvoice', 'BillingInvoiceCreate']),
    );
    expect(schemas).not.toContain('Invoice');
    expect(merged.components.parameters).toHaveProperty('Cursor');
    const refs = refsOf(merged);
    expect(refs).toContain('#/components/schemas/LedgerInvoice');
    for (const ref of refs) expect(resolves(merged, ref), ref).toBe(true);
  });

  it('keeps operationIds unique and groups tags by app', () => {
    const ids = Object.values(merged.paths).flatMap((item) =>
      Object.values(item).map((op) => op?.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('billingListInvoices');
    expect(merged['x-tagGroups']).toEqual([
      { name: 'billing app', tags: expect.any(Array) },
      { name: 'ledger app', tags: expect.any(Array) },
    ]);
    expect(merged.security).toEqual(billing.security);
  });

  it('leaves a single app as it is, apart from the mount prefix', () => {
    const single = mergeOpenApi([{ name: 'billing', openapi: billing }], { title: 'Billing' });
    expect(single.info).toEqual({ title: 'Billing', version: '0.1.0', description: expect.any(String) });
    // OWASP API9: a server says its audience and its environment
    expect(single.servers).toEqual([
      { url: '/', description: expect.stringContaining('production'), 'x-internal': false },
    ]);
    expect(single.components.schemas).toEqual(billing.components.schemas);
    expect(single.paths['/api/billing/invoices/{id}']?.get?.operationId).toBe('getInvoice');
  });

  it('merges the sales fixture app', () => {
    const url = new URL('../../../cli/fixtures/sales/core/generated/openapi.json', import.meta.url);
    const sales = JSON.parse(readFileSync(url, 'utf8')) as OpenApiDocument;
    const both = mergeOpenApi([
      { name: 'sales', openapi: sales },
      { name: 'billing', openapi: billing },
    ]);
    expect(both.paths).toHaveProperty(['/api/sales/opportunities/{id}/move']);
    for (const ref of refsOf(both)) expect(resolves(both, ref), ref).toBe(true);
  });

  it('keeps the events of every app as webhooks, operationIds unique, refs resolving, lint clean', async () => {
    const withEvent = (model: AppModel, event: string): OpenApiDocument => {
      model.manifest.events = [
        {
          name: event,
          description: `${event} happened`,
          payload: {
            type: 'object',
            required: ['invoiceId'],
            properties: { invoiceId: { type: 'string', format: 'uuid' } },
          },
        },
      ];
      return buildOpenApi(model, { license: { name: 'Apache 2.0', identifier: 'Apache-2.0' } });
    };
    const both = mergeOpenApi([
      { name: 'billing', openapi: withEvent(billingModel('billing'), 'billing.invoice.paid') },
      { name: 'ledger', openapi: withEvent(billingModel('ledger'), 'ledger.invoice.paid') },
    ]);
    expect(Object.keys(both.webhooks ?? {})).toEqual(['billing.invoice.paid', 'ledger.invoice.paid']);
    expect(
      both.webhooks?.['ledger.invoice.paid']?.post?.requestBody?.content['application/json']?.schema,
    ).toEqual({ $ref: '#/components/schemas/LedgerInvoicePaidEvent' });
    // the Events tag of each app is prefixed, so the groups stay apart
    expect(both.webhooks?.['ledger.invoice.paid']?.post?.tags).toEqual(['LEDGER Events']);
    const ids = [...Object.values(both.paths), ...Object.values(both.webhooks ?? {})].flatMap((item) =>
      Object.values(item).map((op) => op?.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of refsOf(both)) expect(resolves(both, ref), ref).toBe(true);
    const lint = await lintOpenApi(both);
    expect(lint.errors.map(formatProblem)).toEqual([]);
  });
});
