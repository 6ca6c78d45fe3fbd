import { connect, createServer, type Server, type Socket } from 'node:net';

/** One statement text as the profile saw it: how often it ran and the time to its answer. */
export interface StatementFigure {
  text: string;
  /** answers awaited: a Sync, a Flush (postgres.js's describe-first half) or a simple query */
  roundTrips: number;
  /** milliseconds from the client's request to the server's answer, summed */
  ms: number;
}

/**
 * Transactions of one kind (named by their first statements after BEGIN and the context): how
 * many, their round trips and their time from BEGIN to the answer of COMMIT.
 */
export interface TransactionFigure {
  kind: string;
  count: number;
  roundTrips: number;
  ms: number;
}

/** What the server saw between two `take()`s. */
export interface WireSnapshot {
  roundTrips: number;
  ms: number;
  statements: StatementFigure[];
  transactions: TransactionFigure[];
}

/**
 * A PostgreSQL wire-protocol proxy that times every round trip of every connection through it, by
 * statement text, without touching the client: point `DATABASE_URL` at `url` and read `take()`.
 * The bench's `--profile` uses it to see where a posting's time goes (pg_stat_statements is not
 * loaded on the shared server, and the kernel's connections are its own).
 *
 * @example
 * const profile = await wireProfile(process.env.DATABASE_URL);
 * process.env.DATABASE_URL = profile.url;
 * // … work …
 * console.log(profile.take().roundTrips);
 */
export interface WireProfile {
  /** `target` with the proxy's host and port */
  url: string;
  /** the figures since the last `take()` (or the start), and starts over */
  take(): WireSnapshot;
  close(): Promise<void>;
}

interface Waiting {
  text: string;
  started: number;
  /** a Flush is answered by the statement's description, a Sync or simple query by ReadyForQuery */
  kind: 'flush' | 'sync';
}

/** Splits a byte stream into typed messages (type byte, int32 length including itself, body). */
function messageReader(onMessage: (type: number, body: Buffer) => void, untypedFirst: boolean) {
  let buffer: Buffer = Buffer.alloc(0);
  let untyped = untypedFirst;
  return (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      if (untyped) {
        // startup, SSL or cancel request: int32 length, no type byte
        if (buffer.length < 4) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.length >= 8 ? buffer.readInt32BE(4) : 0;
        buffer = buffer.subarray(length);
        // after an SSL request comes the startup message, untyped too
        untyped = code === 80877103;
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1);
      if (buffer.length < length + 1) return;
      onMessage(buffer[0] ?? 0, buffer.subarray(5, length + 1));
      buffer = buffer.subarray(length + 1);
    }
  };
}

function cString(body: Buffer, from = 0): [string, number] {
  const end = body.indexOf(0, from);
  return [body.toString('utf8', from, end), end + 1];
}

/**
 * Starts the proxy in front of the server `target` names, on a free port of 127.0.0.1.
 */
export async function wireProfile(target: string): Promise<WireProfile> {
  const upstream = new URL(target);
  let figures = new Map<string, StatementFigure>();
  let transactions = new Map<string, TransactionFigure>();
  const record = (text: string, ms: number) => {
    const figure = figures.get(text) ?? { text, roundTrips: 0, ms: 0 };
    figure.roundTrips++;
    figure.ms += ms;
    figures.set(text, figure);
  };
  const recordTransaction = (kind: string, roundTrips: number, ms: number) => {
    const figure = transactions.get(kind) ?? { kind, count: 0, roundTrips: 0, ms: 0 };
    figure.count++;
    figure.roundTrips += roundTrips;
    figure.ms += ms;
    transactions.set(kind, figure);
  };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const server = connect(Number(upstream.port || 5432), upstream.hostname);
    sockets.add(client);
    sockets.add(server);
    const named = new Map<string, string>();
    const queue: Waiting[] = [];
    let current = '';
    let open: { started: number; roundTrips: number; kind: string[] } | undefined;
    const readClient = messageReader((type, body) => {
      const kind = String.fromCharCode(type);
      if (kind === 'P') {
        const [name, at] = cString(body);
        const [text] = cString(body, at);
        named.set(name, text);
        current = text;
      } else if (kind === 'B') {
        const [, at] = cString(body);
        const [statement] = cString(body, at);
        current = named.get(statement) ?? current;
      } else if (kind === 'Q') {
        queue.push({ text: cString(body)[0], started: performance.now(), kind: 'sync' });
      } else if (kind === 'S') {
        queue.push({ text: current, started: performance.now(), kind: 'sync' });
      } else if (kind === 'H') {
        queue.push({ text: current, started: performance.now(), kind: 'flush' });
      }
    }, true);
    const readServer = messageReader((type, _body) => {
      const kind = String.fromCharCode(type);
      const head = queue[0];
      if (head === undefined) return;
      if (
        (kind === 'Z' && head.kind === 'sync') ||
        ((kind === 'T' || kind === 'n') && head.kind === 'flush')
      ) {
        queue.shift();
        const text = head.text.replace(/\s+/g, ' ').trim();
        record(text, performance.now() - head.started);
        const lower = text.toLowerCase();
        if (lower.startsWith('begin')) open = { started: head.started, roundTrips: 0, kind: [] };
        if (open === undefined) return;
        open.roundTrips++;
        if (lower === 'commit' || lower === 'rollback') {
          recordTransaction(
            open.kind.join(' | ') || '(empty)',
            open.roundTrips,
            performance.now() - open.started,
          );
          open = undefined;
        } else if (open.kind.length < 2 && !lower.startsWith('begin') && !lower.includes('set_config(')) {
          open.kind.push(text.slice(0, 60));
        }
      }
    }, false);
    let sslAnswer = false;
    client.on('data', (chunk: Buffer) => {
      // an SSL request is answered by one byte ('N'), not a message
      if (chunk.length === 8 && chunk.readInt32BE(4) === 80877103) sslAnswer = true;
      readClient(chunk);
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      const rest = sslAnswer ? chunk.subarray(1) : chunk;
      sslAnswer = false;
      readServer(rest);
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.on('close', close);
    server.on('close', close);
    client.on('error', close);
    server.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    take() {
      const statements = [...figures.values()].sort((a, b) => b.ms - a.ms);
      const done = [...transactions.values()].sort((a, b) => b.ms - a.ms);
      figures = new Map();
      transactions = new Map();
      return {
        roundTrips: statements.reduce((sum, s) => sum + s.roundTrips, 0),
        ms: statements.reduce((sum, s) => sum + s.ms, 0),
        statements,
        transactions: done,
      };
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The figures of `list` summed per `key` (the numeric fields added up). */
function sumBy<T extends object>(list: readonly T[], key: (item: T) => string): T[] {
  const sums = new Map<string, T>();
  for (const item of list) {
    const sum = sums.get(key(item));
    if (sum === undefined) {
      sums.set(key(item), { ...item });
      continue;
    }
    for (const [field, value] of Object.entries(item)) {
      if (typeof value === 'number')
        Object.assign(sum, { [field]: (sum[field as keyof T] as number) + value });
    }
  }
  return [...sums.values()];
}

/**
 * Two snapshots as one: their round trips and times added, statement by statement and
 * transaction kind by kind, the most time first.
 *
 * @example
 * const both = mergeSnapshots(profile.take(), profile.take());
 */
export function mergeSnapshots(a: WireSnapshot, b: WireSnapshot): WireSnapshot {
  return {
    roundTrips: a.roundTrips + b.roundTrips,
    ms: a.ms + b.ms,
    statements: sumBy([...a.statements, ...b.statements], (s) => s.text).sort((x, y) => y.ms - x.ms),
    transactions: sumBy([...a.transactions, ...b.transactions], (t) => t.kind).sort((x, y) => y.ms - x.ms),
  };
}
