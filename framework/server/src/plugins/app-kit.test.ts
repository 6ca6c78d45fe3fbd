import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Db } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import { createLogger } from '../foundation/create-logger.js';
import { noServices } from '../foundation/services.js';
import type { ActionInput } from '../http/app-contract.js';
import { csvAnswer } from '../http/csv-answer.js';
import type { ServerFields } from '../resources/app-resource.js';
import type { ResourceAccessor } from '../resources/bind-resources.js';
import { type AppSubscribers, appKit } from './app-kit.js';
import { type Draft, isPublicAction, isSagaAction, type PluginContext } from './define-plugin.js';

type Thing = {
  readonly id: string;
  readonly tenantId: string;
  readonly version: number;
  name: string;
  size?: number | null;
  readonly rank?: number;
};

/** What `core/generated/contract.ts` would say for an app with one entity, two actions, one event. */
interface TestContract {
  resources: {
    thing: { record: Thing; create: { name: string; size?: number | null }; patch: { name?: string } };
  };
  actions: {
    renameThing: {
      params: { id: string };
      query: undefined;
      body: { name: string };
      response: Thing;
      access: 'tenant';
    };
    peekThing: {
      params: undefined;
      query: { name: string };
      body: undefined;
      response: undefined;
      access: 'public';
    };
  };
  events: { 'test.thing.renamed': { thingId: string; name: string } };
  errors: { THING_FROZEN: 409; THING_TOO_BIG: 422 };
  consumes: { 'other.order.paid': { orderId: string; amount: number } };
}

const kit = appKit<TestContract>({
  errors: {
    THING_FROZEN: { status: 409, description: 'a frozen thing does not change' },
    THING_TOO_BIG: { status: 422, description: 'too big' },
  },
  events: [
    {
      name: 'test.thing.renamed',
      payload: {
        type: 'object',
        additionalProperties: false,
        required: ['thingId', 'name'],
        properties: { thingId: { type: 'string' }, name: { type: 'string', minLength: 1 } },
      },
    },
  ],
});
const logger = createLogger({ level: 'silent' });
const pluginContext: PluginContext = {
  tx: {} as Db,
  tenantId: 't1',
  userId: undefined,
  requestId: 'r1',
  services: noServices,
  logger,
};

describe('appKit', () => {
  it('types hooks by the entity named: the record, its draft, the partial input of prepare', () => {
    const hooks = kit.defineHooks('thing', {
      prepare: (_ctx, input, previous) => {
        expectTypeOf(input).toEqualTypeOf<Partial<Draft<Thing>>>();
        expectTypeOf(previous).toEqualTypeOf<Thing | undefined>();
        return { ...input, name: input.name ?? 'unnamed' };
      },
      beforeUpdate: (_ctx, next, previous) => {
        expectTypeOf(next.size).toEqualTypeOf<number | null | undefined>();
        expectTypeOf(previous.version).toEqualTypeOf<number>();
        return { ...next, rank: 1 };
      },
    });
    expect(Object.keys(hooks)).toEqual(['prepare', 'beforeUpdate']);
    expectTypeOf<keyof Draft<Thing>>().toEqualTypeOf<'name' | 'size' | 'rank'>();
    expectTypeOf<ServerFields<Thing>>().toEqualTypeOf<{ rank?: number }>();
  });

  it('types an action by its id, and describes the plugin with handlers the kernel can call', async () => {
    const rename = kit.defineAction('renameThing', async (_ctx, { params, body }) => {
      expectTypeOf(params).toEqualTypeOf<{ id: string }>();
      expectTypeOf(body).toEqualTypeOf<{ name: string }>();
      return { body: { id: params.id, tenantId: 't1', version: 2, name: body.name } };
    });
    const peek = kit.definePublicAction('peekThing', (_ctx, { query }) => {
      expectTypeOf(query).toEqualTypeOf<{ name: string }>();
      return {};
    });
    expectTypeOf<ActionInput<TestContract['actions']['peekThing']>['params']>().toEqualTypeOf<
      Record<string, never>
    >();
    const plugin = kit.definePlugin({
      manifest: { name: 'test', version: '0.1.0', title: 'Test', framework: '^0.1.0' },
      root: '/tmp/test',
      actions: { renameThing: rename, peekThing: peek },
      hooks: { thing: kit.defineHooks('thing', {}) },
    });
    expect(isPublicAction(plugin.actions?.peekThing)).toBe(true);
    expect(isPublicAction(plugin.actions?.renameThing)).toBe(false);
    const handler = plugin.actions?.renameThing;
    if (handler === undefined || isPublicAction(handler) || isSagaAction(handler))
      throw new Error('renameThing is a tenant action');
    const input = { params: { id: 'x' }, query: {}, body: { name: 'New' }, headers: {} };
    const result = await handler({ ...pluginContext, resources: () => ({}) as never }, input);
    expect(result).toEqual({ body: { id: 'x', tenantId: 't1', version: 2, name: 'New' } });
    expect(plugin.hooks).toHaveProperty('thing');
  });

  it('marks a saga action, typed by its id, so the kernel runs it outside a transaction', () => {
    const rename = kit.defineSagaAction('renameThing', (_ctx, { params, body }) => {
      expectTypeOf(body).toEqualTypeOf<{ name: string }>();
      return { body: { id: params.id, tenantId: 't1', version: 2, name: body.name } };
    });
    const plugin = kit.definePlugin({
      manifest: { name: 'test', version: '0.1.0', title: 'Test', framework: '^0.1.0' },
      root: '/tmp/test',
      actions: { renameThing: rename, peekThing: kit.definePublicAction('peekThing', () => ({})) },
    });
    expect(isSagaAction(plugin.actions?.renameThing)).toBe(true);
    expect(isPublicAction(plugin.actions?.renameThing)).toBe(false);
    expect(isSagaAction(plugin.actions?.peekThing)).toBe(false);
  });

  it('lets a typed action answer its result in another representation, a Response (csvAnswer)', async () => {
    const rename = kit.defineAction('renameThing', (_ctx, { params, body }) =>
      csvAnswer([{ id: params.id, ...body }], [{ key: 'name', header: 'Name' }], { filename: 'thing.csv' }),
    );
    const input = { params: { id: 'x' }, query: {}, body: { name: '=1+1' }, headers: {} };
    const answer = await rename({ ...pluginContext, resources: () => ({}) as never }, input);
    if (!(answer instanceof Response)) throw new Error('renameThing answers a Response');
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await answer.text()).toBe("Name\r\n'=1+1\r\n");
  });

  it('types subscribers by the payloads of its own and of the consumed events', async () => {
    const seen: string[] = [];
    const subscribers: AppSubscribers<TestContract> = {
      'test.thing.renamed': kit.defineSubscriber('test.thing.renamed', (_ctx, payload) => {
        expectTypeOf(payload).toEqualTypeOf<{ thingId: string; name: string }>();
        seen.push(payload.name);
      }),
      'other.order.paid': kit.defineSubscriber('other.order.paid', (ctx, payload) => {
        expectTypeOf(payload).toEqualTypeOf<{ orderId: string; amount: number }>();
        seen.push(`${ctx.event.name} ${payload.orderId}`);
      }),
    };
    const event = { tenantId: 't1', aggregateKey: 'k', occurredAt: '2026-12-07T00:00:00.000Z', version: 1 };
    await subscribers['other.order.paid']?.(
      {
        ...pluginContext,
        resources: () => ({}) as never,
        event: { ...event, id: 'e1', name: 'other.order.paid', payload: {} },
      },
      { orderId: 'o1', amount: 5 },
    );
    await subscribers['test.thing.renamed']?.(
      {
        ...pluginContext,
        resources: () => ({}) as never,
        event: { ...event, id: 'e2', name: 'test.thing.renamed', payload: {} },
      },
      { thingId: 'x', name: 'now' },
    );
    expect(seen).toEqual(['other.order.paid o1', 'now']);
  });

  it('hands the manifest’s events to the outbox: a payload its schema refuses is not written', async () => {
    // the transaction has nothing to write with: the check must refuse before any write
    const emitted = kit
      .eventOutbox()
      .emit(pluginContext, 'test.thing.renamed', { thingId: 'x', name: '' })
      .catch((error: unknown) => error);
    expect(await emitted).toBeInstanceOf(DomainError);
    expect(await emitted).toMatchObject({
      code: 'INTERNAL',
      issues: [{ path: '/name', code: 'minLength', message: 'must NOT have fewer than 1 characters' }],
    });
  });

  it('gives the engine’s accessor typed by the entity named, no copy', () => {
    const accessor = {} as ReturnType<ResourceAccessor>;
    const resources: ResourceAccessor = (entity) => {
      expect(entity).toBe('thing');
      return accessor;
    };
    const things = kit.resource({ resources }, 'thing');
    expect(things).toBe(accessor);
    expectTypeOf(things.get).returns.resolves.toEqualTypeOf<Thing>();
    expectTypeOf(things.update).parameter(1).toEqualTypeOf<{ name?: string } & { rank?: number }>();
  });

  it('makes errors with the codes and statuses the manifest declares, typed by the contract', () => {
    const error = kit.error('THING_FROZEN', 'Frozen', { extensions: { since: '2026-12-01' } });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'THING_FROZEN', status: 409, extensions: { since: '2026-12-01' } });
    expect(kit.error('THING_TOO_BIG', 'Too big').status).toBe(422);
    expectTypeOf(kit.error).parameter(0).toEqualTypeOf<'THING_FROZEN' | 'THING_TOO_BIG'>();
  });

  it('refuses a code the manifest does not declare (a programming error, not an answer)', () => {
    expect(() => kit.error('THING_GONE' as never, 'Gone')).toThrow(
      'error code "THING_GONE" is not declared in core/app.json',
    );
    expect(() => appKit<TestContract>().error('THING_FROZEN', 'Frozen')).toThrow(/not declared/);
    expect(() => kit.error('toString' as never, 'inherited')).toThrow(/not declared/);
  });
});
