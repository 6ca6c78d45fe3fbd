import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../data/test-database.js';
import { createKernel, type Kernel } from '../kernel/boot.js';
import { frameworkMigrations } from '../kernel/framework-migrations.js';
import { kernelDatabase, onPostgres } from '../kernel/kernel-database.test-helper.js';
import { DatabaseToken } from '../kernel/kernel-tokens.js';
import { logCapture } from '../kernel/probe-app.test-helper.js';
import { salesPlugin } from '../plugins/sales-fixture.test-helper.js';
import { takesIdempotencyKey } from './idempotency.js';
import { idempotencyStore } from './idempotency-store.js';
import type { HttpServer } from './serve.js';

/**
 * Idempotency-Key over real HTTP on the sales fixture, booted by the kernel: PGlite in memory, or a
 * database of its own on the server DATABASE_URL names (dropped afterwards).
 */
const otherTenant = '7e7e7e7e-0000-4000-8000-00000000007e';

let root: string;
let kernel: Kernel;
let server: HttpServer;
let dropDatabase: () => Promise<void> = async () => {};
const logs = logCapture();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prefiq-idem-'));
  const database = await kernelDatabase('idempotency');
  dropDatabase = database.drop;
  kernel = createKernel({
    root,
    plugins: [await salesPlugin()],
    env: { NODE_ENV: 'test', ...database.env },
    // the 50 concurrent requests below are one client: not a rate-limit test
    overrides: { http: { rateLimit: { enabled: false } } },
    logDestination: logs.stream,
  });
  await kernel.boot();
  server = await kernel.listen({ port: 0 });
}, 60_000);

afterAll(async () => {
  await kernel?.shutdown();
  await dropDatabase();
  await rm(root, { recursive: true, force: true });
}, 30_000);

interface Sent {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Sent> {
  const response = await fetch(`${server.url}/api/sales${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

const json = (sent: Sent) => JSON.parse(sent.bytes.toString('utf8')) as Record<string, unknown>;

async function accountsNamed(name: string, tenant?: string): Promise<number> {
  const response = await fetch(
    `${server.url}/api/sales/accounts?q=${encodeURIComponent(name)}&pageSize=100`,
    {
      headers: tenant === undefined ? {} : { 'x-codexion-tenant': tenant },
    },
  );
  const page = (await response.json()) as { items: { name: string }[] };
  return page.items.filter((a) => a.name === name).length;
}

/** The headers a replay repeats: all but the request's own (id, trace) and the replay marker. */
function replayedHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (
      !['x-request-id', 'traceparent', 'date', 'idempotent-replayed', 'connection', 'keep-alive'].includes(
        name,
      )
    )
      kept[name] = value;
  });
  return kept;
}

describe(`Idempotency-Key on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('50 concurrent creates with one key: exactly one account, the others replays or 409s, each replay byte for byte', async () => {
    const key = randomUUID();
    const name = `Concurrent ${key.slice(0, 8)}`;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => post('/accounts', { name }, { 'idempotency-key': key })),
    );
    const created = answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null);
    const replays = answers.filter((a) => a.headers.get('idempotent-replayed') === 'true');
    const conflicts = answers.filter((a) => a.status === 409);
    console.info(
      `idempotency: 50 concurrent creates with one key: ${created.length} created, ${replays.length} replays, ${conflicts.length} × 409`,
    );
    expect(created).toHaveLength(1);
    expect(replays.length + conflicts.length).toBe(49);
    expect(await accountsNamed(name)).toBe(1);
    const [first] = created;
    if (first === undefined) throw new Error('nothing was created');
    for (const replay of replays) {
      expect(replay.status).toBe(201);
      expect(replay.bytes.equals(first.bytes)).toBe(true);
      expect(replayedHeaders(replay.headers)).toEqual(replayedHeaders(first.headers));
    }
    for (const conflict of conflicts) {
      expect(conflict.headers.get('content-type')).toBe('application/problem+json');
      expect(json(conflict)).toMatchObject({ status: 409, code: 'IDEMPOTENCY_CONFLICT' });
    }
    // once the first has answered, a retry is always a replay
    const later = await post('/accounts', { name }, { 'idempotency-key': key });
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(later.bytes.equals(first.bytes)).toBe(true);
    expect(later.headers.get('location')).toBe(first.headers.get('location'));
    expect(later.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('the same key with a different body, or on another path, is a 422 problem and changes nothing', async () => {
    const key = randomUUID();
    const first = await post('/accounts', { name: 'Reused key' }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const other = await post('/accounts', { name: 'Reused key, other body' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect(json(other)).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      errors: [{ path: '/headers/idempotency-key', code: 'reused' }],
    });
    expect(await accountsNamed('Reused key, other body')).toBe(0);
    const opportunity = {
      title: 'Same key, other path',
      accountId: json(first).id,
      amount: 1,
      stage: 'lead',
      status: 'open',
      currency: 'EUR',
    };
    const elsewhere = await post('/opportunities', opportunity, { 'idempotency-key': key });
    expect(json(elsewhere)).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keys are per tenant: the same key in another tenant creates there', async () => {
    const key = randomUUID();
    const name = `Per tenant ${key.slice(0, 8)}`;
    expect((await post('/accounts', { name }, { 'idempotency-key': key })).status).toBe(201);
    const there = await post(
      '/accounts',
      { name },
      { 'idempotency-key': key, 'x-codexion-tenant': otherTenant },
    );
    expect(there.status).toBe(201);
    expect(there.headers.get('idempotent-replayed')).toBeNull();
    expect(await accountsNamed(name)).toBe(1);
    expect(await accountsNamed(name, otherTenant)).toBe(1);
  });

  it('refuses an empty, over-long or non-ASCII key with a 400 problem naming the header, and creates nothing', async () => {
    for (const key of ['', 'k'.repeat(256), 'clé', 'with space']) {
      const name = `Bad key ${key.length}`;
      const answer = await post('/accounts', { name }, { 'idempotency-key': key });
      expect(answer.status, JSON.stringify(key)).toBe(400);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(json(answer).errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: '/headers/idempotency-key' })]),
      );
      expect(await accountsNamed(name)).toBe(0);
    }
    // 255 visible characters is the longest key
    expect(
      (await post('/accounts', { name: 'Longest key' }, { 'idempotency-key': 'k'.repeat(255) })).status,
    ).toBe(201);
  });

  it('a request that fails (a validation error) keeps nothing: the same key then runs the corrected request', async () => {
    const key = randomUUID();
    const bad = await post('/accounts', { name: '' }, { 'idempotency-key': key });
    expect(bad.status).toBe(422);
    const database = kernel.container.resolve(DatabaseToken);
    const rows = await database.execute('select 1 from prefiq.idempotency_keys where key = $1', [key]);
    expect(rows).toEqual([]);
    const name = `Corrected ${key.slice(0, 8)}`;
    expect((await post('/accounts', { name }, { 'idempotency-key': key })).status).toBe(201);
    expect(await accountsNamed(name)).toBe(1);
  });

  it('without a key every POST runs', async () => {
    const name = `No key ${randomUUID().slice(0, 8)}`;
    await post('/accounts', { name });
    await post('/accounts', { name });
    expect(await accountsNamed(name)).toBe(2);
  });
});

describe('the idempotency store', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase({ migrations: frameworkMigrations });
  }, 60_000);
  afterAll(() => test?.dispose());

  const scope = { tenantId: otherTenant, credential: 'user:a', key: 'k-1' };
  const fingerprint = 'a'.repeat(64);

  it('scopes keys per credential, replays what was kept, takes over an abandoned claim and purges expired keys', async () => {
    const store = idempotencyStore(test.database);
    expect(await store.claim(scope, fingerprint, 60_000, 60_000)).toEqual({ outcome: 'claimed' });
    expect(await store.claim(scope, fingerprint, 60_000, 60_000)).toEqual({ outcome: 'in_flight' });
    expect(await store.claim({ ...scope, credential: 'api_key:b' }, fingerprint, 60_000, 60_000)).toEqual({
      outcome: 'claimed',
    });
    const body = new Uint8Array([0, 1, 2, 255]);
    await store.complete(scope, { status: 201, headers: [['etag', '"x:1"']], body });
    expect(await store.claim(scope, fingerprint, 60_000, 60_000)).toEqual({
      outcome: 'replay',
      response: { status: 201, headers: [['etag', '"x:1"']], body },
    });
    expect(await store.claim(scope, 'b'.repeat(64), 60_000, 60_000)).toEqual({ outcome: 'mismatch' });

    // a claim whose lease ran out (its request died) is taken over
    const dead = { ...scope, key: 'k-dead' };
    expect(await store.claim(dead, fingerprint, 60_000, 1)).toEqual({ outcome: 'claimed' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.claim(dead, fingerprint, 60_000, 60_000)).toEqual({ outcome: 'claimed' });

    // expired keys go with a purge, and are claimed afresh before it
    const expired = { ...scope, key: 'k-expired' };
    expect(await store.claim(expired, fingerprint, 1, 60_000)).toEqual({ outcome: 'claimed' });
    await store.complete(expired, { status: 200, headers: [], body: new Uint8Array() });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.purge()).toBe(1);
    expect(await store.claim(expired, fingerprint, 60_000, 60_000)).toEqual({ outcome: 'claimed' });
  });
});

describe('which operations take a key', () => {
  const declared = { $ref: '#/components/parameters/IdempotencyKey' };
  const operation = (parameters: unknown[] = []) =>
    ({ operationId: 'x', responses: {}, parameters }) as unknown as Parameters<typeof takesIdempotencyKey>[1];

  it('every POST; a PATCH or PUT only where the contract declares the header; never a GET or DELETE', () => {
    expect(takesIdempotencyKey('post', operation())).toBe(true);
    expect(takesIdempotencyKey('patch', operation())).toBe(false);
    expect(takesIdempotencyKey('patch', operation([declared]))).toBe(true);
    expect(takesIdempotencyKey('put', operation([{ in: 'header', name: 'Idempotency-Key' }]))).toBe(true);
    expect(takesIdempotencyKey('get', operation())).toBe(false);
    expect(takesIdempotencyKey('delete', operation([{ in: 'query', name: 'Idempotency-Key' }]))).toBe(false);
  });
});
