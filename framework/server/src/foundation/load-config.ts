import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { createAjv, type JsonSchema } from '@codexion/schema';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { configFromEnv } from './config-from-env.js';
import {
  deepFreeze,
  dotted,
  isOverridable,
  isPlainObject,
  layerAt,
  leaves,
  mergeLayer,
  overridableKeys,
  type PlainObject,
  type Provenance,
  schemaAt,
  secretAt,
  valueAt,
} from './config-layers.js';
import type { ConfigInput, KernelConfig } from './kernel-config.js';
import { configSchema, redactValue } from './redact-config.js';

/** The tenant development and test requests fall back to when they name none. */
export const developmentTenantId = '00000000-0000-4000-8000-000000000001';

/** The list-cursor key of development and test; anywhere else `secrets.cursor` must be set. */
const developmentCursorSecret = 'development-only-cursor-secret';

export interface LoadConfigOptions {
  /** the folder holding `config/` (an app or the workspace); `database.dataDir` is relative to it */
  root: string;
  /** environment variables; `process.env` unless given */
  env?: Readonly<Record<string, string | undefined>>;
  /** the last layer before tenants, for tests and embedding */
  overrides?: ConfigInput;
  /** the schema to validate against; the kernel's own unless given (tests) */
  schema?: JsonSchema;
}

export interface LoadedConfig {
  config: KernelConfig;
  /** the base config with `tenants.<id>` overrides merged in; the base config for an unknown tenant */
  configForTenant(tenantId: string): KernelConfig;
  /** the layers that contributed, in order, for the boot log */
  sources: string[];
}

/**
 * Defaults that depend on the environment, applied below every file. The rest of the defaults
 * are in the schema and filled in by Ajv.
 */
export function environmentDefaults(env: string): PlainObject {
  const local = env === 'development' || env === 'test';
  return {
    env,
    http: local ? { host: '127.0.0.1' } : {},
    logging: { pretty: env === 'development' },
    tenancy: local ? { defaultTenant: developmentTenantId, trustHeader: true } : {},
    seed: { enabled: env === 'development' },
    secrets: local ? { cursor: developmentCursorSecret } : {},
  };
}

const validators = new WeakMap<JsonSchema, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = createAjv({ useDefaults: true }).compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

async function readYaml(root: string, name: string): Promise<PlainObject | undefined> {
  const file = join(root, 'config', name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const source = `config/${name}`;
  let data: unknown;
  try {
    data = parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(
      [{ key: '', value: undefined, reason: `not valid YAML: ${(error as Error).message}`, source }],
      'CONFIG_SOURCE_INVALID',
    );
  }
  if (data === null || data === undefined) return {};
  if (!isPlainObject(data)) {
    throw new ConfigError(
      [{ key: '', value: data, reason: 'must be a mapping of config keys', source }],
      'CONFIG_SOURCE_INVALID',
    );
  }
  return data;
}

/** Secrets come from the environment or a file, never from a committed YAML file. */
function refuseSecrets(layer: PlainObject, source: string, schema: JsonSchema): void {
  const issues: ConfigIssue[] = [];
  for (const [path, value] of leaves(layer)) {
    const secret = secretAt(schema, path);
    if (secret === undefined || value === null) continue;
    if (secret === 'url-password' && typeof value === 'string' && !hasPassword(value)) continue;
    const env = envVariableFor(path);
    issues.push({
      key: dotted(path),
      value: redactValue(value, secret),
      reason: `is a secret: set it with ${env} or ${env}__FILE, not in a config file`,
      source,
    });
  }
  if (issues.length > 0) throw new ConfigError(issues);
}

/** `['database', 'statementTimeoutMs']` → `CODEXION_DATABASE__STATEMENT_TIMEOUT_MS` */
function envVariableFor(path: readonly string[]): string {
  return `CODEXION_${path.map((p) => p.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()).join('__')}`;
}

function hasPassword(url: string): boolean {
  try {
    return new URL(url).password !== '';
  } catch {
    return false;
  }
}

function issuesOf(
  errors: readonly ErrorObject[],
  data: PlainObject,
  provenance: Provenance,
  schema: JsonSchema,
  prefix: string[] = [],
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // propertyNames reports twice (the inner keyword with the name, then a summary)
    if (error.keyword === 'propertyNames' || error.keyword === 'if') continue;
    const params = error.params as Record<string, unknown>;
    const path = error.instancePath
      .split('/')
      .slice(1)
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    let reason = error.message ?? `fails ${error.keyword}`;
    let missing = false;
    if (typeof params.missingProperty === 'string') {
      path.push(params.missingProperty);
      missing = true;
      const env = envVariableFor(path);
      reason =
        secretAt(schema, path) === undefined ? 'is required' : `is required: set ${env} or ${env}__FILE`;
    } else if (typeof params.additionalProperty === 'string') {
      path.push(params.additionalProperty);
      reason = 'is not a known config key';
    } else if (typeof error.propertyName === 'string') {
      path.push(error.propertyName);
      reason = `key ${reason}`;
    } else if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      reason = `must be one of: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const key = dotted([...prefix, ...path]);
    if (seen.has(`${key}\u0000${reason}`)) continue;
    seen.add(`${key}\u0000${reason}`);
    issues.push({
      key,
      value: redactValue(valueAt(data, path), secretAt(schema, path)),
      reason,
      source: missing ? undefined : sourceOf(provenance, [...prefix, ...path]),
    });
  }
  return issues;
}

/** The layer that set a key, the nearest enclosing key a layer set whole, or the one that set a key inside it. */
function sourceOf(provenance: Provenance, path: readonly string[]): string | undefined {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const source = provenance.get(dotted(path.slice(0, depth)));
    if (source !== undefined) return source;
  }
  const inside = `${dotted(path)}.`;
  for (const [key, source] of provenance) if (key.startsWith(inside)) return source;
  return undefined;
}

/** Keeps the parts of a layer the schema knows, so the kernel's defaults fit a narrower schema. */
function pruneToSchema(layer: PlainObject, schema: JsonSchema, path: string[] = []): PlainObject {
  const out: PlainObject = {};
  for (const [key, value] of Object.entries(layer)) {
    const at = [...path, key];
    if (!schemaAt(schema, at)) continue;
    out[key] = isPlainObject(value) ? pruneToSchema(value, schema, at) : value;
  }
  return out;
}

function validate(
  data: PlainObject,
  provenance: Provenance,
  schema: JsonSchema,
  prefix: string[] = [],
): KernelConfig {
  const check = validatorFor(schema);
  if (!check(data)) throw new ConfigError(issuesOf(check.errors ?? [], data, provenance, schema, prefix));
  return data as unknown as KernelConfig;
}

/**
 * Loads the kernel's config: environment defaults → `config/base.yaml` → `config/<env>.yaml` →
 * environment variables (`CODEXION_HTTP__PORT=8080` is `http.port`; `DATABASE_URL`, `PORT`,
 * `NODE_ENV` too) → `overrides`; then validates against the config schema, filling its defaults.
 * Tenant overrides (`tenants.<id>`) may set only keys marked overridable and are checked here too.
 *
 * @throws {ConfigError} naming each bad key (dotted), its value (redacted if secret), the reason
 *   and the layer it came from
 *
 * @example
 * const { config, configForTenant } = await loadConfig({ root: '/srv/app' });
 * config.http.port // 3000
 */
export async function loadConfig({
  root,
  env = process.env,
  overrides = {},
  schema = configSchema,
}: LoadConfigOptions): Promise<LoadedConfig> {
  const fromEnv = await configFromEnv(env, schema);
  const base = await readYaml(root, 'base.yaml');
  const envName = String(
    overrides.env ??
      [...fromEnv].reverse().find((e) => e.path.join('.') === 'env')?.value ??
      base?.env ??
      'development',
  );
  const layers: { source: string; layer: PlainObject }[] = [
    { source: 'defaults', layer: pruneToSchema(environmentDefaults(envName), schema) },
  ];
  if (base) layers.push({ source: 'config/base.yaml', layer: base });
  // a file name from outside data: only a plain environment name may pick a file
  const envFile = /^[a-z][a-z0-9-]*$/.test(envName) ? await readYaml(root, `${envName}.yaml`) : undefined;
  if (envFile) layers.push({ source: `config/${envName}.yaml`, layer: envFile });
  for (const { source, layer } of layers.slice(1)) refuseSecrets(layer, source, schema);
  for (const entry of fromEnv) layers.push({ source: entry.source, layer: layerAt(entry.path, entry.value) });
  if (Object.keys(overrides).length > 0)
    layers.push({ source: 'overrides', layer: overrides as PlainObject });

  const provenance: Provenance = new Map();
  const merged: PlainObject = {};
  for (const { source, layer } of layers) mergeLayer(merged, structuredClone(layer), source, provenance);
  const config = validate(merged, provenance, schema);
  const dataDir = config.database?.dataDir;
  if (typeof dataDir === 'string' && !dataDir.includes('://') && !isAbsolute(dataDir)) {
    config.database.dataDir = resolve(root, dataDir);
  }

  const tenantConfigs = tenantConfigsOf(config, provenance, schema);
  deepFreeze(config);
  return {
    config,
    configForTenant: (tenantId) => tenantConfigs.get(tenantId) ?? config,
    sources: [...new Set(layers.map((l) => l.source))],
  };
}

/** Checks and merges every tenant's overrides now, so a bad one stops the boot, not a request. */
function tenantConfigsOf(
  config: KernelConfig,
  provenance: Provenance,
  schema: JsonSchema,
): Map<string, KernelConfig> {
  const result = new Map<string, KernelConfig>();
  const issues: ConfigIssue[] = [];
  const { tenants = {}, ...rest } = config;
  for (const [tenantId, overrides] of Object.entries(tenants)) {
    const prefix = ['tenants', tenantId];
    let allowed = true;
    for (const [path, value] of leaves(overrides)) {
      if (isOverridable(schema, path)) continue;
      allowed = false;
      issues.push({
        key: dotted([...prefix, ...path]),
        value: redactValue(value, secretAt(schema, path)),
        reason: `is not overridable per tenant (overridable: ${overridableKeys(schema).join(', ')})`,
        source: sourceOf(provenance, [...prefix, ...path]),
      });
    }
    if (!allowed) continue;
    const merged = structuredClone(rest) as PlainObject;
    mergeLayer(merged, structuredClone(overrides), `tenants.${tenantId}`, new Map());
    try {
      const tenantConfig = validate(merged, provenance, schema, prefix);
      result.set(tenantId, deepFreeze({ ...tenantConfig, tenants: {} }));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return result;
}
