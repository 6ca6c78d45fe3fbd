import { type JsonSchema, pascalCase } from '@codexion/schema';
import { compile } from 'json-schema-to-typescript';
import { generatedBanner } from './banner.js';
import { prettierOptions } from './format-source.js';
import type { OpenApiDocument } from './generate-openapi.js';

const componentPrefix = '#/components/schemas/';

/** Keywords whose value maps names to subschemas: the names are data, never keywords. */
const schemaMaps = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
/** Keywords whose value is data, copied as it is. */
const dataKeywords = new Set(['enum', 'const', 'default', 'examples', 'required']);

/**
 * Copies a component for the type bundle: refs point into `$defs`, and `title` keywords go,
 * because json-schema-to-typescript names a type after any title it meets, which would give
 * `AccountCreate` the name `Account1`. Property names (a field called `title`) stay.
 */
function forTypes(node: unknown, top: string | undefined): unknown {
  if (Array.isArray(node)) return node.map((n) => forTypes(n, undefined));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'title' || key === 'x-codexion') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(componentPrefix)) {
      out[key] = `#/$defs/${value.slice(componentPrefix.length)}`;
    } else if (dataKeywords.has(key)) {
      out[key] = value;
    } else if (schemaMaps.has(key) && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, forTypes(sub, undefined)]),
      );
    } else {
      out[key] = forTypes(value, undefined);
    }
  }
  if (top !== undefined) out.title = top;
  return out;
}

/**
 * `core/generated/types.ts`: one json-schema-to-typescript bundle of every component of the
 * app's OpenAPI document (entities, their Create/Patch/Page shapes, value objects, Problem),
 * plus `<App>Schemas`, a map from component name to type.
 *
 * @example
 * const source = await generateTypes('sales', openapi);
 */
export async function generateTypes(appName: string, openapi: OpenApiDocument): Promise<string> {
  const components = openapi.components?.schemas ?? {};
  const names = Object.keys(components).sort();
  const $defs = Object.fromEntries(names.map((name) => [name, forTypes(components[name], name)]));
  const bundle: JsonSchema = {
    type: 'object',
    description: `Every schema of the ${appName} app's API, by component name.`,
    additionalProperties: false,
    required: names,
    properties: Object.fromEntries(names.map((name) => [name, { $ref: `#/$defs/${name}` }])),
    $defs: $defs as Record<string, JsonSchema>,
  };
  return compile(bundle as Parameters<typeof compile>[0], `${pascalCase(appName)}Schemas`, {
    bannerComment: `/* ${generatedBanner} */`,
    additionalProperties: false,
    unknownAny: true,
    // bounded arrays stay arrays: the default (20) turns them into unions of tuples
    maxItems: -1,
    strictIndexSignatures: true,
    unreachableDefinitions: true,
    declareExternallyReferenced: true,
    format: true,
    style: prettierOptions,
  });
}
