export type {
  ActionAccess,
  ActionDefinition,
  AppManifest,
  AppModel,
  ConsumedEvent,
  CredentialActionDefinition,
  EntityModel,
  ErrorDeclaration,
  EventDeclaration,
  HeaderDeclaration,
  NavItem,
  PermissionDeclaration,
  PolicyDefinition,
  PublicActionDefinition,
  ResponseDeclaration,
  RuleDefinition,
  RuleFile,
  SecuritySchemeDeclaration,
  TagDeclaration,
  TenantActionDefinition,
} from './model/app-model.js';
export {
  appPermissions,
  type CrudVerb,
  crudPermission,
  crudPermissions,
  crudVerbs,
  servesCrud,
} from './model/app-permissions.js';
export {
  type AppSources,
  type CompileAppModelOptions,
  compileAppModel,
  documentedErrorStatuses,
  type SourceFile,
} from './model/compile-app-model.js';
export { findUnknownKeywords } from './model/find-unknown-keywords.js';
export type {
  EntityAnnotations,
  EntityUiAnnotations,
  IndexAnnotation,
  JsonLogic,
  JsonSchema,
  JsonSchemaType,
  NumberAnnotation,
  PropertyAnnotations,
  Widget,
  WorkflowAnnotation,
  WorkflowTransition,
} from './model/json-schema.js';
export { userReference } from './model/json-schema.js';
export { type DefinitionIssue, SchemaDefinitionError } from './model/schema-definition-error.js';
export {
  customFieldsMaxDepth,
  customFieldsMaxProperties,
  type SystemFieldName,
  softDeleteField,
  systemFieldNames,
  systemFields,
  withSystemFields,
} from './model/system-fields.js';
export { currencyDigits } from './money/currency-digits.js';
export { camelCase, kebabCase, pascalCase, snakeCase } from './names/case.js';
export { compareCodeUnits } from './names/compare-code-units.js';
export {
  type BuildOpenApiOptions,
  buildOpenApi,
  eventSchemaName,
  OpenApiBuildError,
  type OpenApiBuildErrorCode,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
  type OpenApiPathItem,
  problemBounds,
  problemMediaType,
  problemResponses,
  problemSchema,
  type SharedHeaderName,
  securitySchemes,
  sharedHeaders,
  standardResponseHeaderNames,
  withStandardResponseHeaders,
} from './openapi/index.js';
export { evaluateRules, type RuleContext } from './rules/evaluate-rules.js';
export { jsonLogic } from './rules/json-logic.js';
export {
  knownOperators,
  type LogicReference,
  type LogicScan,
  scanJsonLogic,
} from './rules/json-logic-operators.js';
export {
  type CompileOptions,
  codexionOperations,
  compileJsonLogicToSql,
  type JsonLogicOperationRegistry,
  JsonLogicSqlError,
  type JsonLogicSqlErrorCode,
  jsonLogicSqlErrorCodes,
  type PositionalSqlOptions,
  registerCodexionOperations,
  type SqlChunk,
  type SqlColumnRef,
  type SqlColumnType,
  type SqlFragment,
  type SqlValueRef,
  toPositionalSql,
  type VarResolution,
} from './sql/index.js';
export { annotationKeywords, createAjv } from './validation/create-ajv.js';
export { isUuid, uuidPattern } from './validation/is-uuid.js';
export { escapePointerToken, issuesFromAjv, type ValidationIssue } from './validation/validation-issue.js';
export { type ValidationResult, ValidatorCache } from './validation/validator-cache.js';
