import type { OpenApiHeader } from './openapi-types.js';

/** Response headers reused across operations, named as `components.headers` keys. */
export const sharedHeaders = {
  ETag: {
    description: 'Entity tag of the returned record (derived from its `version`); send it back in If-Match',
    required: true,
    schema: { type: 'string', examples: ['"3"'] },
  },
  Location: {
    description: 'URL of the created record',
    required: true,
    schema: { type: 'string', format: 'uri-reference' },
  },
} as const satisfies Record<string, OpenApiHeader>;

export type SharedHeaderName = keyof typeof sharedHeaders;
