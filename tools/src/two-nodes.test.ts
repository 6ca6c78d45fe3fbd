/**
 * Two server processes on one PostgreSQL database, one RabbitMQ and one Redis (issue 14): each a
 * full kernel with the CRM (producer of `crm.deal.won`, and its own subscriber of it) and the sales
 * fixture (its consumer), started from `two-nodes-child.test-helper.ts` and driven over real HTTP,
 * the writes alternating between the nodes. Every event must be consumed exactly once per
 * consumer, none lost; a rate limit of N must be N across both nodes. The apps load at run time:
 * tools/ sees every app, no app sees another.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { developmentTenantId, frameworkMigrations, tenantRole } from '@codexion/framework';
import { createTestDatabase, type TestDatabase } from '@codexion/framework/testing';
import { Connection } from 'rabbitmq-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('./two-nodes-child.test-helper.ts', import.meta.url));
const needed = {
  DATABASE_URL: process.env.DATABASE_URL,
  CODEXION_AMQP_URL: process.env.CODEXION_AMQP_URL,
  CODEXION_REDIS_URL: process.env.CODEXION_REDIS_URL,
};
// PGlite will not do: two processes cannot share an embedded database
const missing = Object.entries(needed)
  .filter(
    ([name, value]) => value === undefined || (name === 'DATABASE_URL' && !/^postgres(ql)?:/.test(value)),
  )
  .map(([name]) => name);
const reason = `(needs DATABASE_URL, CODEXION_AMQP_URL and CODEXION_REDIS_URL${missing.length > 0 ? `: ${missing.join(', ')} not set, skipped` : ''})`;

const wins = 40;
const publicLimit = 7;
const email = 'two-nodes@acme.example';
const password = `two-nodes-${randomBytes(8).toString('hex')}`;
const amqpPrefix = `codexion-test-${randomBytes(4).toString('hex')}`;

interface Node {
  process: ChildProcess;
  url: string;
  exited: Promise<void>;
}

let test: TestDatabase;
const nodes: Node[] = [];

/** Starts one server process and resolves once it listens; its stderr is shown if it dies first. */
function startNode(role: 'first' | 'second', databaseUrl: string): Promise<Node> {
  const started = spawn(process.execPath, ['--import', 'tsx', child, role], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      CODEXION_EVENTS__AMQP_PREFIX: amqpPrefix,
      CODEXION_EVENTS__POLL_INTERVAL_MS: '100',
      CODEXION_REDIS__KEY_PREFIX: `prefiq:test:${amqpPrefix}:`,
      CODEXION_AUTH__TRUSTED_CONTEXT: 'false',
      CODEXION_HTTP__PUBLIC_RATE_LIMIT__LIMIT: String(publicLimit),
      CODEXION_HTTP__PUBLIC_RATE_LIMIT__WINDOW_MS: '60000',
      CODEXION_LOGGING__LEVEL: 'warn',
      TWO_NODES_EMAIL: email,
      TWO_NODES_PASSWORD: password,
    },
  });
  const exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
  let errors = '';
  started.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    started.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const line = buffer.split('\n').find((l) => l.startsWith('listening '));
      if (line !== undefined) resolve({ process: started, url: line.slice('listening '.length), exited });
    });
    void exited.then(() => reject(new Error(`the ${role} node exited before listening:\n${errors}`)));
  });
}

/** A signed-in person at one node's API: keeps the cookies, echoes the CSRF cookie on writes. */
class Session {
  readonly #cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.#cookies.size > 0)
      headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const csrf = [...this.#cookies].find(([name]) => name.endsWith('_csrf'))?.[1];
    if (csrf !== undefined && method !== 'GET') headers['x-csrf-token'] = csrf;
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }

  static async signIn(baseUrl: string): Promise<Session> {
    const session = new Session(baseUrl);
    const response = await session.request('POST', '/api/auth/login', { email, password });
    const body = (await response.json()) as { status?: string };
    if (response.status !== 200 || body.status !== 'signed_in')
      throw new Error(`sign-in at ${baseUrl}: ${response.status} ${JSON.stringify(body)}`);
    return session;
  }
}

async function rows<R>(text: string, params: unknown[] = []): Promise<R[]> {
  return test.database.execute<R & Record<string, unknown>>(text, params) as Promise<R[]>;
}

async function count(text: string, params: unknown[] = []): Promise<number> {
  const [row] = await rows<{ n: number }>(text, params);
  return Number(row?.n);
}

beforeAll(async () => {
  if (missing.length > 0) return;
  test = await createTestDatabase({ migrations: frameworkMigrations });
  const databaseUrl = test.url;
  if (databaseUrl === undefined) throw new Error('the two-node test needs a PostgreSQL database');
  await test.database.execute(`create table public.two_nodes_effects (
    consumer text not null, event_id uuid not null, deal_id uuid not null, pid int not null,
    at timestamptz not null default clock_timestamp())`);
  await test.database.execute(`grant select, insert on public.two_nodes_effects to ${tenantRole}`);
  // one after the other: the first migrates and seeds, the second finds both done
  nodes.push(await startNode('first', databaseUrl));
  nodes.push(await startNode('second', databaseUrl));
  // the test user works in the seeded tenant as its owner
  await test.database.execute(
    `insert into prefiq.memberships (tenant_id, user_id, role)
     select $1::uuid, id, 'owner' from prefiq.users where email = $2`,
    [developmentTenantId, email],
  );
}, 120_000);

afterAll(async () => {
  if (missing.length > 0) return;
  for (const node of nodes) node.process.kill('SIGTERM');
  await Promise.all(nodes.map((node) => node.exited));
  const amqpUrl = needed.CODEXION_AMQP_URL ?? '';
  const connection = new Connection(amqpUrl);
  for (const consumer of ['crm', 'sales'])
    await connection.queueDelete({ queue: `${amqpPrefix}.events.${consumer}` });
  await connection.queueDelete({ queue: `${amqpPrefix}.events.dead-letters` });
  await connection.exchangeDelete({ exchange: `${amqpPrefix}.events` });
  await connection.exchangeDelete({ exchange: `${amqpPrefix}.events.dead` });
  await connection.close();
  // the rate-limit counts in Redis expire with their window
  await test?.dispose();
}, 60_000);

describe.skipIf(missing.length > 0)(
  `two server processes on one PostgreSQL, RabbitMQ and Redis ${reason}`,
  () => {
    it(`${wins} deals won over HTTP on alternating nodes: each crm.deal.won consumed once by the CRM and once by sales`, async () => {
      const started = performance.now();
      const sessions = await Promise.all(nodes.map((node) => Session.signIn(node.url)));
      const [one, two] = sessions;
      if (one === undefined || two === undefined) throw new Error('two nodes expected');
      const listed = await one.request(
        'GET',
        `/api/crm/deals?filter[status]=open&filter[amount][isNull]=false&pageSize=${wins}`,
      );
      expect(listed.status).toBe(200);
      const deals = ((await listed.json()) as { items: { id: string; title: string }[] }).items;
      expect(deals).toHaveLength(wins);
      const goldBefore = await count(`select count(*)::int as n from sales.accounts where tier = 'gold'`);

      // four writers at once, each deal won on the node its index picks
      const statuses: number[] = [];
      for (let i = 0; i < wins; i += 4) {
        const batch = deals.slice(i, i + 4).map(async (deal, j) => {
          const session = (i + j) % 2 === 0 ? one : two;
          const response = await session.request('POST', `/api/crm/deals/${deal.id}/win`);
          await response.arrayBuffer();
          return response.status;
        });
        statuses.push(...(await Promise.all(batch)));
      }
      expect(statuses).toEqual(Array(wins).fill(200));
      const written = performance.now();

      // settled: every event dispatched and every delivery handled, by whichever node took it
      const settled = async () =>
        (await count(
          `select (select count(*) from prefiq.event_outbox where dispatched_at is null)::int
              + (select count(*) from prefiq.event_deliveries)::int
              + (select count(*) from prefiq.event_outbox o where o.name = 'crm.deal.won'
                   and (select count(*) from prefiq.event_inbox i where i.event_id = o.id) < 2)::int as n`,
        )) === 0;
      for (let i = 0; i < 300 && !(await settled()); i += 1) await new Promise((r) => setTimeout(r, 100));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);

      const won = await rows<{ id: string; deal_id: string }>(
        `select id::text, payload->>'dealId' as deal_id from prefiq.event_outbox where name = 'crm.deal.won'`,
      );
      const events = await count('select count(*)::int as n from prefiq.event_outbox');
      const lost = await rows<{ consumer: string; id: string }>(
        `select c.consumer, o.id::text from prefiq.event_outbox o cross join (values ('crm'), ('sales')) as c(consumer)
        where o.name = 'crm.deal.won'
          and not exists (select 1 from prefiq.event_inbox i where i.consumer = c.consumer and i.event_id = o.id)`,
      );
      const crmEffects = await rows<{ event_id: string; n: number }>(
        'select event_id::text, count(*)::int as n from public.two_nodes_effects group by event_id',
      );
      const handledBy = await count('select count(distinct pid)::int as n from public.two_nodes_effects');
      const goldAfter = await count(`select count(*)::int as n from sales.accounts where tier = 'gold'`);
      const duplicatedTitles = await rows<{ name: string }>(
        `select a.name from sales.accounts a where a.tier = 'gold' and a.name = any($1::text[])
        group by a.name having count(*) > (select count(*) from unnest($1::text[]) t where t = a.name)`,
        [deals.map((deal) => deal.title)],
      );
      const duplicates = crmEffects.filter((effect) => effect.n > 1).length + duplicatedTitles.length;
      console.info(
        `two nodes: ${wins} wins over HTTP in ${((written - started) / 1000).toFixed(1)} s, settled in ${seconds} s; ` +
          `${events} events (${won.length} crm.deal.won); effects: crm ${crmEffects.length} (handled by ${handledBy} node(s)), ` +
          `sales ${goldAfter - goldBefore} gold accounts; lost ${lost.length}, duplicates ${duplicates}`,
      );
      expect(won).toHaveLength(wins);
      expect(new Set(won.map((event) => event.deal_id))).toEqual(new Set(deals.map((deal) => deal.id)));
      expect(lost).toEqual([]);
      expect(crmEffects.map((effect) => effect.event_id).sort()).toEqual(won.map((event) => event.id).sort());
      expect(duplicates).toBe(0);
      expect(goldAfter - goldBefore).toBe(wins);
    }, 60_000);

    it(`a public rate limit of ${publicLimit} is ${publicLimit} across both nodes, the rest 429 problem+json`, async () => {
      const path = `/api/sales/accounts/lookup?tenant=${developmentTenantId}&domain=nobody.example`;
      const answers: { status: number; type: string | null; code?: string; retryAfter: string | null }[] = [];
      for (let i = 0; i < 3 * publicLimit; i += 1) {
        const response = await fetch(new URL(path, nodes[i % 2]?.url));
        const body = (await response.json()) as { code?: string };
        answers.push({
          status: response.status,
          type: response.headers.get('content-type'),
          ...(body.code === undefined ? {} : { code: body.code }),
          retryAfter: response.headers.get('retry-after'),
        });
      }
      const refused = answers.filter((answer) => answer.status === 429);
      console.info(
        `two nodes: public rate limit ${publicLimit}: ${answers.length - refused.length} answered, ${refused.length} refused (429)`,
      );
      // the demo data has no such account: answered means 404, and the budget is spent by then
      expect(answers.slice(0, publicLimit).map((answer) => answer.status)).toEqual(
        Array(publicLimit).fill(404),
      );
      expect(refused).toHaveLength(2 * publicLimit);
      for (const answer of refused) {
        expect(answer.type).toContain('application/problem+json');
        expect(answer.code).toBe('RATE_LIMITED');
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      }
    });
  },
);
