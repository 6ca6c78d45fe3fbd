// @codexion/framework/foundation: the DI container, configuration, kernel errors, the logger and service providers (docs/adr/0024)
export type { AuthConfig, EmailConfig, JwtKeyConfig, OidcProviderConfig } from './auth-config.js';
export { CanonicalJsonError, canonicalJson } from './canonical-json.js';
export { ConfigError, type ConfigIssue } from './config-error.js';
export { envPrefix, wellKnownVariables } from './config-from-env.js';
export {
  Container,
  createToken,
  type Factory,
  type Lifetime,
  type RegistrationOptions,
  type Token,
} from './container.js';
export {
  alwaysRedactedKeys,
  type CreateLoggerOptions,
  createLogger,
  redactSensitive,
} from './create-logger.js';
export type { ConfigInput, KernelConfig } from './kernel-config.js';
export { KernelError, type KernelErrorCode, kernelErrorCodes } from './kernel-error.js';
export {
  developmentTenantId,
  environmentDefaults,
  type LoadConfigOptions,
  type LoadedConfig,
  loadConfig,
} from './load-config.js';
export { configSchema, redactConfig } from './redact-config.js';
export { defineProvider, runProviders, type ServiceProvider } from './service-provider.js';
export { containerServices, noServices, type Services } from './services.js';
