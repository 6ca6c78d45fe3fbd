import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOpenApi } from '../http/framework-apis.js';
import { responseValidator } from '../kernel/response-validator.js';
import { browser, identityTestApp, json, password, signIn } from './identity-test-app.test-helper.js';
import { currentTotp } from './totp.js';

let t: Awaited<ReturnType<typeof identityTestApp>>;
const check = responseValidator(authOpenApi);

beforeAll(async () => {
  t = await identityTestApp({
    overrides: { auth: { rateLimit: { enabled: false }, lockout: { maxAttempts: 20 } } },
  });
}, 60_000);
afterAll(() => t?.dispose());

const codeNow = (secret: string) => currentTotp(secret, new Date(Date.now() + t.clock.offsetMs));

async function challenge(email: string): Promise<string> {
  const response = await t.app.request('/api/auth/login', json({ email, password }));
  expect(response.status).toBe(200);
  const body = (await response.json()) as { status: string; challengeToken: string };
  expect(body.status).toBe('mfa_required');
  expect(response.headers.getSetCookie()).toEqual([]);
  return body.challengeToken;
}

describe('TOTP multi-factor authentication', () => {
  it('enrolls, signs in with a code (once per time step) and with a recovery code (once), and disables', async () => {
    await t.createUser({ email: 'mfa@example.com' });
    const { jar } = await signIn(t.app, 'mfa@example.com');

    const noPassword = await t.app.request('/api/auth/mfa/enroll', json({}, { headers: browser(jar) }));
    expect(noPassword.status).toBe(401);
    const enrolled = await t.app.request(
      '/api/auth/mfa/enroll',
      json({ password }, { headers: browser(jar) }),
    );
    expect(enrolled.status).toBe(200);
    expect(await check('enrollMfa', enrolled)).toEqual([]);
    const { secret, otpauthUri } = (await enrolled.json()) as { secret: string; otpauthUri: string };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Codexion:mfa%40example\.com\?/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    const [stored] = await t.database.execute<{ secret_encrypted: string }>(
      'select secret_encrypted from prefiq.mfa_totp t join prefiq.users u on u.id = t.user_id where u.email = $1',
      ['mfa@example.com'],
    );
    expect(stored?.secret_encrypted).toMatch(/^v1\./);
    expect(stored?.secret_encrypted).not.toContain(secret);

    const wrongConfirm = await t.app.request(
      '/api/auth/mfa/confirm',
      json({ code: '000000' }, { headers: browser(jar) }),
    );
    expect(wrongConfirm.status).toBe(401);
    const confirmed = await t.app.request(
      '/api/auth/mfa/confirm',
      json({ code: await codeNow(secret) }, { headers: browser(jar) }),
    );
    expect(confirmed.status).toBe(200);
    expect(await check('confirmMfa', confirmed)).toEqual([]);
    const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const codes = await t.database.execute<{ code_hash: string }>(
      'select code_hash from prefiq.mfa_recovery_codes',
    );
    expect(codes.map((c) => c.code_hash).some((h) => recoveryCodes.some((rc) => h.includes(rc)))).toBe(false);
    expect(t.events.some((e) => e.action === 'auth.mfa_enabled')).toBe(true);
    const twice = await t.app.request('/api/auth/mfa/enroll', json({ password }, { headers: browser(jar) }));
    expect(twice.status).toBe(409);

    // step 2 with a wrong code, then the right one
    t.clock.offsetMs = 30_000;
    const first = await challenge('mfa@example.com');
    const wrong = await t.app.request(
      '/api/auth/mfa/verify',
      json({ challengeToken: first, code: '123456' }),
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const code = await codeNow(secret);
    const verified = await t.app.request('/api/auth/mfa/verify', json({ challengeToken: first, code }));
    expect(verified.status).toBe(200);
    expect(await check('verifyMfa', verified)).toEqual([]);
    expect(await verified.json()).toMatchObject({ status: 'signed_in', session: { id: expect.any(String) } });
    const me = await t.app.request('/api/auth/me', {
      headers: {
        Cookie: verified.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
      },
    });
    expect(await me.json()).toMatchObject({ amr: ['pwd', 'otp'] });
    // the challenge is used up, and the same code does not work twice (replay)
    expect((await t.app.request('/api/auth/mfa/verify', json({ challengeToken: first, code }))).status).toBe(
      401,
    );
    const second = await challenge('mfa@example.com');
    expect((await t.app.request('/api/auth/mfa/verify', json({ challengeToken: second, code }))).status).toBe(
      401,
    );

    // a recovery code works once
    const recovery = recoveryCodes[0] ?? '';
    const byRecovery = await t.app.request(
      '/api/auth/mfa/verify',
      json({ challengeToken: second, recoveryCode: recovery.toLowerCase() }),
    );
    expect(byRecovery.status).toBe(200);
    expect(t.events.some((e) => e.action === 'auth.mfa_recovery_code_used')).toBe(true);
    const third = await challenge('mfa@example.com');
    expect(
      (await t.app.request('/api/auth/mfa/verify', json({ challengeToken: third, recoveryCode: recovery })))
        .status,
    ).toBe(401);

    // the challenge expires
    const stale = await challenge('mfa@example.com');
    t.clock.offsetMs += 301_000;
    const expired = await t.app.request(
      '/api/auth/mfa/verify',
      json({ challengeToken: stale, code: await codeNow(secret) }),
    );
    expect(expired.status).toBe(401);

    // disable needs the password and a code
    t.clock.offsetMs += 60_000;
    const fresh = await challenge('mfa@example.com');
    const session = await t.app.request(
      '/api/auth/mfa/verify',
      json({ challengeToken: fresh, recoveryCode: recoveryCodes[1] }),
    );
    const cookies = Object.fromEntries(
      session.headers.getSetCookie().map((c) => (c.split(';')[0] ?? '').split('=')),
    );
    const headers = {
      Cookie: Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      'X-CSRF-Token': String(cookies.codexion_session_csrf),
    };
    const noCode = await t.app.request(
      '/api/auth/mfa/disable',
      json({ password, code: '000000' }, { headers }),
    );
    expect(noCode.status).toBe(401);
    const wrongPassword = await t.app.request(
      '/api/auth/mfa/disable',
      json({ password: 'nope nope nope', code: await codeNow(secret) }, { headers }),
    );
    expect(wrongPassword.status).toBe(401);
    const disabled = await t.app.request(
      '/api/auth/mfa/disable',
      json({ password, code: await codeNow(secret) }, { headers }),
    );
    expect(disabled.status).toBe(204);
    expect(t.events.some((e) => e.action === 'auth.mfa_disabled')).toBe(true);
    const plain = await t.app.request('/api/auth/login', json({ email: 'mfa@example.com', password }));
    expect(await plain.json()).toMatchObject({ status: 'signed_in' });
    t.clock.offsetMs = 0;
  });

  it('kills a challenge after five wrong codes', async () => {
    await t.createUser({ email: 'guesser@example.com' });
    const { jar } = await signIn(t.app, 'guesser@example.com');
    const enrolled = await t.app.request(
      '/api/auth/mfa/enroll',
      json({ password }, { headers: browser(jar) }),
    );
    const { secret } = (await enrolled.json()) as { secret: string };
    await t.app.request(
      '/api/auth/mfa/confirm',
      json({ code: await codeNow(secret) }, { headers: browser(jar) }),
    );
    t.clock.offsetMs = 30_000;
    try {
      const token = await challenge('guesser@example.com');
      for (let i = 0; i < 5; i += 1) {
        const guess = await t.app.request(
          '/api/auth/mfa/verify',
          json({ challengeToken: token, code: String(100000 + i) }),
        );
        expect(guess.status).toBe(401);
      }
      const right = await t.app.request(
        '/api/auth/mfa/verify',
        json({ challengeToken: token, code: await codeNow(secret) }),
      );
      expect(right.status).toBe(401);
    } finally {
      t.clock.offsetMs = 0;
    }
  });
});
