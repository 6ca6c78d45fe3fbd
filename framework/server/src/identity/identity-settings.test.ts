import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../foundation/config-error.js';
import type { ConfigInput } from '../foundation/kernel-config.js';
import { loadConfig } from '../foundation/load-config.js';
import { redactConfig } from '../foundation/redact-config.js';
import { identitySettings } from './identity-settings.js';
import { createSecretBox } from './secret-box.js';

const root = fileURLToPath(new URL('.', import.meta.url));

async function settingsFor(env: Record<string, string>, overrides: ConfigInput = {}) {
  const { config } = await loadConfig({ root, env, overrides });
  return { config, settings: () => identitySettings(config) };
}

const production = {
  NODE_ENV: 'production',
  CODEXION_SECRETS__CURSOR: 'a-production-cursor-secret',
};

describe('identity settings', () => {
  it('trusts requests without credentials in test by default, in development only when asked, cheap hashing in test', async () => {
    const test = (await settingsFor({ NODE_ENV: 'test' })).settings();
    expect(test.trustedContext).toBe(true);
    expect(test.argon2).toEqual({ memoryCost: 512, timeCost: 1, parallelism: 1 });
    const development = (await settingsFor({ NODE_ENV: 'development' })).settings();
    expect(development.trustedContext).toBe(false);
    const anonymous = await settingsFor({ NODE_ENV: 'development', CODEXION_AUTH__TRUSTED_CONTEXT: 'true' });
    expect(anonymous.settings().trustedContext).toBe(true);
    expect(development.argon2).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(
      (await settingsFor({ NODE_ENV: 'test' }, { auth: { trustedContext: false } })).settings()
        .trustedContext,
    ).toBe(false);
  });

  it('refuses to start production without signing keys and an MFA key, or with unsafe switches', async () => {
    const { settings } = await settingsFor(production, {
      auth: {
        trustedContext: true,
        cookie: { secure: false },
        password: { argon2: { memoryCost: 1024, timeCost: 1 } },
      },
    });
    const error = (() => {
      try {
        settings();
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).issues.map((i) => i.key);
    expect(keys).toEqual([
      'auth.trustedContext',
      'auth.cookie.secure',
      'auth.jwt.activeKid',
      'auth.mfa.encryptionKey',
      'auth.password.argon2',
      'auth.publicUrl',
    ]);
    expect((error as ConfigError).message).toContain('CODEXION_AUTH__MFA__ENCRYPTION_KEY');
  });

  it('takes secrets from the environment only, and never prints them', async () => {
    const key = 'an-mfa-encryption-key-that-is-long-enough-1234';
    const { config } = await loadConfig({
      root,
      env: {
        ...production,
        CODEXION_AUTH__PUBLIC_URL: 'https://app.example.com',
        CODEXION_AUTH__MFA__ENCRYPTION_KEY: key,
        CODEXION_AUTH__JWT__ACTIVE_KID: 'k1',
        CODEXION_AUTH__JWT__KEYS__K1__ALG: 'EdDSA',
        CODEXION_AUTH__JWT__KEYS__K1__PRIVATE_KEY:
          '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIP8yvV8Jm2t1qF1zZ1aK3l6h2xk3sYc7p3m7B1nq4o8r\n-----END PRIVATE KEY-----',
        CODEXION_EMAIL__TRANSPORT: 'smtp',
        CODEXION_EMAIL__SMTP_URL: 'smtps://mailer:hunter2@mail.example.com:465',
      },
    });
    expect(config.auth.jwt.keys.k1?.alg).toBe('EdDSA');
    const printed = JSON.stringify(redactConfig(config));
    expect(printed).not.toContain(key);
    expect(printed).not.toContain('BEGIN PRIVATE KEY');
    expect(printed).not.toContain('hunter2');
    expect(printed).toContain('smtps://mailer:***@mail.example.com:465');
    expect(identitySettings(config).mfaKey).toBe(key);
  });

  it('seals TOTP secrets for one owner: another owner or key cannot open them', () => {
    const box = createSecretBox('a-key-of-at-least-thirty-two-characters');
    const sealed = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).toMatch(/^v1\./);
    expect(box.open(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(() => box.open(sealed, 'user-2')).toThrow();
    expect(() =>
      createSecretBox('another-key-of-at-least-thirty-two-chars').open(sealed, 'user-1'),
    ).toThrow();
    const [v, iv, tag, body = ''] = sealed.split('.');
    // the first character carries six whole bits of ciphertext: changing it changes a byte
    const flipped = `${v}.${iv}.${tag}.${body.startsWith('A') ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => box.open(flipped, 'user-1')).toThrow();
  });
});
