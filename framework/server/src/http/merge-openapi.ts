import { isDeepStrictEqual } from 'node:util';
import { compareCodeUnits, type OpenApiDocument, type OpenApiPathItem, pascalCase } from '@codexion/schema';

/** One app's document and where it is mounted. */
export interface MountedDocument {
  /** the app's name; its paths go under `/api/<name>` */
  name: string;
  openapi: OpenApiDocument;
}

export interface MergeOpenApiOptions {
  title?: string;
  version?: string;
  description?: string;
}

type ComponentSection = keyof OpenApiDocument['components'];
const sections: readonly ComponentSection[] = [
  'schemas',
  'responses',
  'parameters',
  'headers',
  'securitySchemes',
];

/**
 * For each name defined by several apps with different content, each app's copy gets the app's
 * prefix (`SalesAccount`, `CrmAccount`); names whose copies are all equal (`Problem`, `Cursor`,
 * the security schemes) stay shared. Symmetric, so the result does not depend on app order.
 */
function renames(
  apps: readonly MountedDocument[],
  itemsOf: (app: MountedDocument) => Record<string, unknown>,
  prefixed: (app: string, name: string) => string,
): Map<string, Map<string, string>> {
  const copies = new Map<string, unknown[]>();
  for (const app of apps) {
    for (const [name, value] of Object.entries(itemsOf(app))) {
      const list = copies.get(name) ?? [];
      if (!list.some((other) => isDeepStrictEqual(other, value))) list.push(value);
      copies.set(name, list);
    }
  }
  const byApp = new Map<string, Map<string, string>>();
  for (const app of apps) {
    const map = new Map<string, string>();
    for (const name of Object.keys(itemsOf(app))) {
      map.set(name, (copies.get(name)?.length ?? 0) > 1 ? prefixed(app.name, name) : name);
    }
    byApp.set(app.name, map);
  }
  return byApp;
}

/** Deep copy with `#/components/<section>/<name>` refs renamed. */
function renameRefs<T>(value: T, renamed: ReadonlyMap<ComponentSection, ReadonlyMap<string, string>>): T {
  if (Array.isArray(value)) return value.map((item) => renameRefs(item, renamed)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') {
      const match = /^#\/components\/([^/]+)\/([^/]+)(\/.*)?$/.exec(child);
      const [, section = '', name = '', rest = ''] = match ?? [];
      const target = renamed.get(section as ComponentSection)?.get(name);
      copy[key] = target === undefined ? child : `#/components/${section}/${target}${rest}`;
    } else {
      copy[key] = renameRefs(child, renamed);
    }
  }
  return copy as T;
}

/**
 * One OpenAPI document for every app, for `/api/openapi.json` and the API reference: each app's
 * paths under `/api/<app>`, components merged (equal ones shared, clashing ones prefixed with the
 * app), tags grouped by app (`x-tagGroups`), clashing tags and operationIds prefixed, and every
 * app's events in `webhooks`, by event name.
 *
 * @example
 * const merged = mergeOpenApi([{ name: 'sales', openapi: salesDoc }, { name: 'crm', openapi: crmDoc }]);
 * Object.keys(merged.paths); // ['/api/sales/accounts', ..., '/api/crm/deals', ...]
 */
export function mergeOpenApi(
  apps: readonly MountedDocument[],
  {
    title = 'Codexion API',
    version = '0.1.0',
    description = 'Every app of this deployment, each under `/api/<app>`, with sign-in under `/api/auth`. ' +
      'Requests are validated against this document; every operation is rate-limited (`RateLimit-*` headers).',
  }: MergeOpenApiOptions = {},
): OpenApiDocument {
  const componentRenames = new Map(
    sections.map((section) => [
      section,
      renames(
        apps,
        ({ openapi }) => openapi.components?.[section] ?? {},
        (app, name) => `${pascalCase(app)}${name}`,
      ),
    ]),
  );
  const tagRenames = renames(
    apps,
    ({ openapi }) => Object.fromEntries((openapi.tags ?? []).map((tag) => [tag.name, tag])),
    (app, name) => `${app.toUpperCase()} ${name}`,
  );
  const operationIdRenames = renames(
    apps,
    ({ name, openapi }) => {
      const ids: Record<string, string> = {};
      for (const item of [...Object.values(openapi.paths ?? {}), ...Object.values(openapi.webhooks ?? {})]) {
        // the app's name as value: an operationId in two apps always clashes
        for (const operation of Object.values(item))
          if (operation !== undefined) ids[operation.operationId] = name;
      }
      return ids;
    },
    (app, id) => `${app}${pascalCase(id)}`,
  );

  const merged: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title, version, description },
    // the server that served this document, whichever environment it runs as; an API for clients
    // outside this deployment (browsers, integrations), not one for internal callers only
    servers: [
      {
        url: '/',
        description: 'This deployment: local, staging or production, the one that served this document',
        'x-internal': false,
      },
    ],
    security: [],
    tags: [],
    paths: {},
    components: { schemas: {}, responses: {}, parameters: {}, headers: {}, securitySchemes: {} },
  };
  const tagGroups: { name: string; tags: string[] }[] = [];
  const webhooks: Record<string, OpenApiPathItem> = {};

  for (const { name: app, openapi } of apps) {
    const renamed = new Map(
      sections.map((section) => [section, componentRenames.get(section)?.get(app) ?? new Map()]),
    );
    const doc = renameRefs(openapi, renamed);
    const tagName = (tag: string): string => tagRenames.get(app)?.get(tag) ?? tag;

    for (const section of sections) {
      const target = merged.components[section] as Record<string, unknown>;
      for (const [name, value] of Object.entries(doc.components?.[section] ?? {})) {
        target[renamed.get(section)?.get(name) ?? name] = value;
      }
    }
    const groupTags: string[] = [];
    for (const tag of doc.tags ?? []) {
      const name = tagName(tag.name);
      groupTags.push(name);
      if (!merged.tags.some((t) => t.name === name)) merged.tags.push({ ...tag, name });
    }
    tagGroups.push({ name: openapi.info.title, tags: groupTags });
    for (const requirement of doc.security ?? []) {
      if (!merged.security.some((r) => isDeepStrictEqual(r, requirement))) merged.security.push(requirement);
    }
    const mounted = (item: OpenApiPathItem): OpenApiPathItem => {
      const mountedItem: OpenApiPathItem = {};
      for (const [method, operation] of Object.entries(item) as [
        keyof OpenApiPathItem,
        NonNullable<OpenApiPathItem[keyof OpenApiPathItem]>,
      ][]) {
        mountedItem[method] = {
          ...operation,
          operationId: operationIdRenames.get(app)?.get(operation.operationId) ?? operation.operationId,
          tags: operation.tags.map(tagName),
        };
      }
      return mountedItem;
    };
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      merged.paths[`/api/${app}${path === '/' ? '' : path}`] = mounted(item);
    }
    // event names carry their app (`crm.deal.won`): the webhooks keep them as they are
    for (const [event, item] of Object.entries(doc.webhooks ?? {})) webhooks[event] = mounted(item);
  }
  if (Object.keys(webhooks).length > 0) {
    merged.webhooks = Object.fromEntries(Object.entries(webhooks).sort(([a], [b]) => compareCodeUnits(a, b)));
  }
  merged['x-tagGroups'] = tagGroups;
  return merged;
}
