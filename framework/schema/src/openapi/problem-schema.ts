import type { JsonSchema } from '../model/json-schema.js';
import type { OpenApiResponse } from './openapi-types.js';

/** Media type of every error body (RFC 9457). */
export const problemMediaType = 'application/problem+json';

/**
 * The most a problem document says, which the server's problem writer enforces by cutting longer
 * texts and lists: an `instance` is the request's path (a request head is at most 16 KiB), a
 * `detail` may quote it.
 */
export const problemBounds = {
  title: 200,
  detail: 20_000,
  instance: 16_384,
  errors: 1000,
  path: 1024,
  message: 2000,
} as const;

/**
 * RFC 9457 Problem Details, plus the members the framework adds: per-field `errors` (the shape
 * rule failures are reported in), a stable machine `code`, and the `requestId` to quote to support.
 */
export const problemSchema: JsonSchema = {
  type: 'object',
  description: 'Problem Details for HTTP APIs (RFC 9457), the body of every error response.',
  properties: {
    type: {
      type: 'string',
      format: 'uri-reference',
      maxLength: 2048,
      default: 'about:blank',
      description: 'URI identifying the problem type',
    },
    title: {
      type: 'string',
      maxLength: problemBounds.title,
      description: 'Short, human-readable summary of the problem type',
    },
    status: { type: 'integer', format: 'int32', minimum: 100, maximum: 599, description: 'HTTP status code' },
    detail: {
      type: 'string',
      maxLength: problemBounds.detail,
      description: 'Explanation specific to this occurrence',
    },
    instance: {
      type: 'string',
      format: 'uri-reference',
      maxLength: problemBounds.instance,
      description: 'URI identifying this occurrence',
    },
    code: {
      type: 'string',
      maxLength: 64,
      description: 'Stable machine-readable error code, e.g. `validation_failed`',
    },
    requestId: {
      type: 'string',
      maxLength: 200,
      description: 'Identifier of the request, for support and logs',
    },
    errors: {
      type: 'array',
      maxItems: problemBounds.errors,
      description: `Individual failures, e.g. one per invalid field; the first ${problemBounds.errors}`,
      items: {
        type: 'object',
        properties: {
          path: {
            type: 'string',
            maxLength: problemBounds.path,
            description: "JSON Pointer into the request body of the failing value, '' for the whole body",
          },
          code: {
            type: 'string',
            maxLength: 64,
            description: 'Stable machine-readable code of the failure',
          },
          message: {
            type: 'string',
            maxLength: problemBounds.message,
            description: 'Human-readable explanation',
          },
        },
        required: ['path', 'code', 'message'],
      },
    },
  },
  required: ['type', 'title', 'status'],
  // RFC 9457 lets a problem type add members; clients must ignore those they do not know
  additionalProperties: true,
  maxProperties: 50,
};

function problem(description: string): OpenApiResponse {
  return {
    description,
    content: { [problemMediaType]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

/** Reusable error responses, named as `components.responses` keys. */
export const problemResponses = {
  BadRequest: problem('Bad request: malformed syntax, or a query or header parameter is invalid'),
  Unauthorized: problem('Not authenticated: no valid session, bearer token or API key'),
  Forbidden: problem('Authenticated but lacking the permission the operation needs'),
  NotFound: problem('No record with this id, or not visible to the caller'),
  Conflict: problem(
    'Conflicts with the current state: a unique key is taken, a related record blocks it, or the state does not allow it',
  ),
  PreconditionFailed: problem(
    'If-Match does not match the current ETag: the record changed since it was read',
  ),
  PreconditionRequired: problem('If-Match is missing: send the ETag of the record as last read'),
  PayloadTooLarge: problem('The request body is larger than the server accepts'),
  UnsupportedMediaType: problem('The body is not of a media type the operation takes (`accept` lists them)'),
  UnprocessableContent: problem(
    'The body is well-formed but invalid: schema or business rule failures are listed in `errors`',
  ),
  // its `Retry-After` comes with the rate-limit headers (withStandardResponseHeaders)
  TooManyRequests: problem('Rate limit exceeded: wait `Retry-After` seconds'),
  InternalError: problem('Unexpected server error; quote `requestId` when reporting it'),
} as const satisfies Record<string, OpenApiResponse>;

export type ProblemResponseName = keyof typeof problemResponses;

/** HTTP status each reusable error response is used for. */
export const problemStatus: Record<ProblemResponseName, string> = {
  BadRequest: '400',
  Unauthorized: '401',
  Forbidden: '403',
  NotFound: '404',
  Conflict: '409',
  PreconditionFailed: '412',
  PreconditionRequired: '428',
  PayloadTooLarge: '413',
  UnsupportedMediaType: '415',
  UnprocessableContent: '422',
  TooManyRequests: '429',
  InternalError: '500',
};

/** The shared problem response of each status it is used for: `'404'` → `NotFound`. */
export const problemResponseNames: ReadonlyMap<string, ProblemResponseName> = new Map(
  (Object.entries(problemStatus) as [ProblemResponseName, string][]).map(([name, status]) => [status, name]),
);
