import { loadAppSources } from '@codexion/framework';
import { compareCodeUnits, compileAppModel } from '@codexion/schema';
import { formatSource } from './format-source.js';
import { generateClient } from './generate-client.js';
import { generateContract } from './generate-contract.js';
import { generateOpenApi } from './generate-openapi.js';
import { generateResources } from './generate-resources.js';
import { generateTables } from './generate-tables.js';

export type CodegenStep = 'load' | 'openapi' | 'tables' | 'client' | 'contract';

/** Called after each step, for progress output. */
export type StepReporter = (step: CodegenStep, ms: number) => void;

/**
 * Everything `core/generated/` should hold for the app at `appDir`, as path → content, computed
 * in memory. Writing it (`codegen`) and comparing it (`codegen --check`) are the caller's.
 *
 * @example
 * const files = await generateApp('/repo/apps/crm'); // Map { 'contract.ts' => '...', 'openapi.json' => '...', ... }
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
  files.set('tables.ts', await timed('tables', () => formatSource(generateTables(model), 'typescript')));
  for (const [path, source] of await timed('client', () => generateClient(openapi))) files.set(path, source);
  await timed('contract', async () => {
    files.set('contract.ts', await generateContract(model));
    files.set('client/resources.gen.ts', await generateResources(model, openapi));
  });
  return new Map([...files].sort(([a], [b]) => compareCodeUnits(a, b)));
}
