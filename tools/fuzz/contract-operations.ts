import type { JsonSchema, OpenApiDocument, OpenApiParameter } from '@codexion/schema';
import { inlineSchema } from './inline-schema.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One parameter of an operation, its `$ref` resolved and its schema inlined. */
export interface ContractParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  style: 'form' | 'simple' | 'deepObject';
  explode: boolean;
  schema: JsonSchema;
}

/** One operation of the merged contract, in the shape the generators need. */
export interface ContractOperation {
  operationId: string;
  method: HttpMethod;
  /** the path template, `/api/crm/deals/{id}` */
  path: string;
  /** the first segment after `/api/`: the app or framework module that serves it */
  app: string;
  parameters: ContractParameter[];
  /** the request body: its media types and the schema (inlined) of the first JSON one */
  body?: { required: boolean; mediaTypes: string[]; mediaType: string; schema: JsonSchema };
  /** false for operations with `security: []` (sign-in, public actions) */
  secured: boolean;
  permission?: string;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function resolveParameter(
  doc: OpenApiDocument,
  parameter: OpenApiParameter | { $ref: string },
): OpenApiParameter {
  if (!('$ref' in parameter)) return parameter;
  const name = parameter.$ref.replace('#/components/parameters/', '');
  const resolved = doc.components.parameters[name];
  if (resolved === undefined) throw new Error(`the contract names an unknown parameter ${parameter.$ref}`);
  return resolved;
}

/**
 * Every operation of an OpenAPI document, parameters resolved and schemas inlined, in the
 * document's order. This is what makes the suites cover a new app with no extra work: they read
 * the merged contract the host serves, not a list of their own.
 *
 * @example
 * const operations = contractOperations(await (await fetch(`${url}/api/openapi.json`)).json());
 * operations.find((o) => o.operationId === 'createDeal')?.body?.schema.required; // ['title', ...]
 */
export function contractOperations(doc: OpenApiDocument): ContractOperation[] {
  const operations: ContractOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of methods) {
      const operation = item[method];
      if (operation === undefined) continue;
      const parameters = (operation.parameters ?? []).map((raw): ContractParameter => {
        const parameter = resolveParameter(doc, raw);
        const style =
          parameter.style ?? (parameter.in === 'query' || parameter.in === 'cookie' ? 'form' : 'simple');
        return {
          name: parameter.name,
          in: parameter.in,
          required: parameter.in === 'path' || parameter.required === true,
          style,
          explode: parameter.explode ?? style === 'form',
          schema: inlineSchema(doc, parameter.schema),
        };
      });
      const content = operation.requestBody?.content ?? {};
      const mediaTypes = Object.keys(content).map((m) => m.toLowerCase());
      const jsonType = mediaTypes.find(isJsonMediaType);
      const security = operation.security ?? doc.security;
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase() as HttpMethod,
        path,
        app: path.split('/')[2] ?? '',
        parameters,
        ...(operation.requestBody !== undefined && jsonType !== undefined
          ? {
              body: {
                required: operation.requestBody.required,
                mediaTypes,
                mediaType: jsonType,
                schema: inlineSchema(doc, Object.values(content)[mediaTypes.indexOf(jsonType)]?.schema ?? {}),
              },
            }
          : {}),
        // `[]` or `[{}]` (the empty requirement): callable without credentials
        secured: security.some((requirement) => Object.keys(requirement).length > 0),
        ...(operation['x-codexion-permission'] === undefined
          ? {}
          : { permission: operation['x-codexion-permission'] }),
      });
    }
  }
  return operations;
}

/**
 * The order to fuzz operations in: reads, writes with a body, deletes, then body-less writes
 * (actions such as suspend or sign out), so what a wrongly passed request does is least in the way.
 *
 * @example
 * operations.sort((a, b) => operationRisk(a) - operationRisk(b));
 */
export function operationRisk(op: ContractOperation): number {
  if (op.method === 'GET') return 0;
  if (op.body !== undefined) return 1;
  return op.method === 'DELETE' ? 2 : 3;
}
