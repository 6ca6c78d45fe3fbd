import { IncomingMessage } from 'node:http';
import {
  createAjv,
  escapePointerToken,
  issuesFromAjv,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
  type ValidationIssue,
} from '@codexion/schema';
import type { ErrorObject, SchemaValidateFunction, ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { Context } from 'hono';
import { DomainError } from '../errors/domain-error.js';
import type { AppEnv } from './app-env.js';
import type { OperationInput } from './operation-handler.js';
import {
  coerceDeepObject,
  type ParameterSpec,
  type ParsedValues,
  readNamed,
  readQuery,
} from './parameter-values.js';
import { personalValues } from './redact-problem.js';
import { unsafeJsonIssues, unstorableText } from './unsafe-input.js';

/** Parses and checks one request against its operation; throws the problem to answer with. */
export type RequestValidator = (c: Context<AppEnv>) => Promise<OperationInput>;

/** OpenAPI keywords that may sit in a schema and that JSON Schema 2020-12 does not define. */
const openApiKeywords = ['discriminator', 'xml', 'externalDocs', 'example'];

/**
 * An Ajv for request validation: like {@link createAjv}, plus OpenAPI's schema keywords as
 * annotations, and `readOnly` enforced, since a request must not carry a read-only property.
 */
function requestAjv(): Ajv2020 {
  const ajv = createAjv({ verbose: true });
  for (const keyword of openApiKeywords) if (ajv.getKeyword(keyword) === false) ajv.addKeyword({ keyword });
  ajv.removeKeyword('readOnly');
  const readOnly: SchemaValidateFunction = (schema: boolean) => {
    if (!schema) return true;
    readOnly.errors = [{ keyword: 'readOnly', message: 'is read-only', params: {} }];
    return false;
  };
  ajv.addKeyword({ keyword: 'readOnly', schemaType: 'boolean', errors: true, validate: readOnly });
  return ajv;
}

/** Deep copy of `value` with `#/components/schemas/...` refs pointed at `base`'s `$defs`. */
export function rewriteRefs<T>(value: T, base: string): T {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, base)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] =
      key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/')
        ? `${base}#/$defs/${child.slice('#/components/schemas/'.length)}`
        : rewriteRefs(child, base);
  }
  return copy as T;
}

function isRef(value: unknown): value is { $ref: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string'
  );
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function objectSchema(specs: readonly ParameterSpec[], key: (spec: ParameterSpec) => string): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(specs.map((spec) => [key(spec), spec.schema])),
    required: specs.filter((spec) => spec.required).map(key),
  };
}

/** The query string of a request URL, parsed as `new URL(url).searchParams` would; none without `?`. */
function searchOf(url: string): URLSearchParams | undefined {
  const start = url.indexOf('?');
  if (start < 0) return undefined;
  const end = url.indexOf('#', start);
  return new URLSearchParams(url.slice(start + 1, end < 0 ? undefined : end));
}

/**
 * The input with `headers` (every request header, lower-case names) collected on first read:
 * few handlers read them, and collecting them costs more than the rest of the input.
 */
function withHeaders(input: Omit<OperationInput, 'headers'>, c: Context<AppEnv>): OperationInput {
  let headers: Record<string, string> | undefined;
  return Object.defineProperty(input, 'headers', {
    enumerable: true,
    configurable: true,
    get(): Record<string, string> {
      if (headers === undefined) {
        const collected: Record<string, string> = {};
        c.req.raw.headers.forEach((value, name) => {
          collected[name] = value;
        });
        headers = collected;
      }
      return headers;
    },
    set(value: Record<string, string>) {
      headers = value;
    },
  }) as OperationInput;
}

/**
 * Parts of a URL whose percent-encoding is not UTF-8 (`%ED%A0%80`, half a surrogate; `%C3`): the
 * URL parser would quietly make them U+FFFD (a query) or leave them encoded (a path), so a search
 * would run for text nobody sent. Refused instead, naming the parameter.
 */
function badlyEncoded(url: string): ValidationIssue[] {
  if (!url.includes('%')) return [];
  const issues: ValidationIssue[] = [];
  const start = url.indexOf('?');
  const path = (start < 0 ? url : url.slice(0, start)).replace(/^[a-z]+:\/\/[^/]*/i, '');
  const message = 'is not valid percent-encoded UTF-8';
  if (!decodes(path)) issues.push({ path: '/params', code: 'encoding', message });
  if (start >= 0) {
    const end = url.indexOf('#', start);
    for (const part of url.slice(start + 1, end < 0 ? undefined : end).split('&')) {
      if (decodes(part.replaceAll('+', ' '))) continue;
      const name = part.split('=')[0] ?? '';
      const readable = decodes(name) ? decodeURIComponent(name) : name;
      const bracket = readable.indexOf('[');
      issues.push({
        path: `/query/${escapePointerToken(bracket < 0 ? readable : readable.slice(0, bracket))}`,
        code: 'encoding',
        message,
      });
    }
  }
  return issues;
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the request sends a body: over HTTP, a length other than 0 or a chunked one; a Request
 * made in-process (`app.request()`) may carry one without either header.
 */
function carriesBody(c: Context<AppEnv>): boolean {
  const length = c.req.header('content-length');
  if (length !== undefined) return length.trim() !== '0';
  if (c.req.header('transfer-encoding') !== undefined) return true;
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  return !(incoming instanceof IncomingMessage) && c.req.raw.body !== null;
}

/** Path parameters arrive percent-decoded: `%00` is a NUL by now. */
function unstorableParams(params: Readonly<Record<string, string>>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [name, value] of Object.entries(params)) {
    const problem = unstorableText(value);
    if (problem !== undefined) issues.push({ path: `/params/${escapePointerToken(name)}`, ...problem });
  }
  return issues;
}

function prefixed(prefix: string, issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({ ...issue, path: `${prefix}${issue.path}` }));
}

/**
 * Compiles request validators for the operations of one OpenAPI document, its component schemas
 * registered in Ajv so `$ref: '#/components/schemas/X'` resolves. Built once at boot: a schema
 * Ajv cannot compile stops the boot rather than the first request.
 *
 * @example
 * const validators = new OpenApiValidators(doc, 'sales');
 * const validate = validators.forOperation(doc.paths['/accounts']?.post);
 * const input = await validate(c); // throws DomainError 400/415/422/428
 */
export class OpenApiValidators {
  readonly #doc: OpenApiDocument;
  readonly #ajv = requestAjv();
  readonly #base: string;
  /** Create/Patch schema -> properties of its record: an extra property there is a read-only one */
  readonly #recordProperties = new Map<object, ReadonlySet<string>>();
  /** `#/components/schemas/X` of the document, as written (for reading `x-codexion` annotations) */
  readonly #resolve = (ref: string): JsonSchema | undefined => {
    const prefix = '#/components/schemas/';
    return ref.startsWith(prefix) ? this.#doc.components?.schemas?.[ref.slice(prefix.length)] : undefined;
  };

  constructor(doc: OpenApiDocument, appName: string) {
    this.#doc = doc;
    this.#base = `urn:codexion:openapi:${appName.replace(/[^A-Za-z0-9-]/g, '-') || 'app'}`;
    const schemas = rewriteRefs(doc.components?.schemas ?? {}, this.#base);
    for (const [name, schema] of Object.entries(schemas)) {
      const record = schemas[name.replace(/(Create|Patch)$/, '')];
      if (record !== undefined && record !== schema && record.properties !== undefined) {
        this.#recordProperties.set(schema, new Set(Object.keys(record.properties)));
      }
    }
    this.#ajv.addSchema({ $id: this.#base, $defs: schemas });
  }

  /** The validator of one operation. */
  forOperation(operation: OpenApiOperation): RequestValidator {
    const specs = (operation.parameters ?? []).map((p) => this.#parameterSpec(p, operation.operationId));
    const pathSpecs = specs.filter((s) => s.in === 'path');
    const querySpecs = specs.filter((s) => s.in === 'query');
    const headerSpecs = specs.filter((s) => s.in === 'header');
    const deepSpecs = querySpecs.filter((s) => s.style === 'deepObject');
    const headerKey = (spec: ParameterSpec): string => spec.name.toLowerCase();
    const validatePath =
      pathSpecs.length > 0 ? this.#ajv.compile(objectSchema(pathSpecs, (s) => s.name)) : undefined;
    const validateQuery =
      querySpecs.length > 0 ? this.#ajv.compile(objectSchema(querySpecs, (s) => s.name)) : undefined;
    const validateHeaders =
      headerSpecs.length > 0 ? this.#ajv.compile(objectSchema(headerSpecs, headerKey)) : undefined;
    const preconditions = headerSpecs.filter((s) => s.required && headerKey(s) === 'if-match');
    const body = operation.requestBody;
    const bodySchemas = new Map<string, JsonSchema | undefined>(
      Object.entries(body?.content ?? {}).map(([mediaType, media]) => [
        mediaType.toLowerCase(),
        media.schema,
      ]),
    );
    const bodyValidators = new Map<string, ValidateFunction | undefined>(
      Object.entries(body?.content ?? {}).map(([mediaType, media]) => [
        mediaType.toLowerCase(),
        isJsonMediaType(mediaType.toLowerCase())
          ? this.#ajv.compile(rewriteRefs(media.schema, this.#base))
          : undefined,
      ]),
    );

    return async (c) => {
      const params = c.req.param() as Record<string, string>;
      const search = searchOf(c.req.url);
      const query: ParsedValues =
        search === undefined ? { values: {}, issues: [] } : readQuery(search, querySpecs);
      const headerValues = readNamed((name) => c.req.header(name), headerSpecs, headerKey);

      const missingPrecondition = preconditions.find((s) => headerValues[headerKey(s)] === undefined);
      if (missingPrecondition !== undefined) {
        throw new DomainError(
          'PRECONDITION_REQUIRED',
          `Send ${missingPrecondition.name} with the ETag you last read, so concurrent edits are not lost`,
          {
            issues: [
              {
                path: `/headers/${headerKey(missingPrecondition)}`,
                code: 'required',
                message: 'is required',
              },
            ],
          },
        );
      }

      const issues: ValidationIssue[] = [
        ...badlyEncoded(c.req.url),
        ...query.issues,
        ...unstorableParams(params),
      ];
      const check = (validate: ValidateFunction | undefined, data: unknown, prefix: string): void => {
        if (validate !== undefined && !validate(data))
          issues.push(...prefixed(prefix, issuesFromAjv(validate.errors)));
      };
      check(
        validatePath,
        readNamed((name) => params[name], pathSpecs),
        '/params',
      );
      const typedQuery = { ...query.values };
      for (const spec of deepSpecs) {
        if (typedQuery[spec.name] !== undefined)
          typedQuery[spec.name] = coerceDeepObject(typedQuery[spec.name], spec.schema);
      }
      check(validateQuery, typedQuery, '/query');
      check(validateHeaders, headerValues, '/headers');
      if (issues.length > 0) {
        throw new DomainError('INVALID_PARAMETER', 'The request has invalid parameters', { issues });
      }

      const input = withHeaders({ params, query: query.values, body: undefined }, c);
      if (body !== undefined) {
        input.body = await this.#readBody(c, body.required, bodyValidators, bodySchemas);
      } else if (carriesBody(c)) {
        // a body the operation does not read could mean the client meant another operation
        throw new DomainError('BAD_REQUEST', `${c.req.method} ${c.req.path} takes no body`, {
          issues: [
            { path: '/body', code: 'unexpected', message: 'must be empty: this operation takes no body' },
          ],
        });
      }
      return input;
    };
  }

  async #readBody(
    c: Context<AppEnv>,
    required: boolean,
    validators: ReadonlyMap<string, ValidateFunction | undefined>,
    bodySchemas: ReadonlyMap<string, JsonSchema | undefined>,
  ): Promise<unknown> {
    const text = await c.req.text();
    if (text === '') {
      if (!required) return undefined;
      throw new DomainError('VALIDATION_FAILED', 'The request needs a body', {
        issues: [{ path: '/body', code: 'required', message: 'is required' }],
      });
    }
    const contentType = c.req.header('content-type');
    const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!validators.has(mediaType)) {
      const accepted = [...validators.keys()];
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        `${contentType === undefined ? 'A body without Content-Type' : `Content-Type ${mediaType}`} is not accepted here; send ${accepted.join(' or ')}`,
        { extensions: { accept: accepted } },
      );
    }
    if (!isJsonMediaType(mediaType)) {
      const problem = unstorableText(text);
      if (problem !== undefined) {
        throw new DomainError('VALIDATION_FAILED', 'The request body cannot be stored as it is', {
          issues: [{ path: '/body', ...problem }],
        });
      }
      return text;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new DomainError('MALFORMED_JSON', `The body is not valid JSON: ${(error as Error).message}`);
    }
    const schema = bodySchemas.get(mediaType);
    c.set('personalValues', () => personalValues(body, schema, this.#resolve));
    // before Ajv and every handler: nothing downstream has to survive a hostile shape
    const unsafe = unsafeJsonIssues(body, '/body');
    if (unsafe.length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'The request body has values that are not accepted', {
        issues: unsafe,
      });
    }
    const validate = validators.get(mediaType);
    if (validate !== undefined && !validate(body)) {
      throw new DomainError('VALIDATION_FAILED', 'The request body has invalid fields', {
        issues: prefixed('/body', issuesFromAjv(this.#withReadOnly(validate.errors ?? []))),
      });
    }
    return body;
  }

  /**
   * Create and Patch schemas leave read-only fields out, so Ajv calls `{ "id": ... }` an unknown
   * field; the client is better told the field exists but is not theirs to set.
   */
  #withReadOnly(errors: readonly ErrorObject[]): ErrorObject[] {
    return errors.map((error) => {
      const property = (error.params as { additionalProperty?: unknown }).additionalProperty;
      const known =
        typeof error.parentSchema === 'object' ? this.#recordProperties.get(error.parentSchema) : undefined;
      if (error.keyword !== 'additionalProperties' || typeof property !== 'string' || !known?.has(property))
        return error;
      return {
        ...error,
        keyword: 'readOnly',
        instancePath: `${error.instancePath}/${escapePointerToken(property)}`,
        params: {},
        message: 'is read-only',
      };
    });
  }

  #parameterSpec(parameter: OpenApiParameter | { $ref: string }, operationId: string): ParameterSpec {
    let resolved: OpenApiParameter | undefined;
    if (isRef(parameter)) {
      const prefix = '#/components/parameters/';
      const name = parameter.$ref.startsWith(prefix) ? parameter.$ref.slice(prefix.length) : undefined;
      resolved = name === undefined ? undefined : this.#doc.components?.parameters?.[name];
      if (resolved === undefined) {
        throw new Error(`Operation ${operationId}: cannot resolve parameter ${parameter.$ref}`);
      }
    } else {
      resolved = parameter;
    }
    const style = resolved.style ?? (resolved.in === 'query' || resolved.in === 'cookie' ? 'form' : 'simple');
    return {
      name: resolved.name,
      in: resolved.in,
      required: resolved.in === 'path' || resolved.required === true,
      style,
      explode: resolved.explode ?? style === 'form',
      schema: rewriteRefs(resolved.schema ?? {}, this.#base),
    };
  }
}
