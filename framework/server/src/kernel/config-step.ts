import { createLogger } from '../foundation/create-logger.js';
import { loadConfig } from '../foundation/load-config.js';
import { redactConfig } from '../foundation/redact-config.js';
import type { BootRun } from './boot-run.js';
import { KernelConfigToken, LoggerToken, TenantConfigToken } from './kernel-tokens.js';

/**
 * The config step: loads and validates the config (files, environment, overrides), makes the
 * config's logger unless one was given, and registers both in the container.
 *
 * @example
 * await runStep(log, traceId, 'config', () => configStep(run));
 */
export async function configStep(run: BootRun): Promise<Record<string, unknown>> {
  const { options, parts, container, piiFields } = run;
  const loaded = await loadConfig({
    root: options.root,
    ...(options.env ? { env: options.env } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  const config = loaded.config;
  parts.config = config;
  if (!options.logger) {
    parts.logger = createLogger({
      level: config.logging.level,
      pretty: config.logging.pretty,
      base: { service: 'prefiq', env: config.env },
      // filled by the plugins step, before any record can be logged
      piiFields,
      ...(options.logDestination ? { destination: options.logDestination } : {}),
    });
  }
  container
    .value(KernelConfigToken, config)
    .value(TenantConfigToken, loaded.configForTenant)
    .value(LoggerToken, parts.logger);
  return { mode: run.mode, env: config.env, sources: loaded.sources, config: redactConfig(config) };
}
