import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browser,
  identityTestApp,
  json,
  password,
  signIn,
  tenantA,
} from './identity-test-app.test-helper.js';

let t: Awaited<ReturnType<typeof identityTestApp>>;

/** mails per address and kind per window in these tests */
const mailLimit = { limit: 3, windowMs: 3_600_000 };

beforeAll(async () => {
  t = await identityTestApp({ overrides: { auth: { rateLimit: { enabled: false }, mailLimit } } });
}, 60_000);
afterAll(() => t?.dispose());

/** The token of the last mail to `to`, read from the link's fragment, as a user's browser would. */
function tokenMailedTo(to: string, subject: RegExp): string {
  const mail = [...t.mail.sent].reverse().find((m) => m.to === to && subject.test(m.subject));
  const token = mail?.text.match(/#token=([A-Za-z0-9_%-]+)/)?.[1];
  if (token === undefined) throw new Error(`no mail to ${to} matching ${subject}`);
  return decodeURIComponent(token);
}

const later = async <T>(ms: number, work: () => T | Promise<T>): Promise<T> => {
  t.clock.offsetMs += ms;
  try {
    return await work();
  } finally {
    t.clock.offsetMs -= ms;
  }
};

describe('password reset', () => {
  it('mails a single-use link, ends every session, and reveals nothing about unknown accounts', async () => {
    const user = await t.createUser({ email: 'reset@example.com' });
    t.tenancy.grant(user.id, tenantA, ['billing:invoice:read']);
    const { jar } = await signIn(t.app, 'reset@example.com');
    const before = t.mail.sent.length;

    const unknown = await t.app.request(
      '/api/auth/password/reset-request',
      json({ email: 'nobody@example.com' }),
    );
    expect(unknown.status).toBe(202);
    expect(t.mail.sent.length).toBe(before);

    const asked = await t.app.request(
      '/api/auth/password/reset-request',
      json({ email: 'RESET@example.com' }),
    );
    expect(asked.status).toBe(202);
    expect(t.mail.sent.length).toBe(before + 1);
    const token = tokenMailedTo('reset@example.com', /reset/i);
    expect(t.mail.sent.at(-1)?.text).toContain('http://localhost:3000/auth/reset-password#token=');
    // a second request within a minute sends nothing more
    await t.app.request('/api/auth/password/reset-request', json({ email: 'reset@example.com' }));
    expect(t.mail.sent.length).toBe(before + 1);

    const weak = await t.app.request('/api/auth/password/reset', json({ token, password: 'short' }));
    expect(weak.status).toBe(422);
    expect(await weak.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: '/body/password', code: 'minLength' }],
    });

    const next = 'a whole new passphrase';
    const reset = await t.app.request('/api/auth/password/reset', json({ token, password: next }));
    expect(reset.status).toBe(204);
    expect((await t.app.request('/api/auth/me', { headers: browser(jar) })).status).toBe(401);
    expect(t.events.some((e) => e.action === 'auth.password_reset' && e.actorId === user.id)).toBe(true);

    const again = await t.app.request(
      '/api/auth/password/reset',
      json({ token, password: 'yet another passphrase' }),
    );
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 'TOKEN_INVALID', errors: [{ path: '/body/token' }] });
    expect(
      (await t.app.request('/api/auth/login', json({ email: 'reset@example.com', password }))).status,
    ).toBe(401);
    expect(
      (await t.app.request('/api/auth/login', json({ email: 'reset@example.com', password: next }))).status,
    ).toBe(200);
  });

  it('refuses an expired link, and a newer link supersedes an older one', async () => {
    await t.createUser({ email: 'expiry@example.com' });
    await t.app.request('/api/auth/password/reset-request', json({ email: 'expiry@example.com' }));
    const first = tokenMailedTo('expiry@example.com', /reset/i);
    const second = await later(61_000, async () => {
      await t.app.request('/api/auth/password/reset-request', json({ email: 'expiry@example.com' }));
      return tokenMailedTo('expiry@example.com', /reset/i);
    });
    expect(second).not.toBe(first);
    const superseded = await t.app.request(
      '/api/auth/password/reset',
      json({ token: first, password: 'a whole new passphrase' }),
    );
    expect(superseded.status).toBe(400);
    const expired = await later(3_700_000, () =>
      t.app.request('/api/auth/password/reset', json({ token: second, password: 'a whole new passphrase' })),
    );
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('lets an invited user (no password yet) in through the reset link', async () => {
    const invited = await t.createUser({ email: 'invited@example.com', password: undefined });
    expect(invited.status).toBe('invited');
    expect(
      (await t.app.request('/api/auth/login', json({ email: 'invited@example.com', password }))).status,
    ).toBe(401);
    await t.app.request('/api/auth/password/reset-request', json({ email: 'invited@example.com' }));
    const token = tokenMailedTo('invited@example.com', /reset/i);
    expect((await t.app.request('/api/auth/password/reset', json({ token, password }))).status).toBe(204);
    const login = await t.app.request('/api/auth/login', json({ email: 'invited@example.com', password }));
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ user: { status: 'active', emailVerified: true } });
  });
});

/**
 * Sends `count` requests, each a little over a minute after the one before (past the resend
 * spacing of one user), from `from` ms on; the clock is put back afterwards.
 */
async function spaced(
  count: number,
  from: number,
  send: () => Response | Promise<Response>,
): Promise<number[]> {
  const statuses: number[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      t.clock.offsetMs = from + i * 61_000;
      statuses.push((await send()).status);
    }
  } finally {
    t.clock.offsetMs = 0;
  }
  return statuses;
}

const mailsTo = (to: string, subject: RegExp) =>
  t.mail.sent.filter((m) => m.to === to && subject.test(m.subject)).length;

describe('mails per address', () => {
  it('sends at most auth.mailLimit.limit reset mails to one address per window, answering 202 every time', async () => {
    await t.createUser({ email: 'flooded@example.com' });
    const ask = (email: string, ip = '198.51.100.1') =>
      t.app.request('/api/auth/password/reset-request', json({ email }, { ip }));
    // from many addresses and in any spelling: the limit is the target's
    let n = 0;
    const statuses = await spaced(25, 0, () =>
      ask(n++ % 2 === 0 ? 'flooded@example.com' : 'FLOODED@example.com', `203.0.113.${n}`),
    );
    expect(statuses).toEqual(Array.from({ length: 25 }, () => 202));
    expect(mailsTo('flooded@example.com', /reset/i)).toBe(mailLimit.limit);
    // an address that has no account answers the same
    expect(await spaced(5, 0, () => ask('nobody-flooded@example.com'))).toEqual([202, 202, 202, 202, 202]);
    // another address is not held back, and the window passes
    await t.createUser({ email: 'bystander@example.com' });
    await spaced(1, 0, () => ask('bystander@example.com'));
    expect(mailsTo('bystander@example.com', /reset/i)).toBe(1);
    await spaced(1, 3 * mailLimit.windowMs, () => ask('flooded@example.com'));
    expect(mailsTo('flooded@example.com', /reset/i)).toBe(mailLimit.limit + 1);
  });

  it('sends at most auth.mailLimit.limit verification mails to one address per window', async () => {
    await t.createUser({ email: 'verify-flood@example.com' });
    const { jar } = await signIn(t.app, 'verify-flood@example.com');
    const statuses = await spaced(10, 0, () =>
      t.app.request('/api/auth/email/verify-request', { method: 'POST', headers: browser(jar) }),
    );
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 202));
    expect(mailsTo('verify-flood@example.com', /confirm/i)).toBe(mailLimit.limit);
  });
});

describe('password change', () => {
  it('checks the current password, keeps this session and ends the others', async () => {
    await t.createUser({ email: 'change@example.com' });
    const here = await signIn(t.app, 'change@example.com');
    const there = await signIn(t.app, 'change@example.com');
    const wrong = await t.app.request(
      '/api/auth/password/change',
      json(
        { currentPassword: 'not my password', newPassword: 'a whole new passphrase' },
        { headers: browser(here.jar) },
      ),
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      errors: [{ path: '/body/currentPassword' }],
    });
    const changed = await t.app.request(
      '/api/auth/password/change',
      json(
        { currentPassword: password, newPassword: 'a whole new passphrase' },
        { headers: browser(here.jar) },
      ),
    );
    expect(changed.status).toBe(204);
    expect((await t.app.request('/api/auth/me', { headers: browser(here.jar) })).status).toBe(200);
    expect((await t.app.request('/api/auth/me', { headers: browser(there.jar) })).status).toBe(401);
    expect(t.events.some((e) => e.action === 'auth.password_changed')).toBe(true);
  });
});

describe('email verification', () => {
  it('verifies through a single-use link sent to the signed-in user', async () => {
    await t.createUser({ email: 'verify@example.com' });
    const { jar } = await signIn(t.app, 'verify@example.com');
    const asked = await t.app.request('/api/auth/email/verify-request', {
      method: 'POST',
      headers: browser(jar),
    });
    expect(asked.status).toBe(202);
    const token = tokenMailedTo('verify@example.com', /confirm/i);
    expect(t.mail.sent.at(-1)?.text).toContain('/auth/verify-email#token=');
    const verified = await t.app.request('/api/auth/email/verify', json({ token }));
    expect(verified.status).toBe(204);
    const me = (await (await t.app.request('/api/auth/me', { headers: browser(jar) })).json()) as {
      user: { emailVerified: boolean };
    };
    expect(me.user.emailVerified).toBe(true);
    const reused = await t.app.request('/api/auth/email/verify', json({ token }));
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ code: 'TOKEN_INVALID' });
    // verified already: nothing more is sent
    const count = t.mail.sent.length;
    await t.app.request('/api/auth/email/verify-request', { method: 'POST', headers: browser(jar) });
    expect(t.mail.sent.length).toBe(count);
  });

  it('refuses an expired verification link', async () => {
    await t.createUser({ email: 'late@example.com' });
    const { jar } = await signIn(t.app, 'late@example.com');
    await t.app.request('/api/auth/email/verify-request', { method: 'POST', headers: browser(jar) });
    const token = tokenMailedTo('late@example.com', /confirm/i);
    const expired = await later(86_401_000, () => t.app.request('/api/auth/email/verify', json({ token })));
    expect(expired.status).toBe(400);
  });
});
