import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { listSourceFiles } from './list-source-files.js';

/** One API request path written by hand in page code. */
export interface ApiPathViolation {
  /** `/`-separated path of the file, relative to the workspace root */
  file: string;
  /** 1-based line of the literal */
  line: number;
  /** the literal as written */
  text: string;
  message: string;
}

export interface ApiPathReport {
  /** page source files read (test and generated files are not) */
  filesChecked: number;
  violations: ApiPathViolation[];
}

/** The page code that must reach the API only through generated clients. */
const pageRoots = [/^apps\/[^/]+\/src\//, /^cortex\/src\//, /^framework\/web\/src\//];

/**
 * Test files, test helpers, the test kit of `@codexion/web` (`framework/web/src/testing/`) and
 * generated files: they may name request paths (to intercept them, or because they are the SDK).
 */
function isExempt(file: string): boolean {
  return (
    /\.test\.[cm]?tsx?$/.test(file) ||
    /\.test-helper\.[cm]?tsx?$/.test(file) ||
    /(^|\/)generated\//.test(file) ||
    /\.gen\.[cm]?tsx?$/.test(file) ||
    file.startsWith('framework/web/src/testing/')
  );
}

/** Callees that take a request path or URL as their first argument. */
const fetchers = new Set(['fetch', 'apiFetch']);
/** Methods of a hey-api client that take `{ url }`: a hand-written operation. */
const clientMethods = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

/** A string or template literal, or a `+` of them: something that spells out a path. */
function isWrittenPath(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isWrittenPath(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node))
    return true;
  return (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    (isWrittenPath(node.left) || isWrittenPath(node.right))
  );
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text;
  return undefined;
}

/**
 * The request paths written by hand in one file's text: string and template literals that start
 * with `/api/`, and literals handed to `fetch`/`apiFetch` or as the `url` of a client method call.
 *
 * @example
 * findApiPaths('x.ts', "await apiFetch(`/deals/${id}/win`)") // [{ file: 'x.ts', line: 1, text: '`/deals/${id}/win`', … }]
 */
export function findApiPaths(file: string, source: string): ApiPathViolation[] {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found = new Map<number, ApiPathViolation>();
  const report = (node: ts.Node, message: string) => {
    const start = node.getStart(sourceFile);
    if (found.has(start)) return;
    const line = sourceFile.getLineAndCharacterOfPosition(start).line + 1;
    found.set(start, { file, line, text: node.getText(sourceFile), message });
  };
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text?.startsWith('/api/')) report(node, 'an API path written by hand: call the generated SDK');
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      const [first] = node.arguments;
      if (name !== undefined && fetchers.has(name) && first !== undefined && isWrittenPath(first))
        report(first, `a request path handed to ${name}(): call the generated SDK`);
      if (
        name !== undefined &&
        clientMethods.has(name) &&
        ts.isPropertyAccessExpression(node.expression) &&
        first !== undefined &&
        ts.isObjectLiteralExpression(first)
      ) {
        for (const property of first.properties) {
          if (
            ts.isPropertyAssignment(property) &&
            ts.isIdentifier(property.name) &&
            property.name.text === 'url' &&
            isWrittenPath(property.initializer)
          )
            report(property.initializer, 'an operation written by hand: call the generated SDK');
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return [...found.values()].sort((a, b) => a.line - b.line);
}

/**
 * Reads the page code of the workspace (`apps/<app>/src`, `cortex/src`, `framework/web/src`, not
 * its tests or generated files) and reports every API request path written by hand, in file and
 * line order: pages call the API through the generated SDK only.
 *
 * @example
 * const { violations } = await scanApiPaths({ root: process.cwd() }); // [] on a clean tree
 */
export async function scanApiPaths({ root }: { root: string }): Promise<ApiPathReport> {
  const absoluteRoot = resolve(root);
  const files = (await listSourceFiles(absoluteRoot)).filter(
    (file) => pageRoots.some((pattern) => pattern.test(file)) && !isExempt(file),
  );
  const violations: ApiPathViolation[] = [];
  for (const file of files) {
    violations.push(...findApiPaths(file, await readFile(join(absoluteRoot, file), 'utf8')));
  }
  return { filesChecked: files.length, violations };
}
