import { createServer, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { problemContentType } from './problem.js';

/** What `serve` needs of an app: Hono's `fetch`. */
export interface FetchApp {
  /** `env` holds the request's own IncomingMessage and ServerResponse (`c.env` in Hono) */
  fetch: (request: Request, env?: { incoming: unknown; outgoing: unknown }) => Response | Promise<Response>;
}

export interface ServeOptions {
  hostname?: string;
  /** 0 picks a free port (tests) */
  port?: number;
}

export interface CloseOptions {
  /** longest wait for in-flight requests before their connections are cut */
  drainMs?: number;
}

export interface HttpServer {
  server: Server;
  port: number;
  /** `http://<host>:<port>` */
  url: string;
  /** requests being handled now */
  inFlight(): number;
  /**
   * Stops accepting connections, lets in-flight requests finish (at most `drainMs`), then closes
   * every socket. Idempotent: later calls return the first call's promise.
   */
  close(options?: CloseOptions): Promise<void>;
}

/**
 * What Node's HTTP parser refuses before any middleware runs (a NUL or a line break in a header,
 * headers too large, a broken request line) still gets problem+json, not Node's bare `400`, then
 * the connection closes: after a parse error the stream cannot be trusted to frame another request.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: 'about:blank',
    title: STATUS_CODES[status],
    status,
    detail: tooLarge
      ? 'The request headers are larger than this server accepts'
      : 'The request is not valid HTTP: a header or the request line holds a character HTTP does not allow',
    code: tooLarge ? 'HEADERS_TOO_LARGE' : 'BAD_REQUEST',
    errors: [],
  });
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      `Content-Type: ${problemContentType}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'X-Content-Type-Options: nosniff',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

/**
 * Serves an app on Node's HTTP server through `@hono/node-server`, counting in-flight requests so
 * the kernel can drain them on SIGTERM.
 *
 * @example
 * const server = await serve(app, { hostname: '0.0.0.0', port: 3000 });
 * process.once('SIGTERM', () => void server.close({ drainMs: 10_000 }));
 */
export async function serve(
  app: FetchApp,
  { hostname = '0.0.0.0', port = 3000 }: ServeOptions = {},
): Promise<HttpServer> {
  // `env` carries the Node request and response through to the middleware, which reads them
  // directly instead of making the adapter build a whole Request (see request-timeout.ts)
  const listener = getRequestListener((request, env) => app.fetch(request, env));
  const active = new Set<ServerResponse>();
  let closing: Promise<void> | undefined;
  let onIdle: (() => void) | undefined;

  const server = createServer((request, response) => {
    active.add(response);
    // during a drain, tell keep-alive clients to reconnect elsewhere
    if (closing !== undefined) response.setHeader('Connection', 'close');
    response.once('close', () => {
      active.delete(response);
      if (active.size === 0) onIdle?.();
    });
    void listener(request, response);
  });

  server.on('clientError', answerClientError);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const drain = async (drainMs: number): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const response of active) if (!response.headersSent) response.setHeader('Connection', 'close');
    server.closeIdleConnections();
    if (active.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, drainMs);
        onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    server.closeAllConnections();
    await closed;
  };

  return {
    server,
    port: address.port,
    url: `http://${host}:${address.port}`,
    inFlight: () => active.size,
    close: ({ drainMs = 10_000 }: CloseOptions = {}) => {
      closing ??= drain(drainMs);
      return closing;
    },
  };
}
