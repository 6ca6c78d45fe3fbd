import { describe, expect, it } from 'vitest';
import { readImports } from './read-imports.js';

describe('readImports', () => {
  it('reads every import form with the line of its specifier', () => {
    const text = [
      "import a from 'a';", // 1
      'import type { B } from "b";', // 2
      'import {', // 3
      '  c,', // 4
      "} from './c.js';", // 5
      "export * from '@x/d';", // 6
      "const e = require('e');", // 7
      "const f = await import('f');", // 8
      "type G = import('g').G;", // 9
      "import h = require('h');", // 10
      "import 'side-effect';", // 11
    ].join('\r\n');
    expect(readImports(text)).toEqual([
      { specifier: 'a', line: 1 },
      { specifier: 'b', line: 2 },
      { specifier: './c.js', line: 5 },
      { specifier: '@x/d', line: 6 },
      { specifier: 'e', line: 7 },
      { specifier: 'f', line: 8 },
      { specifier: 'g', line: 9 },
      { specifier: 'h', line: 10 },
      { specifier: 'side-effect', line: 11 },
    ]);
  });

  it('ignores imports written in comments and strings, and computed ones', () => {
    const text =
      "// import a from 'a';\n/* import 'b'; */\nconst s = \"import 'c'\";\nconst t = `import 'd'`;\nimport(name);\n";
    expect(readImports(text)).toEqual([]);
  });
});
