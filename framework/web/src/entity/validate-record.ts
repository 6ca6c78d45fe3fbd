import type { JsonSchema, ValidationIssue } from '@codexion/schema';
import { createAjv, issuesFromAjv, ValidatorCache } from '@codexion/schema';
import type { EntityCatalog, EntityConfig } from './define-entities.js';
import { evaluateRules, type RuleContext } from './evaluate-rules.js';
import { entityFields } from './field-model.js';

type ValidateFunction = ReturnType<ValidatorCache['get']>;

const caches = new WeakMap<EntityCatalog, ValidatorCache>();
const writableSchemas = new WeakMap<EntityConfig, JsonSchema>();

/** schemas outside any app (an action's body without `$ref`s) compile here */
let standalone: ValidatorCache | undefined;

function validatorOf(catalog: EntityCatalog | undefined, schema: JsonSchema): ValidateFunction {
  if (!catalog) {
    standalone ??= new ValidatorCache(createAjv());
    return standalone.get(schema);
  }
  let cache = caches.get(catalog);
  if (!cache) {
    cache = new ValidatorCache(createAjv());
    for (const [id, schema] of catalog.schemas) cache.add(schema, schema.$id ? undefined : id);
    caches.set(catalog, cache);
  }
  return cache.get(schema);
}

/** Ajv's complaints as issues, one per field and keyword, keeping the keyword's parameters. */
function issuesOf(validate: ValidateFunction, value: unknown): RecordIssue[] {
  if (validate(value)) return [];
  const issues: RecordIssue[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const [issue] = issuesFromAjv([error]);
    if (!issue) continue;
    const key = `${issue.path}\u0000${issue.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ ...issue, params: error.params as Record<string, unknown> });
  }
  return issues;
}

/**
 * The schema a record the user writes must satisfy: the entity's own properties without the
 * read-only ones — the shape of the API's `<T>Create` body. Edit mode validates the whole record
 * after the change against it too, since the server checks the merged record.
 */
export function writableSchema(entity: EntityConfig): JsonSchema {
  let schema = writableSchemas.get(entity);
  if (!schema) {
    const readOnly = new Set(
      entityFields(entity)
        .filter((field) => field.readOnly)
        .map((field) => field.name),
    );
    const properties: Record<string, JsonSchema> = {};
    for (const [name, property] of Object.entries(entity.schema.properties ?? {})) {
      if (!readOnly.has(name)) properties[name] = property;
    }
    const { $id: _id, 'x-codexion': _annotations, ...rest } = entity.schema;
    schema = {
      ...rest,
      properties,
      required: (entity.schema.required ?? []).filter((name) => name in properties),
    };
    writableSchemas.set(entity, schema);
  }
  return schema;
}

function isReadOnly(entity: EntityConfig, name: string): boolean {
  const property = entity.schema.properties?.[name];
  return property !== undefined && property.readOnly === true;
}

/** An issue as the browser checks find it, with the Ajv keyword's parameters for translating its message. */
export interface RecordIssue extends ValidationIssue {
  params?: Record<string, unknown>;
}

/**
 * Validates any value against a schema with the server's Ajv setup, `$ref`s resolved against the
 * app's schemas when a catalog is given: an action's input before it is sent. Issues keep Ajv's
 * parameters so `useIssueMessage` can say them in the user's language.
 *
 * @example
 * validateSchema({ type: 'object', required: ['lostReason'] }, {})
 * // [{ path: '/lostReason', code: 'required', message: 'is required', params: { missingProperty: 'lostReason' } }]
 */
export function validateSchema(schema: JsonSchema, value: unknown, catalog?: EntityCatalog): RecordIssue[] {
  return issuesOf(validatorOf(catalog, schema), value);
}

/**
 * Validates a record the user is about to send with the same Ajv schema and JSON Logic rules as
 * the server, so the server's messages show before submitting. Schema issues keep Ajv's
 * parameters (`limit`, `allowedValues`, …) so the form can say them in the user's language.
 *
 * @example
 * validateRecord(opportunity, { title: 'Big deal', status: 'won', amount: 0, ... })
 * // [{ path: '/amount', code: 'won-needs-amount', message: '...' }]
 */
export function validateRecord(
  entity: EntityConfig,
  record: Record<string, unknown>,
  context: RuleContext = {},
): RecordIssue[] {
  const schema = writableSchema(entity);
  const validate = validatorOf(entity.catalog, schema);
  // what `derive` fills in that the server sets itself (a person's `name`) is for the rules, not the body
  const written = Object.fromEntries(
    Object.entries(record).filter(([name]) => name in (schema.properties ?? {}) || !isReadOnly(entity, name)),
  );
  const schemaIssues = issuesOf(validate, written);
  // a rule over a field the schema already rejects would only repeat the complaint
  const rejected = new Set(schemaIssues.map((issue) => issue.path));
  const ruleIssues = evaluateRules(entity.rules, record, context).filter(
    (issue) => !rejected.has(issue.path),
  );
  return [...schemaIssues, ...ruleIssues];
}
