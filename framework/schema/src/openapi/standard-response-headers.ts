import { isRecord } from './json-pointer.js';
import type { OpenApiDocument, OpenApiHeader, OpenApiRef, OpenApiResponse } from './openapi-types.js';
import { type SharedHeaderName, sharedHeaders, standardResponseHeaderNames } from './shared-headers.js';

const headerRef = (name: SharedHeaderName): OpenApiRef => ({ $ref: `#/components/headers/${name}` });

function withHeaders(response: OpenApiResponse, names: readonly SharedHeaderName[]): OpenApiResponse {
  const headers: Record<string, OpenApiHeader | OpenApiRef> = { ...response.headers };
  for (const name of names) headers[name] ??= headerRef(name);
  return { ...response, headers };
}

function isRef(value: unknown): value is OpenApiRef {
  return isRecord(value) && typeof value.$ref === 'string';
}

/**
 * Declares on every answer of every operation what the server sends on each: the rate-limit
 * headers (`RateLimit-Limit`, `-Remaining`, `-Reset`, `-Policy`) and `Access-Control-Allow-Origin`,
 * plus `Retry-After` on a 429; the header components they point at are added. Inline responses get
 * them in place, shared ones (`components.responses`) once. Idempotent, and leaves `doc` untouched.
 *
 * @example
 * const doc = withStandardResponseHeaders(authOpenApiDraft);
 * doc.paths['/login']?.post?.responses['200'] // { ..., headers: { 'RateLimit-Limit': { $ref } , ... } }
 */
export function withStandardResponseHeaders(doc: OpenApiDocument): OpenApiDocument {
  const namesFor = (status: string): readonly SharedHeaderName[] =>
    status === '429' ? [...standardResponseHeaderNames, 'Retry-After'] : standardResponseHeaderNames;
  const sharedStatus = new Map<string, string>();
  let tooMany = false;
  const paths: OpenApiDocument['paths'] = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    const copy: (typeof paths)[string] = {};
    for (const [method, operation] of Object.entries(item) as [
      keyof typeof item,
      NonNullable<(typeof item)[keyof typeof item]>,
    ][]) {
      const responses: typeof operation.responses = {};
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status === '429') tooMany = true;
        if (isRef(response)) {
          const name = /^#\/components\/responses\/(.+)$/.exec(response.$ref)?.[1];
          if (name !== undefined) sharedStatus.set(name, status);
          responses[status] = response;
        } else {
          responses[status] = withHeaders(response, namesFor(status));
        }
      }
      copy[method] = { ...operation, responses };
    }
    paths[path] = copy;
  }
  const responses: Record<string, OpenApiResponse> = {};
  for (const [name, response] of Object.entries(doc.components.responses)) {
    responses[name] = withHeaders(response, namesFor(sharedStatus.get(name) ?? ''));
  }
  const headers: Record<string, OpenApiHeader> = { ...doc.components.headers };
  const names: SharedHeaderName[] = [
    ...standardResponseHeaderNames,
    ...(tooMany ? (['Retry-After'] as const) : []),
  ];
  for (const name of names) headers[name] ??= sharedHeaders[name];
  return {
    ...doc,
    paths,
    components: {
      ...doc.components,
      responses,
      headers: Object.fromEntries(Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    },
  };
}
