import type { JsonSchema } from '../model/json-schema.js';
import { OpenApiBuildError } from './openapi-build-error.js';
import type {
  HttpMethod,
  OpenApiComponents,
  OpenApiHeader,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiPathItem,
  OpenApiRef,
  OpenApiResponse,
  OpenApiTag,
} from './openapi-types.js';

/** Where something added to the document came from, so conflicts name both culprits. */
export interface Origin {
  source: string;
  pointer: string;
}

interface SharedComponents {
  responses: Record<string, OpenApiResponse>;
  parameters: Record<string, OpenApiParameter>;
  headers: Record<string, OpenApiHeader>;
}

const methodOrder: readonly HttpMethod[] = ['get', 'put', 'post', 'patch', 'delete'];

/**
 * Collects paths, operations and components, refusing duplicates, and emits them sorted so the
 * same model always gives the same bytes. Shared responses, parameters and headers are emitted
 * only once referenced, which keeps `no-unused-components` quiet for apps that use a subset.
 */
export class DocumentBuilder {
  readonly #schemas = new Map<string, { schema: JsonSchema; origin: Origin }>();
  /** keyed by the template with parameter names blanked: `/deals/{}` */
  readonly #paths = new Map<
    string,
    { path: string; item: OpenApiPathItem; origins: Map<HttpMethod, Origin> }
  >();
  readonly #operationIds = new Map<string, Origin>();
  readonly #tags = new Map<string, string>();
  readonly #used = {
    responses: new Set<string>(),
    parameters: new Set<string>(),
    headers: new Set<string>(),
  };
  readonly #shared: SharedComponents;

  constructor(shared: SharedComponents) {
    this.#shared = shared;
  }

  addSchema(name: string, schema: JsonSchema, origin: Origin): void {
    const existing = this.#schemas.get(name);
    if (existing !== undefined) {
      throw new OpenApiBuildError(
        'duplicate-component',
        `Component schema "${name}" would be defined twice; it is already defined by ${describe(existing.origin)}`,
        origin.source,
        origin.pointer,
      );
    }
    this.#schemas.set(name, { schema, origin });
  }

  /** First description wins: an entity's tag is added before actions reuse it. */
  addTag(tag: OpenApiTag): void {
    if (!this.#tags.has(tag.name)) this.#tags.set(tag.name, tag.description);
  }

  addOperation(path: string, method: HttpMethod, operation: OpenApiOperation, origin: Origin): void {
    const previousId = this.#operationIds.get(operation.operationId);
    if (previousId !== undefined) {
      throw new OpenApiBuildError(
        'duplicate-operation-id',
        `operationId "${operation.operationId}" is already used by ${describe(previousId)}`,
        origin.source,
        origin.pointer,
      );
    }
    const key = path.replace(/\{[^}]*\}/g, '{}');
    const entry = this.#paths.get(key) ?? { path, item: {}, origins: new Map<HttpMethod, Origin>() };
    if (entry.path !== path) {
      throw new OpenApiBuildError(
        'conflicting-path-template',
        `Path "${path}" matches the same URLs as "${entry.path}" but names its parameters differently`,
        origin.source,
        origin.pointer,
      );
    }
    const previous = entry.origins.get(method);
    if (previous !== undefined) {
      throw new OpenApiBuildError(
        'duplicate-operation',
        `${method.toUpperCase()} ${path} is already defined by ${describe(previous)}`,
        origin.source,
        origin.pointer,
      );
    }
    entry.item[method] = operation;
    entry.origins.set(method, origin);
    this.#paths.set(key, entry);
    this.#operationIds.set(operation.operationId, origin);
  }

  responseRef(name: string): OpenApiRef {
    return this.#use('responses', name);
  }

  parameterRef(name: string): OpenApiRef {
    return this.#use('parameters', name);
  }

  headerRef(name: string): OpenApiRef {
    return this.#use('headers', name);
  }

  paths(): Record<string, OpenApiPathItem> {
    const entries = [...this.#paths.values()].sort((a, b) => compare(a.path, b.path));
    return Object.fromEntries(
      entries.map(({ path, item }) => [
        path,
        Object.fromEntries(methodOrder.flatMap((m) => (item[m] === undefined ? [] : [[m, item[m]]]))),
      ]),
    );
  }

  tags(): OpenApiTag[] {
    return [...this.#tags]
      .sort(([a], [b]) => compare(a, b))
      .map(([name, description]) => ({ name, description }));
  }

  components(securitySchemes: OpenApiComponents['securitySchemes']): OpenApiComponents {
    return {
      schemas: sortedRecord(new Map([...this.#schemas].map(([name, { schema }]) => [name, schema]))),
      responses: pick(this.#shared.responses, this.#used.responses),
      parameters: pick(this.#shared.parameters, this.#used.parameters),
      headers: pick(this.#shared.headers, this.#used.headers),
      securitySchemes: sortedRecord(new Map(Object.entries(securitySchemes))),
    };
  }

  #use(kind: keyof SharedComponents, name: string): OpenApiRef {
    if (!Object.hasOwn(this.#shared[kind], name)) {
      // a typo in the builder's own code, not in the author's files
      throw new Error(`No shared ${kind} component "${name}"`);
    }
    this.#used[kind].add(name);
    return { $ref: `#/components/${kind}/${name}` };
  }
}

/** Code-unit order: `localeCompare` would make the output depend on the machine's locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pick<V>(all: Record<string, V>, used: Set<string>): Record<string, V> {
  const picked = new Map<string, V>();
  for (const name of used) {
    const value = all[name];
    if (value !== undefined) picked.set(name, value);
  }
  return sortedRecord(picked);
}

function sortedRecord<V>(map: Map<string, V>): Record<string, V> {
  return Object.fromEntries([...map].sort(([a], [b]) => compare(a, b)));
}

function describe(origin: Origin): string {
  return origin.pointer === '' ? origin.source : `${origin.source}#${origin.pointer}`;
}
