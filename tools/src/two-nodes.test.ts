/**
 * Two server processes on one PostgreSQL database, one RabbitMQ and one Redis (issue 14): each a
 * full kernel with the CRM (producer of `crm.deal.won`, and its own subscriber of it) and the sales
 * fixture (its consumer), started from `two-nodes-child.test-helper.ts` and driven over real HTTP
 * by signed-in users whose requests alternate between the nodes (one session serves on both).
 * Every event must be consumed exactly once per consumer, none lost; a rate limit of N must be N
 * across both nodes; once one node stops, the other takes its consumers over. The apps load at
 * run time: tools/ sees every app, no app sees another.
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

/** deals won, by `writers` users at once, each under the per-user limit */
const wins = 40;
const writers = 8;
/** calls per user and tenant (`http.rateLimit`), and per address to a public operation */
const userLimit = 10;
const publicLimit = 7;
const writerEmails = Array.from({ length: writers }, (_, i) => `writer-${i}@acme.example`);
const probeEmail = 'probe@acme.example';
const survivorEmail = 'survivor@acme.example';
/** deals won on the node left once the other has stopped */
const laterWins = 8;
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
      CODEXION_HTTP__RATE_LIMIT__LIMIT: String(userLimit),
      CODEXION_HTTP__RATE_LIMIT__WINDOW_MS: '60000',
      CODEXION_HTTP__PUBLIC_RATE_LIMIT__LIMIT: String(publicLimit),
      CODEXION_HTTP__PUBLIC_RATE_LIMIT__WINDOW_MS: '60000',
      CODEXION_LOGGING__LEVEL: 'warn',
      TWO_NODES_EMAILS: [...writerEmails, probeEmail, survivorEmail].join(','),
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

/** A signed-in person at the nodes' API: keeps the cookies, echoes the CSRF cookie on writes. */
class Session {
  readonly #cookies = new Map<string, string>();

  /** One request to the node at `baseUrl`, with the session's cookies. */
  async request(baseUrl: string, method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.#cookies.size > 0)
      headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const csrf = [...this.#cookies].find(([name]) => name.endsWith('_csrf'))?.[1];
    if (csrf !== undefined && method !== 'GET') headers['x-csrf-token'] = csrf;
    const response = await fetch(new URL(path, baseUrl), {
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

  /** Signs in at one node. */
  static async signIn(baseUrl: string, email: string): Promise<Session> {
    const session = new Session();
    const response = await session.request(baseUrl, 'POST', '/api/auth/login', { email, password });
    const body = (await response.json()) as { status?: string };
    if (response.status !== 200 || body.status !== 'signed_in')
      throw new Error(`sign-in at ${baseUrl}: ${response.status} ${JSON.stringify(body)}`);
    return session;
  }
}

/** The URL of node `i % 2`: calls alternate between the two. */
function nodeUrl(i: number): string {
  const node = nodes[i % 2];
  if (node === undefined) throw new Error('the nodes did not start');
  return node.url;
}

/** What a rate-limit test looks at in an answer. */
interface Answer {
  status: number;
  type: string | null;
  code: string | undefined;
  retryAfter: string | null;
}

async function answer(response: Promise<Response>): Promise<Answer> {
  const answered = await response;
  const body = (await answered.json()) as { code?: string };
  return {
    status: answered.status,
    type: answered.headers.get('content-type'),
    code: body.code,
    retryAfter: answered.headers.get('retry-after'),
  };
}

/** The first `limit` answered with `status`, every later one refused: 429 problem+json with Retry-After. */
function expectLimited(answers: readonly Answer[], limit: number, status: number): void {
  expect(answers.slice(0, limit).map((a) => a.status)).toEqual(Array(limit).fill(status));
  const refused = answers.slice(limit);
  expect(refused.length).toBeGreaterThan(0);
  for (const a of refused) {
    expect(a).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(a.type).toContain('application/problem+json');
    expect(Number(a.retryAfter)).toBeGreaterThan(0);
  }
}

function summary(answers: readonly Answer[]): string {
  const refused = answers.filter((a) => a.status === 429).length;
  return `${answers.length} calls alternating between the nodes, ${answers.length - refused} answered, ${refused} refused (429)`;
}

/** Waits until every event is dispatched and every delivery handled, by whichever node took it. */
async function settle(): Promise<void> {
  const settled = async () =>
    (await count(
      `select (select count(*) from prefiq.event_outbox where dispatched_at is null)::int
          + (select count(*) from prefiq.event_deliveries)::int
          + (select count(*) from prefiq.event_outbox o where o.name = 'crm.deal.won'
               and (select count(*) from prefiq.event_inbox i where i.event_id = o.id) < 2)::int as n`,
    )) === 0;
  for (let i = 0; i < 300 && !(await settled()); i += 1) await new Promise((r) => setTimeout(r, 100));
}

/** The won events, how many events in all, those a consumer has no inbox record of, the CRM's effects by event. */
async function consumption() {
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
  return { won, events, lost, crmEffects };
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
  // the test users work in the seeded tenant as its owners
  await test.database.execute(
    `insert into prefiq.memberships (tenant_id, user_id, role)
     select $1::uuid, id, 'owner' from prefiq.users where email = any($2::text[])`,
    [developmentTenantId, [...writerEmails, probeEmail, survivorEmail]],
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
      // each writer signs in at one node and then calls both in turn: the session is the database's
      const sessions = await Promise.all(writerEmails.map((email, w) => Session.signIn(nodeUrl(w), email)));
      const listed = await sessions[0]?.request(
        nodeUrl(1),
        'GET',
        `/api/crm/deals?filter[status]=open&filter[amount][isNull]=false&pageSize=${wins}`,
      );
      if (listed === undefined) throw new Error('no writer');
      expect(listed.status).toBe(200);
      const deals = ((await listed.json()) as { items: { id: string; title: string }[] }).items;
      expect(deals).toHaveLength(wins);
      const goldBefore = await count(`select count(*)::int as n from sales.accounts where tier = 'gold'`);

      // all writers at once, each winning its share of the deals on alternating nodes
      const statuses = await Promise.all(
        sessions.map(async (session, w) => {
          const answered: number[] = [];
          for (let i = w, turn = w; i < wins; i += writers, turn += 1) {
            const response = await session.request(
              nodeUrl(turn),
              'POST',
              `/api/crm/deals/${deals[i]?.id}/win`,
            );
            await response.arrayBuffer();
            answered.push(response.status);
          }
          return answered;
        }),
      );
      expect(statuses.flat()).toEqual(Array(wins).fill(200));
      const written = performance.now();

      await settle();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);

      const { won, events, lost, crmEffects } = await consumption();
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

    it(`a rate limit of ${userLimit} calls per user is ${userLimit} across both nodes, the rest 429 problem+json`, async () => {
      const probe = await Session.signIn(nodeUrl(0), probeEmail);
      const answers = [];
      for (let i = 0; i < 3 * userLimit; i += 1)
        answers.push(await answer(probe.request(nodeUrl(i), 'GET', '/api/sales/accounts?pageSize=1')));
      expectLimited(answers, userLimit, 200);
      console.info(`two nodes: rate limit ${userLimit} per user: ${summary(answers)}`);
    });

    it(`a public rate limit of ${publicLimit} is ${publicLimit} across both nodes, the rest 429 problem+json`, async () => {
      const path = `/api/sales/accounts/lookup?tenant=${developmentTenantId}&domain=nobody.example`;
      const answers = [];
      for (let i = 0; i < 3 * publicLimit; i += 1)
        answers.push(await answer(fetch(new URL(path, nodeUrl(i)))));
      // the demo data has no such account: answered means 404
      expectLimited(answers, publicLimit, 404);
      console.info(`two nodes: public rate limit ${publicLimit} per address: ${summary(answers)}`);
    });

    it(`one node stops: the other takes its consumers over, ${laterWins} more wins consumed once each`, async () => {
      const [handler] = await rows<{ pid: number }>('select distinct pid from public.two_nodes_effects');
      const stopped = nodes.find((node) => node.process.pid === handler?.pid) ?? nodes[0];
      const survivor = nodes.find((node) => node !== stopped);
      if (stopped === undefined || survivor === undefined) throw new Error('two nodes expected');
      stopped.process.kill('SIGTERM');
      await stopped.exited;
      const started = performance.now();

      const session = await Session.signIn(survivor.url, survivorEmail);
      const listed = await session.request(
        survivor.url,
        'GET',
        `/api/crm/deals?filter[status]=open&filter[amount][isNull]=false&pageSize=${laterWins}`,
      );
      const deals = ((await listed.json()) as { items: { id: string }[] }).items;
      expect(deals).toHaveLength(laterWins);
      for (const deal of deals) {
        const response = await session.request(survivor.url, 'POST', `/api/crm/deals/${deal.id}/win`);
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
      await settle();

      const { won, lost, crmEffects } = await consumption();
      const bySurvivor = await count(
        `select count(*)::int as n from public.two_nodes_effects e
           join prefiq.event_outbox o on o.id = e.event_id
          where e.pid = $1 and o.payload->>'dealId' = any($2::text[])`,
        [survivor.process.pid, deals.map((deal) => deal.id)],
      );
      console.info(
        `two nodes: node ${stopped.process.pid} stopped; ${laterWins} more wins on node ${survivor.process.pid} ` +
          `consumed in ${((performance.now() - started) / 1000).toFixed(1)} s; ${won.length} crm.deal.won in all, ` +
          `crm effects ${crmEffects.length} (${bySurvivor} of the new ones by the survivor), lost ${lost.length}`,
      );
      expect(won).toHaveLength(wins + laterWins);
      expect(lost).toEqual([]);
      expect(crmEffects.map((effect) => effect.event_id).sort()).toEqual(won.map((event) => event.id).sort());
      expect(crmEffects.filter((effect) => effect.n > 1)).toEqual([]);
      expect(bySurvivor).toBe(laterWins);
    }, 60_000);
  },
);
