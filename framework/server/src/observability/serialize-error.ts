import { stdSerializers } from 'pino';
import { queryValueCuts, valueBearingErrorKeys, withoutQueryValues } from '../errors/query-free-error.js';

/**
 * pino's error serialization (message and stack with their causes', own properties), minus the
 * values of failed statements: drizzle writes them into its message and keeps them in `params`,
 * PostgreSQL echoes them in `detail`. A log line says which statement failed and why, never with
 * what data.
 *
 * @example
 * logger.error({ err: serializeError(error) }, 'request failed');
 */
export function serializeError(error: Error): Record<string, unknown> {
  const serialized = { ...stdSerializers.err(error) } as Record<string, unknown>;
  const cuts = queryValueCuts(error);
  for (const key of ['message', 'stack'] as const) {
    const text = serialized[key];
    if (typeof text === 'string') serialized[key] = withoutQueryValues(text, cuts);
  }
  for (const key of valueBearingErrorKeys) {
    // the driver's texts and lists of values; an object someone logged there is walked and redacted
    const value = serialized[key];
    if (typeof value === 'string' || Array.isArray(value)) delete serialized[key];
  }
  return serialized;
}
