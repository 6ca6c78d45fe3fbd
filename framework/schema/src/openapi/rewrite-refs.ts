import type { EntityModel } from '../model/app-model.js';
import type { JsonSchema } from '../model/json-schema.js';
import { pascalCase } from '../names/case.js';
import { isRecord, parsePointer, pointerExists, toPointer } from './json-pointer.js';
import { OpenApiBuildError } from './openapi-build-error.js';

/** Where a schema being rewritten sits in the author's files, for error messages. */
export interface SchemaOrigin {
  /** app-relative file, or `action:<id>` */
  source: string;
  /** pointer tokens of the schema inside `source` */
  tokens: readonly string[];
  /** entity whose file the schema is in; local `#/...` refs resolve against it */
  entity?: EntityModel;
}

const schemaMapKeywords = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const schemaKeywords = [
  'additionalProperties',
  'items',
  'additionalItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];
const schemaListKeywords = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
/** identify a schema resource; meaningless (and confusing to resolvers) once inside an OpenAPI document */
const droppedKeywords = new Set(['$schema', '$id']);

/** Component name of a hoisted `$defs` entry: `<TypeName><DefName>`. */
export function defComponentName(entity: EntityModel, defName: string): string {
  return `${entity.typeName}${pascalCase(defName)}`;
}

export function componentRef(name: string, tokens: readonly string[] = []): string {
  return `#/components/schemas/${name}${toPointer(tokens)}`;
}

/**
 * Maps `$ref`s of the app's schema files onto `#/components/schemas/...`: sibling files by
 * file name (`./x.schema.json`, `x.schema.json`, `../schema/x.schema.json`) or by `$id`,
 * local `#/$defs/Y` onto the hoisted `<TypeName>Y`, other local pointers into the entity's own
 * component. Every target is checked to exist, so a typo fails here and not in a client.
 *
 * @example
 * const resolver = new RefResolver(app.entities);
 * resolver.resolve('./address.schema.json', { source: 'core/schema/account.schema.json', tokens: ['properties', 'billing', '$ref'] });
 * // '#/components/schemas/Address'
 */
export class RefResolver {
  readonly #byId = new Map<string, EntityModel>();
  readonly #byFileName = new Map<string, EntityModel>();

  constructor(entities: readonly EntityModel[]) {
    for (const entity of entities) {
      if (typeof entity.schema.$id === 'string') this.#byId.set(stripFragment(entity.schema.$id), entity);
      this.#byFileName.set(`${entity.name}.schema.json`, entity);
      this.#byFileName.set(baseName(entity.file), entity);
    }
  }

  /** @param origin where the `$ref` keyword itself is (its tokens end in `$ref`) */
  resolve(ref: string, origin: SchemaOrigin): string {
    const hash = ref.indexOf('#');
    const uri = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    const target = uri === '' ? origin.entity : this.#entityFor(uri);
    const fail = (why: string): never => {
      throw new OpenApiBuildError(
        'unresolvable-ref',
        `Cannot resolve $ref "${ref}": ${why}`,
        origin.source,
        toPointer(origin.tokens),
      );
    };
    if (target === undefined) {
      return fail(
        uri === ''
          ? 'a local reference outside an entity schema has no target'
          : 'no schema file of the app matches',
      );
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(fragment);
    } catch {
      return fail('the fragment is not valid percent-encoding');
    }
    const tokens = parsePointer(decoded);
    if (tokens === undefined) return fail('only JSON Pointer fragments are supported, not anchors');
    if (tokens[0] === '$defs') {
      const [, defName, ...rest] = tokens;
      const def = defName === undefined ? undefined : target.schema.$defs?.[defName];
      if (defName === undefined || def === undefined) return fail(`${target.file} has no such $defs entry`);
      if (!pointerExists(def, rest)) return fail(`the pointer does not exist in ${target.file}`);
      return componentRef(defComponentName(target, defName), rest);
    }
    if (!pointerExists(target.schema, tokens)) return fail(`the pointer does not exist in ${target.file}`);
    return componentRef(target.typeName, tokens);
  }

  #entityFor(uri: string): EntityModel | undefined {
    return (
      this.#byId.get(uri) ?? (uri.endsWith('.schema.json') ? this.#byFileName.get(baseName(uri)) : undefined)
    );
  }
}

/**
 * A deep copy of `schema` ready for `components`: `$schema`/`$id` dropped, `$ref`s rewritten by
 * `resolver`. Walks only subschema positions, so `enum`, `const`, `default`, `examples` and
 * `x-codexion` stay data even if they happen to hold a `$ref` key.
 *
 * @example
 * rewriteSchema({ $ref: '#/$defs/Line' }, resolver, { source: dealFile, tokens: ['properties', 'lines', 'items'], entity: deal });
 * // { $ref: '#/components/schemas/DealLine' }
 */
export function rewriteSchema(schema: JsonSchema, resolver: RefResolver, origin: SchemaOrigin): JsonSchema {
  const rewritten = rewriteNode(schema, resolver, origin);
  return isRecord(rewritten) ? rewritten : {};
}

function rewriteNode(node: unknown, resolver: RefResolver, origin: SchemaOrigin): unknown {
  if (!isRecord(node)) return cloneJson(node);
  const at = (...tokens: string[]): SchemaOrigin => ({ ...origin, tokens: [...origin.tokens, ...tokens] });
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (droppedKeywords.has(key)) continue;
    if (key === '$ref' && typeof value === 'string') {
      out[key] = resolver.resolve(value, at(key));
    } else if (schemaMapKeywords.includes(key) && isRecord(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, rewriteNode(sub, resolver, at(key, name))]),
      );
    } else if (schemaListKeywords.includes(key) && Array.isArray(value)) {
      out[key] = value.map((sub, i) => rewriteNode(sub, resolver, at(key, String(i))));
    } else if (schemaKeywords.includes(key)) {
      out[key] = rewriteNode(value, resolver, at(key));
    } else {
      out[key] = cloneJson(value);
    }
  }
  return out;
}

/** Copies JSON data so the document never aliases the model the caller still holds. */
function cloneJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneJson(v)]));
  return value;
}

function stripFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash === -1 ? uri : uri.slice(0, hash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
