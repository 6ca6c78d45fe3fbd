export { createAjv, annotationKeywords } from './validation/create-ajv.js';
export { ValidatorCache, type ValidationResult } from './validation/validator-cache.js';
export { issuesFromAjv, escapePointerToken, type ValidationIssue } from './validation/validation-issue.js';
export { withSystemFields, systemFields, softDeleteField, systemFieldNames, type SystemFieldName } from './model/system-fields.js';
export { pascalCase, camelCase, snakeCase, kebabCase } from './names/case.js';
export { compareCodeUnits } from './names/compare-code-units.js';
export type {
  JsonSchema,
  JsonSchemaType,
  JsonLogic,
  EntityAnnotations,
  EntityUiAnnotations,
  IndexAnnotation,
  PropertyAnnotations,
  WorkflowAnnotation,
  WorkflowTransition,
  Widget,
} from './model/json-schema.js';
export type {
  AppManifest,
  AppModel,
  ActionDefinition,
  EntityModel,
  EventDeclaration,
  NavItem,
  PermissionDeclaration,
  PolicyDefinition,
  RuleDefinition,
  RuleFile,
} from './model/app-model.js';
export { compileAppModel, type AppSources, type SourceFile } from './model/compile-app-model.js';
export { SchemaDefinitionError, type DefinitionIssue } from './model/schema-definition-error.js';
export { findUnknownKeywords } from './model/find-unknown-keywords.js';
export { scanJsonLogic, knownOperators, type LogicReference, type LogicScan } from './rules/json-logic-operators.js';
export {
  buildOpenApi,
  OpenApiBuildError,
  problemMediaType,
  problemSchema,
  type BuildOpenApiOptions,
  type OpenApiBuildErrorCode,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
} from './openapi/index.js';
