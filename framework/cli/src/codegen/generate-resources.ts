import { type AppModel, camelCase, compareCodeUnits, type OpenApiDocument } from '@codexion/schema';
import { tsBanner } from './banner.js';
import { formatSource } from './format-source.js';
import { servedEntities, typeKey } from './generate-contract.js';

/** The CRUD operations of an entity, by the name the map gives them, and their operationIds. */
function crudOperations(typeName: string, pluralTypeName: string): [string, string][] {
  return [
    ['list', `list${pluralTypeName}`],
    ['get', `get${typeName}`],
    ['create', `create${typeName}`],
    ['bulkCreate', `bulkCreate${pluralTypeName}`],
    ['update', `update${typeName}`],
    ['delete', `delete${typeName}`],
    ['restore', `restore${typeName}`],
    ['transition', `transition${typeName}`],
  ];
}

function operationIds(openapi: OpenApiDocument): Set<string> {
  const ids = new Set<string>();
  for (const item of Object.values(openapi.paths)) {
    for (const operation of Object.values(item)) if (operation !== undefined) ids.add(operation.operationId);
  }
  return ids;
}

/**
 * `core/generated/client/resources.gen.ts`: the SDK's CRUD functions by entity name
 * (`crmResources.deal.update`), for code that reaches an entity by its name, as the generic pages
 * of `@codexion/web` do: each function keeps its generated types, and the map only lists the
 * operations the entity has (`restore` with soft delete, `transition` with a workflow).
 *
 * @example
 * const source = await generateResources(model, openapi); // 'export const crmResources = { deal: { list: listDeals, ... } }'
 */
export async function generateResources(model: AppModel, openapi: OpenApiDocument): Promise<string> {
  const ids = operationIds(openapi);
  const imported: string[] = [];
  const entries = servedEntities(model).map((entity) => {
    const members = crudOperations(entity.typeName, entity.pluralTypeName)
      .filter(([, id]) => ids.has(id))
      .map(([name, id]) => {
        imported.push(id);
        return `${name}: ${id}`;
      });
    return `${typeKey(entity.name)}: { ${members.join(', ')} },`;
  });
  const name = `${camelCase(model.manifest.name)}Resources`;
  const source = `${tsBanner()}
${imported.length === 0 ? '' : `import { ${imported.sort(compareCodeUnits).join(', ')} } from './sdk.gen.js';`}

/**
 * The ${model.manifest.title} app's SDK functions by entity and operation, each with its generated
 * types: \`${name}.<entity>.list(...)\` is the same call as the function it names.
 */
export const ${name} = {
${entries.join('\n')}
} as const;

/** The type of {@link ${name}}. */
export type ${name.charAt(0).toUpperCase()}${name.slice(1)} = typeof ${name};
`;
  return formatSource(source, 'typescript');
}
