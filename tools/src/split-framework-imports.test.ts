import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFrameworkSubpaths, splitFrameworkImports } from './split-framework-imports.js';

const subpaths = new Map([
  ['DomainError', 'errors'],
  ['definePlugin', 'plugins'],
  ['PluginDefinition', 'plugins'],
  ['createKernel', 'kernel'],
]);
const root = ['@codexion', 'framework'].join('/');

describe('splitFrameworkImports', () => {
  it('splits one root import into one per subpath, in floor order, keeping type markers and aliases', () => {
    const text = [
      'import {',
      '  createKernel,',
      '  definePlugin as plugin,',
      '  DomainError,',
      '  type PluginDefinition,',
      `} from '${root}';`,
      "import { x } from './x.js';",
    ].join('\n');
    expect(splitFrameworkImports(text, subpaths, ['errors', 'plugins', 'kernel'])).toBe(
      [
        `import { DomainError } from '${root}/errors';`,
        `import { definePlugin as plugin, type PluginDefinition } from '${root}/plugins';`,
        `import { createKernel } from '${root}/kernel';`,
        "import { x } from './x.js';",
      ].join('\n'),
    );
  });

  it('keeps import type and re-exports, and leaves unknown names on the root', () => {
    expect(splitFrameworkImports(`import type { PluginDefinition } from '${root}';`, subpaths)).toBe(
      `import type { PluginDefinition } from '${root}/plugins';`,
    );
    expect(splitFrameworkImports(`export { DomainError, gone } from "${root}"`, subpaths)).toBe(
      `export { gone } from "${root}"\nexport { DomainError } from "${root}/errors"`,
    );
  });

  it('leaves subpath imports, default imports and text in strings alone', () => {
    const text = [
      `import { definePlugin } from '${root}/plugins';`,
      `import framework from '${root}';`,
      `const fixture = "import { createKernel } from '${root}';";`,
    ].join('\n');
    expect(splitFrameworkImports(text, subpaths)).toBe(text);
  });
});

describe('readFrameworkSubpaths on this repository', () => {
  it('maps each public name to the subpath of its area', async () => {
    const workspace = fileURLToPath(new URL('../..', import.meta.url));
    const read = await readFrameworkSubpaths(workspace);
    expect(read.get('definePlugin')).toBe('plugins');
    expect(read.get('DomainError')).toBe('errors');
    expect(read.get('createKernel')).toBe('kernel');
    expect(read.get('webhooksHttpPlugin')).toBe('webhooks');
    expect(read.get('noServices')).toBe('foundation');
    expect(read.get('servicesInTransaction')).toBe('data');
    expect(read.get('createTestDatabase')).toBeUndefined();
    // every area's names: 426 when the barrel was split, more as areas grow
    expect(read.size).toBeGreaterThanOrEqual(426);
  });
});
