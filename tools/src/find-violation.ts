import {
  type BoundaryRule,
  boundaryRules,
  frameworkDependencies,
  isRuntimeSpecifier,
} from './boundary-rules.js';
import type { ModuleLocation } from './locate-module.js';
import type { Project } from './read-workspace.js';
import { serverLayerBreach } from './server-layers.js';

/** One import seen from both ends: the file that writes it and the module it reaches. */
export interface ImportEdge {
  /** `/`-separated path of the importing file, relative to the workspace root */
  file: string;
  specifier: string;
  from: ModuleLocation;
  to: ModuleLocation;
}

export interface Finding {
  rule: BoundaryRule;
  message: string;
}

/** Tests and tool configuration run in Node at development time, never in the browser. */
const devOnlyFile = /\.(test|test-helper|test-d|config)\.(ts|tsx|mts|js|mjs)$/;

/**
 * The first boundary rule an import breaks, in the order of `boundaryRules`, or undefined. One import
 * gets one finding: a schema file importing `@codexion/cli` is a `framework-direction` violation, not
 * also a `schema-imports-runtime` one.
 *
 * @example
 * findViolation({ file: 'apps/crm/src/a.ts', specifier: '@codexion/erp', from, to })
 * // { rule: 'app-imports-app', message: "'@codexion/erp' reaches app @codexion/erp (apps/erp); no app imports ..." }
 */
export function findViolation({ file, specifier, from, to }: ImportEdge): Finding | undefined {
  const source = from.project;
  const target = to.project;
  if (source === undefined) return undefined;
  const finding = (rule: BoundaryRule, reaches: string): Finding => ({
    rule,
    message: `'${specifier}' reaches ${reaches}; ${boundaryRules[rule]}`,
  });

  const sameProject = target === source;
  if (from.layer === 'core' && sameProject && (to.layer === 'bin' || to.layer === 'src')) {
    return finding('core-imports-layer', `${source.folder}/${to.layer}`);
  }
  if (from.layer === 'src' && sameProject && to.layer === 'bin') {
    return finding('src-imports-bin', `${source.folder}/bin`);
  }
  if (source.area === 'app' && target?.area === 'app' && !sameProject) {
    return finding('app-imports-app', `app ${label(target)}`);
  }
  const isFramework = source.area === 'framework' || source.area === 'resources';
  if (isFramework && (target?.area === 'app' || target?.area === 'cortex')) {
    return finding('framework-imports-app', `${target.area} ${label(target)}`);
  }
  if (source.area === 'framework' && target?.area === 'framework' && !sameProject) {
    const allowed = frameworkDependencies.get(source.name ?? '') ?? [];
    if (target.name === undefined || !allowed.includes(target.name)) {
      const may = allowed.length > 0 ? allowed.join(', ') : 'no other framework package';
      return finding('framework-direction', `${label(target)}, but ${label(source)} may import ${may}`);
    }
  }
  if (source.folder === 'framework/schema' && !devOnlyFile.test(file) && isRuntimeSpecifier(specifier)) {
    return finding('schema-imports-runtime', 'a runtime API or framework');
  }
  const breach = serverLayerBreach(file, specifier);
  if (breach !== undefined) return finding('server-layer-order', breach);
  return undefined;
}

function label(project: Project): string {
  return project.name === undefined ? project.folder : `${project.name} (${project.folder})`;
}
