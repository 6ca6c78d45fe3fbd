import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppManifest, compareCodeUnits, type EventDeclaration, type JsonSchema } from '@codexion/schema';

/** An event an app consumes, with the payload schema its producer declares. */
export interface ConsumedEventSchema {
  event: string;
  app: string;
  payload: JsonSchema;
}

/** The repository this CLI runs from: its `apps/` hold the producers of an app copied elsewhere. */
const ownRepository = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * The producer the framework's own events come from: `consumes: [{ app: "prefiq", … }]`. Its
 * events are declared by the contracts of its APIs (`framework/contracts/<api>/app.json`, e.g.
 * `prefiq.tenant.created` in `tenancy/`), each by the API that writes it.
 */
export const frameworkProducer = 'prefiq';

/**
 * The manifests that may declare the event `app` produces: `apps/<app>/core/app.json` of the
 * nearest folder above `from` that has one (else of the repository the CLI runs from, for an app
 * generated outside it, as the CLI's tests do); for `prefiq`, every framework contract's.
 */
async function producerManifests(from: string, app: string): Promise<string[]> {
  if (app !== frameworkProducer) {
    const file =
      nearest(from, join('apps', app, 'core', 'app.json')) ??
      nearest(ownRepository, join('apps', app, 'core', 'app.json'));
    return file === undefined ? [] : [file];
  }
  const contracts =
    nearest(from, join('framework', 'contracts')) ?? nearest(ownRepository, join('framework', 'contracts'));
  if (contracts === undefined) return [];
  const folders = (await readdir(contracts, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(contracts, entry.name, 'app.json'))
    .filter((file) => existsSync(file));
  return folders.sort(compareCodeUnits);
}

/** `relative` under the nearest folder above `from` (itself included) that has it. */
function nearest(from: string, relative: string): string | undefined {
  let folder = from;
  for (;;) {
    const candidate = join(folder, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * The payload schemas of the events `manifest.consumes` names, read from each producer's
 * `core/app.json` (the workspace's `apps/<app>`; for `prefiq`, the framework's contracts), in
 * event-name order, so a consumer's handlers are typed by what the producer promises.
 *
 * @throws {Error} naming the event when its producer or its declaration is missing
 *
 * @example
 * await consumedEventSchemas('/repo/apps/erp', manifest); // [{ event: 'crm.deal.won', app: 'crm', payload: {...} }]
 */
export async function consumedEventSchemas(
  appDir: string,
  manifest: AppManifest,
): Promise<ConsumedEventSchema[]> {
  const found: ConsumedEventSchema[] = [];
  for (const { event, app } of manifest.consumes ?? []) {
    const files = await producerManifests(appDir, app);
    if (files.length === 0) {
      const where =
        app === frameworkProducer ? 'framework/contracts/*/app.json' : `apps/${app}/core/app.json`;
      throw new Error(`${manifest.name} consumes ${event} from ${app}, but no ${where} was found`);
    }
    let declared: EventDeclaration | undefined;
    for (const file of files) {
      const producer = JSON.parse(await readFile(file, 'utf8')) as AppManifest;
      declared ??= (producer.events ?? []).find((e) => e.name === event);
    }
    if (declared === undefined) {
      throw new Error(
        app === frameworkProducer
          ? `${manifest.name} consumes ${event}, which no framework contract (framework/contracts/*/app.json) declares`
          : `${manifest.name} consumes ${event}, which ${app}'s core/app.json does not declare`,
      );
    }
    found.push({ event, app, payload: declared.payload ?? { type: 'object', additionalProperties: false } });
  }
  return found.sort((a, b) => compareCodeUnits(a.event, b.event));
}
