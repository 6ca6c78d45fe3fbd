import { describe, expect, it } from 'vitest';
import type { AppSources } from './compile-app-model.js';
import { compileAppModel } from './compile-app-model.js';
import { SchemaDefinitionError } from './schema-definition-error.js';

const $schema = 'https://json-schema.org/draft/2020-12/schema';

function sources(
  overrides: Partial<{ company: object; deal: object; rules: object; action: object; manifest: object }> = {},
): AppSources {
  return {
    manifest: {
      file: 'core/app.json',
      data: overrides.manifest ?? {
        name: 'crm',
        version: '1.0.0',
        title: 'CRM',
        framework: '^0.1.0',
        permissions: [{ name: 'crm:deal:update' }],
      },
    },
    schemas: [
      {
        file: 'core/schema/company.schema.json',
        data: overrides.company ?? {
          $schema,
          title: 'Company',
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, domain: { type: 'string' } },
          'x-codexion': {
            table: 'companies',
            titleField: 'name',
            search: ['name'],
            unique: [{ fields: ['domain'] }],
          },
        },
      },
      {
        file: 'core/schema/deal.schema.json',
        data: overrides.deal ?? {
          $schema,
          title: 'Deal',
          type: 'object',
          properties: {
            title: { type: 'string' },
            companyId: { type: 'string', format: 'uuid', 'x-codexion': { ref: 'company' } },
            status: { type: 'string', enum: ['open', 'won', 'lost'] },
            amount: { type: 'integer', 'x-codexion': { widget: 'money', currencyField: 'currency' } },
            currency: { type: 'string' },
          },
          'x-codexion': {
            table: 'deals',
            resource: 'deals',
            ui: { kanbanField: 'status', listColumns: ['title', 'amount'] },
            workflow: {
              field: 'status',
              states: ['open', 'won', 'lost'],
              transitions: [{ from: 'open', to: 'won' }],
            },
          },
        },
      },
    ],
    rules: [
      {
        file: 'core/rules/deal.rules.json',
        data: overrides.rules ?? {
          rules: [
            {
              id: 'won-needs-amount',
              message: 'Needs amount',
              path: '/amount',
              assert: { '>': [{ var: 'amount' }, 0] },
            },
          ],
        },
      },
    ],
    actions: [
      {
        file: 'core/actions/win.json',
        data: overrides.action ?? {
          id: 'winDeal',
          summary: 'Win',
          method: 'POST',
          path: '/deals/{id}/win',
          permission: 'crm:deal:update',
          entity: 'deal',
        },
      },
    ],
  };
}

function issues(s: AppSources): string[] {
  try {
    compileAppModel(s);
  } catch (error) {
    if (error instanceof SchemaDefinitionError)
      return error.issues.map((i) => `${i.file}#${i.pointer}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('compileAppModel', () => {
  it('normalizes a valid app', () => {
    const model = compileAppModel(sources());
    expect(model.entities.map((e) => [e.name, e.typeName, e.pluralTypeName, e.table, e.resource])).toEqual([
      ['company', 'Company', 'Companies', 'companies', 'companies'],
      ['deal', 'Deal', 'Deals', 'deals', 'deals'],
    ]);
    expect(model.entities[1]?.rules.map((r) => r.id)).toEqual(['won-needs-amount']);
    expect(model.actions.map((a) => a.id)).toEqual(['winDeal']);
  });

  it('refuses unknown and misspelled x-codexion keys with their pointer', () => {
    const company = {
      ...(sources().schemas[0]?.data as object),
      'x-codexion': { table: 'companies', serach: ['name'] },
    };
    expect(issues(sources({ company }))).toContain(
      'core/schema/company.schema.json#/x-codexion/serach: is not a known field',
    );
    const deal = structuredClone(sources().schemas[1]?.data) as {
      properties: { title: Record<string, unknown> };
    };
    deal.properties.title['x-codexoin'] = { pii: true };
    expect(issues(sources({ deal })).join('\n')).toMatch(
      /deal\.schema\.json#\/properties\/title.*x-codexoin/,
    );
  });

  it('refuses misspelled JSON Schema keywords', () => {
    const company = structuredClone(sources().schemas[0]?.data) as {
      properties: { name: Record<string, unknown> };
    };
    company.properties.name.maxLenght = 3;
    expect(issues(sources({ company }))).toContain(
      'core/schema/company.schema.json#/properties/name/maxLenght: unknown keyword "maxLenght" (not JSON Schema 2020-12 nor x-codexion)',
    );
  });

  it('checks every name x-codexion refers to', () => {
    const deal = structuredClone(sources().schemas[1]?.data) as Record<string, Record<string, unknown>>;
    deal['x-codexion'] = {
      table: 'deals',
      titleField: 'nope',
      search: ['amount'],
      indexes: [{ fields: ['missing'] }],
      ui: { kanbanField: 'title', listColumns: ['ghost'] },
      workflow: {
        field: 'status',
        states: ['open', 'closed'],
        initial: 'draft',
        transitions: [{ from: 'open', to: 'gone' }],
      },
    };
    (deal.properties as Record<string, Record<string, unknown>>).companyId = {
      type: 'string',
      format: 'uuid',
      'x-codexion': { ref: 'person' },
    };
    expect(issues(sources({ deal }))).toEqual(
      expect.arrayContaining([
        'core/schema/deal.schema.json#/x-codexion/titleField: "nope" is not a property of deal',
        'core/schema/deal.schema.json#/x-codexion/search/0: search field "amount" must be a string property',
        'core/schema/deal.schema.json#/x-codexion/indexes/0/fields/0: "missing" is not a property of deal',
        'core/schema/deal.schema.json#/x-codexion/ui/kanbanField: kanban field "title" must be an enum or a relation',
        'core/schema/deal.schema.json#/x-codexion/ui/listColumns/0: "ghost" is not a property of deal',
        'core/schema/deal.schema.json#/x-codexion/workflow/states: states must equal the enum of "status"',
        'core/schema/deal.schema.json#/x-codexion/workflow/initial: "draft" is not a state',
        'core/schema/deal.schema.json#/x-codexion/workflow/transitions/0/to: "gone" is not a state',
        'core/schema/deal.schema.json#/properties/companyId/x-codexion/ref: no entity "person" in this app',
      ]),
    );
  });

  it('refuses system fields written by the author and duplicate tables', () => {
    const company = structuredClone(sources().schemas[0]?.data) as Record<string, Record<string, unknown>>;
    (company.properties as Record<string, unknown>).tenantId = { type: 'string' };
    (company['x-codexion'] as Record<string, unknown>).table = 'deals';
    const found = issues(sources({ company }));
    expect(found).toContain(
      'core/schema/company.schema.json#/properties/tenantId: "tenantId" is a system field the framework adds; remove it',
    );
    expect(found.join('\n')).toMatch(/table "deals" is also used by/);
  });

  it('checks rules: fields, operators, paths and ids', () => {
    const rules = {
      rules: [
        { id: 'a', message: 'm', path: '/amout', assert: { '>': [{ var: 'amout' }, 0] } },
        { id: 'a', message: 'm', path: '/amount', assert: { method: [{ var: 'title' }, 'toUpperCase'] } },
      ],
    };
    expect(issues(sources({ rules }))).toEqual([
      'core/rules/deal.rules.json#/rules/0/path: "/amout" is not a field of deal',
      'core/rules/deal.rules.json#/rules/0/assert/>/0/var: "amout" is not a field',
      'core/rules/deal.rules.json#/rules/1/id: duplicate rule id "a"',
      'core/rules/deal.rules.json#/rules/1/assert/method: unknown JSON Logic operation "method"',
    ]);
  });

  it('refuses a permission that the manifest does not declare', () => {
    const action = {
      id: 'winDeal',
      summary: 'Win',
      method: 'POST',
      path: '/deals/{id}/win',
      permission: 'crm:deal:win',
    };
    expect(issues(sources({ action }))).toEqual([
      'core/actions/win.json#/permission: permission "crm:deal:win" is not declared in core/app.json',
    ]);
  });

  it('checks the manifest and actions against their schemas', () => {
    expect(
      issues(
        sources({
          manifest: { name: 'CRM!', version: '1', title: 'CRM', permissions: [{ name: 'crm:deal:update' }] },
        }),
      ),
    ).toEqual([
      'core/app.json#/framework: is required',
      'core/app.json#/name: must match pattern "^[a-z][a-z0-9-]{1,30}$"',
      'core/app.json#/version: must match pattern "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$"',
    ]);
    const action = {
      id: 'winDeal',
      summary: 'Win',
      method: 'FETCH',
      path: 'deals',
      permission: 'win',
      entity: 'ghost',
    };
    expect(issues(sources({ action })).length).toBeGreaterThanOrEqual(3);
  });

  it('takes a public action without a permission, and refuses a permission on it or none elsewhere', () => {
    const lookup = { id: 'lookupDeal', summary: 'Look up', method: 'GET', path: '/deals/lookup' };
    const model = compileAppModel(sources({ action: { ...lookup, access: 'public' } }));
    expect(model.actions).toEqual([expect.objectContaining({ id: 'lookupDeal', access: 'public' })]);
    expect(model.actions[0]?.permission).toBeUndefined();
    expect(
      issues(sources({ action: { ...lookup, access: 'public', permission: 'crm:deal:update' } })),
    ).toEqual(['core/actions/win.json#/permission: is not allowed here']);
    expect(issues(sources({ action: lookup }))).toEqual(['core/actions/win.json#/permission: is required']);
    expect(
      issues(sources({ action: { ...lookup, access: 'anyone', permission: 'crm:deal:update' } })),
    ).toEqual(['core/actions/win.json#/access: must be one of: "public", "tenant"']);
  });
});
