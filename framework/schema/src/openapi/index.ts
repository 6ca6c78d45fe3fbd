export { type BuildOpenApiOptions, buildOpenApi } from './build-openapi.js';
export { eventSchemaName } from './event-webhooks.js';
export { OpenApiBuildError, type OpenApiBuildErrorCode } from './openapi-build-error.js';
export type {
  HttpMethod,
  OpenApiComponents,
  OpenApiDocument,
  OpenApiHeader,
  OpenApiInfo,
  OpenApiLicense,
  OpenApiMediaType,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiPathItem,
  OpenApiRef,
  OpenApiRequestBody,
  OpenApiResponse,
  OpenApiSecurityScheme,
  OpenApiTag,
} from './openapi-types.js';
export { problemBounds, problemMediaType, problemResponses, problemSchema } from './problem-schema.js';
export { securitySchemes } from './security-schemes.js';
export { type SharedHeaderName, sharedHeaders, standardResponseHeaderNames } from './shared-headers.js';
export { withStandardResponseHeaders } from './standard-response-headers.js';
