import { TenancyToken } from '@codexion/framework/tenancy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CortexUnderTest, cortexUnderTest, demoTenantId } from '../cortex-host.test-helper.js';

const day = 24 * 60 * 60 * 1000;
const password = 'a long enough passphrase';

describe('invitations: create, look up, accept, revoke', () => {
  let t: CortexUnderTest;
  let offset = 0;
  const invite = (email: string, role = 'member') =>
    t.owner.cortex('createInvitation', 'POST', '/invitations', { email, role });
  const tokenOf = (link: string) => link.replace('/invite/', '');
  const lookup = (token: string) =>
    t.anonymous.cortex('lookupInvitation', 'POST', '/invitations/lookup', { token });
  const accept = (body: Record<string, unknown>) =>
    t.anonymous.cortex('acceptInvitation', 'POST', '/invitations/accept', body);

  beforeAll(async () => {
    t = await cortexUnderTest({ now: () => new Date(Date.now() + offset) });
  }, 120_000);
  afterAll(() => t?.dispose());

  it('invites, mails the link, and lets the invitee join with a new account and that role', async () => {
    const created = await invite('Ada@Example.com');
    expect(created.status).toBe(201);
    expect(created.contract).toEqual([]);
    expect(created.body.invitation).toMatchObject({
      email: 'ada@example.com',
      role: 'member',
      status: 'pending',
      invitedBy: t.owner.userId,
      acceptedAt: null,
    });
    expect(created.body.invitation).not.toHaveProperty('tokenHash');
    expect(created.body.link).toMatch(/^\/invite\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.body.link);
    const mail = t.mail().at(-1);
    expect(mail).toMatchObject({ to: 'ada@example.com', subject: 'You are invited to Acme (demo)' });
    expect(mail?.text).toContain(`/invite/${token}`);

    const listed = await t.owner.cortex('listInvitations', 'GET', '/invitations');
    expect(listed.contract).toEqual([]);
    expect(listed.body.items[0]).toMatchObject({ id: created.body.invitation.id, status: 'pending' });
    expect(JSON.stringify(listed.body)).not.toContain('tokenHash');

    const found = await lookup(token);
    expect(found.status).toBe(200);
    expect(found.contract).toEqual([]);
    expect(found.body).toEqual({
      email: 'ada@example.com',
      tenantId: demoTenantId,
      tenantName: 'Acme (demo)',
      role: 'member',
      expiresAt: created.body.invitation.expiresAt,
      existingUser: false,
    });

    const accepted = await accept({ token, name: 'Ada Lovelace', password });
    expect(accepted.status).toBe(204);
    const ada = await t.signIn('ada@example.com', password);
    const me = await ada.request('GET', '/api/auth/me');
    expect(me.body).toMatchObject({
      user: { name: 'Ada Lovelace' },
      tenantId: demoTenantId,
      roles: ['member'],
    });
    expect((await ada.request('GET', '/api/crm/deals')).status).toBe(200);

    const after = await t.owner.cortex('listInvitations', 'GET', '/invitations');
    expect(after.body.items[0]).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) });
    const audit = await t.owner.request('GET', '/api/audit/log?entity=cortex.member-invitation');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'invitation_accepted',
      'invitation_created',
    ]);

    // used once only
    expect((await lookup(token)).body).toMatchObject({ status: 409, code: 'INVITATION_USED' });
    const again = await accept({ token, password });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVITATION_USED');
  });

  it.each([
    ['no such role', { email: 'x1@example.com', role: 'astronaut' }, 422, '/body/role'],
    ['a malformed email', { email: 'not-an-email', role: 'member' }, 422, '/body/email'],
    ['a missing role', { email: 'x2@example.com' }, 422, '/body/role'],
    ['an existing member', { email: 'owner@acme.example', role: 'viewer' }, 409, '/body/email'],
  ])('refuses %s, writing nothing', async (_, body, status, path) => {
    const before = await t.snapshot('cortex.member_invitations');
    const sent = t.mail().length;
    const answer = await t.owner.cortex('createInvitation', 'POST', '/invitations', body);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ path }));
    expect(await t.snapshot('cortex.member_invitations')).toBe(before);
    expect(t.mail().length).toBe(sent);
  });

  it("refuses a second pending invitation of one address (409), and an admin granting an owner's rights (403)", async () => {
    expect((await invite('grace@example.com')).status).toBe(201);
    const before = await t.snapshot('cortex.member_invitations');
    const twice = await invite('GRACE@example.com', 'viewer');
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'INVITATION_PENDING',
      errors: [expect.objectContaining({ path: '/body/email' })],
    });

    const admin = await t.memberWithRole('admin');
    const escalation = await admin.cortex('createInvitation', 'POST', '/invitations', {
      email: 'eve@example.com',
      role: 'owner',
    });
    expect(escalation.status).toBe(403);
    expect(escalation.body.errors).toContainEqual(
      expect.objectContaining({ path: '/body/role', code: 'forbidden' }),
    );
    expect(await t.snapshot('cortex.member_invitations')).toBe(before);
    expect(
      (
        await admin.cortex('createInvitation', 'POST', '/invitations', {
          email: 'eve@example.com',
          role: 'admin',
        })
      ).status,
    ).toBe(201);
  });

  it('refuses a weak password on accepting, and keeps the invitation open', async () => {
    const created = await invite('linus@example.com');
    const token = tokenOf(created.body.link);
    const invitations = await t.snapshot('cortex.member_invitations');
    const users = await t.snapshot('prefiq.users');
    const weak = await accept({ token, name: 'Linus', password: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors).toContainEqual(expect.objectContaining({ path: '/body/password' }));
    expect(await t.snapshot('cortex.member_invitations')).toBe(invitations);
    expect(await t.snapshot('prefiq.users')).toBe(users);
    expect((await accept({ token, name: 'Linus', password })).status).toBe(204);
  });

  it('lets an existing account join with its own password, not another', async () => {
    const other = await t.memberWithRole('member', t.globexId);
    const created = await invite(other.email, 'viewer');
    const token = tokenOf(created.body.link);
    expect((await lookup(token)).body.existingUser).toBe(true);
    const before = await t.snapshot('prefiq.memberships');
    const wrong = await accept({ token, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(await t.snapshot('prefiq.memberships')).toBe(before);
    expect((await accept({ token, password: other.password })).status).toBe(204);
    const access = await t.cortex.kernel.container
      .resolve(TenancyToken)
      .resolveAccess({ userId: other.userId ?? '', tenantId: demoTenantId });
    expect(access).toMatchObject({ roles: ['viewer'] });
  });

  it('revokes: the link stops working (410); revoking twice changes nothing; an accepted one stays', async () => {
    const created = await invite('mallory@example.com');
    const { id } = created.body.invitation;
    const token = tokenOf(created.body.link);
    const revoked = await t.owner.cortex('revokeInvitation', 'POST', `/invitations/${id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.contract).toEqual([]);
    expect(revoked.body).toMatchObject({ id, status: 'revoked' });
    expect((await lookup(token)).body).toMatchObject({ status: 410, code: 'INVITATION_REVOKED' });
    expect((await accept({ token, password })).status).toBe(410);
    const before = await t.snapshot('cortex.member_invitations');
    expect((await t.owner.cortex('revokeInvitation', 'POST', `/invitations/${id}/revoke`)).body.status).toBe(
      'revoked',
    );
    expect(await t.snapshot('cortex.member_invitations')).toBe(before);

    const accepted = (await t.owner.cortex('listInvitations', 'GET', '/invitations')).body.items.find(
      (i: { status: string }) => i.status === 'accepted',
    );
    const late = await t.owner.cortex('revokeInvitation', 'POST', `/invitations/${accepted.id}/revoke`);
    expect(late.status).toBe(409);
    const missing = await t.owner.cortex(
      'revokeInvitation',
      'POST',
      '/invitations/00000000-0000-4000-8000-0000000000ff/revoke',
    );
    expect(missing.status).toBe(404);
  });

  it('expires after 7 days: the link answers 410 and the address may be invited again', async () => {
    const created = await invite('late@example.com');
    const token = tokenOf(created.body.link);
    offset = 8 * day;
    try {
      expect((await lookup(token)).body).toMatchObject({ status: 410, code: 'INVITATION_EXPIRED' });
      expect((await accept({ token, password })).status).toBe(410);
      const listed = await t.owner.cortex('listInvitations', 'GET', '/invitations');
      expect(listed.body.items.find((i: { id: string }) => i.id === created.body.invitation.id).status).toBe(
        'expired',
      );
      expect((await invite('late@example.com')).status).toBe(201);
    } finally {
      offset = 0;
    }
  });

  it('answers 404 for a token that names nothing, revealing nothing', async () => {
    for (const token of [
      'nonsense',
      `${demoTenantId}.${'A'.repeat(43)}`,
      `00000000-0000-4000-8000-0000000000ee.${'B'.repeat(43)}`,
    ]) {
      const answer = await lookup(token);
      expect(answer.status, token).toBe(404);
      expect(answer.body.code).toBe('INVITATION_NOT_FOUND');
    }
    expect((await accept({ token: 'nonsense', password })).status).toBe(404);
    expect((await accept({ password })).status).toBe(422);
  });

  it('lets one of two concurrent accepts win', async () => {
    const created = await invite('twice@example.com');
    const token = tokenOf(created.body.link);
    const answers = await Promise.all([accept({ token, password }), accept({ token, password })]);
    expect(answers.map((a) => a.status).sort()).toEqual([204, 409]);
  });

  it('is for admins: a viewer gets 403 on every invitation endpoint but the public ones', async () => {
    const viewer = await t.memberWithRole('viewer');
    const before = await t.snapshot('cortex.member_invitations');
    expect((await viewer.cortex('listInvitations', 'GET', '/invitations')).status).toBe(403);
    expect(
      (
        await viewer.cortex('createInvitation', 'POST', '/invitations', {
          email: 'v@example.com',
          role: 'viewer',
        })
      ).status,
    ).toBe(403);
    const { id } = (await t.owner.cortex('listInvitations', 'GET', '/invitations')).body.items[0];
    expect((await viewer.cortex('revokeInvitation', 'POST', `/invitations/${id}/revoke`)).status).toBe(403);
    expect(await t.snapshot('cortex.member_invitations')).toBe(before);
  });
});
