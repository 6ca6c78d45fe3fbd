import { randomUUID } from 'node:crypto';
import type { AppModel } from '@codexion/schema';
import type { Context } from 'hono';
import pino from 'pino';
import type { Database } from '../data/database.js';
import { DomainError } from '../errors/domain-error.js';
import { withIssuePrefix } from '../errors/request-issues.js';
import type { AppEnv } from '../http/app-env.js';
import type { OperationHandler } from '../http/operation-handler.js';
import { jsonResponse } from '../http/response-headers.js';
import type { ResourceHandlerFactory } from '../kernel/plugin-handlers.js';
import { formatEtag } from './etag.js';
import type { ResourceContext } from './resource-context.js';
import { createResourceEngine, type ResourceEngine, type ResourceEngineOptions } from './resource-engine.js';
import type { ApiRecord } from './row-mapping.js';

/** For requests that reach a handler without the logger middleware (tests of a bare app). */
const silentLogger = pino({ level: 'silent' });

/** The engine's context from the request's variables, set by the middleware chain. */
export function resourceContext(c: Context<AppEnv>): ResourceContext {
  const tenantId: unknown = c.get('tenantId');
  if (typeof tenantId !== 'string' || tenantId === '') {
    // the tenant middleware answers requests without a tenant; reaching here without one is a wiring bug
    throw new DomainError('INTERNAL', 'No tenant context for a resource operation');
  }
  return {
    tenantId,
    userId: c.get('userId'),
    requestId: c.get('requestId') ?? randomUUID(),
    logger: c.get('logger') ?? silentLogger,
    permissions: c.get('permissions') ?? new Set<string>(),
    actor: c.get('actor'),
    roles: c.get('roles'),
  };
}

/**
 * The engine names a field by its place in the record (`/amount`) or the list query (`/filter/x`);
 * over HTTP, issues say where in the request they are (`/body/amount`, `/query/filter/x`), as the
 * operation router's own validation does. Header issues already say so.
 */
function inRequest(location: '/body' | '/query', work: OperationHandler): OperationHandler {
  return async (c, input) => {
    try {
      return await work(c, input);
    } catch (error) {
      throw withIssuePrefix(location, error);
    }
  };
}

function etagOf(record: ApiRecord): string {
  return formatEtag(String(record.id), Number(record.version));
}

function idOf(params: Record<string, string>): string {
  return params.id ?? '';
}

/**
 * The CRUD operation handlers of every persisted entity of an app, by the operationId
 * `buildOpenApi` gives them: `list<Plural>`, `create<T>` (201, Location, ETag),
 * `bulkCreate<Plural>`, `get<T>` (ETag), `update<T>` (If-Match), `delete<T>` (204), and
 * `restore<T>` / `transition<T>` where the entity has soft delete / a workflow. Each one parses,
 * calls the engine, responds; errors are thrown as DomainErrors for the HTTP layer to render.
 *
 * @example
 * createHttpApp({ plugins: [{ name: 'sales', openapi, handlers: resourceHandlers(engine, model) }] })
 */
export function resourceHandlers(
  engine: ResourceEngine,
  model: AppModel = engine.model,
): Record<string, OperationHandler> {
  const handlers: Record<string, OperationHandler> = {};
  for (const entity of model.entities) {
    // a table with `api: false` is the app's actions' alone
    if (entity.table === undefined || entity.annotations.api === false) continue;
    const resource = engine.resource(entity.name);
    const { typeName, pluralTypeName } = entity;

    handlers[`list${pluralTypeName}`] = inRequest('/query', async (c, input) =>
      jsonResponse(c, await resource.list(resourceContext(c), input.query), 200),
    );

    handlers[`create${typeName}`] = inRequest('/body', async (c, input) => {
      const record = await resource.create(resourceContext(c), input.body);
      const location = `${c.req.path.replace(/\/+$/, '')}/${String(record.id)}`;
      return jsonResponse(c, record, 201, { Location: location, ETag: etagOf(record) });
    });

    handlers[`bulkCreate${pluralTypeName}`] = inRequest('/body', async (c, input) => {
      const items = (input.body as { items?: unknown } | null)?.items;
      return jsonResponse(c, { items: await resource.bulkCreate(resourceContext(c), items) }, 201);
    });

    handlers[`get${typeName}`] = inRequest('/query', async (c, input) => {
      const record = await resource.get(resourceContext(c), idOf(input.params), input.query);
      return jsonResponse(c, record, 200, { ETag: etagOf(record) });
    });

    handlers[`update${typeName}`] = inRequest('/body', async (c, input) => {
      const record = await resource.update(resourceContext(c), idOf(input.params), input.body, {
        ifMatch: input.headers['if-match'],
      });
      return jsonResponse(c, record, 200, { ETag: etagOf(record) });
    });

    handlers[`delete${typeName}`] = async (c, input) => {
      await resource.delete(resourceContext(c), idOf(input.params), { ifMatch: input.headers['if-match'] });
      return c.body(null, 204);
    };

    if (entity.annotations.softDelete === true) {
      handlers[`restore${typeName}`] = async (c, input) => {
        const record = await resource.restore(resourceContext(c), idOf(input.params));
        return jsonResponse(c, record, 200, { ETag: etagOf(record) });
      };
    }

    if (entity.annotations.workflow !== undefined) {
      handlers[`transition${typeName}`] = inRequest('/body', async (c, input) => {
        const to = (input.body as { to?: unknown } | null)?.to;
        const record = await resource.transition(resourceContext(c), idOf(input.params), to, {
          ifMatch: input.headers['if-match'],
        });
        return jsonResponse(c, record, 200, { ETag: etagOf(record) });
      });
    }
  }
  return handlers;
}

/**
 * What the kernel's boot takes as `resourceHandlers`: for each plugin, an engine over its model,
 * tables and hooks, and that engine's handlers.
 *
 * @example
 * createKernel({ resourceHandlers: resourceHandlerFactory({ cursorSecret: config.secrets.cursor }) })
 */
export function resourceHandlerFactory(
  options: Pick<ResourceEngineOptions, 'cursorSecret' | 'validators' | 'limits'>,
): ResourceHandlerFactory {
  return (plugin, database: Database, services) => {
    const engine = createResourceEngine({
      ...options,
      database,
      services,
      model: plugin.model,
      tables: plugin.definition.resources ?? {},
      hooks: plugin.definition.hooks ?? {},
    });
    return { engine, handlers: resourceHandlers(engine) };
  };
}
