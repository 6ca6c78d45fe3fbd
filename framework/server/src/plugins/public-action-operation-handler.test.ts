import type { ActionDefinition } from '@codexion/schema';
import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Database, Db, TransactionOptions } from '../data/database.js';
import type { AppEnv } from '../http/app-env.js';
import { problemErrorHandler } from '../http/problem.js';
import type { ResourceEngine } from '../resources/resource-engine.js';
import type { ActionContext, PublicActionHandler } from './define-plugin.js';
import { publicActionOperationHandler } from './public-action-operation-handler.js';

const action: ActionDefinition = {
  id: 'lookup',
  summary: 'Look up',
  method: 'GET',
  path: '/lookup',
  access: 'public',
};
const tenant = 'AAAAAAAA-0000-4000-8000-00000000000A';

/** A database that records each transaction's options and hands its work a fake handle. */
function fakeDatabase() {
  const transactions: (TransactionOptions | undefined)[] = [];
  const database = {
    kind: 'pglite',
    transaction: async <T>(work: (tx: Db) => Promise<T>, options?: TransactionOptions) => {
      transactions.push(options);
      return work({} as Db);
    },
  } as unknown as Database;
  return { database, transactions };
}

/** The handler behind `GET /lookup` of a bare Hono app, with what the framework's middleware sets. */
function appFor(handler: PublicActionHandler, database: Database) {
  const operation = publicActionOperationHandler(action, handler, database, {} as ResourceEngine);
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('requestId', 'req-1');
    c.set('logger', pino({ level: 'silent' }));
    c.set('clientIp', '203.0.113.9');
    await next();
  });
  app.get('/lookup', (c) => operation(c, { params: {}, query: {}, body: undefined, headers: {} }));
  app.onError(problemErrorHandler({ exposeInternals: false }));
  return app;
}

describe('publicActionOperationHandler', () => {
  it('runs the handler outside any transaction, and inTenant in one in that tenant as the public system actor', async () => {
    const { database, transactions } = fakeDatabase();
    let seen: ActionContext | undefined;
    const app = appFor(async (ctx) => {
      expect(transactions).toEqual([]);
      const body = await ctx.inTenant(tenant, async (inside) => {
        seen = inside;
        return { ip: ctx.ip, requestId: ctx.requestId };
      });
      return { body, status: 201 };
    }, database);
    const response = await app.request('/lookup');
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ip: '203.0.113.9', requestId: 'req-1' });
    expect(transactions).toEqual([{ tenantId: tenant.toLowerCase() }]);
    expect(seen).toMatchObject({ tenantId: tenant.toLowerCase(), userId: undefined, requestId: 'req-1' });
    expect(typeof seen?.resources).toBe('function');
  });

  it('refuses an inTenant inside another (PGlite would wait for itself) and a tenant id that is no uuid', async () => {
    const { database } = fakeDatabase();
    let nestedError: unknown;
    const nested = appFor(async (ctx) => {
      await ctx.inTenant(tenant, async () => {
        nestedError = await ctx.inTenant(tenant, async () => 'never').catch((caught: unknown) => caught);
      });
      return { status: 204 };
    }, database);
    expect((await nested.request('/lookup')).status).toBe(204);
    expect(String(nestedError)).toContain('one transaction at a time');

    let error: unknown;
    const sequential = appFor(async (ctx) => {
      await ctx.inTenant(tenant, async () => 1);
      await Promise.all([ctx.inTenant(tenant, async () => 2), ctx.inTenant(tenant, async () => 3)]);
      try {
        await ctx.inTenant('not-a-tenant', async () => 4);
      } catch (caught) {
        error = caught;
      }
      return { status: 204 };
    }, database);
    expect((await sequential.request('/lookup')).status).toBe(204);
    expect(error).toMatchObject({ code: 'INVALID_PARAMETER' });
  });
});
