import { type AppModel, type JsonSchema, snakeCase } from '@codexion/schema';

function isPii(schema: JsonSchema): boolean {
  const annotations = schema['x-codexion'];
  return (
    typeof annotations === 'object' && annotations !== null && (annotations as { pii?: unknown }).pii === true
  );
}

function collect(schema: JsonSchema | undefined, into: Set<string>): void {
  if (!schema || typeof schema !== 'object') return;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (isPii(property)) {
      into.add(name);
      // rows read straight from SQL (errors, raw queries) carry the column name
      into.add(snakeCase(name));
    }
    collect(property, into);
  }
  collect(schema.items, into);
  for (const def of Object.values(schema.$defs ?? {})) collect(def, into);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) for (const branch of branches) collect(branch as JsonSchema, into);
  }
}

/**
 * Names of the properties tagged `x-codexion.pii: true` in the apps' entities (value objects
 * and nested schemas included), camelCase and snake_case, sorted: what the logger redacts.
 *
 * @example
 * piiFieldsOf([salesModel]) // ['contactEmail', 'contact_email']
 */
export function piiFieldsOf(models: readonly AppModel[]): string[] {
  const fields = new Set<string>();
  for (const model of models) for (const entity of model.entities) collect(entity.schema, fields);
  return [...fields].sort();
}
