import { posix } from 'node:path';
import { packageOf } from './boundary-rules.js';
import type { Project } from './read-workspace.js';

export type Layer = 'core' | 'src' | 'bin';

/** Where a file, or the module an import reaches, sits in the house. */
export interface ModuleLocation {
  /** the workspace package it belongs to; undefined for tools/, e2e/ and third-party packages */
  project: Project | undefined;
  /** the app or Cortex layer; undefined outside `core/`, `src/`, `bin/` */
  layer: Layer | undefined;
}

const layers: ReadonlySet<string> = new Set<Layer>(['core', 'src', 'bin']);
/** What each subpath export of an app or Cortex package exposes (ARCHITECTURE.md, "One app"). */
const subpathLayers: ReadonlyMap<string, Layer> = new Map([
  ['core', 'core'],
  ['client', 'core'],
  ['server', 'bin'],
  ['web', 'src'],
]);

function isLayer(name: string): name is Layer {
  return layers.has(name);
}

/**
 * The project and layer of a workspace file, from its `/`-separated path relative to the root.
 *
 * @example
 * locateFile(projects, 'apps/crm/core/generated/contract.ts') // { project: <apps/crm>, layer: 'core' }
 */
export function locateFile(projects: readonly Project[], file: string): ModuleLocation {
  // fixture apps are test data beside a package, not part of it: tests and examples anywhere may read them
  if (/^framework\/[^/]+\/fixtures\//.test(file)) return { project: undefined, layer: undefined };
  const project = projects.find((p) => file === p.folder || file.startsWith(`${p.folder}/`));
  if (project === undefined) return { project, layer: undefined };
  const first = file.slice(project.folder.length + 1).split('/')[0] ?? '';
  const hasLayers = project.area === 'app' || project.area === 'cortex';
  return { project, layer: hasLayers && isLayer(first) ? first : undefined };
}

/**
 * Where an import written in `file` leads: a relative specifier by its resolved path, a bare one by
 * the workspace package it names (`@codexion/crm/server` is the `bin/` layer of apps/crm).
 * Third-party packages, paths outside every project and absolute paths (never used in this
 * repository) locate to `{ project: undefined }`.
 *
 * @example
 * locateImport(projects, 'apps/crm/core/x.ts', '../bin/plugin.js') // { project: <apps/crm>, layer: 'bin' }
 */
export function locateImport(projects: readonly Project[], file: string, specifier: string): ModuleLocation {
  if (specifier.startsWith('.')) return locateFile(projects, posix.join(posix.dirname(file), specifier));
  const { name, subpath } = packageOf(specifier);
  const project = projects.find((p) => p.name === name);
  const hasLayers = project?.area === 'app' || project?.area === 'cortex';
  const layer = hasLayers ? subpathLayers.get(subpath.split('/')[0] ?? '') : undefined;
  return { project, layer };
}
