import { loadAppSources, loadContractSources } from '@codexion/framework/plugins';
import { compareCodeUnits, compileAppModel } from '@codexion/schema';
import { consumedEventSchemas } from './consumed-events.js';
import { formatSource } from './format-source.js';
import { generateClient } from './generate-client.js';
import { generateContract } from './generate-contract.js';
import { generateOpenApi } from './generate-openapi.js';
import { generateResources } from './generate-resources.js';
import { generateTables } from './generate-tables.js';

export type CodegenStep = 'load' | 'openapi' | 'tables' | 'client' | 'contract';

/** Called after each step, for progress output. */
export type StepReporter = (step: CodegenStep, ms: number) => void;

export interface GenerateOptions {
  /**
   * `app` (the default): `appDir` holds `core/`, and everything an app needs is made. `framework`:
   * `appDir` is a contract folder of the framework's own APIs (`framework/contracts/<name>`, laid
   * out like a `core/`), checked with the framework's vocabulary; it has no tables, so only its
   * OpenAPI document, client and contract type are made.
   */
  kind?: 'app' | 'framework';
}

/**
 * Everything `core/generated/` should hold for the app at `appDir` (or `generated/` for a
 * framework contract folder), as path → content, computed in memory. Writing it (`codegen`) and
 * comparing it (`codegen --check`) are the caller's.
 *
 * @example
 * const files = await generateApp('/repo/apps/crm'); // Map { 'contract.ts' => '...', 'openapi.json' => '...', ... }
 * const auth = await generateApp('/repo/framework/contracts/auth', undefined, { kind: 'framework' });
 */
export async function generateApp(
  appDir: string,
  report: StepReporter = () => {},
  { kind = 'app' }: GenerateOptions = {},
): Promise<Map<string, string>> {
  const timed = async <T>(step: CodegenStep, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await work();
    report(step, performance.now() - started);
    return result;
  };
  const model = await timed('load', async () =>
    kind === 'app'
      ? compileAppModel(await loadAppSources(appDir))
      : compileAppModel(await loadContractSources(appDir), { scope: 'framework' }),
  );
  const openapi = await timed('openapi', () => generateOpenApi(model));
  const files = new Map<string, string>();
  files.set('openapi.json', await formatSource(JSON.stringify(openapi), 'json'));
  if (kind === 'app') {
    files.set('tables.ts', await timed('tables', () => formatSource(generateTables(model), 'typescript')));
  }
  for (const [path, source] of await timed('client', () => generateClient(openapi))) files.set(path, source);
  await timed('contract', async () => {
    const consumed = kind === 'app' ? await consumedEventSchemas(appDir, model.manifest) : [];
    files.set('contract.ts', await generateContract(model, { kind, consumed }));
    if (kind === 'app') files.set('client/resources.gen.ts', await generateResources(model, openapi));
  });
  return new Map([...files].sort(([a], [b]) => compareCodeUnits(a, b)));
}
