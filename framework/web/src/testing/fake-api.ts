import type { ValidationIssue } from '@codexion/schema';
import type { EntityCatalog, EntityConfig, HistoryEntry } from '../entity/define-entities.js';
import { entityFields } from '../entity/field-model.js';
import { validateRecord } from '../entity/validate-record.js';
import { readFetchInput } from './read-fetch-input.js';

type Row = Record<string, unknown>;

/** What a fake route is given: the path's `{params}`, the parsed body and the tables to change. */
export interface FakeRouteRequest {
  params: Record<string, string>;
  body: unknown;
  query: URLSearchParams;
  tables: Map<string, Row[]>;
}

/**
 * An app action the fake API answers (`POST /deals/{id}/win`): what the generic resource contract
 * cannot know. Return the answer; throw nothing — answer an error with its status and problem.
 */
export interface FakeRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** under the app's API root, with `{name}` parameters: `/deals/{id}/win` */
  path: string;
  handle(request: FakeRouteRequest): { status?: number; body?: unknown };
}

export interface FakeApiOptions {
  catalog: EntityCatalog;
  /** records by resource segment (`accounts`); system fields are filled in */
  records?: Record<string, Row[]>;
  /** largest page the API serves (the real one: 200) */
  maxPageSize?: number;
  /** milliseconds before each answer, to see loading states */
  latency?: number;
  /** the app's actions, answered before the resource contract */
  routes?: FakeRoute[];
}

export interface FakeRequestLog {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeApi {
  /** a `fetch` that answers the app's API from memory */
  fetch: typeof fetch;
  /** the records, by resource */
  tables: Map<string, Row[]>;
  /** every request, oldest first */
  requests: FakeRequestLog[];
  /** changes a record behind the client's back (another user's edit), bumping its version */
  touch(resource: string, id: string, changes?: Row): void;
}

/**
 * A deterministic uuid for the n-th record, so tests can name ids.
 *
 * @example
 * fakeId(1) // '00000000-0000-4000-8000-000000000001'
 */
export function fakeId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function problem(status: number, code: string, detail: string, errors: ValidationIssue[] = []): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: code, status, code, detail, errors }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

function json(status: number, body: unknown, etag?: string): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (etag) headers.etag = etag;
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
}

const etagOf = (row: Row) => `"${String(row.version)}"`;

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function coerce(sample: unknown, text: string): unknown {
  if (typeof sample === 'number') return Number(text);
  if (typeof sample === 'boolean') return text === 'true';
  return text;
}

function matches(row: Row, field: string, op: string, text: string): boolean {
  const value = row[field];
  switch (op) {
    case 'eq':
      return String(value) === text;
    case 'ne':
      return String(value) !== text;
    case 'in':
      return text.split(',').includes(String(value));
    case 'contains':
      return typeof value === 'string' && value.toLowerCase().includes(text.toLowerCase());
    case 'isNull':
      return (value === null || value === undefined) === (text === 'true');
    case 'lt':
      return value !== null && value !== undefined && compare(value, coerce(value, text)) < 0;
    case 'lte':
      return value !== null && value !== undefined && compare(value, coerce(value, text)) <= 0;
    case 'gt':
      return value !== null && value !== undefined && compare(value, coerce(value, text)) > 0;
    case 'gte':
      return value !== null && value !== undefined && compare(value, coerce(value, text)) >= 0;
    default:
      return true;
  }
}

function applyMergePatch(target: Row, patch: Row): Row {
  const result: Row = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (
      typeof value === 'object' &&
      !Array.isArray(value) &&
      typeof result[key] === 'object' &&
      result[key] !== null
    )
      result[key] = applyMergePatch(result[key] as Row, value as Row);
    else result[key] = value;
  }
  return result;
}

function withBody(issues: ValidationIssue[], prefix = '/body'): ValidationIssue[] {
  return issues.map((issue) => ({ ...issue, path: `${prefix}${issue.path}` }));
}

/**
 * An in-memory server that speaks the Codexion resource contract closely enough for the
 * generated pages: list with `q`, `sort`, `filter[field][op]`, keyset-style `cursor`, get with
 * ETag, create (Ajv + rules, 422 problem+json with field errors, unique keys), merge-patch with
 * `If-Match` (428 without, 412 when stale), delete, bulk create (all or nothing), an optional
 * history endpoint, the app's move/transition actions, and the app's own `routes`.
 *
 * @example
 * const api = createFakeApi({ catalog: salesCatalog(), records: { accounts: [{ name: 'Acme' }] } });
 * render(<ApiProvider baseUrl="/api/sales" fetch={api.fetch}>...</ApiProvider>);
 */
export function createFakeApi({
  catalog,
  records = {},
  maxPageSize = 200,
  latency = 0,
  routes = [],
}: FakeApiOptions): FakeApi {
  let sequence = 0;
  let clock = Date.UTC(2025, 0, 1);
  const now = () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };
  const tables = new Map<string, Row[]>();
  const history = new Map<string, HistoryEntry[]>();
  const requests: FakeRequestLog[] = [];

  const stamp = (row: Row): Row => {
    const at = now();
    return {
      id: fakeId(++sequence),
      tenantId: fakeId(0),
      version: 1,
      createdAt: at,
      updatedAt: at,
      createdBy: null,
      updatedBy: null,
      ...row,
    };
  };
  for (const entity of catalog.entities) {
    tables.set(entity.resource, (records[entity.resource] ?? []).map(stamp));
  }

  const entityOf = (resource: string) => catalog.entities.find((entity) => entity.resource === resource);

  const withDefaults = (entity: EntityConfig, body: Row): Row => {
    const result: Row = { ...body };
    for (const field of entityFields(entity)) {
      if (result[field.name] === undefined && field.schema.default !== undefined && !field.readOnly)
        result[field.name] = field.schema.default;
    }
    return result;
  };

  const writable = (entity: EntityConfig, row: Row): Row => {
    const names = new Set(
      entityFields(entity)
        .filter((field) => !field.readOnly)
        .map((field) => field.name),
    );
    return Object.fromEntries(Object.entries(row).filter(([key]) => names.has(key)));
  };

  const uniqueIssues = (entity: EntityConfig, row: Row, rows: Row[]): ValidationIssue[] => {
    const issues: ValidationIssue[] = [];
    for (const key of entity.annotations.unique ?? []) {
      const clash = rows.find(
        (other) =>
          other.id !== row.id &&
          key.fields.every((f) => row[f] !== undefined && row[f] !== null && other[f] === row[f]),
      );
      const [first] = key.fields;
      if (clash && first) issues.push({ path: `/${first}`, code: 'unique', message: 'is already taken' });
    }
    return issues;
  };

  const recordHistory = (
    entity: EntityConfig,
    id: string,
    action: string,
    before: Row | null,
    after: Row,
  ) => {
    if (!entity.options.history) return;
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of Object.keys({ ...before, ...after })) {
      if (['version', 'updatedAt', 'createdAt', 'id', 'tenantId', 'createdBy', 'updatedBy'].includes(key))
        continue;
      if (JSON.stringify(before?.[key]) !== JSON.stringify(after[key]))
        changes[key] = [before?.[key] ?? null, after[key] ?? null];
    }
    const list = history.get(id) ?? [];
    list.unshift({ at: String(after.updatedAt), actor: 'Demo User', action, changes });
    history.set(id, list);
  };

  const list = (entity: EntityConfig, rows: Row[], params: URLSearchParams): Response => {
    let result = rows.filter((row) => !row.deletedAt);
    const q = params.get('q')?.toLowerCase();
    if (q) {
      const fields = entity.annotations.search ?? [entity.titleField];
      result = result.filter((row) =>
        fields.some((f) =>
          String(row[f] ?? '')
            .toLowerCase()
            .includes(q),
        ),
      );
    }
    for (const [key, value] of params) {
      const match = /^filter\[([^\]]+)\](?:\[([a-zA-Z]+)\])?$/.exec(key);
      if (!match?.[1]) continue;
      const field = match[1];
      const op = match[2] ?? 'eq';
      result = result.filter((row) => matches(row, field, op, value));
    }
    const sort = (params.get('sort') ?? '').split(',').filter(Boolean);
    if (sort.length) {
      result = [...result].sort((a, b) => {
        for (const spec of sort) {
          const desc = spec.startsWith('-');
          const field = desc ? spec.slice(1) : spec;
          const order = compare(a[field], b[field]);
          if (order !== 0) return desc ? -order : order;
        }
        return compare(a.id, b.id);
      });
    }
    const pageSize = Math.min(Number(params.get('pageSize') ?? 50) || 50, maxPageSize);
    const cursor = params.get('cursor');
    const offset = cursor ? Number(atob(cursor)) : 0;
    const items = result.slice(offset, offset + pageSize);
    const next = offset + pageSize < result.length ? btoa(String(offset + pageSize)) : null;
    const body: Row = { items, nextCursor: next };
    if (params.get('total') === 'true') body.total = result.length;
    return json(200, body);
  };

  async function handle(method: string, url: URL, headers: Headers, body: unknown): Promise<Response> {
    const parts = url.pathname
      .replace(/^\/api\/[^/]+/, '')
      .split('/')
      .filter(Boolean);
    for (const route of routes) {
      if (route.method !== method) continue;
      const pattern = route.path.split('/').filter(Boolean);
      if (pattern.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const matched = pattern.every((segment, index) => {
        const part = parts[index] ?? '';
        if (segment.startsWith('{') && segment.endsWith('}')) {
          params[segment.slice(1, -1)] = decodeURIComponent(part);
          return true;
        }
        return segment === part;
      });
      if (!matched) continue;
      const answer = route.handle({ params, body, query: url.searchParams, tables });
      const status = answer.status ?? 200;
      if (status >= 400) {
        const problemBody = (answer.body ?? {}) as Row;
        return new Response(
          JSON.stringify({ type: 'about:blank', title: 'Error', status, errors: [], ...problemBody }),
          {
            status,
            headers: { 'content-type': 'application/problem+json' },
          },
        );
      }
      return json(status, answer.body);
    }
    const [resource, id, sub] = parts;
    const entity = resource ? entityOf(resource) : undefined;
    if (!entity || !resource) return problem(404, 'NOT_FOUND', `No route ${url.pathname}`);
    const rows = tables.get(resource) ?? [];
    if (!id && method === 'GET') return list(entity, rows, url.searchParams);
    if (!id && method === 'POST') {
      const record = withDefaults(entity, (body ?? {}) as Row);
      const issues = validateRecord(entity, record);
      if (issues.length)
        return problem(422, 'VALIDATION_FAILED', 'The record is not valid', withBody(issues));
      const unique = uniqueIssues(entity, record, rows);
      if (unique.length)
        return problem(409, 'UNIQUE_VIOLATION', 'A record with these values exists', withBody(unique));
      const row = stamp(record);
      rows.unshift(row);
      recordHistory(entity, String(row.id), 'create', null, row);
      return json(201, row, etagOf(row));
    }
    if (id === 'bulk' && method === 'POST') {
      const items = Array.isArray((body as Row | undefined)?.items) ? ((body as Row).items as Row[]) : [];
      const issues: ValidationIssue[] = [];
      const prepared = items.map((item, index) => {
        const record = withDefaults(entity, item);
        issues.push(...withBody(validateRecord(entity, record), `/items/${index}`));
        issues.push(...withBody(uniqueIssues(entity, record, rows), `/items/${index}`));
        return record;
      });
      if (issues.length) return problem(422, 'VALIDATION_FAILED', 'Some items are not valid', issues);
      const created = prepared.map(stamp);
      rows.unshift(...created);
      return json(201, { items: created });
    }
    const row = rows.find((candidate) => candidate.id === id && !candidate.deletedAt);
    if (!row) return problem(404, 'NOT_FOUND', `No ${entity.name} ${id}`);
    if (!sub && method === 'GET') return json(200, row, etagOf(row));
    if (sub === 'history' && method === 'GET') {
      if (!entity.options.history) return problem(404, 'NOT_FOUND', 'No history');
      return json(200, { items: history.get(String(id)) ?? [] });
    }
    const ifMatch = headers.get('if-match');
    if (ifMatch && ifMatch !== etagOf(row))
      return problem(412, 'PRECONDITION_FAILED', 'The record was changed by someone else');
    if (!sub && method === 'PATCH') {
      if (!ifMatch) return problem(428, 'PRECONDITION_REQUIRED', 'Send If-Match with the ETag you read');
      const patch = (body ?? {}) as Row;
      const merged = applyMergePatch(row, patch);
      const issues = validateRecord(entity, writable(entity, merged), { previous: row });
      if (issues.length)
        return problem(422, 'VALIDATION_FAILED', 'The record is not valid', withBody(issues));
      const unique = uniqueIssues(entity, merged, rows);
      if (unique.length)
        return problem(409, 'UNIQUE_VIOLATION', 'A record with these values exists', withBody(unique));
      const before = { ...row };
      Object.assign(row, merged, { version: Number(row.version) + 1, updatedAt: now() });
      for (const key of Object.keys(row))
        if (!(key in merged) && key !== 'version' && key !== 'updatedAt') delete row[key];
      recordHistory(entity, String(id), 'update', before, row);
      return json(200, row, etagOf(row));
    }
    if (!sub && method === 'DELETE') {
      if (entity.annotations.softDelete) row.deletedAt = now();
      else rows.splice(rows.indexOf(row), 1);
      return json(204, undefined);
    }
    if ((sub === 'move' || sub === 'transition') && method === 'POST') {
      const input = (body ?? {}) as Row;
      const field =
        sub === 'transition'
          ? entity.annotations.workflow?.field
          : (entity.options.kanban?.action?.bodyField ?? entity.annotations.ui?.kanbanField);
      const value = sub === 'transition' ? input.to : field ? input[field] : undefined;
      if (!field || typeof value !== 'string') return problem(400, 'BAD_REQUEST', 'Nothing to move to');
      const before = { ...row };
      const merged = { ...row, [field]: value };
      const issues = validateRecord(entity, writable(entity, merged), { previous: row });
      if (issues.length)
        return problem(422, 'RULE_FAILED', issues[0]?.message ?? 'Not allowed', withBody(issues));
      Object.assign(row, merged, { version: Number(row.version) + 1, updatedAt: now() });
      recordHistory(entity, String(id), sub, before, row);
      return json(200, row, etagOf(row));
    }
    return problem(405, 'METHOD_NOT_ALLOWED', `${method} ${url.pathname}`);
  }

  const fakeFetch: typeof fetch = async (input, init) => {
    const { url, method, headers, text } = await readFetchInput(input, init);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return problem(400, 'MALFORMED_JSON', 'Body is not JSON');
    }
    // header names as a browser's Headers gives them (happy-dom keeps the case they were set in)
    const named = [...headers].map(([name, value]) => [name.toLowerCase(), value]);
    requests.push({ method, url: url.pathname + url.search, headers: Object.fromEntries(named), body });
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    return handle(method, url, headers, body);
  };

  return {
    fetch: fakeFetch,
    tables,
    requests,
    touch(resource, id, changes = {}) {
      const row = tables.get(resource)?.find((candidate) => candidate.id === id);
      if (!row) throw new Error(`No ${resource} ${id}`);
      Object.assign(row, changes, { version: Number(row.version) + 1, updatedAt: now() });
    },
  };
}
