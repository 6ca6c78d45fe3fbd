import { connect, type Socket } from 'node:net';
import type { PgDialect } from 'drizzle-orm/pg-core';
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js/session';
import postgres, { type Options, type Sql, type TransactionSql } from 'postgres';
import type { Db, ReadOptions } from './database.js';
import {
  guardTransactionSql,
  isLostConnection,
  TransactionClosedError,
  type TransactionState,
} from './guard-transaction-sql.js';

/**
 * The tenant context of a read, as `SET LOCAL`: the role (row-level security applies from the next
 * statement on), `app.tenant_id` and `app.user_id`, bound, in one prepared statement (parsed and
 * planned once per connection, unlike a simple-protocol text).
 */
const contextStatement =
  "select set_config('role', $1, true), set_config('app.tenant_id', $2, true), set_config('app.user_id', $3, true)";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const roleName = /^[a-z_][a-z0-9_]*$/;

/**
 * The values of {@link contextStatement}. They are bound, not spliced into SQL; still, anything but
 * a plain role name and uuids can only be a bug, refused here with its name rather than by a cast
 * in a policy.
 */
function contextValues(role: string, { tenantId, userId }: ReadOptions): string[] {
  if (!roleName.test(role)) throw new Error(`tenant role "${role}" is not a plain role name`);
  for (const [name, value] of [
    ['tenantId', tenantId],
    ['userId', userId],
  ] as const) {
    if (value !== undefined && !uuid.test(value)) throw new Error(`${name} must be a uuid, got "${value}"`);
  }
  return [role, tenantId ?? '', userId ?? ''];
}

/** A read whose connection closed while it ran: what it read is dropped, and it is tried again. */
export class ReadInterruptedError extends Error {
  override readonly name = 'ReadInterruptedError';
  /** a `CONNECTION_*` code: `isConnectionLoss` counts it as a lost connection */
  readonly code = 'CONNECTION_CLOSED';

  constructor(cause?: unknown) {
    super('The connection closed while the read ran; what it read was dropped', { cause });
  }
}

/**
 * One connection of its own (a postgres.js client with `max: 1`), on which reads queue their
 * statements one read after the other. postgres.js runs a client's statements in the order they
 * were sent, so a read's BEGIN, context, statements and COMMIT stay together as long as no other
 * read sends between them: `held` is that turn.
 */
interface Lane {
  sql: Sql;
  /** how often its connection closed so far */
  closes: number;
  /** `closes` when a statement last succeeded: a lane whose connection closed since then pings first */
  cleanAt: number;
  /**
   * its socket failed and has not closed yet. postgres.js rejects what was sent when the socket
   * fails, but a statement sent between the failure and the close would never settle: nothing is
   * sent on the lane meanwhile
   */
  failing: boolean;
  /** reads waiting for the failing socket to close */
  readonly closeWaiters: (() => void)[];
  /** a read is sending its statements: others wait their turn */
  held: boolean;
  readonly waiting: (() => void)[];
  /** reads whose statements are on the connection and not yet settled */
  inflight: number;
}

/** Where postgres.js would connect to, as it passes it to a `socket` factory. */
interface SocketTarget {
  host: readonly string[];
  port: readonly number[];
  path: string | false;
}

/** Reads in a tenant, each in a read-only transaction as the tenant role, on connections of their own. */
export interface ReadLanes {
  read<T>(work: (db: Db) => Promise<T>, role: string, options: ReadOptions): Promise<T>;
  /** idempotent */
  close(): Promise<void>;
}

function take(lane: Lane): Promise<void> | undefined {
  if (!lane.held) {
    lane.held = true;
    return undefined;
  }
  return new Promise<void>((resolve) => lane.waiting.push(resolve));
}

function pass(lane: Lane): void {
  const next = lane.waiting.shift();
  if (next === undefined) lane.held = false;
  else next();
}

function closedOn(lane: Lane): void {
  lane.closes += 1;
  lane.failing = false;
  for (const resolve of lane.closeWaiters.splice(0)) resolve();
}

function closeOf(lane: Lane): Promise<void> {
  return new Promise<void>((resolve) => lane.closeWaiters.push(resolve));
}

/**
 * Answers a ping once the connection works again. postgres.js hands the error of a backend that
 * died under a statement to the first statement of the reconnected connection, without sending it:
 * here a ping takes it, never a read's BEGIN.
 */
async function clean(lane: Lane): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (lane.failing) await closeOf(lane);
    const closes = lane.closes;
    try {
      await lane.sql.unsafe('select 1').simple();
      if (lane.closes === closes && !lane.failing) {
        lane.cleanAt = closes;
        return;
      }
    } catch (error) {
      if (!isLostConnection(error) || attempt >= 3) throw error;
    }
  }
}

const settle = (lane: Lane) => () => {
  lane.inflight -= 1;
};

async function attempt<T>(
  lane: Lane,
  dialect: PgDialect,
  work: (db: Db) => Promise<T>,
  values: string[],
  oneStatement: boolean,
): Promise<T> {
  const turn = take(lane);
  if (turn !== undefined) await turn;
  let passed = false;
  const passOn = () => {
    if (passed) return;
    passed = true;
    pass(lane);
  };
  try {
    if (lane.failing || lane.cleanAt !== lane.closes) await clean(lane);
  } catch (error) {
    passOn();
    throw error;
  }
  const closes = lane.closes;
  let ended = false;
  let lost = false;
  let preludeError: unknown;
  const closed = () => lane.closes !== closes || lane.failing;
  // the guard sends nothing once the read ended, its BEGIN failed or its connection closed: a
  // statement sent after a close would run on the next connection, outside the transaction
  const state: TransactionState = {
    get open() {
      return !ended && !lost && preludeError === undefined && !closed();
    },
    set open(value: boolean) {
      if (!value) lost = true;
    },
    refusal: () =>
      ended && oneStatement && !lost && preludeError === undefined && !closed()
        ? new Error('Database.read: the work ran a second statement in a read declared as one (oneStatement)')
        : new TransactionClosedError(),
  };
  lane.inflight += 1;
  const end = () => {
    if (ended) return;
    ended = true;
    // COMMIT of a failed read is a ROLLBACK. Not awaited: the next read's statements queue behind
    // it. After a lost connection there is nothing to end, and postgres.js would send it on the next
    // connection (or, between a socket's failure and its close, never settle it).
    if (closed() || lost) settle(lane)();
    else lane.sql.unsafe('commit').simple().execute().then(settle(lane), settle(lane));
    passOn();
  };
  // BEGIN and the context go out with the work's first statement, in the same write
  const notePreludeError = (error: unknown) => {
    preludeError ??= error;
  };
  const begin = lane.sql.unsafe('begin read only').simple().execute();
  begin.catch(notePreludeError);
  const context = lane.sql.unsafe(contextStatement, values, { prepare: true }).execute();
  context.catch(notePreludeError);
  const afterStatement = oneStatement
    ? (query: { execute(): unknown }) => {
        // the statement goes out now and COMMIT right behind it, in the same write
        query.execute();
        end();
      }
    : undefined;
  // drizzle types its session over `Sql`; the lane's client is what it needs at run time
  const guarded = guardTransactionSql(
    lane.sql as unknown as TransactionSql,
    state,
    undefined,
    afterStatement,
  );
  const session = new PostgresJsSession(guarded as unknown as Sql, dialect, undefined);
  const db = new PostgresJsTransaction(dialect, session as never, undefined) as unknown as Db;
  let result: T;
  try {
    result = await work(db);
  } catch (error) {
    end();
    // a failed BEGIN or SET ROLE aborts the transaction: its error, not "transaction aborted", is the cause
    await Promise.allSettled([begin, context]);
    if (preludeError !== undefined) throw preludeError;
    if (closed() && !isLostConnection(error)) throw new ReadInterruptedError(error);
    throw error;
  }
  end();
  // what the work read counts only if it ran after this read's BEGIN and context, on the same
  // connection: a failed BEGIN (postgres.js may fail it without sending it) or a close since
  // (later statements went to a new connection) means it may not have
  await begin;
  await context;
  if (closed()) throw new ReadInterruptedError();
  lane.cleanAt = lane.closes;
  return result;
}

function pick(lanes: readonly Lane[], start: number): Lane {
  let best = lanes[start % lanes.length] as Lane;
  let bestLoad = Number.POSITIVE_INFINITY;
  for (let i = 0; i < lanes.length; i++) {
    const lane = lanes[(start + i) % lanes.length] as Lane;
    const load =
      (lane.failing ? 1_000_000 : 0) + (lane.held ? 1_000 * (1 + lane.waiting.length) : 0) + lane.inflight;
    if (load < bestLoad) {
      best = lane;
      bestLoad = load;
      if (load === 0) break;
    }
  }
  return best;
}

/**
 * Reads in a tenant on `count` connections of their own (a postgres.js client with `max: 1` each),
 * not borrowed from the pool: postgres.js's `reserve()` loses a pooled connection for good when
 * the error of a killed backend lands on the checkout. A read sends `BEGIN READ ONLY` and `select
 * set_config('role', …), set_config(…)` (prepared, values bound) together with its first
 * statement, and COMMIT without waiting for it; declared as one statement (`oneStatement`), COMMIT
 * goes out in the same write as that statement, and the next read's statements may follow on the
 * same connection before the first answer is back (pipelining). Once after a lost connection a
 * read is tried again on another lane: it only reads.
 *
 * @example
 * const lanes = createReadLanes(url, 4, connectionOptions, new PgDialect());
 * const rows = await lanes.read((db) => db.select().from(deals), 'prefiq_app', { tenantId, oneStatement: true });
 */
export function createReadLanes(
  url: string,
  count: number,
  options: Options<Record<string, never>>,
  dialect: PgDialect,
): ReadLanes {
  const lanes = Array.from({ length: Math.max(1, count) }, () => {
    const lane: Lane = {
      sql: undefined as unknown as Sql,
      closes: 0,
      cleanAt: 0,
      failing: false,
      closeWaiters: [],
      held: false,
      waiting: [],
      inflight: 0,
    };
    const laneOptions: Options<Record<string, never>> & { socket: (parsed: SocketTarget) => Socket } = {
      ...options,
      max: 1,
      // the array types postgres.js fetches after connecting: a backend killed under that query
      // rejects a promise nobody handles (which ends the process); drizzle maps arrays itself
      fetch_types: false,
      // the socket as postgres.js would open it, but watched: its failure is known before anything
      // else runs (postgres.js only learns of it from the same event). A documented option its
      // types leave out.
      socket: ({ host, port, path }) => {
        // a socket that failed while connecting is replaced without `onclose`
        if (lane.failing) closedOn(lane);
        const socket =
          typeof path === 'string' && path !== '' ? connect(path) : connect(port[0] ?? 5432, host[0]);
        socket.on('error', () => {
          lane.failing = true;
        });
        return socket;
      },
      onclose: () => closedOn(lane),
    };
    lane.sql = postgres(url, laneOptions);
    return lane;
  });
  let next = 0;
  let closing: Promise<void> | undefined;
  return {
    async read(work, role, readOptions) {
      const values = contextValues(role, readOptions);
      const oneStatement = readOptions.oneStatement === true;
      try {
        next = (next + 1) % lanes.length;
        return await attempt(pick(lanes, next), dialect, work, values, oneStatement);
      } catch (error) {
        if (!isLostConnection(error)) throw error;
        next = (next + 1) % lanes.length;
        return attempt(pick(lanes, next), dialect, work, values, oneStatement);
      }
    },
    close() {
      closing ??= Promise.all(lanes.map((lane) => lane.sql.end({ timeout: 5 }))).then(() => undefined);
      return closing;
    },
  };
}
