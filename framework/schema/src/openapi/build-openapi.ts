import type { AppManifest, AppModel, EntityModel } from '../model/app-model.js';
import { servesCrud } from '../model/app-permissions.js';
import type { JsonSchema } from '../model/json-schema.js';
import { addActionPath } from './action-paths.js';
import { addCrudPaths } from './crud-paths.js';
import { DocumentBuilder } from './document-builder.js';
import { entitySchemas } from './entity-schemas.js';
import { addEventWebhooks } from './event-webhooks.js';
import { toPointer } from './json-pointer.js';
import { sharedParameters } from './list-parameters.js';
import type { OpenApiDocument, OpenApiLicense, OpenApiResponse } from './openapi-types.js';
import { problemResponseNames, problemResponses, problemSchema } from './problem-schema.js';
import { defComponentName, RefResolver, rewriteSchema } from './rewrite-refs.js';
import { securityRequirements, securitySchemes } from './security-schemes.js';
import { sharedHeaders } from './shared-headers.js';
import { withStandardResponseHeaders } from './standard-response-headers.js';
import { entityTag } from './tags.js';

export interface BuildOpenApiOptions {
  /** URL path the app's API is mounted at; `/api/<manifest.name>` unless given */
  basePath?: string;
  /** the app's license, for `info.license` (the manifest has no field for it yet) */
  license?: OpenApiLicense;
}

/**
 * Builds the OpenAPI 3.1 document of an app from its checked model: component schemas from the
 * entity schemas, CRUD paths for persisted entities, action paths, shared Problem responses, and
 * the declared events as `<PascalName>Event` components with their `webhooks` entries.
 * Deterministic: the same model gives the same `JSON.stringify` output, whatever its entity order.
 *
 * @throws {OpenApiBuildError} on an unresolvable `$ref`, a duplicate operationId, path+method or
 *   component name
 *
 * @example
 * const doc = buildOpenApi(app, { license: { name: 'Apache-2.0', identifier: 'Apache-2.0' } });
 * doc.paths['/deals']?.get?.operationId // 'listDeals'
 */
export function buildOpenApi(app: AppModel, options: BuildOpenApiOptions = {}): OpenApiDocument {
  const { manifest } = app;
  const builder = new DocumentBuilder({
    responses: sharedResponses(manifest),
    parameters: sharedParameters,
    headers: sharedHeaders,
  });
  const resolver = new RefResolver(app.entities);
  builder.addSchema('Problem', problemSchema, { source: 'framework', pointer: '' });

  for (const entity of app.entities) {
    const authored = addEntitySchemas(builder, resolver, entity);
    if (servesCrud(entity)) {
      const schemas = entitySchemas(entity, authored);
      const origin = { source: entity.file, pointer: '' };
      builder.addSchema(entity.typeName, schemas.record, origin);
      builder.addSchema(`${entity.typeName}Create`, schemas.create, origin);
      builder.addSchema(`${entity.typeName}Patch`, schemas.patch, origin);
      builder.addSchema(`${entity.typeName}Page`, schemas.page, origin);
      builder.addTag(entityTag(entity));
      addCrudPaths(builder, app, entity, schemas.record, authored);
    } else if (!isPersisted(entity)) {
      builder.addSchema(entity.typeName, authored, { source: entity.file, pointer: '' });
    }
    // a stored entity with `"api": false` is its app's actions' alone: no endpoints, and no
    // component (the actions answer with shapes of their own, so a stored table's columns never
    // become part of the contract)
  }
  for (const action of app.actions) addActionPath(builder, app, resolver, action);
  const webhooks = addEventWebhooks(builder, manifest);

  const basePath = trimTrailingSlash(options.basePath ?? `/api/${manifest.name}`);
  return withStandardResponseHeaders({
    openapi: '3.1.0',
    info: {
      title: manifest.title,
      version: manifest.version,
      ...(manifest.description === undefined ? {} : { description: manifest.description }),
      ...(options.license === undefined ? {} : { license: { ...options.license } }),
    },
    servers: [{ url: basePath }],
    security: securityRequirements.map((requirement) => ({ ...requirement })),
    tags: builder.tags(),
    paths: builder.paths(),
    ...(Object.keys(webhooks).length === 0 ? {} : { webhooks }),
    components: builder.components({ ...securitySchemes, ...manifest.securitySchemes }),
  });
}

/**
 * The problem responses operations point at: the framework's, with the API's own description and
 * headers where its manifest gives them (`responses`: a 401 with `WWW-Authenticate`).
 */
function sharedResponses(manifest: AppManifest): Record<string, OpenApiResponse> {
  const shared: Record<string, OpenApiResponse> = { ...problemResponses };
  for (const [status, own] of Object.entries(manifest.responses ?? {})) {
    const name = problemResponseNames.get(status);
    if (name === undefined) continue;
    const headers = Object.entries(own.headers ?? {});
    shared[name] = {
      description: own.description ?? problemResponses[name].description,
      ...(headers.length === 0
        ? {}
        : {
            headers: Object.fromEntries(
              headers.map(([header, { description, required, schema }]) => [
                header,
                {
                  description,
                  ...(required === undefined ? {} : { required }),
                  schema: schema ?? { type: 'string', maxLength: 4096 },
                },
              ]),
            ),
          }),
      content: problemResponses[name].content,
    };
  }
  return shared;
}

/**
 * Rewrites the entity's schema for `components` and hoists its `$defs` as `<TypeName><Def>`.
 * Returns the root schema without `$defs`, for the caller to register.
 */
function addEntitySchemas(builder: DocumentBuilder, resolver: RefResolver, entity: EntityModel): JsonSchema {
  const { $defs, ...rewritten } = rewriteSchema(entity.schema, resolver, {
    source: entity.file,
    tokens: [],
    entity,
  });
  for (const [defName, def] of Object.entries($defs ?? {})) {
    builder.addSchema(defComponentName(entity, defName), def, {
      source: entity.file,
      pointer: toPointer(['$defs', defName]),
    });
  }
  return rewritten;
}

function isPersisted(entity: EntityModel): boolean {
  return (entity.table ?? entity.annotations.table) !== undefined;
}

/** a trailing slash would double up with the paths' leading one */
function trimTrailingSlash(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
