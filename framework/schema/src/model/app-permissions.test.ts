import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../openapi/build-openapi.js';
import type { AppModel } from './app-model.js';
import { appPermissions, crudPermissions } from './app-permissions.js';
import { compileAppModel } from './compile-app-model.js';

const $schema = 'https://json-schema.org/draft/2020-12/schema';
const name = { type: 'string', maxLength: 200 };

/** A stored entity with endpoints and soft delete, one without soft delete, one kept to actions, a value shape. */
const model: AppModel = compileAppModel({
  manifest: {
    file: 'core/app.json',
    data: {
      name: 'shop',
      version: '1.0.0',
      title: 'Shop',
      framework: '^0.1.0',
      permissions: [{ name: 'shop:sales-order:ship', description: 'Ship an order' }],
    },
  },
  schemas: [
    {
      file: 'core/schema/sales-order.schema.json',
      data: {
        $schema,
        title: 'Sales order',
        type: 'object',
        properties: { name },
        'x-codexion': { table: 'sales_orders', softDelete: true },
      },
    },
    {
      file: 'core/schema/tag.schema.json',
      data: { $schema, title: 'Tag', type: 'object', properties: { name }, 'x-codexion': { table: 'tags' } },
    },
    {
      file: 'core/schema/ledger-row.schema.json',
      data: {
        $schema,
        title: 'Ledger row',
        type: 'object',
        properties: { name },
        'x-codexion': { table: 'ledger', api: false },
      },
    },
    {
      file: 'core/schema/address.schema.json',
      data: { $schema, title: 'Address', type: 'object', properties: { name } },
    },
  ],
  rules: [],
  actions: [],
});

describe('the permissions of an app', () => {
  it('derives read, create, update and delete for each entity with endpoints, described from its records', () => {
    expect(crudPermissions(model)).toEqual([
      { name: 'shop:sales-order:read', description: 'See sales orders' },
      { name: 'shop:sales-order:create', description: 'Create sales orders' },
      { name: 'shop:sales-order:update', description: 'Change sales orders' },
      { name: 'shop:sales-order:delete', description: 'Delete and restore sales orders' },
      { name: 'shop:tag:read', description: 'See tags' },
      { name: 'shop:tag:create', description: 'Create tags' },
      { name: 'shop:tag:update', description: 'Change tags' },
      { name: 'shop:tag:delete', description: 'Delete tags' },
    ]);
    expect(
      appPermissions(model)
        .map((p) => p.name)
        .slice(-1),
    ).toEqual(['shop:sales-order:ship']);
  });

  it('names exactly the CRUD permissions the OpenAPI builder puts on the endpoints', () => {
    const document = buildOpenApi(model);
    const onOperations = new Set<string>();
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        const permission = operation?.['x-codexion-permission'];
        if (permission !== undefined) onOperations.add(permission);
      }
    }
    expect([...onOperations].sort()).toEqual(
      crudPermissions(model)
        .map((p) => p.name)
        .sort(),
    );
  });
});
