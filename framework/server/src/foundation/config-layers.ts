import type { JsonSchema } from '@codexion/schema';

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Dotted key of a path, the way config errors and docs name keys: `http.cors.origins`. */
export function dotted(path: readonly string[]): string {
  return path.join('.');
}

/**
 * Which layer set each key (`http.port` → `env CODEXION_HTTP__PORT`), so an error can say where
 * a bad value came from.
 */
export type Provenance = Map<string, string>;

/**
 * Merges `layer` into `target` in place: objects merge key by key, arrays and scalars replace,
 * `null` removes the key (so `config/production.yaml` can unset what `base.yaml` set).
 */
export function mergeLayer(
  target: PlainObject,
  layer: PlainObject,
  source: string,
  provenance: Provenance,
  path: string[] = [],
): void {
  for (const [key, value] of Object.entries(layer)) {
    const at = [...path, key];
    if (value === null || value === undefined) {
      delete target[key];
      provenance.set(dotted(at), source);
      continue;
    }
    const current = target[key];
    if (isPlainObject(value)) {
      const next = isPlainObject(current) ? current : {};
      target[key] = next;
      mergeLayer(next, value, source, provenance, at);
      if (Object.keys(value).length === 0) provenance.set(dotted(at), source);
    } else {
      target[key] = Array.isArray(value) ? [...value] : value;
      provenance.set(dotted(at), source);
    }
  }
}

/** Sets one value at a path, creating objects on the way (for environment variables). */
export function layerAt(path: readonly string[], value: unknown): PlainObject {
  let layer: unknown = value;
  for (let i = path.length - 1; i >= 0; i -= 1) layer = { [path[i] as string]: layer };
  return layer as PlainObject;
}

/** The value at a path, or `undefined`. */
export function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const segment of path) {
    if (!isPlainObject(node) && !Array.isArray(node)) return undefined;
    node = (node as PlainObject)[segment];
  }
  return node;
}

/** Each leaf (scalar, array or empty object) of an object with its path. */
export function* leaves(value: PlainObject, path: string[] = []): Generator<[string[], unknown]> {
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, key];
    if (isPlainObject(child) && Object.keys(child).length > 0) yield* leaves(child, at);
    else yield [at, child];
  }
}

/** The sub-schema describing the value at `path`, following properties and additionalProperties. */
export function schemaAt(schema: JsonSchema, path: readonly string[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  for (const segment of path) {
    if (!node) return undefined;
    const property: JsonSchema | undefined = node.properties?.[segment];
    if (property) node = property;
    else if (isPlainObject(node.additionalProperties)) node = node.additionalProperties as JsonSchema;
    else return undefined;
  }
  return node;
}

/** `x-codexion` of the config schema: `secret` and `overridable`. */
export interface ConfigAnnotations {
  /** `true`: never printed; `'url-password'`: only the URL's password is hidden */
  secret?: true | 'url-password';
  overridable?: boolean;
}

export function configAnnotations(schema: JsonSchema | undefined): ConfigAnnotations {
  const annotations = schema?.['x-codexion'];
  return isPlainObject(annotations) ? (annotations as ConfigAnnotations) : {};
}

/** The secret marking that applies to a path: its own, or that of an enclosing key. */
export function secretAt(schema: JsonSchema, path: readonly string[]): ConfigAnnotations['secret'] {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const secret = configAnnotations(schemaAt(schema, path.slice(0, depth))).secret;
    if (secret !== undefined) return secret;
  }
  return undefined;
}

/** Whether a tenant may override the key at `path` (it, or an enclosing key, is overridable). */
export function isOverridable(schema: JsonSchema, path: readonly string[]): boolean {
  for (let depth = path.length; depth > 0; depth -= 1) {
    if (configAnnotations(schemaAt(schema, path.slice(0, depth))).overridable === true) return true;
  }
  return false;
}

/** Dotted keys of every overridable key in the schema, for error messages and docs. */
export function overridableKeys(schema: JsonSchema, path: string[] = []): string[] {
  const keys: string[] = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const at = [...path, name];
    if (configAnnotations(child).overridable === true) keys.push(dotted(at));
    else keys.push(...overridableKeys(child, at));
  }
  return keys;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
