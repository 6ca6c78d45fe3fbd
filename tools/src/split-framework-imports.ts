import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';

const framework = '@codexion/framework';

/**
 * Each public name of `@codexion/framework` and the subpath that exports it, read from the
 * package's `exports` map and the hand-written `index.ts` of each subpath (docs/adr/0024).
 *
 * @example
 * const subpaths = await readFrameworkSubpaths('/work/main');
 * subpaths.get('definePlugin') // 'plugins'
 */
export async function readFrameworkSubpaths(root: string): Promise<Map<string, string>> {
  const server = join(root, 'framework/server');
  const pkg = JSON.parse(await readFile(join(server, 'package.json'), 'utf8')) as {
    exports: Record<string, string>;
  };
  const subpaths = new Map<string, string>();
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (!key.startsWith('./') || key === './testing' || !target.endsWith('/index.ts')) continue;
    const text = await readFile(join(server, target), 'utf8');
    const source = ts.createSourceFile(target, text, ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isExportDeclaration(statement) || statement.exportClause === undefined) continue;
      if (!ts.isNamedExports(statement.exportClause)) continue;
      for (const element of statement.exportClause.elements) subpaths.set(element.name.text, key.slice(2));
    }
  }
  return subpaths;
}

type Statement = ts.ImportDeclaration | ts.ExportDeclaration;

/** The root import's names as written (`type X`, `a as b`), or undefined for a form left alone. */
function namesOf(statement: Statement, text: string): string[] | undefined {
  const clause = ts.isImportDeclaration(statement)
    ? statement.importClause?.name === undefined
      ? statement.importClause?.namedBindings
      : undefined
    : statement.exportClause;
  if (clause === undefined || !(ts.isNamedImports(clause) || ts.isNamedExports(clause))) return undefined;
  return clause.elements.map((element) => text.slice(element.getStart(), element.getEnd()));
}

/**
 * Rewrites every named import and re-export from the former root `@codexion/framework` into one
 * per subpath, in the order of `order`; a name no subpath exports stays in an import of the root,
 * which then fails to type-check and names it. Only real import statements are read (TypeScript's
 * parser), never text in strings or comments. For branches written before the barrel was removed.
 *
 * @example
 * splitFrameworkImports(text, subpaths) // import { definePlugin } from '@codexion/framework/plugins'; …
 */
export function splitFrameworkImports(
  text: string,
  subpaths: ReadonlyMap<string, string>,
  order: readonly string[] = [...new Set(subpaths.values())],
): string {
  const source = ts.createSourceFile('file.tsx', text, ts.ScriptTarget.Latest, true);
  let result = text;
  const statements = source.statements.filter(
    (node): node is Statement =>
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      node.moduleSpecifier.text === framework,
  );
  for (const statement of statements.reverse()) {
    const names = namesOf(statement, text);
    if (names === undefined) continue;
    const keyword = ts.isImportDeclaration(statement) ? 'import' : 'export';
    const typeOnly = ts.isImportDeclaration(statement)
      ? statement.importClause?.isTypeOnly === true
      : statement.isTypeOnly;
    const quote = text[statement.moduleSpecifier?.getStart() ?? 0] ?? "'";
    const groups = new Map<string, string[]>();
    for (const item of names) {
      const name = item.replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? item;
      const subpath = subpaths.get(name) ?? '';
      groups.set(subpath, [...(groups.get(subpath) ?? []), item]);
    }
    const rank = (subpath: string) => (subpath === '' ? -1 : order.indexOf(subpath));
    const semi = text.slice(statement.getStart(), statement.getEnd()).endsWith(';') ? ';' : '';
    const lines = [...groups.keys()]
      .sort((a, b) => rank(a) - rank(b))
      .map((subpath) => {
        const target = subpath === '' ? framework : `${framework}/${subpath}`;
        const list = (groups.get(subpath) ?? []).join(', ');
        return `${keyword}${typeOnly ? ' type' : ''} { ${list} } from ${quote}${target}${quote}${semi}`;
      });
    result = result.slice(0, statement.getStart()) + lines.join('\n') + result.slice(statement.getEnd());
  }
  return result;
}
