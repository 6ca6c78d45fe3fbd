import { readFile } from 'node:fs/promises';
import type { JsonSchema } from '@codexion/schema';
import { parse } from 'yaml';
import { ConfigError } from './config-error.js';
import { schemaAt } from './config-layers.js';

/** One environment variable turned into a config value. */
export interface EnvEntry {
  /** `env CODEXION_HTTP__PORT`, or `file /run/secrets/db (CODEXION_DATABASE__URL__FILE)` */
  source: string;
  path: string[];
  value: unknown;
}

export const envPrefix = 'CODEXION_';
const fileSuffix = '__FILE';

/**
 * The plain variables platforms set, mapped to config keys; `CODEXION_<KEY>__<KEY>` ones win over
 * them.
 */
export const wellKnownVariables: Readonly<Record<string, readonly string[]>> = {
  NODE_ENV: ['env'],
  PORT: ['http', 'port'],
  DATABASE_URL: ['database', 'url'],
  // the name operators and CI know; CODEXION_REDIS__URL is the same key spelt the config's way
  CODEXION_REDIS_URL: ['redis', 'url'],
  // the RabbitMQ that carries events between nodes (ADR 0019)
  CODEXION_AMQP_URL: ['events', 'amqpUrl'],
};

const segmentPattern = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** `STATEMENT_TIMEOUT_MS` → `statementTimeoutMs` */
function camelSegment(segment: string): string {
  return segment.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Parses a variable's text as a YAML scalar (`8080` → 8080, `true`, `[a, b]`) unless the key is a
 * plain string in the schema: a URL or password is kept exactly as given.
 */
function parseValue(raw: string, schema: JsonSchema | undefined): unknown {
  if (schema?.type === 'string') return raw;
  try {
    return parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Reads the config layer of the environment: `NODE_ENV`, `PORT`, `DATABASE_URL`, then every
 * `CODEXION_<KEY>__<KEY>` variable in name order (double underscore nests, each part in
 * SCREAMING_SNAKE becomes camelCase); `CODEXION_<KEY>__FILE=/path` reads the value from a file,
 * for secrets mounted by the platform. Empty variables count as unset.
 *
 * @throws {ConfigError} on a malformed name, a key given both inline and as a file, an unreadable file
 *
 * @example
 * await configFromEnv({ CODEXION_HTTP__PORT: '8080' }, configSchema)
 * // [{ source: 'env CODEXION_HTTP__PORT', path: ['http', 'port'], value: 8080 }]
 */
export async function configFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  schema: JsonSchema,
): Promise<EnvEntry[]> {
  const entries: EnvEntry[] = [];
  for (const [name, path] of Object.entries(wellKnownVariables)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    entries.push({ source: `env ${name}`, path: [...path], value: parseValue(raw, schemaAt(schema, path)) });
  }
  const names = Object.keys(env)
    .filter((n) => n.startsWith(envPrefix) && !Object.hasOwn(wellKnownVariables, n) && env[n] !== '')
    .filter((n) => env[n] !== undefined)
    .sort();
  const seen = new Map<string, string>();
  for (const name of names) {
    const raw = env[name] ?? '';
    const fromFile = name.endsWith(fileSuffix);
    const key = name.slice(envPrefix.length, fromFile ? -fileSuffix.length : undefined);
    const segments = key.split('__');
    if (key === '' || !segments.every((s) => segmentPattern.test(s))) {
      throw new ConfigError([
        {
          key: name,
          value: undefined,
          reason: 'is not a valid config variable: use CODEXION_<SECTION>__<KEY> in upper snake case',
          source: `env ${name}`,
        },
      ]);
    }
    const path = segments.map(camelSegment);
    const dottedKey = path.join('.');
    const other = seen.get(dottedKey);
    if (other !== undefined) {
      throw new ConfigError([
        {
          key: dottedKey,
          value: undefined,
          reason: `is set by both ${other} and ${name}; keep one`,
          source: `env ${name}`,
        },
      ]);
    }
    seen.set(dottedKey, name);
    if (!fromFile) {
      entries.push({ source: `env ${name}`, path, value: parseValue(raw, schemaAt(schema, path)) });
      continue;
    }
    let text: string;
    try {
      text = await readFile(raw, 'utf8');
    } catch (error) {
      throw new ConfigError([
        {
          key: dottedKey,
          value: raw,
          reason: `cannot read the file named by ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          source: `env ${name}`,
        },
      ]);
    }
    // secret files usually end with a newline the value does not contain
    const trimmed = text.replace(/\r?\n$/, '');
    entries.push({
      source: `file ${raw} (${name})`,
      path,
      value: parseValue(trimmed, schemaAt(schema, path)),
    });
  }
  return entries;
}
