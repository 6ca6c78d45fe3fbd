import { loadAppSources } from '@codexion/framework';
import { compareCodeUnits, compileAppModel } from '@codexion/schema';
import { formatSource } from './format-source.js';
import { generateClient } from './generate-client.js';
import { generateOpenApi } from './generate-openapi.js';
import { generateOpenApiTypes } from './generate-openapi-types.js';
import { generateTables } from './generate-tables.js';
import { generateTypes } from './generate-types.js';

export type CodegenStep = 'load' | 'openapi' | 'types' | 'tables' | 'openapi.d.ts' | 'client';

/** Called after each step, for progress output. */
export type StepReporter = (step: CodegenStep, ms: number) => void;

/**
 * Everything `core/generated/` should hold for the app at `appDir`, as path → content, computed
 * in memory. Writing it (`codegen`) and comparing it (`codegen --check`) are the caller's.
 *
 * @example
 * const files = await generateApp('/repo/apps/crm'); // Map { 'types.ts' => '...', 'openapi.json' => '...', ... }
 */
export async function generateApp(
  appDir: string,
  report: StepReporter = () => {},
): Promise<Map<string, string>> {
  const timed = async <T>(step: CodegenStep, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await work();
    report(step, performance.now() - started);
    return result;
  };
  const model = await timed('load', async () => compileAppModel(await loadAppSources(appDir)));
  const openapi = await timed('openapi', () => generateOpenApi(model));
  const files = new Map<string, string>();
  files.set('openapi.json', await formatSource(JSON.stringify(openapi), 'json'));
  files.set('types.ts', await timed('types', () => generateTypes(model.manifest.name, openapi)));
  files.set('tables.ts', await timed('tables', () => formatSource(generateTables(model), 'typescript')));
  files.set('openapi.d.ts', await timed('openapi.d.ts', () => generateOpenApiTypes(openapi)));
  for (const [path, source] of await timed('client', () => generateClient(openapi))) files.set(path, source);
  return new Map([...files].sort(([a], [b]) => compareCodeUnits(a, b)));
}
