import type { OpenApiHeader } from './openapi-types.js';

/** The longest rate-limit window the kernel config takes: a day. */
const maxWindowSeconds = 86_400;
const int32Max = 2_147_483_647;

const whenLimited =
  'Sent on every answer of a rate-limited operation (all of them unless the server turns its limits off); ' +
  'an answer given before the request reached its operation (a body refused by its Content-Length) carries none.';

/** Response headers reused across operations, named as `components.headers` keys. */
export const sharedHeaders = {
  ETag: {
    description: 'Entity tag of the returned record (derived from its `version`); send it back in If-Match',
    required: true,
    schema: { type: 'string', maxLength: 64, examples: ['"3"'] },
  },
  Location: {
    description: 'URL of the created record',
    required: true,
    schema: { type: 'string', format: 'uri-reference', maxLength: 2048 },
  },
  'RateLimit-Limit': {
    description: `Requests the caller may make in the current window (IETF RateLimit header fields draft). ${whenLimited}`,
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: int32Max },
  },
  'RateLimit-Remaining': {
    description: `Requests left in the current window after this one. ${whenLimited}`,
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: int32Max },
  },
  'RateLimit-Reset': {
    description: `Seconds until the window's count is back to zero. ${whenLimited}`,
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: maxWindowSeconds },
  },
  'RateLimit-Policy': {
    description: `The policy: limit, window in seconds and its name, e.g. \`1200;w=60;name="crm"\`. ${whenLimited}`,
    schema: { type: 'string', maxLength: 200, pattern: '^\\d+;w=\\d+;name="[^"]*"$' },
  },
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    required: true,
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: maxWindowSeconds },
  },
  'Access-Control-Allow-Origin': {
    description:
      "CORS: the request's `Origin`, echoed when it is one of the server's configured `corsOrigins` " +
      '(sent with `Access-Control-Allow-Credentials: true`). None are configured by default, and then ' +
      'no CORS header is sent: only same-origin pages can read the answers.',
    schema: { type: 'string', format: 'uri', maxLength: 2048 },
  },
} as const satisfies Record<string, OpenApiHeader>;

export type SharedHeaderName = keyof typeof sharedHeaders;

/** On every answer of every operation: the rate-limit state and CORS. */
export const standardResponseHeaderNames = [
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'Access-Control-Allow-Origin',
] as const satisfies readonly SharedHeaderName[];
