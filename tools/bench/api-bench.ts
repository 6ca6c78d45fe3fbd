/**
 * Bench of the API: the kernel's full HTTP stack with the resource engine (sales fixture) against
 * a bare Hono + postgres.js baseline doing the same SQL by hand, on PostgreSQL and on PGlite.
 * Scenarios: GET one account by id, list accounts with a simple WHERE, create an account (in one
 * tenant, the target's scenario; and `create-mt`, spread over 32 tenants; and, on the baseline
 * alone, `get-min` and `create-min`: the least SQL a read under row-level security and an audited
 * create in a tenant need, the floors under the stack's). Prints req/s, p99
 * latency and the ratio to the baseline per scenario; exits 1 when a PostgreSQL target is missed
 * (GET ≥ 75% of the baseline, single-tenant create ≥ 2,000 req/s).
 *
 *   node --import tsx tools/bench/api-bench.ts [--duration 5] [--connections 32] [--only postgres|pglite] [--rounds 1]
 *     [--scenario get|get-min|list|create|create-mt|create-min]... [--target baseline|engine|stack|pglite]...
 *
 * `CODEXION_BENCH_PROFILE=<dir>` makes each server write a V8 CPU profile (`.cpuprofile`) there.
 *
 * `--rounds N` runs the whole sequence N times and prints medians: the ratio is the median of each
 * round's ratio to that round's baseline, so load from elsewhere on the machine (which drifts
 * between one target's run and the next) weighs less.
 *
 * Each server runs in a child process of its own (this file with `--serve`), so that autocannon
 * in this process does not share its event loop. The database is a uniquely named one created
 * from DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards.
 * To bench another app factory, change `stackApp` only: everything else talks HTTP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { frameworkMigrations } from '@codexion/framework/kernel';
import { buildOpenApi } from '@codexion/schema';
import { serve as serveNode } from '@hono/node-server';
import autocannon from 'autocannon';
import { type Context, Hono } from 'hono';
import pino from 'pino';
import postgres from 'postgres';
import { createDatabase } from '../../framework/server/src/data/create-database.js';
import type { Database } from '../../framework/server/src/data/database.js';
import { runMigrations } from '../../framework/server/src/data/run-migrations.js';
import type { AppEnv } from '../../framework/server/src/http/app-env.js';
import { createHttpApp } from '../../framework/server/src/http/create-http-app.js';
import type { OperationHandler } from '../../framework/server/src/http/operation-handler.js';
import { tenantFromHeader } from '../../framework/server/src/http/tenant-context.js';
import { createMetrics } from '../../framework/server/src/observability/metrics.js';
import { loadAppModel } from '../../framework/server/src/plugins/load-app-sources.js';
import { createResourceEngine } from '../../framework/server/src/resources/resource-engine.js';
import { resourceHandlers } from '../../framework/server/src/resources/resource-routes.js';
import {
  ensureRowLevelSecurity,
  tenantRole,
} from '../../framework/server/src/tenancy/ensure-row-level-security.js';

const salesRoot = fileURLToPath(new URL('../../framework/cli/fixtures/sales', import.meta.url));
// the framework's tables first: every write of the engine appends to prefiq.audit_log
const migrations = [
  ...frameworkMigrations,
  { name: 'sales', migrationsFolder: join(salesRoot, 'bin', 'migrations') },
];
const tenantId = '0a0a0a0a-0000-4000-8000-00000000000a';
/** The multi-tenant create scenario's tenants: the seeded one and 31 more, taken in turn. */
const createTenants = Array.from(
  { length: 32 },
  (_, i) => `0a0a0a0a-0000-4000-8000-${(10 + i).toString(16).padStart(12, '0')}`,
);
/** The tenant a request names (`X-Codexion-Tenant`), as the stack's tenant middleware reads it. */
const tenantOf = (c: Context) => c.req.header('x-codexion-tenant') ?? tenantId;
const seedCount = 2_000;
const poolSize = 16;

type Target = 'baseline' | 'engine' | 'stack';

/**
 * Row-level security as the kernel boots it (policies on the sales tables, every read and write
 * in a tenant as the tenant role); `CODEXION_BENCH_RLS=off` measures without, for comparison.
 */
const rowLevelSecurity = process.env.CODEXION_BENCH_RLS !== 'off';

const { values: args } = parseArgs({
  options: {
    serve: { type: 'string' },
    db: { type: 'string' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    scenario: { type: 'string', multiple: true },
    target: { type: 'string', multiple: true },
  },
});

// ---------------------------------------------------------------------------------------------
// servers (child processes)

/** The bare baseline: hand-written SQL through postgres.js prepared statements, no middleware. */
function baselineApp(url: string) {
  const sql = postgres(url, { max: poolSize, onnotice: () => undefined });
  const app = new Hono();
  app.get('/api/sales/accounts/:id', async (c) => {
    if (c.req.header('x-bench-min') === '1') {
      const row = await tenantRead(c.req.param('id'));
      return row === undefined ? c.json({ code: 'NOT_FOUND' }, 404) : c.json(row);
    }
    const [row] = await sql`select * from sales.accounts
      where tenant_id = ${tenantId} and id = ${c.req.param('id')} and deleted_at is null`;
    return row === undefined ? c.json({ code: 'NOT_FOUND' }, 404) : c.json(row);
  });
  app.get('/api/sales/accounts', async (c) => {
    const rows = await sql`select * from sales.accounts
      where tenant_id = ${tenantId} and tier = ${c.req.query('filter[tier]') ?? 'gold'} and deleted_at is null
      order by created_at desc, id desc limit 20`;
    return c.json({ items: rows });
  });
  app.post('/api/sales/accounts', async (c) => {
    const body = await c.req.json<{ name: string; tier?: string }>();
    if (c.req.header('x-bench-audited') === '1') return c.json(await auditedCreate(tenantOf(c), body), 201);
    const [row] = await sql`insert into sales.accounts (tenant_id, name, tier)
      values (${tenantOf(c)}, ${body.name}, ${body.tier ?? 'standard'}) returning *`;
    return c.json(row, 201);
  });

  // `create-min`: the least SQL an audited create in a tenant needs (BEGIN, the tenant context as
  // the tenant role, the INSERT, its audit row, COMMIT), all in one write and one round trip, on
  // connections held one transaction at a time; no sealing, no validation. What no stack can beat.
  const held: postgres.ReservedSql[] = [];
  const waiting: ((connection: postgres.ReservedSql) => void)[] = [];
  const readers: postgres.ReservedSql[] = [];
  // connections of their own, held for good: the plain routes keep the whole pool
  const pinned = postgres(url, { max: poolSize, onnotice: () => undefined });
  const reserving = Promise.all(Array.from({ length: poolSize }, () => pinned.reserve())).then((all) => {
    held.push(...all.slice(0, poolSize / 2));
    readers.push(...all.slice(poolSize / 2));
  });
  async function auditedCreate(tenant: string, body: { name: string; tier?: string }) {
    await reserving;
    const connection =
      held.pop() ?? (await new Promise<postgres.ReservedSql>((resolve) => waiting.push(resolve)));
    try {
      const id = randomUUID();
      const diff = JSON.stringify({ name: { after: body.name }, tier: { after: body.tier ?? 'standard' } });
      const [, , [row]] = await Promise.all([
        connection`begin`.execute(),
        connection`select set_config('role', 'prefiq_app', true), set_config('app.tenant_id', ${tenant}, true), set_config('app.user_id', '', true)`.execute(),
        connection`insert into sales.accounts (id, tenant_id, name, tier)
          values (${id}, ${tenant}, ${body.name}, ${body.tier ?? 'standard'}) returning *`.execute(),
        connection`insert into prefiq.audit_pending (tenant_id, actor_type, actor, action, entity, record_id, diff, request_id, metadata)
          values (${tenant}, 'system', 'system', 'create', 'sales.account', ${id}, ${diff}::jsonb, 'bench', '{"version":1}'::jsonb)`.execute(),
        connection`commit`.execute(),
      ]);
      return row;
    } finally {
      const next = waiting.shift();
      if (next === undefined) held.push(connection);
      else next(connection);
    }
  }
  // `get-min`: the least a read under row-level security needs (a read-only transaction as the
  // tenant role with the tenant set: BEGIN, context, SELECT, COMMIT), in one write, pipelined
  // behind other reads on the same connections. What no stack can beat.
  let turn = 0;
  async function tenantRead(id: string) {
    await reserving;
    const connection = readers[turn++ % readers.length] as postgres.ReservedSql;
    const [, , rows] = await Promise.all([
      connection`begin read only`.execute(),
      connection`select set_config('role', 'prefiq_app', true), set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', '', true)`.execute(),
      connection`select * from sales.accounts
        where tenant_id = ${tenantId} and id = ${id} and deleted_at is null`.execute(),
      connection`commit`.execute(),
    ]);
    return rows[0];
  }
  return app;
}

/** `filter[tier]=gold&pageSize=20` as the operation router passes it: deepObject members as objects. */
function queryInput(url: string): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [key, value] of new URL(url).searchParams) {
    const deep = /^(\w+)\[(\w+)\](?:\[(\w+)\])?$/.exec(key);
    const [, name, member, op] = deep ?? [];
    if (name === undefined || member === undefined) {
      query[key] = value;
      continue;
    }
    const group = (query[name] ?? {}) as Record<string, unknown>;
    query[name] = group;
    if (op === undefined) group[member] = value;
    else group[member] = { ...(group[member] as Record<string, unknown> | undefined), [op]: value };
  }
  return query;
}

/**
 * The engine's handlers on a bare Hono app: only what they read from the context is set, and
 * the input is parsed by hand. The engine's own cost, without the kernel's middleware.
 */
async function engineApp(database: Database) {
  const model = await loadAppModel(salesRoot);
  const tables = (
    (await import(join(salesRoot, 'core', 'generated', 'tables.ts'))) as { tables: Record<string, never> }
  ).tables;
  const engine = createResourceEngine({
    database,
    model,
    tables,
    cursorSecret: 'bench-cursor-secret-0123456789',
  });
  const handlers = resourceHandlers(engine);
  const logger = pino({ level: 'silent' });
  const permissions = new Set(['*']);
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('tenantId', tenantOf(c));
    c.set('requestId', 'bench');
    c.set('logger', logger);
    c.set('userId', undefined);
    c.set('permissions', permissions);
    await next();
  });
  const call = (operationId: string) => async (c: Context<AppEnv>) => {
    const handler = handlers[operationId];
    if (handler === undefined) throw new Error(operationId);
    const body = c.req.method === 'POST' ? await c.req.json() : undefined;
    return handler(c, { params: c.req.param(), query: queryInput(c.req.url), body, headers: {} });
  };
  app.get('/api/sales/accounts/:id', call('getAccount'));
  app.get('/api/sales/accounts', call('listAccounts'));
  app.post('/api/sales/accounts', call('createAccount'));
  app.onError((error, c) => c.json({ error: String(error) }, 500));
  return app;
}

/** The fixture's actions are not benched: each operation without a handler gets a stub. */
function withStubs(
  openapi: object,
  handlers: Record<string, OperationHandler>,
): Record<string, OperationHandler> {
  const all = { ...handlers };
  for (const item of Object.values((openapi as { paths?: Record<string, object> }).paths ?? {})) {
    for (const operation of Object.values(item)) {
      const id = (operation as { operationId?: unknown } | null)?.operationId;
      if (typeof id === 'string' && all[id] === undefined) all[id] = (c) => c.json({});
    }
  }
  return all;
}

/** The full stack: the kernel's HTTP app (every middleware, contract validation) over the engine. */
async function stackApp(database: Database) {
  const model = await loadAppModel(salesRoot);
  const tables = (
    (await import(join(salesRoot, 'core', 'generated', 'tables.ts'))) as { tables: Record<string, never> }
  ).tables;
  const engine = createResourceEngine({
    database,
    model,
    tables,
    cursorSecret: 'bench-cursor-secret-0123456789',
  });
  const openapi = buildOpenApi(model);
  return createHttpApp({
    plugins: [{ name: 'sales', openapi, handlers: withStubs(openapi, resourceHandlers(engine)) }],
    // request logs are written, as in production, to a sink that costs nothing beyond pino itself
    logger: pino({ level: 'info' }, pino.destination('/dev/null')),
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: () => ({ database: { ok: true } }),
    tenant: tenantFromHeader({ defaultTenantId: tenantId }),
    permissions: () => new Set(['*']),
    environment: 'production',
    // one tenant without a user sends tens of thousands a minute: a limit it cannot reach keeps
    // the limiter's cost in the measurement without refusing the load (see ADR 0009)
    rateLimit: { limit: 2_000_000_000, windowMs: 60_000 },
  });
}

/** Accounts for GET and list to find: a tenth of them gold. */
async function seed(database: Database): Promise<void> {
  await database.execute(
    `insert into sales.accounts (tenant_id, name, tier)
     select $1::uuid, 'Seed ' || n, case when n % 10 = 0 then 'gold' else 'standard' end
     from generate_series(1, ${seedCount}) as n`,
    [tenantId],
  );
}

async function runServer(target: Target, url: string): Promise<void> {
  let fetchApp: { fetch: (request: Request, env: unknown) => Response | Promise<Response> };
  if (target === 'baseline') {
    fetchApp = baselineApp(url);
  } else {
    const database = await createDatabase({ url, max: poolSize });
    if (database.kind === 'pglite') {
      await runMigrations(database, migrations);
      await seed(database);
      if (rowLevelSecurity) await ensureRowLevelSecurity(database, { schemas: ['sales'] });
    }
    if (rowLevelSecurity) database.useTenantRole(tenantRole);
    fetchApp = target === 'engine' ? await engineApp(database) : await stackApp(database);
  }
  // the server's own CPU time, read between runs: a per-request cost that other load on the machine
  // does not distort the way it distorts req/s
  // `env` (Node's request and response) passes through as `serve` passes it in production
  const fetch = (request: Request, env: unknown) =>
    new URL(request.url).pathname === '/__bench/cpu'
      ? Response.json(process.cpuUsage())
      : fetchApp.fetch(request, env);
  const server = serveNode({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`ready ${info.port}\n`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------
// the bench (parent process)

interface Server {
  child: ChildProcess;
  url: string;
}

async function startServer(target: Target, url: string): Promise<Server> {
  // CODEXION_BENCH_PROFILE=<dir>: each server writes a V8 CPU profile there when it stops
  const profile = process.env.CODEXION_BENCH_PROFILE;
  const child = spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--serve',
      target,
      '--db',
      url,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${target} server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

interface Measure {
  rps: number;
  p99: number;
  failures: number;
  /** server CPU (user + system) per request, µs */
  cpuUs: number;
}

async function serverCpu(base: string): Promise<number> {
  const { user, system } = (await (await fetch(`${base}/__bench/cpu`)).json()) as {
    user: number;
    system: number;
  };
  return user + system;
}

/**
 * `create`: every account in the one seeded tenant, as the target reads. `create-mt`: beside it,
 * the same creates spread over 32 tenants in turn (each tenant's audit chain is sealed on its own).
 */
type Scenario = 'get' | 'get-min' | 'list' | 'create' | 'create-mt' | 'create-min';
const scenarios: readonly Scenario[] = ['get', 'get-min', 'list', 'create', 'create-mt', 'create-min'];

async function measure(
  base: string,
  scenario: Scenario,
  ids: readonly string[],
  duration: number,
): Promise<Measure> {
  let n = 0;
  const headers = { 'content-type': 'application/json', 'x-codexion-tenant': tenantId };
  const request: autocannon.Request =
    scenario === 'get' || scenario === 'get-min'
      ? {
          method: 'GET',
          path: '/api/sales/accounts',
          headers: scenario === 'get-min' ? { ...headers, 'x-bench-min': '1' } : headers,
          setupRequest: (req) => ({ ...req, path: `/api/sales/accounts/${ids[n++ % ids.length]}` }),
        }
      : scenario === 'list'
        ? { method: 'GET', path: '/api/sales/accounts?filter[tier]=gold&pageSize=20', headers }
        : {
            method: 'POST',
            path: '/api/sales/accounts',
            headers,
            setupRequest: (req) => {
              const i = n++;
              return {
                ...req,
                ...(scenario === 'create-mt'
                  ? { headers: { ...headers, 'x-codexion-tenant': createTenants[i % createTenants.length] } }
                  : scenario === 'create-min'
                    ? { headers: { ...headers, 'x-bench-audited': '1' } }
                    : {}),
                body: JSON.stringify({ name: `Bench ${i}`, tier: 'standard' }),
              };
            },
          };
  const run = (seconds: number) =>
    autocannon({ url: base, connections: Number(args.connections), duration: seconds, requests: [request] });
  await run(1); // warm-up: JIT, prepared statements, pools
  const cpuBefore = await serverCpu(base);
  const result = await run(duration);
  const cpuUs = (await serverCpu(base)) - cpuBefore;
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
    cpuUs: cpuUs / Math.max(1, result.requests.total),
  };
}

async function cleanUp(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await sql`delete from sales.accounts where name like 'Bench %'`;
    await sql`vacuum analyze sales.accounts`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main(): Promise<number> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const duration = Number(args.duration);
  const name = `codexion_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const rounds = Math.max(1, Number(args.rounds));
  const rows: { round: number; scenario: Scenario; target: string; m: Measure }[] = [];
  try {
    const database = await createDatabase({ url: dbUrl.toString() });
    await runMigrations(database, migrations);
    await seed(database);
    if (rowLevelSecurity) await ensureRowLevelSecurity(database, { schemas: ['sales'] });
    const ids = (
      await database.execute<{ id: string }>('select id from sales.accounts order by random() limit 1000')
    ).map((r) => r.id);
    await database.close();

    const targets: { label: string; target: Target; url: string }[] = [
      { label: 'baseline (Hono + postgres.js)', target: 'baseline', url: dbUrl.toString() },
      ...(args.only === 'pglite'
        ? []
        : [{ label: 'engine on bare Hono, PostgreSQL', target: 'engine' as const, url: dbUrl.toString() }]),
      ...(args.only === 'pglite'
        ? []
        : [{ label: 'stack on PostgreSQL', target: 'stack' as const, url: dbUrl.toString() }]),
      ...(args.only === 'postgres'
        ? []
        : [{ label: 'stack on PGlite', target: 'stack' as const, url: 'memory://' }]),
    ];
    for (let round = 0; round < rounds; round++) {
      for (const { label, target, url } of targets.filter(
        // `--target baseline|engine|stack|pglite` (repeatable) runs only those
        (t) => args.target === undefined || args.target.includes(t.url === 'memory://' ? 'pglite' : t.target),
      )) {
        const server = await startServer(target, url);
        try {
          // PGlite's ids are its own: ask the server for some
          let targetIds = ids;
          if (url === 'memory://') {
            const page = (await (
              await fetch(`${server.url}/api/sales/accounts?pageSize=200&fields=name`, {
                headers: { 'x-codexion-tenant': tenantId },
              })
            ).json()) as { items: { id: string }[] };
            targetIds = page.items.map((i) => i.id);
          }
          // `--scenario get|get-min|list|create|create-mt|create-min` (repeatable) runs only those
          for (const scenario of scenarios.filter(
            // get-min and create-min are the baseline's alone: the floors under the stack's
            (s) => (args.scenario?.includes(s) ?? true) && (!s.endsWith('-min') || target === 'baseline'),
          )) {
            rows.push({
              round,
              scenario,
              target: label,
              m: await measure(server.url, scenario, targetIds, duration),
            });
          }
          // every target starts from the same table: created rows would slow the next one's list
          // (the newest rows would all be skipped by `tier = 'gold'`)
          if (url !== 'memory://') await cleanUp(dbUrl.toString());
        } finally {
          await stopServer(server);
        }
      }
    }
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  }

  console.log(
    `\n${args.connections} connections, ${duration} s per scenario, ${seedCount} accounts, row-level security ${rowLevelSecurity ? 'on' : 'off'}${rounds > 1 ? `, medians of ${rounds} rounds` : ''}\n`,
  );
  console.log(
    `${'scenario'.padEnd(9)} ${'target'.padEnd(34)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(7)} ${'vs base'.padStart(8)} ${'CPU µs/req'.padStart(11)} ${'fail'.padStart(5)}`,
  );
  const median = (values: readonly number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  };
  let missed = 0;
  const seen = new Set<string>();
  for (const { scenario, target } of rows) {
    if (seen.has(`${scenario} ${target}`)) continue;
    seen.add(`${scenario} ${target}`);
    const runs = rows.filter((r) => r.scenario === scenario && r.target === target);
    const ratios = runs.map(({ round, m }) => {
      const base = rows.find(
        (r) => r.round === round && r.scenario === scenario && r.target.startsWith('baseline'),
      )?.m.rps;
      return base === undefined || base === 0 ? 0 : m.rps / base;
    });
    const rps = median(runs.map((r) => r.m.rps));
    const ratio = median(ratios);
    console.log(
      `${scenario.padEnd(9)} ${target.padEnd(34)} ${rps.toFixed(0).padStart(8)} ${median(
        runs.map((r) => r.m.p99),
      )
        .toFixed(0)
        .padStart(7)} ${`${(ratio * 100).toFixed(0)}%`.padStart(8)} ${median(runs.map((r) => r.m.cpuUs))
        .toFixed(0)
        .padStart(11)} ${String(runs.reduce((sum, r) => sum + r.m.failures, 0)).padStart(5)}`,
    );
    if (target === 'stack on PostgreSQL') {
      if (scenario === 'get' && ratio < 0.75) missed++;
      if (scenario === 'create' && rps < 2_000) missed++;
    }
  }
  const medianRps = (scenario: Scenario, target: string) =>
    median(rows.filter((r) => r.scenario === scenario && r.target.startsWith(target)).map((r) => r.m.rps));
  for (const [scenario, floorScenario, what] of [
    ['get', 'get-min', 'a read under row-level security'],
    ['create', 'create-min', 'an audited create in a tenant'],
  ] as const) {
    const floor = medianRps(floorScenario, 'baseline');
    const stack = medianRps(scenario, 'stack on PostgreSQL');
    const base = medianRps(scenario, 'baseline');
    if (floor > 0 && stack > 0 && base > 0) {
      console.log(
        `\n${scenario} on PostgreSQL: stack ${((stack / floor) * 100).toFixed(0)}% of ${floorScenario} (${what}, bare postgres.js in one round trip: ${floor.toFixed(0)} req/s = ${((floor / base) * 100).toFixed(0)}% of the baseline's ${scenario})`,
      );
    }
  }
  console.log('\ntargets on PostgreSQL: GET ≥ 75% of the baseline, create ≥ 2,000 req/s');
  if (missed > 0) console.log(`missed ${missed} target(s)`);
  return missed > 0 ? 1 : 0;
}

if (args.serve === 'baseline' || args.serve === 'engine' || args.serve === 'stack') {
  await runServer(args.serve, args.db ?? 'memory://');
} else {
  process.exitCode = await main();
}
