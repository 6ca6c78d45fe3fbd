import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A file tree: `/`-separated path -> file text. */
export type Tree = Record<string, string>;

/**
 * Writes `tree` into a fresh temporary directory and returns its path.
 *
 * @example
 * const root = await writeTree({ 'apps/crm/package.json': '{"name":"@codexion/crm"}' });
 */
export async function writeTree(tree: Tree): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'codexion-boundaries-'));
  for (const [path, text] of Object.entries(tree)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

const pkg = (name: string): string => JSON.stringify({ name });

/**
 * A small workspace that follows every boundary rule: two apps with all three layers, Cortex
 * mounting an app, the framework packages wired the allowed way, resources, and violations
 * hidden where the check must not look (node_modules, dist, .nx, tools/, e2e/).
 */
export const cleanTree: Tree = {
  'apps/crm/package.json': pkg('@codexion/crm'),
  'apps/crm/core/generated/contract.ts': 'export interface Deal { id: string }\n',
  'apps/crm/core/generated/client/client.gen.ts':
    "import { createClient } from '@codexion/client';\nexport const client = createClient();\n",
  'apps/crm/core/generated/tables.ts':
    "import { pgTable } from 'drizzle-orm/pg-core';\nexport const t = pgTable;\n",
  'apps/crm/bin/plugin.ts': [
    "import { definePlugin } from '@codexion/framework';",
    "import type { Deal } from '../core/generated/contract.js';",
    "import { tables } from '@codexion/crm/core';",
    'export default definePlugin({ tables } as unknown as Deal);',
  ].join('\n'),
  'apps/crm/src/module.tsx': [
    "import { defineAppModule } from '@codexion/web';",
    "import { Button } from '@codexion/resources';",
    "import type { Deal } from '../core/generated/contract.js';",
    "const page = () => import('./pages/deals.js');",
    "// import { plugin } from '../bin/plugin.js';  (a comment is not an import)",
    'const text = "import \'../bin/plugin.js\'";',
    'export default defineAppModule({ page, Button, text } as unknown as Deal);',
  ].join('\n'),
  'apps/crm/src/pages/deals.tsx':
    "import { listDealsOptions } from '@codexion/crm/client';\nexport { listDealsOptions };\n",
  'apps/crm/vite.config.ts': "import { defineConfig } from 'vite';\nexport default defineConfig({});\n",
  'apps/erp/core/generated/contract.ts': 'export interface Invoice { id: string }\n',
  'apps/erp/bin/main.ts':
    "import { createKernel } from '@codexion/framework';\nexport const k = createKernel;\n",
  'cortex/package.json': pkg('@codexion/cortex'),
  'cortex/src/shell.tsx':
    "const crm = () => import('@codexion/crm/web');\nimport '../core/app.js';\nexport { crm };\n",
  'cortex/bin/main.ts':
    "import crm from '@codexion/crm/server';\nimport '../core/app.js';\nexport { crm };\n",
  'cortex/core/app.ts': 'export const app = {};\n',
  'framework/schema/package.json': pkg('@codexion/schema'),
  'framework/schema/src/index.ts': "export { createAjv } from './validation/create-ajv.js';\n",
  'framework/schema/src/validation/create-ajv.ts':
    "import { Ajv2020 } from 'ajv/dist/2020.js';\nexport const createAjv = () => new Ajv2020();\n",
  'framework/schema/src/validation/create-ajv.test.ts':
    "import { readFile } from 'node:fs/promises';\nimport { PGlite } from '@electric-sql/pglite';\nimport { createAjv } from '@codexion/schema';\n",
  'framework/schema/src/sql/pglite.test-helper.ts':
    "import { PGlite } from '@electric-sql/pglite';\nexport { PGlite };\n",
  'framework/schema/src/model/app-model.test-d.ts':
    "import { expectTypeOf } from 'vitest';\nimport 'node:path';\n",
  'framework/schema/vitest.config.ts':
    "import { fileURLToPath } from 'node:url';\nexport default fileURLToPath;\n",
  'framework/server/package.json': pkg('@codexion/framework'),
  'framework/server/src/index.ts':
    "import { Hono } from 'hono';\nimport { createAjv } from '@codexion/schema';\nimport 'node:fs';\nimport auth from '@codexion/contracts/auth/openapi.json' with { type: 'json' };\nexport { createKernel } from './kernel/boot.js';\n",
  // the server's floors: the kernel on top, a test reaching up (allowed), the entry file on the roof
  'framework/server/src/kernel/boot.ts':
    "import { serve } from '../http/serve.js';\nimport { Container } from '../foundation/container.js';\nexport { serve, Container };\n",
  'framework/server/src/http/serve.ts':
    "import { KernelError } from '../foundation/kernel-error.js';\nimport './serve-options.js';\nexport const serve = KernelError;\n",
  'framework/server/src/http/serve-options.ts': 'export interface ServeOptions { port: number }\n',
  'framework/server/src/http/serve.test.ts':
    "import { createKernel } from '../kernel/boot.js';\nimport { serve } from './serve.js';\n",
  'framework/server/src/foundation/container.ts':
    "import { KernelError } from './kernel-error.js';\nimport { serializeError } from '../observability/serialize-error.js';\nexport { KernelError, serializeError };\n",
  'framework/server/src/foundation/kernel-error.ts': 'export class KernelError extends Error {}\n',
  'framework/server/src/observability/serialize-error.ts':
    "import { KernelError } from '../foundation/kernel-error.js';\nexport const serializeError = KernelError;\n",
  'framework/web/package.json': pkg('@codexion/web'),
  'framework/web/src/index.ts':
    "import { useQuery } from '@tanstack/react-query';\nimport { createAjv } from '@codexion/schema';\nimport type { Client } from '@codexion/client';\nimport type { Me } from '@codexion/contracts/auth/types';\n",
  'framework/contracts/package.json': pkg('@codexion/contracts'),
  'framework/contracts/auth/generated/client/client.gen.ts':
    "import { createClient } from '@codexion/client';\nexport const client = createClient();\n",
  'framework/client/package.json': pkg('@codexion/client'),
  'framework/client/src/index.ts': "export { createClient } from './fetch/client.gen.js';\n",
  'framework/cli/package.json': pkg('@codexion/cli'),
  'framework/cli/src/index.ts':
    "import { createKernel } from '@codexion/framework';\nimport { createAjv } from '@codexion/schema';\n",
  'framework/cli/bin/prefiq.js': "import '../src/index.ts';\n",
  'resources/package.json': pkg('@codexion/resources'),
  'resources/src/button.tsx':
    "import { cva } from 'class-variance-authority';\nimport { createAjv } from '@codexion/schema';\n",
  'tools/src/new-app.ts': "import '@codexion/crm/server';\nimport '../../apps/crm/bin/plugin.js';\n",
  'e2e/crm.spec.ts': "import '@codexion/crm/web';\nimport '@codexion/erp';\n",
  'apps/crm/node_modules/@codexion/erp/index.js': "import '@codexion/crm/server';\n",
  'framework/schema/node_modules/hono/index.js': "import 'node:http';\n",
  'framework/schema/dist/index.js': "import 'node:fs';\n",
  'apps/crm/core/.nx/cache.js': "import '../../bin/plugin.js';\n",
  'apps/crm/core/schema/deal.schema.json': '{ "$ref": "../../bin/not-code.json" }\n',
};
