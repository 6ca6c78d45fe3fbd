import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 and a random port. */
export interface LoopbackReceiver {
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** every request so far, in order */
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a receiver that records each request, then lets `answer` respond (it may leave the
 * response open, to test timeouts).
 *
 * @example
 * const receiver = await loopbackReceiver((request, response) => response.writeHead(200).end());
 */
export async function loopbackReceiver(
  answer: (request: ReceivedRequest, response: ServerResponse) => void,
): Promise<LoopbackReceiver> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      const got = { path: request.url ?? '/', headers: request.headers, body };
      received.push(got);
      answer(got, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
