import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAjv, type OpenApiDocument } from '@codexion/schema';
import { getRequestListener } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import type { Principal } from './principal.js';
import type { StateProbe } from './state-probe.js';

/** The bugs the checker must find; a planted app without them must pass every check. */
export interface PlantedBugs {
  /** a NUL in an item's name is written, then the "database" throws: a 500 behind which a write landed */
  crashOnNul?: boolean;
  /** GET of one item answers any tenant's item */
  leakAcrossTenants?: boolean;
}

const tenants = {
  a: '0a0a0a0a-0000-4000-8000-00000000000a',
  b: '0b0b0b0b-0000-4000-8000-00000000000b',
} as const;
const users = {
  a: '1a1a1a1a-0000-4000-8000-00000000000a',
  b: '1b1b1b1b-0000-4000-8000-00000000000b',
} as const;
const bodyLimit = 64 * 1024;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const itemCreate = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: 20 } },
  required: ['name'],
  additionalProperties: false,
} as const;

/** The planted app's contract: list, create and read items, each needing a permission. */
export const plantedContract: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'planted', version: '1' },
  servers: [],
  security: [{ session: [] }],
  tags: [],
  paths: {
    '/api/demo/items': {
      get: {
        operationId: 'listItems',
        summary: 'List',
        tags: [],
        parameters: [{ name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10 } }],
        responses: {},
        'x-codexion-permission': 'demo:item:read',
      },
      post: {
        operationId: 'createItem',
        summary: 'Create',
        tags: [],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemCreate' } } },
        },
        responses: {},
        'x-codexion-permission': 'demo:item:create',
      },
    },
    '/api/demo/items/{id}': {
      get: {
        operationId: 'getItem',
        summary: 'Read',
        tags: [],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          '200': {
            description: 'the item',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
          },
        },
        'x-codexion-permission': 'demo:item:read',
      },
    },
  },
  components: {
    schemas: { ItemCreate: { ...itemCreate, required: ['name'] }, Item: { type: 'object' } },
    responses: {},
    parameters: {},
    headers: {},
    securitySchemes: {},
  },
};

/** The tenant a request acts in, set once its caller is known. */
type PlantedEnv = { Variables: { tenant: string } };

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly path?: string,
  ) {
    super(code);
  }
}

/** Whether a text is well-formed UTF-16: `encodeURIComponent` throws on a lone surrogate. */
function wellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** NUL or another control character, a lone surrogate or U+FFFD (what broken UTF-8 decodes to), keys included. */
function badText(value: unknown): boolean {
  if (typeof value === 'string')
    return (
      !wellFormed(value) || value.includes('\uFFFD') || [...value].some((char) => char.charCodeAt(0) < 0x20)
    );
  if (Array.isArray(value)) return value.some(badText);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).some(([k, v]) => badText(k) || badText(v));
  return false;
}

function decode(text: string, path: string): string {
  try {
    const decoded = decodeURIComponent(text);
    if (badText(decoded)) throw new Refusal(400, 'INVALID_PARAMETER', path);
    return decoded;
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(400, 'INVALID_PARAMETER', path);
  }
}

async function readBody(c: Context): Promise<string> {
  const length = c.req.header('content-length');
  if (length !== undefined && Number(length) > bodyLimit) throw new Refusal(413, 'PAYLOAD_TOO_LARGE');
  const reader = c.req.raw.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader !== undefined) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > bodyLimit) throw new Refusal(413, 'PAYLOAD_TOO_LARGE');
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new Refusal(400, 'MALFORMED_JSON');
  }
}

/** JSON with at most 32 levels, checked before parsing so no parser recursion is at stake. */
function parseJson(text: string): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      depth += 1;
      if (depth > 32) throw new Refusal(400, 'MALFORMED_JSON');
    } else if (char === '}' || char === ']') depth -= 1;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal(400, 'MALFORMED_JSON');
  }
}

/**
 * A tiny app with the checker's contract, served like the kernel serves (Node's HTTP server
 * through @hono/node-server, problem+json for every refusal, a `clientError` answer too), with
 * the planted bugs switched on or off. Two tenants, a and b, each signed in by a cookie.
 *
 * @example
 * const app = await servePlantedApp({ crashOnNul: true });
 * await runFuzz({ origin: app.url, doc: plantedContract, owner: app.owner('a'), … }, { seed });
 */
export async function servePlantedApp(bugs: PlantedBugs = {}) {
  const items = new Map<string, { id: string; tenantId: string; name: string }>();
  const validate = createAjv().compile(itemCreate);
  const app = new Hono<PlantedEnv>();
  const problem = (c: Context, refusal: Refusal) =>
    c.body(
      JSON.stringify({
        type: 'about:blank',
        title: refusal.code,
        status: refusal.status,
        code: refusal.code,
        errors:
          refusal.path === undefined ? [] : [{ path: refusal.path, code: 'invalid', message: 'is invalid' }],
      }),
      refusal.status as 400,
      { 'content-type': 'application/problem+json' },
    );
  app.onError((error, c) => {
    if (error instanceof Refusal) return problem(c, error);
    return c.body(
      JSON.stringify({ type: 'about:blank', title: 'Internal', status: 500, code: 'INTERNAL' }),
      500,
      {
        'content-type': 'application/problem+json',
      },
    );
  });
  app.notFound((c) => problem(c, new Refusal(404, 'NOT_FOUND')));
  // who calls, in which tenant: before anything the request says
  app.use('/api/*', async (c, next) => {
    const cookie = c.req.header('cookie') ?? '';
    const who = /^session=(a|b)$/.exec(cookie)?.[1] as 'a' | 'b' | undefined;
    if (who === undefined) throw new Refusal(401, 'UNAUTHENTICATED');
    if (c.req.method !== 'GET' && c.req.header('x-csrf-token') !== `csrf-${who}`)
      throw new Refusal(403, 'CSRF_FAILED');
    const asked = c.req.header('x-codexion-tenant');
    if (asked !== undefined) {
      if (!uuidPattern.test(asked)) throw new Refusal(400, 'INVALID_PARAMETER', '/headers/x-codexion-tenant');
      if (asked !== tenants[who]) throw new Refusal(403, 'NOT_A_MEMBER');
    }
    c.set('tenant', tenants[who]);
    const url = new URL(c.req.url);
    const query = url.search.slice(1);
    for (const pair of query === '' ? [] : query.split('&')) {
      const [rawName = '', rawValue = ''] = pair.split('=');
      const name = decode(rawName, '/query');
      decode(rawValue, `/query/${name}`);
      if (name !== 'pageSize' || c.req.method !== 'GET' || c.req.path !== '/api/demo/items')
        throw new Refusal(400, 'INVALID_PARAMETER', `/query/${name}`);
    }
    const sizes = url.searchParams.getAll('pageSize');
    if (sizes.length > 1 || (sizes.length === 1 && !/^(10|[1-9])$/.test(sizes[0] ?? '')))
      throw new Refusal(400, 'INVALID_PARAMETER', '/query/pageSize');
    await next();
  });
  const tenantOf = (c: Context<PlantedEnv>) => c.get('tenant');
  app.get('/api/demo/items', (c) =>
    c.json({ items: [...items.values()].filter((i) => i.tenantId === tenantOf(c)) }),
  );
  app.post('/api/demo/items', async (c) => {
    const type = c.req.header('content-type')?.split(';')[0]?.trim();
    const text = await readBody(c);
    if (type !== 'application/json') throw new Refusal(415, 'UNSUPPORTED_MEDIA_TYPE');
    const body = parseJson(text);
    const nul =
      typeof body === 'object' &&
      body !== null &&
      typeof (body as { name?: unknown }).name === 'string' &&
      (body as { name: string }).name.includes('\u0000');
    if (!(bugs.crashOnNul && nul)) {
      if (badText(body)) throw new Refusal(422, 'VALIDATION_FAILED', '/body');
      if (!validate(body))
        throw new Refusal(422, 'VALIDATION_FAILED', `/body${validate.errors?.[0]?.instancePath ?? ''}`);
    }
    const item = { id: randomUUID(), tenantId: tenantOf(c), name: (body as { name: string }).name };
    items.set(item.id, item);
    if (nul) throw new Error('invalid byte sequence for encoding "UTF8": 0x00');
    return c.json(item, 201);
  });
  app.get('/api/demo/items/:id', (c) => {
    const id = decode(c.req.path.split('/').at(-1) ?? '', '/params/id');
    if (!uuidPattern.test(id)) throw new Refusal(400, 'INVALID_PARAMETER', '/params/id');
    const item = items.get(id);
    if (item === undefined || (!bugs.leakAcrossTenants && item.tenantId !== tenantOf(c)))
      throw new Refusal(404, 'NOT_FOUND');
    return c.json(item);
  });
  app.all('*', (c) => problem(c, new Refusal(405, 'METHOD_NOT_ALLOWED')));

  const server = createServer(getRequestListener(app.fetch));
  // what Node's parser refuses (a NUL in a header) is answered as a problem too
  server.on('clientError', (_error, socket) => {
    const body = JSON.stringify({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'BAD_REQUEST',
      errors: [],
    });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const owner = (who: 'a' | 'b'): Principal & { userId: string; tenantId: string; email: string } => ({
    name: `owner ${who}`,
    userId: users[who],
    tenantId: tenants[who],
    email: `${who}@planted.example`,
    permissions: new Set(['*']),
    credentials: (method) => ({
      cookie: `session=${who}`,
      ...(method === 'GET' ? {} : { 'x-csrf-token': `csrf-${who}` }),
    }),
  });
  const probe: StateProbe = {
    async fingerprint(scope) {
      const rows = [...items.values()].filter((i) => scope === undefined || i.tenantId === scope.tenantId);
      return { items: JSON.stringify(rows.sort((x, y) => x.id.localeCompare(y.id))) };
    },
  };
  return {
    url,
    owner,
    probe,
    bodyLimit,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
