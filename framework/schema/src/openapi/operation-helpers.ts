import type { JsonSchema } from '../model/json-schema.js';
import type { DocumentBuilder } from './document-builder.js';
import type { OpenApiMediaType, OpenApiRef } from './openapi-types.js';
import { type ProblemResponseName, problemStatus } from './problem-schema.js';

export function jsonContent(
  schema: JsonSchema,
  mediaType = 'application/json',
): Record<string, OpenApiMediaType> {
  return { [mediaType]: { schema } };
}

/**
 * Error responses of an operation keyed by status: those every operation can give (400, 401,
 * 403, 429, 500; 401 and 403 only when it needs credentials) plus `specific` ones. With `only`,
 * just `specific` and the two no operation escapes (429, 500): the contract listed its errors.
 *
 * @example
 * errorResponses(builder, ['NotFound'])['404'] // { $ref: '#/components/responses/NotFound' }
 */
export function errorResponses(
  builder: DocumentBuilder,
  specific: readonly ProblemResponseName[],
  { authenticated = true, only = false }: { authenticated?: boolean; only?: boolean } = {},
): Record<string, OpenApiRef> {
  const names = new Set<ProblemResponseName>([
    ...(only ? [] : (['BadRequest'] as const)),
    ...(authenticated && !only ? (['Unauthorized', 'Forbidden'] as const) : []),
    ...specific,
    'TooManyRequests',
    'InternalError',
  ]);
  return Object.fromEntries([...names].map((name) => [problemStatus[name], builder.responseRef(name)]));
}
