import type { JsonSchema } from '../model/json-schema.js';

/**
 * The slice of OpenAPI 3.1 the builder emits. Typed loosely on purpose where OpenAPI itself is
 * open (schemas are JSON Schema 2020-12; `x-` extensions are allowed almost everywhere).
 */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: OpenApiInfo;
  servers: { url: string; description?: string; 'x-internal'?: boolean }[];
  security: Record<string, string[]>[];
  tags: OpenApiTag[];
  paths: Record<string, OpenApiPathItem>;
  /** what the app sends: its declared events, by event name (OpenAPI 3.1 `webhooks`) */
  webhooks?: Record<string, OpenApiPathItem>;
  components: OpenApiComponents;
  [extension: `x-${string}`]: unknown;
}

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
  license?: OpenApiLicense;
}

/** OpenAPI 3.1 License: give an SPDX `identifier` or a `url`, not both. */
export interface OpenApiLicense {
  name: string;
  identifier?: string;
  url?: string;
}

export interface OpenApiTag {
  name: string;
  description: string;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type OpenApiPathItem = Partial<Record<HttpMethod, OpenApiOperation>>;

export interface OpenApiRef {
  $ref: string;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** still served, but clients should stop calling it */
  deprecated?: boolean;
  parameters?: (OpenApiParameter | OpenApiRef)[];
  requestBody?: OpenApiRequestBody;
  responses: Record<string, OpenApiResponse | OpenApiRef>;
  /** the operation's own requirement; `[{}]` (or `[]`): callable without credentials (a public action) */
  security?: Record<string, string[]>[];
  'x-codexion-permission'?: string;
}

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  description?: string;
  required?: boolean;
  style?: 'form' | 'simple' | 'deepObject';
  explode?: boolean;
  schema: JsonSchema;
  example?: unknown;
}

export interface OpenApiMediaType {
  schema: JsonSchema;
}

export interface OpenApiRequestBody {
  description?: string;
  required: boolean;
  content: Record<string, OpenApiMediaType>;
}

export interface OpenApiHeader {
  description: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, OpenApiHeader | OpenApiRef>;
  content?: Record<string, OpenApiMediaType>;
}

export type OpenApiSecurityScheme =
  | { type: 'apiKey'; in: 'header' | 'cookie' | 'query'; name: string; description: string }
  | { type: 'http'; scheme: string; bearerFormat?: string; description: string };

export interface OpenApiComponents {
  schemas: Record<string, JsonSchema>;
  responses: Record<string, OpenApiResponse>;
  parameters: Record<string, OpenApiParameter>;
  headers: Record<string, OpenApiHeader>;
  securitySchemes: Record<string, OpenApiSecurityScheme>;
}
