import { describe, expect, it } from 'vitest';
import type { AppModel, TenantActionDefinition } from '../model/app-model.js';
import type { JsonSchema } from '../model/json-schema.js';
import { buildOpenApi } from './build-openapi.js';
import { OpenApiBuildError } from './openapi-build-error.js';
import { testAppModel } from './test-app-model.test-helper.js';

function buildError(app: AppModel): OpenApiBuildError {
  try {
    buildOpenApi(app);
  } catch (error) {
    if (error instanceof OpenApiBuildError) return error;
    throw error;
  }
  throw new Error('expected buildOpenApi to throw');
}

function withDealProperty(property: JsonSchema): AppModel {
  const app = testAppModel();
  const deal = app.entities.find((e) => e.name === 'deal');
  if (deal?.schema.properties === undefined) throw new Error('fixture changed');
  deal.schema.properties.broken = property;
  return app;
}

function withAction(overrides: Partial<TenantActionDefinition>): AppModel {
  const app = testAppModel();
  app.actions.push({
    id: 'extra',
    summary: 'Extra',
    method: 'POST',
    path: '/extra',
    permission: 'crm:deal:update',
    ...overrides,
  });
  return app;
}

describe('OpenApiBuildError', () => {
  it.each([
    ['./nope.schema.json', 'no schema file'],
    ['./money.schema.json#/$defs/nope', 'no such $defs entry'],
    ['#/$defs/nope', 'no such $defs entry'],
    ['#/properties/nope', 'does not exist'],
    ['./address.schema.json#city', 'anchors'],
    ['https://example.com/other.json', 'no schema file'],
  ])('reports an unresolvable $ref %s with its file and pointer', (ref, why) => {
    const error = buildError(withDealProperty({ type: 'array', items: { $ref: ref } }));
    expect(error.code).toBe('unresolvable-ref');
    expect(error.source).toBe('core/schema/deal.schema.json');
    expect(error.pointer).toBe('/properties/broken/items/$ref');
    expect(error.message).toContain(why);
  });

  it('reports a bad $ref in an action under the action', () => {
    const error = buildError(withAction({ response: { properties: { a: { $ref: '#/$defs/x' } } } }));
    expect(error).toMatchObject({
      code: 'unresolvable-ref',
      source: 'action:extra',
      pointer: '/response/properties/a/$ref',
    });
  });

  it('refuses a duplicate operationId', () => {
    const error = buildError(withAction({ id: 'listDeals' }));
    expect(error).toMatchObject({ code: 'duplicate-operation-id', source: 'action:listDeals' });
    expect(error.message).toContain('already used by core/schema/deal.schema.json');
  });

  it('refuses a duplicate path and method', () => {
    const error = buildError(withAction({ path: '/deals/{id}/transition' }));
    expect(error.code).toBe('duplicate-operation');
    expect(error.message).toContain('core/schema/deal.schema.json#/x-codexion/workflow');
  });

  it('refuses a path naming its parameters differently from an existing one', () => {
    expect(buildError(withAction({ method: 'PUT', path: '/deals/{dealId}' })).code).toBe(
      'conflicting-path-template',
    );
  });

  it('refuses an entity whose components collide with the framework ones', () => {
    const app = testAppModel();
    const address = app.entities.find((e) => e.name === 'address');
    if (address === undefined) throw new Error('fixture changed');
    app.entities.push({
      ...address,
      name: 'problem',
      typeName: 'Problem',
      file: 'core/schema/problem.schema.json',
    });
    expect(buildError(app)).toMatchObject({
      code: 'duplicate-component',
      source: 'core/schema/problem.schema.json',
    });
  });

  it('refuses an action on an unknown entity', () => {
    expect(buildError(withAction({ entity: 'invoice' }))).toMatchObject({
      code: 'unknown-entity',
      pointer: '/entity',
    });
  });
});
