import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CortexUnderTest, cortexUnderTest } from '../cortex-host.test-helper.js';

const valid = {
  locale: 'de-CH',
  timeZone: 'Europe/Zurich',
  currency: 'CHF',
  theme: {
    light: { primary: 'oklch(0.55 0.2 150)', radius: '0.75rem', sidebar: '#0f766e' },
    dark: { primary: 'color-mix(in oklch, var(--color-brand-400) 80%, white)' },
  },
};

describe('settings: GET /settings, PUT /settings', () => {
  let t: CortexUnderTest;
  beforeAll(async () => {
    t = await cortexUnderTest();
  }, 120_000);
  afterAll(() => t?.dispose());

  it('answers the defaults until the tenant saves its own', async () => {
    const answer = await t.owner.cortex('getSettings', 'GET', '/settings');
    expect(answer.status).toBe(200);
    expect(answer.contract).toEqual([]);
    expect(answer.body).toEqual({ locale: 'en-US', timeZone: 'UTC', currency: 'EUR', theme: {} });
  });

  it("replaces the settings of the caller's tenant only, audited", async () => {
    const put = await t.owner.cortex('updateSettings', 'PUT', '/settings', valid);
    expect(put.status).toBe(200);
    expect(put.contract).toEqual([]);
    expect(put.body).toEqual(valid);
    expect((await t.owner.cortex('getSettings', 'GET', '/settings')).body).toEqual(valid);
    const globex = await t.owner.cortex('getSettings', 'GET', '/settings', undefined, { tenant: t.globexId });
    expect(globex.body.currency).toBe('EUR');
    const audit = await t.owner.request('GET', '/api/audit/log?entity=cortex.tenant-setting');
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      diff: { currency: { before: 'EUR', after: 'CHF' } },
    });

    const back = await t.owner.cortex('updateSettings', 'PUT', '/settings', { ...valid, theme: {} });
    expect(back.body.theme).toEqual({});
  });

  it.each([
    ['an unknown token', { light: { primray: 'red' } }, '/body/theme/light/primray', 'unknown-token'],
    [
      'a url()',
      { light: { primary: 'url(https://evil.example/x.png)' } },
      '/body/theme/light/primary',
      'pattern',
    ],
    [
      'a url( in upper case',
      { dark: { background: 'URL(x)' } },
      '/body/theme/dark/background',
      'unsafe-value',
    ],
    ['a ;', { light: { primary: 'red; background: red' } }, '/body/theme/light/primary', 'pattern'],
    ['braces', { light: { primary: 'red}body{color:red' } }, '/body/theme/light/primary', 'pattern'],
    ['a <', { light: { primary: '</style><script>' } }, '/body/theme/light/primary', 'pattern'],
    [
      'another CSS function',
      { light: { primary: 'image-set(x 1x)' } },
      '/body/theme/light/primary',
      'unsafe-value',
    ],
    [
      'unbalanced parentheses',
      { light: { primary: 'rgb(1 2 3' } },
      '/body/theme/light/primary',
      'unsafe-value',
    ],
    [
      'a value too long',
      { light: { primary: `#${'a'.repeat(130)}` } },
      '/body/theme/light/primary',
      'maxLength',
    ],
    ['an unknown mode', { sepia: { primary: 'red' } }, '/body/theme/sepia', 'additionalProperties'],
  ])('refuses a theme with %s (422 naming the field), writing nothing', async (_, theme, path, code) => {
    const before = await t.snapshot('cortex.tenant_settings');
    const answer = await t.owner.cortex('updateSettings', 'PUT', '/settings', { ...valid, theme });
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(await t.snapshot('cortex.tenant_settings')).toBe(before);
  });

  it.each([
    ['locale', 'xx-!!', 'pattern'],
    ['locale', 'toolonglanguage', 'pattern'],
    ['timeZone', 'Mars/Olympus_Mons', 'time-zone'],
    ['currency', 'EURO', 'pattern'],
    ['currency', 'XYZ', 'currency'],
  ])('refuses a bad %s %j, writing nothing', async (field, value, code) => {
    const before = await t.snapshot('cortex.tenant_settings');
    const answer = await t.owner.cortex('updateSettings', 'PUT', '/settings', { ...valid, [field]: value });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ path: `/body/${field}`, code }));
    expect(await t.snapshot('cortex.tenant_settings')).toBe(before);
  });

  it('refuses a body without every field', async () => {
    const answer = await t.owner.cortex('updateSettings', 'PUT', '/settings', { locale: 'en-GB' });
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/body/timeZone', '/body/currency', '/body/theme']),
    );
  });

  it('are an administration read: members and viewers get 403, and change nothing either', async () => {
    for (const role of ['member', 'viewer']) {
      const someone = await t.memberWithRole(role);
      const read = await someone.cortex('getSettings', 'GET', '/settings');
      expect(read.status, role).toBe(403);
      expect(read.contract, role).toEqual([]);
      expect(read.body, role).toMatchObject({ code: 'FORBIDDEN', permission: 'cortex:setting:read' });
      const before = await t.snapshot('cortex.tenant_settings');
      const put = await someone.cortex('updateSettings', 'PUT', '/settings', valid);
      expect(put.status, role).toBe(403);
      expect(await t.snapshot('cortex.tenant_settings')).toBe(before);
    }
    const admin = await t.memberWithRole('admin');
    expect((await admin.cortex('getSettings', 'GET', '/settings')).status).toBe(200);
  });

  it('gives every member the display settings the console applies, and those only', async () => {
    await t.owner.cortex('updateSettings', 'PUT', '/settings', valid);
    for (const role of ['viewer', 'member', 'admin']) {
      const someone = await t.memberWithRole(role);
      const display = await someone.cortex('getDisplaySettings', 'GET', '/display-settings');
      expect(display.status, role).toBe(200);
      expect(display.contract, role).toEqual([]);
      expect(display.body, role).toEqual(valid);
    }
    const globex = await t.owner.cortex('getDisplaySettings', 'GET', '/display-settings', undefined, {
      tenant: t.globexId,
    });
    expect(globex.body).toEqual({ locale: 'en-US', timeZone: 'UTC', currency: 'EUR', theme: {} });
    expect((await t.anonymous.cortex('getDisplaySettings', 'GET', '/display-settings')).status).toBe(401);
  });

  it('grants viewers cortex:app:read and cortex:display-settings:read of Cortex, members also pii:read, nothing more', async () => {
    const expected: Record<string, string[]> = {
      viewer: ['cortex:app:read', 'cortex:display-settings:read'],
      // as in every app with personal data; no operation a member may call shows any of Cortex's
      member: ['cortex:app:read', 'cortex:display-settings:read', 'cortex:pii:read'],
    };
    for (const [role, permissions] of Object.entries(expected)) {
      const someone = await t.memberWithRole(role);
      const me = await someone.request('GET', '/api/auth/me');
      const cortex = (me.body.permissions as string[]).filter((p) => p.startsWith('cortex:')).sort();
      expect(cortex, role).toEqual(permissions);
    }
    const admin = await t.memberWithRole('admin');
    const me = await admin.request('GET', '/api/auth/me');
    expect(me.body.permissions).toEqual(
      expect.arrayContaining([
        'cortex:setting:read',
        'cortex:setting:update',
        'cortex:display-settings:read',
      ]),
    );
  });
});
