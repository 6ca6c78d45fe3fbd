import { connect } from 'node:net';
import { type RequestShape, targetOf } from './request-shape.js';

/** What came back: the status, the headers (lower-case names) and the body as text. */
export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** No answer within this long is a failure of its own (a hang is as bad as a 500). */
export const answerTimeoutMs = 30_000;

function framedBody(shape: RequestShape): {
  body?: Uint8Array | ReadableStream<Uint8Array>;
  duplex?: 'half';
} {
  const bytes = shape.body;
  if (bytes === undefined) return {};
  if (!shape.chunked) return { body: bytes };
  // a stream has no Content-Length: fetch sends it chunked
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 64 * 1024)
        controller.enqueue(bytes.subarray(at, at + 64 * 1024));
      controller.close();
    },
  });
  return { body: stream, duplex: 'half' };
}

async function sendByFetch(origin: string, shape: RequestShape): Promise<WireAnswer> {
  const response = await fetch(`${origin}${targetOf(shape)}`, {
    method: shape.method,
    headers: shape.headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(answerTimeoutMs),
    ...framedBody(shape),
  } as RequestInit);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, text: await response.text() };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const end = body.indexOf('\r\n', at);
    if (end < 0) break;
    const size = Number.parseInt(body.subarray(at, end).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** HTTP/1.1 over a bare socket, for headers fetch will not send; the connection closes after one answer. */
async function sendRaw(origin: string, shape: RequestShape): Promise<WireAnswer> {
  const url = new URL(origin);
  const lines = [`${shape.method} ${targetOf(shape)} HTTP/1.1`, `host: ${url.host}`, 'connection: close'];
  for (const [name, value] of Object.entries(shape.headers)) lines.push(`${name}: ${value}`);
  if (shape.body !== undefined) lines.push(`content-length: ${shape.body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const received = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(url.port), url.hostname);
    socket.setTimeout(answerTimeoutMs, () => socket.destroy(new Error(`no answer in ${answerTimeoutMs} ms`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.write(shape.body === undefined ? head : Buffer.concat([head, shape.body]));
  });
  const split = received.indexOf('\r\n\r\n');
  const headText = received.subarray(0, split < 0 ? received.length : split).toString('latin1');
  const [statusLine = '', ...headerLines] = headText.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rawBody = split < 0 ? Buffer.alloc(0) : received.subarray(split + 4);
  const body = headers['transfer-encoding']?.includes('chunked') ? dechunk(rawBody) : rawBody;
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, text: body.toString('utf8') };
}

/**
 * Sends one request to `origin` (`http://127.0.0.1:port`) as it is shaped: through fetch, or over
 * a bare socket when it carries what fetch refuses.
 *
 * @example
 * const answer = await sendRequest(url, { method: 'GET', path: '/api/crm/deals', query: 'pageSize=0', headers });
 * answer.status; // 400
 */
export async function sendRequest(origin: string, shape: RequestShape): Promise<WireAnswer> {
  return shape.raw ? sendRaw(origin, shape) : sendByFetch(origin, shape);
}
