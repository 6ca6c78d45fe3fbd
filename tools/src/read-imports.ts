import ts from 'typescript';

/** One module specifier a file names, and the 1-based line it is written on. */
export interface ImportRef {
  specifier: string;
  line: number;
}

/**
 * The module specifiers of a source file: static and type imports, re-exports, `import x = require()`,
 * `require()` and dynamic `import()` with a string literal. Read by TypeScript's pre-processor, which
 * tokenizes the text, so imports inside comments and strings do not count. Computed specifiers
 * (`import(name)`) cannot be known statically and are not seen.
 *
 * @example
 * readImports("import { a } from './a.js';\nexport * from 'b';")
 * // [{ specifier: './a.js', line: 1 }, { specifier: 'b', line: 2 }]
 */
export function readImports(text: string): ImportRef[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((ref) => ({ specifier: ref.fileName, line: lineOf(lineStarts, ref.pos) }))
    .sort((a, b) => a.line - b.line);
}

/** Binary search for the last line starting at or before `pos`. */
function lineOf(lineStarts: readonly number[], pos: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((lineStarts[mid] ?? 0) <= pos) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
