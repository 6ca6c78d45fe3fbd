import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanBoundaries } from './check-boundaries.js';
import {
  findImportCycles,
  resolveServerImport,
  type ServerImport,
  serverFloors,
  serverLayerBreach,
  serverPlaceOf,
  serverSource,
} from './server-layers.js';

const src = (path: string) => `${serverSource}/${path}`;
const edge = (file: string, target: string, line = 1): ServerImport => ({
  file,
  line,
  specifier: `./${target}`,
  target,
});

describe('serverPlaceOf', () => {
  it('gives an area its floor, the entry files the roof, and nothing outside the server', () => {
    expect(serverPlaceOf(src('foundation/container.ts'))).toEqual({ area: 'foundation', floor: 0 });
    expect(serverPlaceOf(src('kernel/boot.ts'))).toEqual({ area: 'kernel', floor: 11 });
    expect(serverPlaceOf(src('testing.ts'))).toEqual({ area: '', floor: 12 });
    expect(serverPlaceOf(src('widgets/a.ts'))).toEqual({ area: 'widgets', floor: undefined });
    expect(serverPlaceOf('framework/web/src/index.ts')).toBeUndefined();
  });
});

describe('serverLayerBreach', () => {
  it('refuses a production import from a lower floor to a higher one', () => {
    expect(serverLayerBreach(src('http/operation-router.ts'), '../identity/rate-limit.js')).toBe(
      'framework/server/src/identity (floor 5) from http (floor 2)',
    );
    expect(serverLayerBreach(src('plugins/define-plugin.ts'), '../kernel/container.js')).toBe(
      'framework/server/src/kernel (floor 11) from plugins (floor 9)',
    );
  });

  it('allows imports down, across one floor, inside an area, from tests, and bare specifiers', () => {
    expect(serverLayerBreach(src('kernel/boot.ts'), '../http/serve.js')).toBeUndefined();
    expect(serverLayerBreach(src('observability/a.ts'), '../errors/domain-error.js')).toBeUndefined();
    expect(serverLayerBreach(src('http/a.ts'), './problem.js')).toBeUndefined();
    expect(serverLayerBreach(src('audit/audit-routes.test.ts'), '../kernel/boot.js')).toBeUndefined();
    expect(serverLayerBreach(src('data/a.test-helper.ts'), '../kernel/boot.js')).toBeUndefined();
    expect(serverLayerBreach(src('data/a.ts'), 'drizzle-orm')).toBeUndefined();
    expect(serverLayerBreach('framework/web/src/a.ts', '../../server/src/kernel/boot.js')).toBeUndefined();
  });

  it('refuses an area missing from the floors, either end', () => {
    expect(serverLayerBreach(src('widgets/a.ts'), '../http/problem.js')).toBe(
      'framework/server/src/widgets, an area with no floor in tools/src/server-layers.ts',
    );
    expect(serverLayerBreach(src('kernel/a.ts'), '../widgets/b.js')).toContain(
      'widgets, an area with no floor',
    );
  });
});

describe('resolveServerImport', () => {
  it('maps the .js spelling to the .ts or .tsx file that exists', () => {
    const files = new Set([
      src('http/problem.ts'),
      src('http/page.tsx'),
      src('foundation/config-schema.json'),
    ]);
    expect(resolveServerImport(files, src('http/a.ts'), './problem.js')).toBe(src('http/problem.ts'));
    expect(resolveServerImport(files, src('http/a.ts'), './page.js')).toBe(src('http/page.tsx'));
    expect(resolveServerImport(files, src('http/a.ts'), './missing.js')).toBeUndefined();
    expect(resolveServerImport(files, src('http/a.ts'), 'hono')).toBeUndefined();
  });
});

describe('findImportCycles', () => {
  it('finds none in a graph that only points one way', () => {
    expect(findImportCycles([edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('a.ts', 'c.ts')])).toEqual([]);
  });

  it('reports each cycle once, opened from its first file, by the shortest way back', () => {
    const cycles = findImportCycles([
      edge('c.ts', 'a.ts'),
      edge('a.ts', 'd.ts', 1),
      edge('a.ts', 'b.ts', 2),
      edge('b.ts', 'c.ts'),
      edge('d.ts', 'e.ts'),
      edge('e.ts', 'b.ts'),
      edge('x.ts', 'x.ts'),
    ]);
    expect(cycles).toEqual([
      { opening: edge('a.ts', 'b.ts', 2), files: ['a.ts', 'b.ts', 'c.ts', 'a.ts'] },
      { opening: edge('x.ts', 'x.ts'), files: ['x.ts', 'x.ts'] },
    ]);
  });
});

describe('the floors of this repository', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));

  it('name every area folder of framework/server/src', async () => {
    const entries = await readdir(`${root}/${serverSource}`, { withFileTypes: true });
    const areas = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(areas.filter((area) => !serverFloors.has(area))).toEqual([]);
    expect([...serverFloors.keys()].filter((area) => !areas.includes(area))).toEqual([]);
  });

  it('are kept: no import points up and no file import cycle', async () => {
    const { violations } = await scanBoundaries({ root });
    const server = violations.filter(
      (v) => v.rule === 'server-layer-order' || v.rule === 'server-import-cycle',
    );
    expect(server).toEqual([]);
  });
});
