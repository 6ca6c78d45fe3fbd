import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ids, renderCortex } from './fake-host.test-helper.js';
import type { InvitationLookup } from './invitation-api.js';

const user = () => userEvent.setup({ delay: null });

const invitation = (existingUser: boolean): InvitationLookup => ({
  email: 'ada@example.com',
  tenantName: 'Acme',
  role: 'member',
  expiresAt: '2099-01-01T00:00:00.000Z',
  existingUser,
});

describe('the invitation page', () => {
  it('shows what the invitation is for, creates the account, signs in and lands in the shell', async () => {
    const { router, host } = renderCortex('/invite/tok-new', {
      signedIn: false,
      password: 'a long new password',
      invitations: { 'tok-new': invitation(false) },
    });
    expect(await screen.findByRole('heading', { name: 'Join Acme' })).toBeTruthy();
    expect(screen.getByText('Acme invites ada@example.com to join as Member.')).toBeTruthy();
    const u = user();
    await u.type(screen.getByLabelText(/Your name/), 'Ada Lovelace');
    await u.type(screen.getByLabelText(/Choose a password/), 'a long new password');
    await u.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByRole('heading', { name: 'Welcome, Ada' })).toBeTruthy();
    expect(host.state.accepted).toEqual([
      { token: 'tok-new', password: 'a long new password', name: 'Ada Lovelace' },
    ]);
    expect(host.requests.find((request) => request.url === '/api/auth/login')?.body).toEqual({
      email: 'ada@example.com',
      password: 'a long new password',
    });
  });

  it('asks an existing user for the password only, starting in the invited tenant when the server names it', async () => {
    const { router, host } = renderCortex('/invite/tok-old', {
      signedIn: false,
      invitations: { 'tok-old': { ...invitation(true), tenantId: ids.globex } },
    });
    await screen.findByRole('heading', { name: 'Join Acme' });
    expect(screen.queryByLabelText(/Your name/)).toBeNull();
    const u = user();
    await u.type(screen.getByLabelText(/Your password/), 'wrong password!');
    await u.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That is not the password of this account.');
    expect(host.state.accepted).toEqual([]);
    await u.clear(screen.getByLabelText(/Your password/));
    await u.type(screen.getByLabelText(/Your password/), 'correct horse battery');
    await u.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(host.state.accepted).toEqual([{ token: 'tok-old', password: 'correct horse battery' }]);
    expect(await screen.findByText('You are working in Globex.')).toBeTruthy();
  });

  it("shows the server's password rule on the field and accepts nothing", async () => {
    const { host } = renderCortex('/invite/tok-new', {
      signedIn: false,
      invitations: { 'tok-new': invitation(false) },
    });
    await screen.findByRole('heading', { name: 'Join Acme' });
    const u = user();
    await u.type(screen.getByLabelText(/Your name/), 'Ada');
    await u.type(screen.getByLabelText(/Choose a password/), 'short');
    await u.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    expect(await screen.findByText('must be at least 10 characters')).toBeTruthy();
    expect(screen.getByLabelText(/Choose a password/).getAttribute('aria-invalid')).toBe('true');
    expect(host.state.accepted).toEqual([]);
    expect(host.requests.some((request) => request.url === '/api/auth/login')).toBe(false);
  });

  it('requires a name from a new user before asking the server', async () => {
    const { host } = renderCortex('/invite/tok-new', {
      signedIn: false,
      invitations: { 'tok-new': invitation(false) },
    });
    await screen.findByRole('heading', { name: 'Join Acme' });
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    expect(screen.getByText('Enter your name.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/Your name/));
    expect(host.requests.some((request) => request.url.includes('/accept'))).toBe(false);
  });

  it.each([
    ['an expired', { status: 410, code: 'INVITATION_EXPIRED' }, 'This invitation has expired'],
    ['a used', { status: 409, code: 'INVITATION_USED' }, 'This invitation was already used'],
    ['a withdrawn', { status: 410, code: 'INVITATION_REVOKED' }, 'This invitation was withdrawn'],
    ['an unknown', undefined, 'This invitation link is not valid'],
  ])('says clearly when it is %s token', async (_, answer, heading) => {
    renderCortex('/invite/tok-x', { signedIn: false, invitations: answer ? { 'tok-x': answer } : {} });
    expect(await screen.findByRole('heading', { name: heading })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to sign-in' }).getAttribute('href')).toBe('/login');
  });

  it('treats an invitation past its time as expired', async () => {
    renderCortex('/invite/tok-old', {
      signedIn: false,
      invitations: { 'tok-old': { ...invitation(false), expiresAt: '2020-01-01T00:00:00.000Z' } },
    });
    expect(await screen.findByRole('heading', { name: 'This invitation has expired' })).toBeTruthy();
  });
});
