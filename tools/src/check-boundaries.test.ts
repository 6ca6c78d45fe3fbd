import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BoundaryRule, boundaryRules } from './boundary-rules.js';
import { type BoundaryViolation, checkBoundaries, scanBoundaries } from './check-boundaries.js';
import { cleanTree, type Tree, writeTree } from './check-boundaries.test-helper.js';

interface Case {
  rule: BoundaryRule;
  file: string;
  line: number;
  specifier: string;
}

/** Files with one bad import each, on a known line, keyed by the case that describes it. */
const cases: Array<Case & { text: string }> = [
  // core-imports-layer: relative into bin/ and src/, and the package's own ./server and ./web
  {
    rule: 'core-imports-layer',
    file: 'apps/crm/core/rules/bad-relative.ts',
    line: 2,
    specifier: '../../bin/plugin.js',
    text: "// the contract\nimport { plugin } from '../../bin/plugin.js';\n",
  },
  {
    rule: 'core-imports-layer',
    file: 'apps/crm/core/bad-server.ts',
    line: 1,
    specifier: '@codexion/crm/server',
    text: "import type { P } from '@codexion/crm/server';\n",
  },
  {
    rule: 'core-imports-layer',
    file: 'cortex/core/bad-web.ts',
    line: 3,
    specifier: '../src/shell.js',
    text: 'export {\n  shell,\n} from "../src/shell.js";\n',
  },
  {
    rule: 'core-imports-layer',
    file: 'cortex/core/bad-package.ts',
    line: 1,
    specifier: '@codexion/cortex/web',
    text: "import '@codexion/cortex/web';\n",
  },
  // src-imports-bin: dynamic import, type import of ./server, require
  {
    rule: 'src-imports-bin',
    file: 'apps/crm/src/pages/bad-dynamic.tsx',
    line: 2,
    specifier: '../../bin/services/lead-conversion.js',
    text: "export const load = async () =>\n  import('../../bin/services/lead-conversion.js');\n",
  },
  {
    rule: 'src-imports-bin',
    file: 'apps/crm/src/bad-server.ts',
    line: 1,
    specifier: '@codexion/crm/server',
    text: "import type { Plugin } from '@codexion/crm/server';\n",
  },
  {
    rule: 'src-imports-bin',
    file: 'cortex/src/bad-require.js',
    line: 1,
    specifier: '../bin/main.js',
    text: "const main = require('../bin/main.js');\nmodule.exports = main;\n",
  },
  // app-imports-app: relative path into another app, and another app's package (from any layer)
  {
    rule: 'app-imports-app',
    file: 'apps/crm/bin/bad-relative.ts',
    line: 1,
    specifier: '../../erp/core/generated/contract.js',
    text: "import type { Invoice } from '../../erp/core/generated/contract.js';\n",
  },
  {
    rule: 'app-imports-app',
    file: 'apps/erp/src/bad-package.ts',
    line: 1,
    specifier: '@codexion/crm/client',
    text: "import { listDealsOptions } from '@codexion/crm/client';\n",
  },
  {
    rule: 'app-imports-app',
    file: 'apps/crm/core/bad-other-server.ts',
    line: 1,
    specifier: '@codexion/erp/server',
    text: "export * from '@codexion/erp/server';\n",
  },
  // framework-imports-app: framework and resources importing an app or Cortex
  {
    rule: 'framework-imports-app',
    file: 'framework/server/src/bad-app.ts',
    line: 1,
    specifier: '@codexion/crm',
    text: "import crm from '@codexion/crm';\n",
  },
  {
    rule: 'framework-imports-app',
    file: 'framework/web/src/bad-cortex.ts',
    line: 1,
    specifier: '@codexion/cortex/web',
    text: "import '@codexion/cortex/web';\n",
  },
  {
    rule: 'framework-imports-app',
    file: 'resources/src/bad-relative.tsx',
    line: 1,
    specifier: '../../cortex/src/shell.js',
    text: "import { Shell } from '../../cortex/src/shell.js';\n",
  },
  // framework-direction: by package name, by relative path, and from a test file
  {
    rule: 'framework-direction',
    file: 'framework/web/src/bad-kernel.ts',
    line: 1,
    specifier: '@codexion/framework',
    text: "import { createKernel } from '@codexion/framework';\n",
  },
  {
    rule: 'framework-direction',
    file: 'framework/server/src/bad-relative.ts',
    line: 1,
    specifier: '../../web/src/index.js',
    text: "import '../../web/src/index.js';\n",
  },
  {
    rule: 'framework-direction',
    file: 'framework/schema/src/bad-cli.ts',
    line: 1,
    specifier: '@codexion/cli',
    text: "import { codegen } from '@codexion/cli';\n",
  },
  {
    rule: 'framework-direction',
    file: 'framework/contracts/auth/generated/bad-kernel.ts',
    line: 1,
    specifier: '@codexion/framework',
    text: "import { createKernel } from '@codexion/framework';\n",
  },
  {
    rule: 'framework-direction',
    file: 'framework/client/src/bad-schema.ts',
    line: 1,
    specifier: '@codexion/schema',
    text: "import { createAjv } from '@codexion/schema';\n",
  },
  {
    rule: 'framework-direction',
    file: 'framework/schema/src/bad.test.ts',
    line: 1,
    specifier: '@codexion/framework',
    text: "import { createKernel } from '@codexion/framework';\n",
  },
  // server-layer-order: a floor reaching up, a file reaching the entry files, an area without a floor
  {
    rule: 'server-layer-order',
    file: 'framework/server/src/data/bad-upward.ts',
    line: 2,
    specifier: '../http/serve.js',
    text: "// data is below http\nimport type { serve } from '../http/serve.js';\n",
  },
  {
    rule: 'server-layer-order',
    file: 'framework/server/src/kernel/bad-entry.ts',
    line: 1,
    specifier: '../index.js',
    text: "export { createKernel } from '../index.js';\n",
  },
  {
    rule: 'server-layer-order',
    file: 'framework/server/src/widgets/bad-area.ts',
    line: 1,
    specifier: '../http/serve.js',
    text: "import { serve } from '../http/serve.js';\n",
  },
  // server-import-cycle: reported once, where the cycle's first file opens it
  {
    rule: 'server-import-cycle',
    file: 'framework/server/src/http/bad-cycle-a.ts',
    line: 1,
    specifier: './bad-cycle-b.js',
    text: "import { b } from './bad-cycle-b.js';\nexport const a = b;\n",
  },
  // schema-imports-runtime: one forbidden specifier per line
  ...[
    'node:fs/promises',
    'path',
    'fs/promises',
    'hono',
    '@hono/node-server',
    'react',
    'react-dom/client',
    'react-router',
    '@tanstack/react-query',
    'drizzle-orm/pg-core',
    'postgres',
    'pg',
    '@electric-sql/pglite',
    'pino',
    '@codexion/resources',
    '@codexion/schema',
  ].map((specifier, index): Case & { text: string } => ({
    rule: 'schema-imports-runtime',
    file: 'framework/schema/src/rules/bad-runtime.ts',
    line: index + 2,
    specifier,
    text: '',
  })),
];

/** The other half of the cycle of bad-cycle-a.ts: no finding of its own. */
const cyclePartner: Tree = {
  'framework/server/src/http/bad-cycle-b.ts':
    "import { a } from './bad-cycle-a.js';\nexport const b = () => a;\n",
};

/** The schema-imports-runtime cases share one file: a comment line, then one import per line. */
function violatingTree(): Tree {
  const tree: Tree = { ...cleanTree, ...cyclePartner };
  for (const c of cases) {
    tree[c.file] =
      c.text === '' ? `${tree[c.file] ?? '// runtime imports\n'}import '${c.specifier}';\n` : c.text;
  }
  return tree;
}

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe('checkBoundaries on a clean workspace', () => {
  it('reports no violation and checks only project files outside node_modules, dist and dot-folders', async () => {
    const root = await writeTree(cleanTree);
    roots.push(root);
    const report = await scanBoundaries({ root });
    expect(report.violations).toEqual([]);
    expect(report.filesChecked).toBe(32);
  });
});

describe('checkBoundaries on a workspace breaking every rule', () => {
  let violations: BoundaryViolation[] = [];
  beforeAll(async () => {
    const root = await writeTree(violatingTree());
    roots.push(root);
    violations = await checkBoundaries({ root });
  });

  it('has a case for every rule', () => {
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(Object.keys(boundaryRules)));
  });

  it.each(cases)('$rule: $file:$line imports $specifier', ({ rule, file, line, specifier }) => {
    expect(violations).toContainEqual({ rule, file, line, specifier, message: expect.any(String) });
  });

  it('reports nothing else, sorted by file and line, one finding per import', () => {
    const key = (v: { file: string; line: number }) => `${v.file}:${String(v.line).padStart(4, '0')}`;
    expect(violations.map(key)).toEqual(cases.map(key).sort());
  });

  it('says which module was reached and why it is forbidden', () => {
    const byFile = (file: string) => violations.find((v) => v.file === file)?.message;
    expect(byFile('apps/crm/core/rules/bad-relative.ts')).toBe(
      `'../../bin/plugin.js' reaches apps/crm/bin; ${boundaryRules['core-imports-layer']}`,
    );
    expect(byFile('framework/server/src/data/bad-upward.ts')).toBe(
      `'../http/serve.js' reaches framework/server/src/http (floor 2) from data (floor 1); ${boundaryRules['server-layer-order']}`,
    );
    expect(byFile('framework/server/src/http/bad-cycle-a.ts')).toBe(
      `'./bad-cycle-b.js' opens the import cycle http/bad-cycle-a.ts -> http/bad-cycle-b.ts -> http/bad-cycle-a.ts; ${boundaryRules['server-import-cycle']}`,
    );
    expect(byFile('framework/web/src/bad-kernel.ts')).toContain(
      '@codexion/framework (framework/server), but @codexion/web (framework/web) may import @codexion/client, @codexion/contracts, @codexion/resources, @codexion/schema',
    );
  });
});

describe('checkBoundaries on this repository', () => {
  it('finds no violation', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    expect(await checkBoundaries({ root })).toEqual([]);
  });
});
