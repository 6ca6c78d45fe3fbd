import { posix } from 'node:path';

/** The folder the server's floors apply to, relative to the workspace root. */
export const serverSource = 'framework/server/src';

/**
 * The floors of `framework/server/src` (docs/adr/0024), ground floor first: each area folder and
 * its floor. A production file imports only areas on its own floor or below; areas on one floor
 * may import each other (the cycle rule keeps them apart). A new area folder must be added here.
 */
export const serverFloors: ReadonlyMap<string, number> = new Map([
  // foundations: the container, config, errors and logging that every floor stands on
  ['errors', 0],
  ['observability', 0],
  ['foundation', 0],
  ['data', 1],
  // http owns the request context, problem answers, rate limits and the contract handler types
  ['http', 2],
  // gapless document numbers (prefiq.number_series), a service joined to the caller's transaction
  ['numbering', 2],
  ['audit', 3],
  // resources own the hook contract (resource-hooks.ts) and the resource audit
  ['resources', 4],
  ['identity', 5],
  ['tenancy', 6],
  ['events', 7],
  ['jobs', 8],
  // sagas: persisted runs of declared steps (data, the hook contract's PluginContext), recovered by a job
  ['sagas', 8],
  // a plugin's definition names the contracts of every floor below it
  ['plugins', 9],
  ['fixtures', 10],
  // outbound webhooks: an events consumer and a job over the installed plugins' declared events
  ['webhooks', 10],
  // the composition root
  ['kernel', 11],
]);

/** The package's entry files at the top of `src/` (`testing.ts`) sit on the roof, above the kernel. */
const roofFloor = Math.max(...serverFloors.values()) + 1;

/** Tests compose a scenario from any floor; the order binds the production files. */
const testFile = /\.(test|test-helper|test-d)\.(ts|tsx)$/;

/** Where a server file sits: its area (`''` for the package's entry files) and that area's floor. */
export interface ServerPlace {
  area: string;
  /** undefined for an area folder missing from `serverFloors` */
  floor: number | undefined;
}

/**
 * The area and floor of a `/`-separated workspace path inside `framework/server/src`, or
 * undefined outside it.
 *
 * @example
 * serverPlaceOf('framework/server/src/http/problem.ts') // { area: 'http', floor: 2 }
 * serverPlaceOf('framework/server/src/testing.ts') // { area: '', floor: 12 }
 */
export function serverPlaceOf(path: string): ServerPlace | undefined {
  if (!path.startsWith(`${serverSource}/`)) return undefined;
  const parts = path.slice(serverSource.length + 1).split('/');
  if (parts.length === 1) return { area: '', floor: roofFloor };
  const area = parts[0] ?? '';
  return { area, floor: serverFloors.get(area) };
}

/**
 * The workspace path a relative import of a server file reaches, or undefined for a bare
 * specifier or a file outside `framework/server/src`.
 *
 * @example
 * serverImportTarget('framework/server/src/http/problem.ts', '../errors/domain-error.js')
 * // 'framework/server/src/errors/domain-error.js'
 */
export function serverImportTarget(file: string, specifier: string): string | undefined {
  if (!file.startsWith(`${serverSource}/`) || !specifier.startsWith('.')) return undefined;
  return posix.join(posix.dirname(file), specifier);
}

/**
 * Why an import of a production server file breaks the floor order, or undefined when it keeps it:
 * it reaches a higher floor, or one of the two areas is missing from `serverFloors`.
 *
 * @example
 * serverLayerBreach('framework/server/src/http/a.ts', '../kernel/boot.js')
 * // 'framework/server/src/kernel (floor 11) from http (floor 2)'
 */
export function serverLayerBreach(file: string, specifier: string): string | undefined {
  const target = serverImportTarget(file, specifier);
  if (target === undefined || testFile.test(file)) return undefined;
  const from = serverPlaceOf(file);
  const to = serverPlaceOf(target);
  if (from === undefined || to === undefined || from.area === to.area) return undefined;
  const name = (place: ServerPlace) => (place.area === '' ? 'the entry files' : place.area);
  if (from.floor === undefined || to.floor === undefined) {
    const missing = from.floor === undefined ? from : to;
    return `${serverSource}/${missing.area}, an area with no floor in tools/src/server-layers.ts`;
  }
  if (to.floor <= from.floor) return undefined;
  const reached = to.area === '' ? target : `${serverSource}/${to.area}`;
  return `${reached} (floor ${to.floor}) from ${name(from)} (floor ${from.floor})`;
}

/** One import of the server's file graph, as the boundary check reads it. */
export interface ServerImport {
  file: string;
  line: number;
  specifier: string;
  /** the imported file, resolved against the files that exist */
  target: string;
}

/**
 * The file a relative import names among `files`: `./a.js` is `a.ts` or `a.tsx` (TypeScript's
 * NodeNext spelling), other extensions as written. Undefined when no such file exists.
 *
 * @example
 * resolveServerImport(new Set(['framework/server/src/a.ts']), 'framework/server/src/b.ts', './a.js')
 * // 'framework/server/src/a.ts'
 */
export function resolveServerImport(
  files: ReadonlySet<string>,
  file: string,
  specifier: string,
): string | undefined {
  const target = serverImportTarget(file, specifier);
  if (target === undefined) return undefined;
  const stem = target.replace(/\.(js|jsx|mjs)$/, '');
  return [target, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`].find((candidate) => files.has(candidate));
}

/**
 * Every import cycle of a file graph, one per strongly connected component (Tarjan): the import
 * that opens it from the component's first file (by name) and the shortest way back, as a list
 * of files that starts and ends with that file. Sorted by that file.
 *
 * @example
 * findImportCycles([{ file: 'a.ts', target: 'b.ts', … }, { file: 'b.ts', target: 'a.ts', … }])
 * // [{ opening: { file: 'a.ts', … }, files: ['a.ts', 'b.ts', 'a.ts'] }]
 */
export function findImportCycles(
  imports: readonly ServerImport[],
): { opening: ServerImport; files: string[] }[] {
  const edges = new Map<string, ServerImport[]>();
  for (const edge of imports) edges.set(edge.file, [...(edges.get(edge.file) ?? []), edge]);
  const cycles: { opening: ServerImport; files: string[] }[] = [];
  for (const component of stronglyConnected(edges)) {
    const members = new Set(component);
    const start = [...component].sort()[0];
    if (start === undefined) continue;
    const way = shortestWayBack(edges, members, start);
    if (way !== undefined) cycles.push(way);
  }
  return cycles.sort((a, b) => (a.opening.file < b.opening.file ? -1 : 1));
}

function stronglyConnected(edges: ReadonlyMap<string, ServerImport[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const { target } of edges.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfImport = (edges.get(node) ?? []).some((edge) => edge.target === node);
    if (component.length > 1 || selfImport) components.push(component);
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** Breadth-first from each of `start`'s imports, inside the component, back to `start`: the shortest. */
function shortestWayBack(
  edges: ReadonlyMap<string, ServerImport[]>,
  members: ReadonlySet<string>,
  start: string,
): { opening: ServerImport; files: string[] } | undefined {
  let best: { opening: ServerImport; files: string[] } | undefined;
  for (const opening of edges.get(start) ?? []) {
    if (!members.has(opening.target)) continue;
    const reachedFrom = new Map<string, string>();
    const queue = [opening.target];
    let found = opening.target === start;
    while (!found && queue.length > 0) {
      const node = queue.shift() ?? start;
      for (const { target } of edges.get(node) ?? []) {
        if (!members.has(target) || reachedFrom.has(target) || target === opening.target) continue;
        reachedFrom.set(target, node);
        if (target === start) {
          found = true;
          break;
        }
        queue.push(target);
      }
    }
    if (!found) continue;
    const files = [start];
    for (let node = start; node !== opening.target; ) {
      node = reachedFrom.get(node) ?? opening.target;
      files.unshift(node);
    }
    files.unshift(start);
    if (best === undefined || files.length < best.files.length) best = { opening, files };
  }
  return best;
}
