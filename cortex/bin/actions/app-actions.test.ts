import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type CortexUnderTest,
  cortexUnderTest,
  workspaceApps,
} from '../cortex-host.test-helper.js';

describe('apps: GET /apps, POST /apps/{name}/enable|disable', () => {
  let t: CortexUnderTest;
  let viewer: Client;
  beforeAll(async () => {
    t = await cortexUnderTest();
    viewer = await t.memberWithRole('viewer');
  }, 120_000);
  afterAll(() => t?.dispose());

  it('lists every hosted app but Cortex, with its manifest, on by default', async () => {
    const answer = await t.owner.cortex('listApps', 'GET', '/apps');
    expect(answer.status).toBe(200);
    expect(answer.contract).toEqual([]);
    expect(answer.body.items).toEqual(
      workspaceApps.map((app) => expect.objectContaining({ ...app, enabled: true, removable: true })),
    );
    const crm = answer.body.items.find((app: { name: string }) => app.name === 'crm');
    expect(crm).toMatchObject({ title: 'CRM', version: '0.1.0', icon: 'handshake' });
    expect(crm.permissions).toContainEqual({
      name: 'crm:deal:win',
      description: 'Mark an open deal won',
    });
  });

  it('switches an app off for one tenant only: its API answers 404 APP_DISABLED there, and comes back', async () => {
    const before = await t.snapshot('prefiq.audit_log');
    const off = await t.owner.cortex('disableApp', 'POST', '/apps/crm/disable');
    expect(off.status).toBe(200);
    expect(off.contract).toEqual([]);
    expect(off.body).toMatchObject({ name: 'crm', enabled: false });

    const refused = await t.owner.request('GET', '/api/crm/deals');
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'APP_DISABLED', status: 404 });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    // another tenant keeps it
    expect((await t.owner.request('GET', '/api/crm/deals', undefined, { tenant: t.globexId })).status).toBe(
      200,
    );
    expect((await t.owner.cortex('listApps', 'GET', '/apps')).body.items[0].enabled).toBe(false);
    // Cortex's own API stays
    expect((await t.owner.cortex('getSettings', 'GET', '/settings')).status).toBe(200);

    const again = await t.owner.cortex('disableApp', 'POST', '/apps/crm/disable');
    expect(again.body.enabled).toBe(false);

    const on = await t.owner.cortex('enableApp', 'POST', '/apps/crm/enable');
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ name: 'crm', enabled: true });
    expect((await t.owner.request('GET', '/api/crm/deals')).status).toBe(200);

    const audit = await t.owner.request('GET', '/api/audit/log?entity=cortex.app-installation');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'app_enabled',
      'app_disabled',
    ]);
    expect(await t.snapshot('prefiq.audit_log')).not.toBe(before);
  });

  it('answers 404 for an app the host does not run and 409 APP_REQUIRED for Cortex, writing nothing', async () => {
    const before = await t.snapshot('cortex.app_installations');
    const unknown = await t.owner.cortex('enableApp', 'POST', '/apps/no-such-app/enable');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const cortex = await t.owner.cortex('disableApp', 'POST', '/apps/cortex/disable');
    expect(cortex.status).toBe(409);
    expect(cortex.body).toMatchObject({ code: 'APP_REQUIRED' });
    expect(await t.snapshot('cortex.app_installations')).toBe(before);
  });

  it('lets every member read the apps (the shell needs them) but only admins switch them', async () => {
    const list = await viewer.cortex('listApps', 'GET', '/apps');
    expect(list.status).toBe(200);
    const before = await t.snapshot('cortex.app_installations');
    const refused = await viewer.cortex('disableApp', 'POST', '/apps/crm/disable');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', permission: 'cortex:app:manage' });
    expect(await t.snapshot('cortex.app_installations')).toBe(before);
    const admin = await t.memberWithRole('admin');
    expect((await admin.cortex('disableApp', 'POST', '/apps/crm/disable')).status).toBe(200);
    expect((await admin.cortex('enableApp', 'POST', '/apps/crm/enable')).status).toBe(200);
  });

  it('exposes no generic endpoints for its tables: only its actions read and write them', async () => {
    const before = await t.snapshot('cortex.app_installations');
    for (const path of ['/app-installations', '/tenant-settings', '/member-invitations']) {
      const list = await t.owner.request('GET', `/api/cortex${path}`);
      expect(list.status).toBe(404);
      const create = await t.owner.request('POST', `/api/cortex${path}`, { app: 'crm', enabled: false });
      expect(create.status).toBe(404);
    }
    expect(await t.snapshot('cortex.app_installations')).toBe(before);
  });
});
