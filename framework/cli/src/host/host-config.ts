import type { ConfigInput, OidcProviderConfig } from '@codexion/framework/foundation';

/** What of a local host's options (`startCortex`'s, `prefiq serve`'s) makes config. */
export interface HostConfigOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  oidcProviders?: Record<string, OidcProviderConfig>;
  overrides?: ConfigInput;
}

/** What the host worked out before the boot. */
export interface HostFacts {
  /** the config's environment */
  env: string;
  /** the port it will listen on (0: a free one, unknown yet) */
  port: number;
  /** whether the demo tenant is configured (and seeded) */
  seed: boolean;
  /** the kept token signing key (PKCS#8 PEM), if any */
  signingKey: string | undefined;
  demoTenantId: string;
  /**
   * anonymous access (`auth.trustedContext`): requests without credentials get every permission;
   * off unless asked for (`prefiq serve --anonymous`), and then served on loopback only
   */
  anonymous?: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of config layers, later wins (arrays replaced). */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? merge(current, value) : value;
  }
  return out;
}

/**
 * What a local host (Cortex, `prefiq serve`) sets over the files and the environment: signing in
 * required (no trusted context, in every environment, unless `anonymous`), the demo tenant
 * configured (so the kernel creates and seeds it), cookies that work on `http://localhost` in
 * development, a kept token key, and the caller's choices (their `overrides` last).
 *
 * @example
 * const overrides = hostConfig({ port: 0 }, { env: 'test', port: 0, seed: true, signingKey: undefined, demoTenantId }, {});
 */
export function hostConfig(
  options: HostConfigOptions,
  { env, port, seed, signingKey, demoTenantId, anonymous = false }: HostFacts,
  vars: Readonly<Record<string, string | undefined>>,
): ConfigInput {
  const layer: Record<string, unknown> = {
    auth: {
      trustedContext: anonymous,
      ...(env === 'development' ? { cookie: { secure: false } } : {}),
      ...(vars.CODEXION_AUTH__PUBLIC_URL === undefined && port !== 0 && env !== 'production'
        ? { publicUrl: `http://localhost:${port}` }
        : {}),
      ...(options.oidcProviders ? { oidc: { providers: options.oidcProviders } } : {}),
      ...(signingKey === undefined
        ? {}
        : { jwt: { keys: { cortex: { alg: 'EdDSA', privateKey: signingKey } }, activeKid: 'cortex' } }),
    },
    ...(seed ? { tenants: { [demoTenantId]: {} } } : {}),
    ...(options.dataDir !== undefined || options.databaseUrl !== undefined
      ? {
          database: {
            ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
            ...(options.databaseUrl === undefined ? {} : { url: options.databaseUrl }),
          },
        }
      : {}),
    ...(options.port === undefined && options.host === undefined
      ? {}
      : {
          http: {
            ...(options.port === undefined ? {} : { port: options.port }),
            ...(options.host === undefined ? {} : { host: options.host }),
          },
        }),
  };
  return merge(layer, (options.overrides ?? {}) as Record<string, unknown>) as ConfigInput;
}
