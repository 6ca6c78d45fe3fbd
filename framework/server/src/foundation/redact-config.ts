import type { JsonSchema } from '@codexion/schema';
import { isPlainObject, secretAt } from './config-layers.js';
import configSchemaJson from './config-schema.json' with { type: 'json' };

export const redacted = '[redacted]';

/** The kernel's config schema, typed. */
export const configSchema = configSchemaJson as JsonSchema;

/**
 * Hides a URL's password (`postgres://app:s3cret@db/x` → `postgres://app:***@db/x`); a value
 * that does not parse as a URL is hidden whole, since it may be a password itself.
 */
export function redactUrlPassword(value: string): string {
  try {
    const url = new URL(value);
    if (url.password === '') return value;
    url.password = '***';
    return url.toString();
  } catch {
    return redacted;
  }
}

/** One value as it may be printed, given the secret marking of its key. */
export function redactValue(value: unknown, secret: true | 'url-password' | undefined): unknown {
  if (secret === undefined || value === undefined) return value;
  if (secret === 'url-password' && typeof value === 'string') return redactUrlPassword(value);
  return redacted;
}

/**
 * A copy of a config (or part of one) safe to print: values of keys marked `x-codexion.secret`
 * are replaced, URL passwords masked. Use it whenever config is logged or shown.
 *
 * @example
 * logger.info({ config: redactConfig(config) }, 'config loaded');
 * // database.url: 'postgres://app:***@db:5432/app'
 */
export function redactConfig<T>(config: T, schema: JsonSchema = configSchema): T {
  const walk = (value: unknown, path: string[]): unknown => {
    const secret = secretAt(schema, path);
    if (secret !== undefined) return redactValue(value, secret);
    if (Array.isArray(value)) return value.map((item) => walk(item, path));
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    // a tenant's overrides follow the root schema: `tenants.<id>.x` is described by `x`
    const isTenants = path.length === 1 && path[0] === 'tenants';
    for (const [key, child] of Object.entries(value)) {
      out[key] = isTenants ? walkTenant(child) : walk(child, [...path, key]);
    }
    return out;
  };
  const walkTenant = (overrides: unknown): unknown =>
    isPlainObject(overrides) ? walk(overrides, []) : overrides;
  return walk(config, []) as T;
}
