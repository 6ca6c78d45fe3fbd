import { connect, type Socket } from 'node:net';
import { isUuid } from '@codexion/schema';
import type { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js/session';
import postgres, { type Options, type Sql, type TransactionSql } from 'postgres';
import { sendLastStatements, trackTransaction } from './commit-hooks.js';
import type { Db, ReadOptions, TransactionOptions } from './database.js';
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
    if (value !== undefined && !isUuid(value)) throw new Error(`${name} must be a uuid, got "${value}"`);
  }
  return [role, tenantId ?? '', userId ?? ''];
}

/**
 * The tenant context of a write transaction, as {@link contextStatement} without the role (work
 * that names a tenant while no tenant role is in force, e.g. tests of the policies themselves).
 */
const contextWithoutRole =
  "select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)";

/** A context statement and its bound values. */
export interface ContextStatement {
  text: string;
  values: string[];
}

/** The context statement of a write transaction and its values; none when it names nobody. */
export function writeContext(
  role: string | undefined,
  { tenantId, userId }: TransactionOptions = {},
): ContextStatement | undefined {
  if (tenantId === undefined && userId === undefined) return undefined;
  if (role === undefined) return { text: contextWithoutRole, values: [tenantId ?? '', userId ?? ''] };
  if (!roleName.test(role)) throw new Error(`tenant role "${role}" is not a plain role name`);
  return { text: contextStatement, values: [role, tenantId ?? '', userId ?? ''] };
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
 * One connection of its own (a postgres.js client with `max: 1`), on which transactions queue
 * their statements one transaction after the other. postgres.js runs a client's statements in the
 * order they were sent, so a transaction's BEGIN, context, statements and COMMIT stay together as
 * long as no other one sends between them: `held` is that turn. A read holds it while it sends
 * (its statements need no answer to go on); a write holds it until its COMMIT is sent.
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
  /** reads whose statements are on the connection and not yet settled (read lanes only) */
  inflight: number;
}

/** Where postgres.js would connect to, as it passes it to a `socket` factory. */
interface SocketTarget {
  host: readonly string[];
  port: readonly number[];
  path: string | false;
}

/** Transactions on connections of their own: reads in a tenant, and writes (see `createConnectionLanes`). */
export interface ConnectionLanes {
  /** a read-only transaction as `role` in the tenant of `options` */
  read<T>(work: (db: Db) => Promise<T>, role: string, options: ReadOptions): Promise<T>;
  /** a write transaction with `context` (see `writeContext`); the caller runs its commit hooks */
  write<T>(work: (tx: Db) => Promise<T>, context: ContextStatement | undefined): Promise<LaneTransaction<T>>;
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

/**
 * A transaction's turn on a lane, from after its wait: the lane is cleaned first if its connection
 * closed since its last success. `state` guards the transaction's handle: it sends nothing once
 * the transaction ended, its BEGIN or context failed, or its connection closed (a statement sent
 * after a close would run on the next connection, outside the transaction).
 */
interface Turn {
  readonly state: TransactionState;
  ended: boolean;
  lost: boolean;
  preludeError: unknown;
  /** the connection closed, or its socket failed, since the turn began */
  closed(): boolean;
  /** hands the lane to the next transaction, once */
  passOn(): void;
}

async function beginTurn(lane: Lane, release: (lane: Lane) => void): Promise<Turn> {
  let passed = false;
  const passOn = () => {
    if (passed) return;
    passed = true;
    release(lane);
  };
  try {
    if (lane.failing || lane.cleanAt !== lane.closes) await clean(lane);
  } catch (error) {
    passOn();
    throw error;
  }
  const closes = lane.closes;
  const closed = () => lane.closes !== closes || lane.failing;
  const turn: Turn = {
    state: {
      get open() {
        return !turn.ended && !turn.lost && turn.preludeError === undefined && !closed();
      },
      set open(value: boolean) {
        if (!value) turn.lost = true;
      },
    },
    ended: false,
    lost: false,
    preludeError: undefined,
    closed,
    passOn,
  };
  return turn;
}

const settle = (lane: Lane) => () => {
  lane.inflight -= 1;
};

async function readOn<T>(
  lane: Lane,
  dialect: PgDialect,
  work: (db: Db) => Promise<T>,
  values: string[],
  oneStatement: boolean,
): Promise<T> {
  const waited = take(lane);
  if (waited !== undefined) await waited;
  const turn = await beginTurn(lane, pass);
  const { passOn, closed } = turn;
  const state: TransactionState = {
    get open() {
      return turn.state.open;
    },
    set open(value: boolean) {
      turn.state.open = value;
    },
    refusal: () =>
      turn.ended && oneStatement && !turn.lost && turn.preludeError === undefined && !closed()
        ? new Error('Database.read: the work ran a second statement in a read declared as one (oneStatement)')
        : new TransactionClosedError(),
  };
  lane.inflight += 1;
  const end = () => {
    if (turn.ended) return;
    turn.ended = true;
    // COMMIT of a failed read is a ROLLBACK. Not awaited: the next read's statements queue behind
    // it. After a lost connection there is nothing to end, and postgres.js would send it on the next
    // connection (or, between a socket's failure and its close, never settle it).
    if (closed() || turn.lost) settle(lane)();
    else lane.sql.unsafe('commit').simple().execute().then(settle(lane), settle(lane));
    passOn();
  };
  // BEGIN and the context go out with the work's first statement, in the same write
  const notePreludeError = (error: unknown) => {
    turn.preludeError ??= error;
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
    if (turn.preludeError !== undefined) throw turn.preludeError;
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

/** A write transaction whose COMMIT came back as ROLLBACK: a statement in it failed, nothing committed. */
export class TransactionRolledBackError extends Error {
  override readonly name = 'TransactionRolledBackError';

  constructor() {
    super('The transaction was rolled back at COMMIT: a statement in it failed and the work went on');
  }
}

/** What a write transaction on a lane gives back: the work's result and its handle (for commit hooks). */
export interface LaneTransaction<T> {
  result: T;
  tx: Db;
}

/** Sends a statement now rather than when it is first awaited. */
const sendNow = (query: { execute(): unknown }) => {
  query.execute();
};

/**
 * `savepoint([name,] fn)` as postgres.js has it on a transaction (drizzle's nested transactions
 * call it), for a lane's client, which has none: SAVEPOINT, then RELEASE or ROLLBACK TO it.
 */
function laneSavepoints(inner: TransactionSql, send: () => TransactionSql): TransactionSql['savepoint'] {
  let count = 0;
  return (async (...args: unknown[]) => {
    const fn = args[args.length - 1] as (sql: TransactionSql) => unknown;
    const name = `s${++count}`;
    await send().unsafe(`savepoint ${name}`);
    try {
      const result = await fn(inner);
      await send().unsafe(`release savepoint ${name}`);
      return result;
    } catch (error) {
      try {
        await send().unsafe(`rollback to savepoint ${name}`);
      } catch {
        // the transaction is gone or failing: it will not commit, and the work's error says why
      }
      throw error;
    }
  }) as TransactionSql['savepoint'];
}

/**
 * The write lanes, handed out one transaction each, in the order transactions asked: a long
 * transaction on one lane never keeps a waiting one from the next lane that frees up.
 */
interface WritePool {
  acquire(): Promise<Lane>;
  release(lane: Lane): void;
}

function writePool(lanes: readonly Lane[]): WritePool {
  const free = [...lanes];
  const waiting: ((lane: Lane) => void)[] = [];
  return {
    acquire() {
      // a lane whose socket is failing is taken last: it has to reconnect first
      const index = free.findIndex((lane) => !lane.failing);
      const lane = index >= 0 ? free.splice(index, 1)[0] : free.shift();
      if (lane !== undefined) return Promise.resolve(lane);
      return new Promise<Lane>((resolve) => waiting.push(resolve));
    },
    release(lane) {
      const next = waiting.shift();
      if (next === undefined) free.push(lane);
      else next(lane);
    },
  };
}

/**
 * One write transaction on a lane of `pool`, held for all of it. BEGIN and the context go out
 * with the work's first statement, in the same write (one round trip less than awaiting BEGIN); the work's
 * statements are sent as soon as they are made; the statements `atCommit` held back and COMMIT
 * go out together once the work resolves, and the lane passes to the next transaction, whose
 * statements may follow right behind the COMMIT. A COMMIT answered as ROLLBACK (a statement failed
 * and the work went on) rejects. Nothing is sent once the connection closed: a statement sent
 * after a close would run on the next connection, outside the transaction.
 */
async function writeOn<T>(
  pool: WritePool,
  dialect: PgDialect,
  work: (tx: Db) => Promise<T>,
  context: ContextStatement | undefined,
): Promise<LaneTransaction<T>> {
  const lane = await pool.acquire();
  const turn = await beginTurn(lane, pool.release);
  const { passOn, closed, state } = turn;
  const notePreludeError = (error: unknown) => {
    turn.preludeError ??= error;
  };
  const begin = lane.sql.unsafe('begin').simple().execute();
  begin.catch(notePreludeError);
  const contextSent =
    context === undefined
      ? undefined
      : lane.sql.unsafe(context.text, context.values, { prepare: true }).execute();
  contextSent?.catch(notePreludeError);
  /** ends the transaction with `statement` unless the connection is gone; passes the lane on */
  const end = (statement: 'commit' | 'rollback') => {
    turn.ended = true;
    let sent: Promise<{ command?: string }> | undefined;
    if (!closed() && !turn.lost) sent = lane.sql.unsafe(statement).simple().execute() as never;
    passOn();
    return sent;
  };
  // the lane's client with `savepoint`, numbered per transaction; nested ones get it too
  let savepoint: TransactionSql['savepoint'] | undefined;
  const base = new Proxy(lane.sql as unknown as TransactionSql, {
    get(target, property) {
      return property === 'savepoint' ? savepoint : Reflect.get(target, property);
    },
  });
  const guarded = guardTransactionSql(base, state, undefined, sendNow);
  savepoint = laneSavepoints(base, () => guarded);
  // drizzle types its session over `Sql`; the lane's client is what it needs at run time
  const session = new PostgresJsSession(guarded as unknown as Sql, dialect, undefined);
  const tx = new PostgresJsTransaction(dialect, session as never, undefined) as unknown as Db;
  trackTransaction(tx);
  let result: T;
  try {
    result = await work(tx);
    // the work swallowed the loss of its connection: what it did is gone
    if (!state.open) throw turn.preludeError ?? new TransactionClosedError();
  } catch (error) {
    const rollback = end('rollback');
    rollback?.catch(() => undefined);
    // a failed BEGIN or context aborts the transaction: its error, not "transaction aborted", is the cause
    await Promise.allSettled([begin, contextSent]);
    if (turn.preludeError !== undefined) throw turn.preludeError;
    throw error;
  }
  const last = sendLastStatements(tx);
  const commit = end('commit');
  if (commit === undefined) throw new TransactionClosedError();
  await begin;
  await contextSent;
  const answer = await commit;
  // a failed held-back statement turned COMMIT into ROLLBACK: its own error says why
  for (const outcome of await Promise.allSettled(last)) {
    if (outcome.status === 'rejected') throw outcome.reason ?? new TransactionRolledBackError();
  }
  if (answer?.command?.toUpperCase() === 'ROLLBACK') throw new TransactionRolledBackError();
  lane.cleanAt = lane.closes;
  return { result, tx };
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

function createLane(url: string, options: Options<Record<string, never>>): Lane {
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
  // the value mapping drizzle sets up on a client it is given (JSON and dates passed through as
  // text): the lanes' statements are drizzle's, and raw JSON parameters must not be encoded twice
  drizzle({ client: lane.sql });
  return lane;
}

/**
 * Transactions on connections of their own (a postgres.js client with `max: 1` each), not borrowed
 * from a pool: postgres.js's `reserve()` loses a pooled connection for good when the error of a
 * killed backend lands on the checkout, and its `begin()` waits for BEGIN before the work's first
 * statement. `reads` lanes serve reads in a tenant: a read sends `BEGIN READ ONLY` and `select
 * set_config('role', …), set_config(…)` (prepared, values bound) together with its first
 * statement, and COMMIT without waiting for it; declared as one statement (`oneStatement`), COMMIT
 * goes out in the same write as that statement, and the next read's statements may follow on the
 * same connection before the first answer is back (pipelining). Once after a lost connection a
 * read is tried again on another lane: it only reads. `writes` lanes serve write transactions
 * (see `writeOn`), one at a time each; they are never tried again.
 *
 * @example
 * const lanes = createConnectionLanes(url, { reads: 4, writes: 3 }, connectionOptions, new PgDialect());
 * const rows = await lanes.read((db) => db.select().from(deals), 'prefiq_app', { tenantId, oneStatement: true });
 * const { result } = await lanes.write((tx) => tx.insert(deals).values(deal), writeContext('prefiq_app', { tenantId }));
 */
export function createConnectionLanes(
  url: string,
  { reads, writes }: { reads: number; writes: number },
  options: Options<Record<string, never>>,
  dialect: PgDialect,
): ConnectionLanes {
  const readLanes = Array.from({ length: Math.max(1, reads) }, () => createLane(url, options));
  const writeLanes = Array.from({ length: Math.max(1, writes) }, () => createLane(url, options));
  const writePoolOf = writePool(writeLanes);
  let nextRead = 0;
  let closing: Promise<void> | undefined;
  return {
    async read(work, role, readOptions) {
      const values = contextValues(role, readOptions);
      const oneStatement = readOptions.oneStatement === true;
      try {
        nextRead = (nextRead + 1) % readLanes.length;
        return await readOn(pick(readLanes, nextRead), dialect, work, values, oneStatement);
      } catch (error) {
        if (!isLostConnection(error)) throw error;
        nextRead = (nextRead + 1) % readLanes.length;
        return readOn(pick(readLanes, nextRead), dialect, work, values, oneStatement);
      }
    },
    write(work, context) {
      return writeOn(writePoolOf, dialect, work, context);
    },
    close() {
      closing ??= Promise.all([...readLanes, ...writeLanes].map((lane) => lane.sql.end({ timeout: 5 }))).then(
        () => undefined,
      );
      return closing;
    },
  };
}
