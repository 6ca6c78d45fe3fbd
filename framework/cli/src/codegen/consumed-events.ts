import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppManifest, compareCodeUnits, type JsonSchema } from '@codexion/schema';

/** An event an app consumes, with the payload schema its producer declares. */
export interface ConsumedEventSchema {
  event: string;
  app: string;
  payload: JsonSchema;
}

/** The repository this CLI runs from: its `apps/` hold the producers of an app copied elsewhere. */
const ownRepository = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * Where the app `name` lives: `apps/<name>` of the nearest folder above `from` that has one, else
 * of the repository the CLI runs from (an app generated outside it, as the CLI's tests do).
 */
function producerManifest(from: string, name: string): string | undefined {
  return nearestProducer(from, name) ?? nearestProducer(ownRepository, name);
}

function nearestProducer(from: string, name: string): string | undefined {
  let folder = from;
  for (;;) {
    const candidate = join(folder, 'apps', name, 'core', 'app.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * The payload schemas of the events `manifest.consumes` names, read from each producer's
 * `core/app.json` (the workspace's `apps/<app>`), in event-name order, so a consumer's handlers
 * are typed by what the producer promises.
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
    const file = producerManifest(appDir, app);
    if (file === undefined) {
      throw new Error(
        `${manifest.name} consumes ${event} from ${app}, but no apps/${app}/core/app.json was found`,
      );
    }
    const producer = JSON.parse(await readFile(file, 'utf8')) as AppManifest;
    const declared = (producer.events ?? []).find((e) => e.name === event);
    if (declared === undefined) {
      throw new Error(`${manifest.name} consumes ${event}, which ${app}'s core/app.json does not declare`);
    }
    found.push({ event, app, payload: declared.payload ?? { type: 'object', additionalProperties: false } });
  }
  return found.sort((a, b) => compareCodeUnits(a.event, b.event));
}
