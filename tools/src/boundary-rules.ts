import { builtinModules } from 'node:module';

/**
 * Every rule of the module-boundary check, by code, with the sentence of the design it enforces.
 * The codes are what the check reports; the sentences are the "why" printed after them.
 */
export const boundaryRules = {
  'core-imports-layer':
    'core/ is the contract: it imports nothing of its own bin/ or src/ (src -> core <- bin)',
  'src-imports-bin': 'src/ runs in the browser and never imports bin/, the server (src -> core <- bin)',
  'app-imports-app': 'no app imports another app: apps talk through events and public APIs',
  'framework-imports-app':
    'framework/ and resources/ know no app and not Cortex: apps depend on them, never back',
  'framework-direction':
    'framework packages depend one way: web -> schema, resources, client, contracts; framework -> schema, contracts; contracts -> client; cli -> framework, schema; client -> none',
  'schema-imports-runtime':
    '@codexion/schema runs in browser and server alike: no Node API, no server or browser framework, no other @codexion package',
  'server-layer-order':
    'framework/server/src is built in floors (foundations, data, http, audit, resources, identity, tenancy, events, jobs, plugins, fixtures, kernel): a production file imports its own floor or lower ones (docs/adr/0024)',
  'server-import-cycle':
    'the files of framework/server/src import each other without a cycle: move the shared part down, or split the file (docs/adr/0024)',
} as const satisfies Record<string, string>;

export type BoundaryRule = keyof typeof boundaryRules;

/**
 * The framework packages each framework package may import. A framework package missing from this
 * table may import none of the others: add it here (and to docs/adr/0002) when it is created.
 */
export const frameworkDependencies: ReadonlyMap<string, readonly string[]> = new Map([
  ['@codexion/schema', []],
  // the generated clients' runtime: apps' generated SDKs import it, and so may the generic pages
  ['@codexion/client', []],
  // the framework's own APIs as data: their generated documents (the server's) and clients (the browser's)
  ['@codexion/contracts', ['@codexion/client']],
  ['@codexion/web', ['@codexion/client', '@codexion/contracts', '@codexion/resources', '@codexion/schema']],
  ['@codexion/framework', ['@codexion/contracts', '@codexion/schema']],
  ['@codexion/cli', ['@codexion/framework', '@codexion/schema']],
]);

/** Packages that tie code to a server, a browser or a database: forbidden in `@codexion/schema`. */
const runtimePackages = new Set([
  'hono',
  'react',
  'react-dom',
  'react-router',
  'drizzle-orm',
  'postgres',
  'pg',
  '@electric-sql/pglite',
  'pino',
]);
const runtimeScopes = new Set(['@hono', '@tanstack', '@codexion']);
const nodeBuiltins = new Set(builtinModules);

/**
 * The package a bare specifier names, and the subpath after it.
 *
 * @example
 * packageOf('@codexion/crm/server') // { name: '@codexion/crm', subpath: 'server' }
 * packageOf('react-dom/client') // { name: 'react-dom', subpath: 'client' }
 */
export function packageOf(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split('/');
  const size = specifier.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, size).join('/'), subpath: parts.slice(size).join('/') };
}

/**
 * Whether a bare specifier names a Node built-in or a server, browser or database framework.
 *
 * @example
 * isRuntimeSpecifier('node:fs') // true
 * isRuntimeSpecifier('ajv/dist/2020.js') // false
 */
export function isRuntimeSpecifier(specifier: string): boolean {
  if (specifier.startsWith('node:') || nodeBuiltins.has(specifier)) return true;
  const { name } = packageOf(specifier);
  const scope = name.startsWith('@') ? name.split('/')[0] : undefined;
  return (
    nodeBuiltins.has(name) || runtimePackages.has(name) || (scope !== undefined && runtimeScopes.has(scope))
  );
}
