import type { ActionDefinition, AppModel } from '../model/app-model.js';
import type { JsonSchema } from '../model/json-schema.js';
import type { DocumentBuilder, Origin } from './document-builder.js';
import { isRecord } from './json-pointer.js';
import { OpenApiBuildError } from './openapi-build-error.js';
import type { HttpMethod, OpenApiOperation, OpenApiParameter } from './openapi-types.js';
import { errorResponses, jsonContent } from './operation-helpers.js';
import type { ProblemResponseName } from './problem-schema.js';
import { type RefResolver, rewriteSchema } from './rewrite-refs.js';
import { appTag, entityTag } from './tags.js';

/**
 * Adds the operation of one `core/actions/*.json` action. A GET action's request schema becomes
 * query parameters, since a GET body is ignored by most clients and proxies.
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

  let tag = appTag(app.manifest);
  if (action.entity !== undefined) {
    const entity = app.entities.find((e) => e.name === action.entity || e.typeName === action.entity);
    if (entity === undefined)
      throw error('unknown-entity', `No entity "${action.entity}" in the app`, '/entity');
    tag = entityTag(entity);
  }
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
  const parameters: OpenApiParameter[] = pathNames.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: isIdName(name)
      ? { type: 'string', format: 'uuid', maxLength: 36 }
      : { type: 'string', minLength: 1, maxLength: 200 },
  }));

  const request =
    action.request === undefined
      ? undefined
      : rewriteSchema(action.request, resolver, { source, tokens: ['request'] });
  const response =
    action.response === undefined
      ? undefined
      : rewriteSchema(action.response, resolver, { source, tokens: ['response'] });

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
    requestBody = { required: true, content: jsonContent(request) };
  }

  const status = String(action.status ?? 200);
  const isPublic = action.access === 'public';
  const specific: ProblemResponseName[] = [
    // a public action looks things up by what the caller sends (a token, a number): it may find nothing
    ...(pathNames.length > 0 || isPublic ? (['NotFound'] as const) : []),
    ...(method === 'get' ? [] : (['Conflict'] as const)),
    ...(requestBody === undefined ? [] : (['PayloadTooLarge'] as const)),
    ...(method === 'get' ? [] : (['UnprocessableContent'] as const)),
  ];
  const operation: OpenApiOperation = {
    operationId: action.id,
    summary: action.summary,
    ...(action.description === undefined ? {} : { description: action.description }),
    tags: [tag.name],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody === undefined ? {} : { requestBody }),
    responses: {
      [status]: {
        description: response?.description ?? (status === '204' ? 'Done' : 'Success'),
        ...(response === undefined || status === '204' ? {} : { content: jsonContent(response) }),
      },
      ...errorResponses(builder, specific, { authenticated: !isPublic }),
    },
    // `[{}]`: the empty requirement, OpenAPI's way to say no credentials are needed
    ...(isPublic ? { security: [{}] } : { 'x-codexion-permission': action.permission }),
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

/** `id`, `dealId`: keys of framework records, which are uuids */
function isIdName(name: string): boolean {
  return name === 'id' || /[a-z0-9]Id$/.test(name);
}

function queryParameters(request: JsonSchema, pathNames: ReadonlySet<string>): OpenApiParameter[] {
  const required = new Set(request.required ?? []);
  return Object.entries(request.properties ?? {})
    .filter(([name]) => !pathNames.has(name))
    .map(([name, schema]) => {
      const isObject = schema.type === 'object';
      return {
        name,
        in: 'query',
        ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        ...(required.has(name) ? { required: true } : {}),
        ...(isObject ? { style: 'deepObject', explode: true } : {}),
        schema,
      } satisfies OpenApiParameter;
    });
}
