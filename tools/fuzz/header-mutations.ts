import type { BadRequest } from './bad-request.js';
import { type Baseline, renderRequest } from './baseline-request.js';
import type { RequestShape } from './request-shape.js';
import type { SeededRandom } from './seeded-random.js';

/** The bytes of U+D800 in UTF-8's pattern (ED A0 80), as latin1 characters: a header cannot carry it otherwise. */
const surrogateBytes = '\u00ed\u00a0\u0080';

/** The header a tenant is named by: the console sends it to switch tenant per request. */
export const tenantHeader = 'x-codexion-tenant';

/**
 * Bad headers: each declared header parameter (`If-Match`, `Idempotency-Key`) with NUL (sent on a
 * bare socket, since fetch refuses it), lone-surrogate bytes, a very long or empty value and,
 * for `If-Match`, stale, malformed and missing ETags; for secured operations also the tenant
 * header, a broken session cookie and, on writes, a missing or wrong CSRF token.
 *
 * @example
 * headerMutations(updateDealBaseline, random).map((r) => r.kind); // ['header.if-match.nul', …]
 */
export function headerMutations(baseline: Baseline, random: SeededRandom): BadRequest[] {
  const { operation } = baseline;
  const shape = renderRequest(baseline);
  const out: BadRequest[] = [];
  const withHeader = (name: string, value: string | undefined): RequestShape => {
    const { [name]: _old, ...rest } = shape.headers;
    return { ...shape, headers: value === undefined ? rest : { ...rest, [name]: value } };
  };
  const add = (kind: string, target: string, request: RequestShape, extra: Partial<BadRequest> = {}) =>
    out.push({
      operationId: operation.operationId,
      kind: `header.${kind}`,
      target,
      shape: request,
      ...extra,
    });
  const values = (name: string): [string, string, Partial<BadRequest>][] => [
    ['nul', 'a\u0000b', { beforeAuth: true }],
    ['lone-surrogate', surrogateBytes, {}],
    ['huge', `"${'x'.repeat(8_000)}"`, {}],
    ['empty', '', {}],
    ...(name === 'if-match'
      ? ([
          ['stale', '"999999"', {}],
          ['not-an-etag', 'not-an-etag', {}],
          ['weak', 'W/"1"', {}],
          ['list', '"1", "2"', {}],
        ] as [string, string, Partial<BadRequest>][])
      : []),
  ];

  for (const param of operation.parameters.filter((p) => p.in === 'header')) {
    const name = param.name.toLowerCase();
    const target = `/headers/${name}`;
    for (const [kind, value, extra] of values(name)) {
      add(`${name}.${kind}`, target, { ...withHeader(name, value), raw: value.includes('\u0000') }, extra);
    }
    if (param.required) add(`${name}.missing`, target, withHeader(name, undefined));
    if (typeof param.schema.maxLength === 'number')
      add(`${name}.above-maxLength`, target, withHeader(name, 'k'.repeat(param.schema.maxLength + 1)));
  }
  if (operation.body !== undefined) {
    add(
      'content-type.nul',
      '/headers/content-type',
      { ...withHeader('content-type', `${operation.body.mediaType}\u0000`), raw: true },
      { beforeAuth: true },
    );
  }
  if (!operation.secured) return out;

  const broken = (cookie: string) => (headers: Readonly<Record<string, string>>) => ({ ...headers, cookie });
  add('cookie.garbage', '/headers/cookie', shape, {
    credentials: broken('codexion_session=garbage'),
    expect: [401],
  });
  add(
    'cookie.nul',
    '/headers/cookie',
    { ...shape, raw: true },
    { credentials: broken('codexion_session=a\u0000b'), beforeAuth: true },
  );
  if (operation.method !== 'GET') {
    const csrf = (value: string | undefined) => (headers: Readonly<Record<string, string>>) => {
      const { 'x-csrf-token': _token, ...rest } = headers;
      return value === undefined ? rest : { ...rest, 'x-csrf-token': value };
    };
    add('csrf.missing', '/headers/x-csrf-token', shape, { credentials: csrf(undefined), expect: [403] });
    add('csrf.wrong', '/headers/x-csrf-token', shape, { credentials: csrf('forged-token'), expect: [403] });
  }
  // the tenant header matters where a permission is checked in a tenant (not the sign-in routes)
  if (operation.permission === undefined) return out;
  const absentTenant = `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-8${random.hex(3)}-${random.hex(12)}`;
  for (const [kind, value, extra] of [
    ['not-a-uuid', 'not-a-tenant', {}],
    ['absent', absentTenant, {}],
    ['nul', 'a\u0000b', { beforeAuth: true }],
    ['lone-surrogate', surrogateBytes, {}],
    ['huge', 'x'.repeat(8_000), {}],
  ] as const) {
    add(
      `tenant.${kind}`,
      `/headers/${tenantHeader}`,
      { ...withHeader(tenantHeader, value), raw: value.includes('\u0000') },
      extra,
    );
  }
  return out;
}
