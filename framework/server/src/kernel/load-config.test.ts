import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonSchema } from '@codexion/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { developmentTenantId, environmentDefaults, loadConfig } from './load-config.js';
import { configSchema, redactConfig } from './redact-config.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'prefiq-config-'));
  await mkdir(join(root, 'config'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(root, 'config', name);
  await writeFile(path, text);
  return path;
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills every default from the schema and the environment', async () => {
    const { config, sources } = await loadConfig({ root, env: {} });
    expect(config).toMatchObject({
      env: 'development',
      http: { host: '127.0.0.1', port: 3000, cors: { origins: [] }, bodyLimit: 1_048_576, drainMs: 10_000 },
      database: { pool: { max: 10 }, statementTimeoutMs: 30_000, dataDir: join(root, '.codexion/data') },
      migrations: { runOnBoot: true },
      logging: { level: 'info', pretty: true },
      tenancy: { defaultTenant: developmentTenantId, trustHeader: true },
      docs: { enabled: true },
      seed: { enabled: true },
      api: { defaultPageSize: 50, maxPageSize: 200, maxBulk: 1000 },
    });
    expect(config.secrets.cursor?.length).toBeGreaterThanOrEqual(16);
    expect(config.database.url).toBeUndefined();
    expect(sources).toEqual(['defaults']);
    expect(Object.isFrozen(config.http)).toBe(true);
  });

  it('has no default tenant, no pretty logs and no demo data in production', async () => {
    const missing = await configError(loadConfig({ root, env: { NODE_ENV: 'production' } }));
    expect(missing.message).toBe(
      'invalid config: secrets.cursor = (unset): is required: set CODEXION_SECRETS__CURSOR or CODEXION_SECRETS__CURSOR__FILE',
    );
    const { config } = await loadConfig({
      root,
      env: { NODE_ENV: 'production', CODEXION_SECRETS__CURSOR: 'a-production-cursor-secret' },
    });
    expect(redactConfig(config).secrets).toEqual({ cursor: '[redacted]' });
    expect(config.tenancy).toEqual({ trustHeader: false });
    expect(config.logging.pretty).toBe(false);
    expect(config.seed.enabled).toBe(false);
    expect(config.http.host).toBe('0.0.0.0');
    expect(environmentDefaults('staging')).toMatchObject({ env: 'staging', tenancy: {} });
  });

  it('layers defaults, base.yaml, <env>.yaml, environment variables and overrides in that order', async () => {
    await file(
      'base.yaml',
      'http:\n  port: 4000\n  cors:\n    origins: [https://a.example]\nlogging:\n  level: warn\n',
    );
    await file('staging.yaml', 'http:\n  port: 5000\ndocs:\n  enabled: false\n');
    const { config, sources } = await loadConfig({
      root,
      env: {
        NODE_ENV: 'staging',
        PORT: '6000',
        CODEXION_SECRETS__CURSOR__FILE: await file('cursor', 'staging-cursor-secret-from-a-file\n'),
        CODEXION_LOGGING__LEVEL: 'debug',
        CODEXION_DATABASE__STATEMENT_TIMEOUT_MS: '1500',
        CODEXION_HTTP__CORS__ORIGINS: '[https://b.example, https://c.example]',
        CODEXION_FEATURES__NEW_BILLING: 'true',
      },
      overrides: { docs: { enabled: true } },
    });
    expect(config.env).toBe('staging');
    expect(config.http.port).toBe(6000);
    expect(config.http.cors.origins).toEqual(['https://b.example', 'https://c.example']);
    expect(config.logging.level).toBe('debug');
    expect(config.database.statementTimeoutMs).toBe(1500);
    expect(config.features).toEqual({ newBilling: true });
    expect(config.docs.enabled).toBe(true);
    expect(sources).toEqual([
      'defaults',
      'config/base.yaml',
      'config/staging.yaml',
      'env NODE_ENV',
      'env PORT',
      'env CODEXION_DATABASE__STATEMENT_TIMEOUT_MS',
      'env CODEXION_FEATURES__NEW_BILLING',
      'env CODEXION_HTTP__CORS__ORIGINS',
      'env CODEXION_LOGGING__LEVEL',
      `file ${join(root, 'config', 'cursor')} (CODEXION_SECRETS__CURSOR__FILE)`,
      'overrides',
    ]);
    expect(config.secrets.cursor).toBe('staging-cursor-secret-from-a-file');
  });

  it('lets CODEXION_ variables win over PORT and DATABASE_URL, and keeps URLs verbatim', async () => {
    const { config } = await loadConfig({
      root,
      env: {
        PORT: '1',
        CODEXION_HTTP__PORT: '8080',
        DATABASE_URL: 'postgres://app:pa#ss: word@db:5432/app',
      },
    });
    expect(config.http.port).toBe(8080);
    expect(config.database.url).toBe('postgres://app:pa#ss: word@db:5432/app');
  });

  it('reads a secret from the file a __FILE variable names, and never prints it', async () => {
    const secret = await file('db-url', 'postgres://app:s3cret@db:5432/app\n');
    const { config } = await loadConfig({ root, env: { CODEXION_DATABASE__URL__FILE: secret } });
    expect(config.database.url).toBe('postgres://app:s3cret@db:5432/app');
    const printed = JSON.stringify(redactConfig(config));
    expect(printed).not.toContain('s3cret');
    expect(printed).toContain('postgres://app:***@db:5432/app');
  });

  it('takes RabbitMQ for events from CODEXION_AMQP_URL, its password never printed; refuses another scheme', async () => {
    const { config } = await loadConfig({
      root,
      env: { CODEXION_AMQP_URL: 'amqp://events:s3cret@rabbit:5672/prod', CODEXION_EVENTS__MAX_ATTEMPTS: '3' },
    });
    expect(config.events).toMatchObject({
      amqpUrl: 'amqp://events:s3cret@rabbit:5672/prod',
      maxAttempts: 3,
      leaseMs: 30_000,
      amqpPrefix: 'codexion',
      retentionDays: 7,
    });
    expect(JSON.stringify(redactConfig(config))).not.toContain('s3cret');
    const own = await loadConfig({ root, env: { CODEXION_EVENTS__AMQP_PREFIX: 'acme-staging' } });
    expect(own.config.events.amqpPrefix).toBe('acme-staging');
    const dotted = await configError(loadConfig({ root, env: { CODEXION_EVENTS__AMQP_PREFIX: 'a.b' } }));
    expect(dotted.issues).toEqual([expect.objectContaining({ key: 'events.amqpPrefix' })]);
    const error = await configError(loadConfig({ root, env: { CODEXION_AMQP_URL: 'http://rabbit:5672' } }));
    expect(error.issues).toEqual([
      expect.objectContaining({ key: 'events.amqpUrl', source: 'env CODEXION_AMQP_URL' }),
    ]);
  });

  it('stops on a bad value, naming the key, the value, the reason and where it came from', async () => {
    const error = await configError(loadConfig({ root, env: { CODEXION_HTTP__PORT: 'eighty' } }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.issues).toEqual([
      { key: 'http.port', value: 'eighty', reason: 'must be integer', source: 'env CODEXION_HTTP__PORT' },
    ]);
    expect(error.message).toBe(
      'invalid config: http.port = "eighty" (from env CODEXION_HTTP__PORT): must be integer',
    );
  });

  it('reports every bad key at once: unknown keys, enums, ranges, types', async () => {
    await file(
      'base.yaml',
      'http:\n  prot: 80\n  drainMs: -1\nlogging:\n  level: loud\ndatabase:\n  pool:\n    max: 1\n',
    );
    const error = await configError(loadConfig({ root, env: {} }));
    const byKey = Object.fromEntries(error.issues.map((i) => [i.key, i]));
    expect(byKey['http.prot']).toMatchObject({
      value: 80,
      reason: 'is not a known config key',
      source: 'config/base.yaml',
    });
    expect(byKey['http.drainMs']).toMatchObject({ value: -1, reason: 'must be >= 0' });
    expect(byKey['logging.level']?.reason).toMatch(/^must be one of: "fatal", "error"/);
    expect(byKey['database.pool.max']).toMatchObject({ value: 1, reason: 'must be >= 2' });
    expect(error.message.split('\n')).toHaveLength(5);
  });

  it('refuses malformed YAML and a YAML file that is not a mapping', async () => {
    await file('base.yaml', 'http: [unclosed');
    const bad = await configError(loadConfig({ root, env: {} }));
    expect(bad.code).toBe('CONFIG_SOURCE_INVALID');
    expect(bad.message).toMatch(
      /^invalid config: {2}= \(unset\) \(from config\/base\.yaml\): not valid YAML/,
    );
    await file('base.yaml', '- a\n- b\n');
    await expect(loadConfig({ root, env: {} })).rejects.toThrow('must be a mapping of config keys');
  });

  it('refuses a secret written into a config file, without echoing it', async () => {
    await file('base.yaml', 'database:\n  url: postgres://app:hunter2@db/app\n');
    const error = await configError(loadConfig({ root, env: {} }));
    expect(error.issues[0]).toMatchObject({
      key: 'database.url',
      value: 'postgres://app:***@db/app',
      source: 'config/base.yaml',
    });
    expect(error.message).toContain('CODEXION_DATABASE__URL__FILE');
    expect(error.message).not.toContain('hunter2');
    // a URL without a password is not a secret
    await file('base.yaml', 'database:\n  url: postgres://app@db/app\n');
    await expect(loadConfig({ root, env: {} })).resolves.toBeDefined();
  });

  it('refuses malformed and ambiguous variables, and unreadable secret files', async () => {
    await expect(loadConfig({ root, env: { CODEXION_HTTP___PORT: '1' } })).rejects.toThrow(
      'CODEXION_HTTP___PORT = (unset) (from env CODEXION_HTTP___PORT): is not a valid config variable',
    );
    await expect(
      loadConfig({
        root,
        env: { CODEXION_DATABASE__URL: 'postgres://a', CODEXION_DATABASE__URL__FILE: '/x' },
      }),
    ).rejects.toThrow('is set by both CODEXION_DATABASE__URL and CODEXION_DATABASE__URL__FILE');
    await expect(
      loadConfig({ root, env: { CODEXION_DATABASE__URL__FILE: join(root, 'missing') } }),
    ).rejects.toThrow('cannot read the file named by CODEXION_DATABASE__URL__FILE: ENOENT');
    await expect(loadConfig({ root, env: { CODEXION_HTTP__NOPE: '1' } })).rejects.toThrow(
      'http.nope = 1 (from env CODEXION_HTTP__NOPE): is not a known config key',
    );
  });

  it('treats empty variables as unset and null in YAML as "remove"', async () => {
    await file('base.yaml', 'tenancy:\n  defaultTenant: 00000000-0000-4000-8000-00000000000a\n');
    await file('test.yaml', 'tenancy:\n  defaultTenant: ~\n');
    const { config } = await loadConfig({ root, env: { NODE_ENV: 'test', CODEXION_HTTP__PORT: '' } });
    expect(config.http.port).toBe(3000);
    expect(config.tenancy.defaultTenant).toBeUndefined();
  });

  it('merges tenant overrides over the base for overridable keys only', async () => {
    const tenant = '11111111-1111-4111-8111-111111111111';
    await file(
      'base.yaml',
      `locale: en\ntenants:\n  ${tenant}:\n    locale: fr-FR\n    features:\n      beta: true\n`,
    );
    const { config, configForTenant } = await loadConfig({ root, env: {} });
    expect(config.locale).toBe('en');
    expect(configForTenant(tenant)).toMatchObject({ locale: 'fr-FR', features: { beta: true }, tenants: {} });
    expect(configForTenant(tenant).http).toEqual(config.http);
    expect(configForTenant('22222222-2222-4222-8222-222222222222')).toBe(config);

    await file('base.yaml', `tenants:\n  ${tenant}:\n    http:\n      port: 1\n`);
    const refused = await configError(loadConfig({ root, env: {} }));
    expect(refused.issues[0]).toMatchObject({
      key: `tenants.${tenant}.http.port`,
      value: 1,
      source: 'config/base.yaml',
    });
    expect(refused.issues[0]?.reason).toBe(
      'is not overridable per tenant (overridable: locale, timezone, features)',
    );

    await file('base.yaml', `tenants:\n  ${tenant}:\n    locale: 42\n`);
    const invalid = await configError(loadConfig({ root, env: {} }));
    expect(invalid.issues[0]).toMatchObject({
      key: `tenants.${tenant}.locale`,
      value: 42,
      reason: 'must be string',
    });

    await file('base.yaml', 'tenants:\n  acme:\n    locale: fr\n');
    await expect(loadConfig({ root, env: {} })).rejects.toThrow('tenants.acme = {"locale":"fr"}');
  });

  it('validates against a given schema and redacts its secret keys', async () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        env: { type: 'string' },
        auth: {
          type: 'object',
          additionalProperties: false,
          properties: { jwtSecret: { type: 'string', minLength: 8, 'x-codexion': { secret: true } } },
        },
      },
    } as JsonSchema;
    const error = await configError(
      loadConfig({ root, env: { CODEXION_AUTH__JWT_SECRET: 'short' }, schema }),
    );
    expect(error.message).toBe(
      'invalid config: auth.jwtSecret = "[redacted]" (from env CODEXION_AUTH__JWT_SECRET): must NOT have fewer than 8 characters',
    );
    const { config } = await loadConfig({
      root,
      env: { CODEXION_AUTH__JWT_SECRET: 'long enough secret' },
      schema,
    });
    expect(redactConfig(config, schema)).toMatchObject({ auth: { jwtSecret: '[redacted]' } });
    await file('base.yaml', 'auth:\n  jwtSecret: in-a-file-oops\n');
    await expect(loadConfig({ root, env: {}, schema })).rejects.toThrow(
      'set it with CODEXION_AUTH__JWT_SECRET',
    );
  });

  it('keeps an absolute or in-memory data dir as given', async () => {
    const memory = await loadConfig({ root, env: { CODEXION_DATABASE__DATA_DIR: 'memory://' } });
    expect(memory.config.database.dataDir).toBe('memory://');
    const absolute = await loadConfig({ root, env: { CODEXION_DATABASE__DATA_DIR: '/var/lib/prefiq' } });
    expect(absolute.config.database.dataDir).toBe('/var/lib/prefiq');
    expect(configSchema.properties?.database).toBeDefined();
  });
});
