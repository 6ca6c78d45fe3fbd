import type {
  ActionDefinition,
  AppModel,
  HeaderDeclaration,
  ResponseDeclaration,
} from '../model/app-model.js';
import type { JsonSchema } from '../model/json-schema.js';
import type { DocumentBuilder, Origin } from './document-builder.js';
import { isRecord } from './json-pointer.js';
import { OpenApiBuildError } from './openapi-build-error.js';
import type {
  HttpMethod,
  OpenApiHeader,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiRef,
  OpenApiResponse,
  OpenApiTag,
} from './openapi-types.js';
import { errorResponses, jsonContent } from './operation-helpers.js';
import {
  type ProblemResponseName,
  problemMediaType,
  problemResponseNames,
  problemResponses,
} from './problem-schema.js';
import { type RefResolver, rewriteSchema } from './rewrite-refs.js';
import { appTag, entityTag } from './tags.js';

/** The requirement each kind of caller meets; a tenant's action inherits the document's. */
const accessSecurity = {
  // `[{}]`: the empty requirement, OpenAPI's way to say no credentials are needed
  public: [{}],
  user: [{ session: [] }, { bearer: [] }],
  credential: [{ session: [] }, { bearer: [] }, { apiKey: [] }],
} as const satisfies Record<string, Record<string, string[]>[]>;

/** A response header's schema when the contract gives none: a header line is text. */
const headerText: JsonSchema = { type: 'string', maxLength: 4096 };

/**
 * Adds the operation of one `core/actions/*.json` action. A GET action's request schema becomes
 * query parameters, since a GET body is ignored by most clients and proxies; an array among them
 * is a comma list (`style: form`, `explode: false`), as the list parameters take theirs.
 *
 * @example
 * addActionPath(builder, app, resolver, { id: 'winDeal', method: 'POST', path: '/deals/{id}/win', ... });
 */
export function addActionPath(
  builder: DocumentBuilder,
  app: AppModel,
  resolver: RefResolver,
  action: ActionDefinition,
): void {
  const source = `action:${action.id}`;
  const error = (
    code: 'unknown-entity' | 'invalid-action-path' | 'unsupported-action-request',
    message: string,
    pointer: string,
  ): OpenApiBuildError => new OpenApiBuildError(code, message, source, pointer);
  const rewrite = (schema: JsonSchema, ...tokens: string[]): JsonSchema =>
    rewriteSchema(schema, resolver, { source, tokens });

  const tag = tagOf(app, action, error);
  builder.addTag(tag);

  if (!/^\/[^?#]*$/.test(action.path) || action.path.endsWith('/')) {
    throw error(
      'invalid-action-path',
      `Action path "${action.path}" must start with "/", not end with one, and hold no query`,
      '/path',
    );
  }
  const method = httpMethods[action.method];
  if (method === undefined)
    throw error('invalid-action-path', `Unsupported method "${action.method}"`, '/method');
  const pathNames = [...action.path.matchAll(/\{([^{}/]+)\}/g)].map((m) => m[1] ?? '');
  const declared = action.params?.properties ?? {};
  const parameters: OpenApiParameter[] = pathNames.map((name) => {
    const schema = declared[name];
    if (schema !== undefined) {
      const rewritten = rewrite(schema, 'params', 'properties', name);
      return {
        name,
        in: 'path',
        required: true,
        ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        schema: rewritten,
      };
    }
    return {
      name,
      in: 'path',
      required: true,
      schema: isIdName(name)
        ? { type: 'string', format: 'uuid', maxLength: 36 }
        : { type: 'string', minLength: 1, maxLength: 200 },
    };
  });

  const request = action.request === undefined ? undefined : rewrite(action.request, 'request');
  let requestBody: OpenApiOperation['requestBody'];
  if (request !== undefined && method === 'get') {
    if (request.$ref !== undefined || !isRecord(request.properties)) {
      throw error(
        'unsupported-action-request',
        'A GET action needs an inline object request schema, mapped to query parameters',
        '/request',
      );
    }
    parameters.push(...queryParameters(request, new Set(pathNames)));
  } else if (request !== undefined) {
    requestBody = {
      required: action.requestRequired ?? true,
      content: jsonContent(request, action.contentType),
    };
  }

  const access = action.access ?? 'tenant';
  const authenticated = access !== 'public';
  const errors: Record<string, OpenApiResponse | OpenApiRef> =
    action.errors === undefined
      ? errorResponses(builder, defaultErrors(method, pathNames, requestBody, access), { authenticated })
      : errorResponses(builder, action.errors.map(problemResponseName), { only: true });
  const successes: Record<string, OpenApiResponse> = {};
  for (const { status, declaration, at } of answersOf(action)) {
    if (Number(status) >= 400) {
      // the action's own description or headers of an error it documents: inline, with the Problem body
      const shared = problemResponses[problemResponseName(Number(status))];
      errors[status] = {
        description: declaration.description ?? shared.description,
        ...headersOf(declaration, rewrite, at),
        content: { [problemMediaType]: { schema: { $ref: '#/components/schemas/Problem' } } },
      };
      continue;
    }
    const schema =
      declaration.schema === undefined
        ? undefined
        : rewrite(declaration.schema, ...(action.responses === undefined ? at : [...at, 'schema']));
    successes[status] = {
      description: declaration.description ?? schema?.description ?? (status === '204' ? 'Done' : 'Success'),
      ...headersOf(declaration, rewrite, at),
      ...(schema === undefined ? {} : { content: jsonContent(schema) }),
    };
  }

  const security = action.security?.map((names) => Object.fromEntries(names.map((name) => [name, []])));
  const operation: OpenApiOperation = {
    operationId: action.id,
    summary: action.summary,
    ...(action.description === undefined ? {} : { description: action.description }),
    tags: [tag.name],
    ...(action.deprecated === true ? { deprecated: true } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody === undefined ? {} : { requestBody }),
    responses: sortedByStatus({ ...successes, ...errors }),
    ...(security !== undefined
      ? { security }
      : access === 'tenant'
        ? {}
        : { security: accessSecurity[access].map((requirement) => ({ ...requirement })) }),
    ...(action.permission === undefined ? {} : { 'x-codexion-permission': action.permission }),
  };
  const origin: Origin = { source, pointer: '' };
  builder.addOperation(action.path, method, operation, origin);
}

const httpMethods: Partial<Record<string, HttpMethod>> = {
  GET: 'get',
  PUT: 'put',
  POST: 'post',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** The action's own tag, else its entity's, else the app's. */
function tagOf(
  app: AppModel,
  action: ActionDefinition,
  error: (code: 'unknown-entity', message: string, pointer: string) => OpenApiBuildError,
): OpenApiTag {
  if (action.tag !== undefined) {
    const declared = app.manifest.tags?.find((tag) => tag.name === action.tag);
    if (declared === undefined)
      throw error('unknown-entity', `No tag "${action.tag}" in the manifest`, '/tag');
    return { name: declared.name, description: declared.description };
  }
  if (action.entity !== undefined) {
    const entity = app.entities.find((e) => e.name === action.entity || e.typeName === action.entity);
    if (entity === undefined)
      throw error('unknown-entity', `No entity "${action.entity}" in the app`, '/entity');
    return entityTag(entity);
  }
  return appTag(app.manifest);
}

/** The error answers the builder documents unless the action lists its own. */
function defaultErrors(
  method: HttpMethod,
  pathNames: readonly string[],
  requestBody: OpenApiOperation['requestBody'],
  access: NonNullable<ActionDefinition['access']>,
): ProblemResponseName[] {
  return [
    // a public action looks things up by what the caller sends (a token, a number): it may find nothing
    ...(pathNames.length > 0 || access === 'public' ? (['NotFound'] as const) : []),
    ...(method === 'get' ? [] : (['Conflict'] as const)),
    ...(requestBody === undefined ? [] : (['PayloadTooLarge'] as const)),
    ...(method === 'get' ? [] : (['UnprocessableContent'] as const)),
  ];
}

/** One answer an action declares, and the pointer tokens of its declaration in the action's file. */
interface Answer {
  status: string;
  declaration: ResponseDeclaration;
  at: string[];
}

/** The answers an action declares: its `responses`, or `response` under `status`. */
function answersOf(action: ActionDefinition): Answer[] {
  if (action.responses !== undefined) {
    return Object.entries(action.responses).map(([status, declaration]) => ({
      status,
      declaration,
      at: ['responses', status],
    }));
  }
  const status = String(action.status ?? 200);
  const { response } = action;
  const declaration: ResponseDeclaration =
    response === undefined || status === '204'
      ? { ...(response?.description === undefined ? {} : { description: response.description }) }
      : { schema: response };
  return [{ status, declaration, at: ['response'] }];
}

function headersOf(
  declaration: ResponseDeclaration,
  rewrite: (schema: JsonSchema, ...tokens: string[]) => JsonSchema,
  at: readonly string[],
): { headers?: Record<string, OpenApiHeader> } {
  const entries = Object.entries(declaration.headers ?? {});
  if (entries.length === 0) return {};
  return {
    headers: Object.fromEntries(
      entries.map(([name, header]: [string, HeaderDeclaration]) => [
        name,
        {
          description: header.description,
          ...(header.required === undefined ? {} : { required: header.required }),
          schema:
            header.schema === undefined
              ? { ...headerText }
              : rewrite(header.schema, ...at, 'headers', name, 'schema'),
        },
      ]),
    ),
  };
}

/**
 * The shared problem response of an error status.
 *
 * @throws {Error} for a status without one: the model's checks refuse it before the builder runs
 */
function problemResponseName(status: number): ProblemResponseName {
  const name = problemResponseNames.get(String(status));
  if (name === undefined) throw new Error(`No shared problem response for ${status}`);
  return name;
}

function sortedByStatus<V>(responses: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b)));
}

/** `id`, `dealId`: keys of framework records, which are uuids */
function isIdName(name: string): boolean {
  return name === 'id' || /[a-z0-9]Id$/.test(name);
}

function queryParameters(request: JsonSchema, pathNames: ReadonlySet<string>): OpenApiParameter[] {
  const required = new Set(request.required ?? []);
  return Object.entries(request.properties ?? {})
    .filter(([name]) => !pathNames.has(name))
    .map(([name, schema]) => {
      const style =
        schema.type === 'object'
          ? ({ style: 'deepObject', explode: true } as const)
          : schema.type === 'array'
            ? ({ style: 'form', explode: false } as const)
            : {};
      return {
        name,
        in: 'query',
        ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        ...(required.has(name) ? { required: true } : {}),
        ...style,
        schema,
      } satisfies OpenApiParameter;
    });
}
