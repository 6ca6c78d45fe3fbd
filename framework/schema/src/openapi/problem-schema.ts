import type { JsonSchema } from '../model/json-schema.js';
import type { OpenApiHeader, OpenApiResponse } from './openapi-types.js';

/** Media type of every error body (RFC 9457). */
export const problemMediaType = 'application/problem+json';

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
      default: 'about:blank',
      description: 'URI identifying the problem type',
    },
    title: { type: 'string', description: 'Short, human-readable summary of the problem type' },
    status: { type: 'integer', minimum: 100, maximum: 599, description: 'HTTP status code' },
    detail: { type: 'string', description: 'Explanation specific to this occurrence' },
    instance: {
      type: 'string',
      format: 'uri-reference',
      description: 'URI identifying this occurrence',
    },
    code: {
      type: 'string',
      description: 'Stable machine-readable error code, e.g. `validation_failed`',
    },
    requestId: { type: 'string', description: 'Identifier of the request, for support and logs' },
    errors: {
      type: 'array',
      description: 'Individual failures, e.g. one per invalid field',
      items: {
        type: 'object',
        properties: {
          path: {
            type: 'string',
            description: "JSON Pointer into the request body of the failing value, '' for the whole body",
          },
          code: { type: 'string', description: 'Stable machine-readable code of the failure' },
          message: { type: 'string', description: 'Human-readable explanation' },
        },
        required: ['path', 'code', 'message'],
      },
    },
  },
  required: ['type', 'title', 'status'],
  // RFC 9457 lets a problem type add members; clients must ignore those they do not know
  additionalProperties: true,
};

function problem(description: string, headers?: Record<string, OpenApiHeader>): OpenApiResponse {
  return {
    description,
    ...(headers === undefined ? {} : { headers }),
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
  UnprocessableContent: problem(
    'The body is well-formed but invalid: schema or business rule failures are listed in `errors`',
  ),
  TooManyRequests: problem('Rate limit exceeded', {
    'Retry-After': {
      description: 'Seconds to wait before retrying',
      schema: { type: 'integer', minimum: 0 },
    },
  }),
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
  UnprocessableContent: '422',
  TooManyRequests: '429',
  InternalError: '500',
};
