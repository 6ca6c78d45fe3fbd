import type { JsonSchema } from '@codexion/schema';
import type { ContractOperation } from './contract-operations.js';
import { pathParameterValue, type RecordPools } from './record-pools.js';
import { jsonText, type RequestShape, utf8 } from './request-shape.js';
import { type Fill, type ValueSources, validValue } from './valid-value.js';

/** What each variant fills of a body, in turn. */
const fills: readonly Fill[] = ['references', 'required', 'half', 'all'];

/** A request of an operation that should pass, in parts the mutators change one at a time. */
export interface Baseline {
  operation: ContractOperation;
  /** decoded values; encoded when rendered */
  pathParams: Record<string, string>;
  /** decoded name/value pairs */
  query: [string, string][];
  /** declared header parameters (`If-Match`) */
  headers: Record<string, string>;
  /** the JSON body, `undefined` for none */
  body: unknown;
}

/** How a baseline reads what exists: records, and a record's current ETag. */
export interface BaselineSources extends ValueSources {
  pools: RecordPools;
  /** the ETag a GET of `path` answers with */
  etag(path: string): Promise<string | undefined>;
}

function scalarText(value: unknown): string {
  if (Array.isArray(value)) return value.map(scalarText).join(',');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A request of `operation` built from its schemas and existing records: path parameters from the
 * lists they sit under (else from their schema), required query parameters, `If-Match` with the
 * record's current ETag, and a JSON body valid against the request schema. `variant` moves to
 * another candidate: another seed, and in turn references, only required fields, half or all
 * optional fields filled; the next four the same without the schemas' defaults.
 *
 * @example
 * const baseline = await buildBaseline(updateDeal, sources, { seed, variant: 0 });
 * renderRequest(baseline); // PATCH /api/crm/deals/<id> with If-Match and a merge-patch body
 */
export async function buildBaseline(
  operation: ContractOperation,
  sources: BaselineSources,
  { seed, variant = 0, recordIndex = 0 }: { seed: number; variant?: number; recordIndex?: number },
): Promise<Baseline> {
  const pathParams: Record<string, string> = {};
  const query: [string, string][] = [];
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') {
      const value =
        pathParameterValue(sources.pools, operation.path, parameter.name, recordIndex) ??
        scalarText(validValue(parameter.schema, sources, { seed: seed + variant }));
      pathParams[parameter.name] = value;
    } else if (parameter.in === 'query' && parameter.required) {
      query.push([
        parameter.name,
        scalarText(validValue(parameter.schema, sources, { seed: seed + variant })),
      ]);
    }
  }
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'header' || !parameter.required) continue;
    if (parameter.name.toLowerCase() === 'if-match') {
      // the record the path names: its path up to the last parameter
      const upTo = operation.path.lastIndexOf('}');
      const recordPath = renderPath(
        upTo < 0 ? operation.path : operation.path.slice(0, upTo + 1),
        pathParams,
      );
      headers['if-match'] = (await sources.etag(recordPath)) ?? '"0"';
    } else {
      headers[parameter.name.toLowerCase()] = scalarText(
        validValue(parameter.schema, sources, { seed: seed + variant }),
      );
    }
  }
  const body =
    operation.body === undefined
      ? undefined
      : validValue(operation.body.schema as JsonSchema, sources, {
          seed: seed + variant,
          fill: fills[variant % fills.length] ?? 'required',
          defaults: variant % (2 * fills.length) < fills.length,
        });
  return { operation, pathParams, query, headers, body };
}

/** A path template with its parameters filled in, each percent-encoded. */
export function renderPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** A query string from decoded pairs. */
export function renderQuery(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

/**
 * The baseline as a request on the wire: JSON body with its declared media type.
 *
 * @example
 * const shape = renderRequest(baseline); // { method: 'POST', path: '/api/crm/deals', headers: { 'content-type': 'application/json' }, body }
 */
export function renderRequest(baseline: Baseline): RequestShape {
  const { operation } = baseline;
  const headers: Record<string, string> = { ...baseline.headers };
  const shape: RequestShape = {
    method: operation.method,
    path: renderPath(operation.path, baseline.pathParams),
    query: renderQuery(baseline.query),
    headers,
  };
  if (operation.body !== undefined && baseline.body !== undefined) {
    headers['content-type'] = operation.body.mediaType;
    shape.body = utf8(jsonText(baseline.body));
  }
  return shape;
}
