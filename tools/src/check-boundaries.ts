import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type BoundaryRule, boundaryRules } from './boundary-rules.js';
import { findViolation } from './find-violation.js';
import { listSourceFiles } from './list-source-files.js';
import { locateFile, locateImport } from './locate-module.js';
import { readImports } from './read-imports.js';
import { readWorkspace } from './read-workspace.js';
import { findImportCycles, resolveServerImport, type ServerImport, serverSource } from './server-layers.js';

/** One import that crosses a boundary the design forbids. */
export interface BoundaryViolation {
  /** `/`-separated path of the importing file, relative to the workspace root */
  file: string;
  /** 1-based line of the import's specifier */
  line: number;
  specifier: string;
  rule: BoundaryRule;
  message: string;
}

export interface BoundaryReport {
  /** source files inside apps/, cortex/, framework/ and resources/, the ones the rules apply to */
  filesChecked: number;
  violations: BoundaryViolation[];
}

/**
 * Reads every source file of the workspace and reports each import that breaks a rule of
 * `boundaryRules`, in file and line order, with the number of files checked.
 *
 * @example
 * const { filesChecked, violations } = await scanBoundaries({ root: process.cwd() });
 */
export async function scanBoundaries({ root }: { root: string }): Promise<BoundaryReport> {
  const absoluteRoot = resolve(root);
  const projects = await readWorkspace(absoluteRoot);
  const files = await listSourceFiles(absoluteRoot);
  const violations: BoundaryViolation[] = [];
  const fileSet = new Set(files);
  const serverImports: ServerImport[] = [];
  let filesChecked = 0;
  for (const file of files) {
    const from = locateFile(projects, file);
    if (from.project === undefined) continue;
    filesChecked += 1;
    const text = await readFile(join(absoluteRoot, file), 'utf8');
    for (const { specifier, line } of readImports(text)) {
      const to = locateImport(projects, file, specifier);
      const finding = findViolation({ file, specifier, from, to });
      if (finding !== undefined) violations.push({ file, line, specifier, ...finding });
      const target = resolveServerImport(fileSet, file, specifier);
      if (target !== undefined) serverImports.push({ file, line, specifier, target });
    }
  }
  for (const { opening, files: cycle } of findImportCycles(serverImports)) {
    const { file, line, specifier } = opening;
    const path = cycle.map((f) => f.slice(serverSource.length + 1)).join(' -> ');
    const message = `'${specifier}' opens the import cycle ${path}; ${boundaryRules['server-import-cycle']}`;
    violations.push({ file, line, specifier, rule: 'server-import-cycle', message });
  }
  violations.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { filesChecked, violations };
}

/**
 * The module-boundary check of ARCHITECTURE.md: `src -> core <- bin` inside an app or Cortex, no app
 * imports another, framework/ and resources/ never import apps, framework packages depend one way,
 * `@codexion/schema` stays free of runtime APIs, and framework/server/src keeps its floors and has no
 * import cycle. Returns the violations; an empty array passes.
 *
 * @example
 * const violations = await checkBoundaries({ root: '/work/main' });
 * for (const v of violations) console.log(`${v.file}:${v.line}  ${v.rule}  ${v.message}`);
 */
export async function checkBoundaries({ root }: { root: string }): Promise<BoundaryViolation[]> {
  return (await scanBoundaries({ root })).violations;
}
