import { describe, expect, it } from 'vitest';
import { salesCatalog } from '../testing/sales-fixture.js';
import { defaultColumns, entityFields, formSections, schemaFields, writableFields } from './field-model.js';

const catalog = salesCatalog();

describe('entityFields', () => {
  it('infers widgets from types, formats and x-codexion hints', () => {
    const widgets = Object.fromEntries(
      entityFields(catalog.entity('opportunity')).map((f) => [f.name, f.widget]),
    );
    expect(widgets).toMatchObject({
      title: 'text',
      accountId: 'relation',
      amount: 'money',
      stage: 'enum',
      lostReason: 'textarea',
      expectedClose: 'date',
      probability: 'percent',
      createdAt: 'datetime',
    });
    const task = Object.fromEntries(entityFields(catalog.entity('task')).map((f) => [f.name, f.widget]));
    expect(task).toMatchObject({
      done: 'boolean',
      dueAt: 'datetime',
      link: 'url',
      phone: 'phone',
      meta: 'json',
    });
  });

  it('resolves an embedded $ref into a group of fields', () => {
    const address = entityFields(catalog.entity('account')).find((f) => f.name === 'address');
    expect(address?.widget).toBe('object');
    expect(address?.fields.map((f) => f.path)).toEqual([
      'address.street',
      'address.city',
      'address.postalCode',
      'address.country',
    ]);
  });
});

describe('formSections', () => {
  it('follows ui.formSections and never offers system fields', () => {
    const sections = formSections(catalog.entity('account'), 'create');
    expect(sections.map((s) => [s.id, s.fields.map((f) => f.name)])).toEqual([
      ['main', ['name', 'domain', 'tier', 'employees']],
      ['contact', ['contactEmail', 'address', 'tags']],
    ]);
  });

  it('falls back to one section of the writable fields, without the workflow field when editing', () => {
    const create = writableFields(catalog.entity('opportunity'), 'create').map((f) => f.name);
    expect(create).toContain('status');
    expect(create).not.toContain('id');
    const [edit] = formSections(catalog.entity('opportunity'), 'edit');
    expect(edit?.fields.map((f) => f.name)).not.toContain('status');
  });

  it('uses listColumns for the default columns', () => {
    expect(defaultColumns(catalog.entity('account'))).toEqual(['name', 'domain', 'tier', 'employees']);
  });
});

describe('schemaFields', () => {
  it("reads any object schema's properties like an entity's, without system fields", () => {
    const fields = schemaFields(
      {
        type: 'object',
        required: ['id', 'billTo'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          billTo: { $ref: 'address.schema.json' },
          closeOn: { type: 'string', format: 'date' },
        },
      },
      catalog,
    );
    expect(fields.map((f) => [f.name, f.widget, f.required, f.readOnly])).toEqual([
      ['id', 'text', true, false],
      ['billTo', 'object', true, false],
      ['closeOn', 'date', false, false],
    ]);
    expect(fields[1]?.fields.map((f) => f.path)).toContain('billTo.city');
  });

  it('keeps a $ref it cannot resolve without a catalog as a group without parts', () => {
    const [field] = schemaFields({ type: 'object', properties: { meta: { $ref: 'meta.schema.json' } } });
    expect(field?.widget).toBe('object');
    expect(field?.fields).toEqual([]);
  });
});
