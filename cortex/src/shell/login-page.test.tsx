import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderCortex } from './fake-host.test-helper.js';

const user = () => userEvent.setup({ delay: null });

async function signIn(email: string, password: string) {
  const u = user();
  await u.type(await screen.findByLabelText(/Email/), email);
  await u.type(screen.getByLabelText(/Password/), password);
  await u.click(screen.getByRole('button', { name: 'Sign in' }));
  return u;
}

describe('the sign-in page', () => {
  it('signs in and lands where the user was going', async () => {
    const { router, host } = renderCortex('/crm/deals', { signedIn: false });
    await signIn('ada@example.com', 'correct horse battery');
    await waitFor(() => expect(router.state.location.pathname).toBe('/crm/deals'));
    expect(await screen.findByRole('heading', { name: 'Deals', level: 1 })).toBeTruthy();
    expect(host.requests.find((request) => request.url === '/api/auth/login')?.body).toEqual({
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
  });

  it('says a wrong password inline, keeps the email and puts the cursor back in the password', async () => {
    const { router } = renderCortex('/login', { signedIn: false });
    await signIn('ada@example.com', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('The email or password is not right.');
    expect((screen.getByLabelText(/Email/) as HTMLInputElement).value).toBe('ada@example.com');
    const password = screen.getByLabelText(/Password/) as HTMLInputElement;
    expect(password.value).toBe('');
    expect(document.activeElement).toBe(password);
    expect(router.state.location.pathname).toBe('/login');
  });

  it('tells a locked account how long to wait', async () => {
    renderCortex('/login', { signedIn: false, locked: { email: 'ada@example.com', seconds: 900 } });
    await signIn('ada@example.com', 'whatever');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many failed sign-ins. Try again in 15 minutes.',
    );
  });

  it('asks for both fields before asking the server', async () => {
    const { host } = renderCortex('/login', { signedIn: false });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your email address.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(screen.getByLabelText(/Email/).getAttribute('aria-invalid')).toBe('true');
    expect(host.requests.some((request) => request.url === '/api/auth/login')).toBe(false);
  });

  it('asks for the second factor, refuses a wrong code and accepts the right one', async () => {
    const { router, host } = renderCortex('/login?returnTo=%2Fcrm', {
      signedIn: false,
      mfa: { code: '123456', recoveryCode: 'abcd-efgh' },
    });
    const u = await signIn('ada@example.com', 'correct horse battery');
    expect(await screen.findByRole('heading', { name: 'Two-step verification' })).toBeTruthy();
    const code = screen.getByLabelText(/Verification code/);
    expect(document.activeElement).toBe(code);
    await u.type(code, '12');
    await u.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the 6 digits of the code.');
    await u.clear(code);
    await u.type(code, '654321');
    await u.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/That code is not right/));
    await u.clear(code);
    await u.type(code, '123456');
    await u.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/crm'));
    const verify = host.requests.filter((request) => request.url === '/api/auth/mfa/verify');
    expect(verify.map((request) => request.body)).toEqual([
      { challengeToken: 'challenge-1', code: '654321' },
      { challengeToken: 'challenge-1', code: '123456' },
    ]);
  });

  it('takes a recovery code instead of the app’s code', async () => {
    const { router, host } = renderCortex('/login', {
      signedIn: false,
      mfa: { code: '123456', recoveryCode: 'abcd-efgh' },
    });
    const u = await signIn('ada@example.com', 'correct horse battery');
    await u.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    await u.type(screen.getByLabelText(/Recovery code/), 'abcd-efgh');
    await u.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(host.requests.find((request) => request.url === '/api/auth/mfa/verify')?.body).toEqual({
      challengeToken: 'challenge-1',
      recoveryCode: 'abcd-efgh',
    });
  });

  it('offers single sign-on with each configured provider, coming back to where the user was going', async () => {
    renderCortex('/login?returnTo=%2Fcrm%2Fdeals', {
      signedIn: false,
      providers: [
        { id: 'keycloak', name: 'Keycloak' },
        { id: 'google', name: 'Google' },
      ],
    });
    const sso = await screen.findByRole('region', { name: 'Single sign-on' });
    const links = within(sso).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Continue with Keycloak', '/api/auth/oidc/keycloak/start?returnTo=%2Fcrm%2Fdeals'],
      ['Continue with Google', '/api/auth/oidc/google/start?returnTo=%2Fcrm%2Fdeals'],
    ]);
  });

  it('shows no single sign-on without providers, and never returns to another site', async () => {
    renderCortex('/login?returnTo=%2F%2Fevil.example', { signedIn: false });
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.queryByRole('region', { name: 'Single sign-on' })).toBeNull();
    await signIn('ada@example.com', 'correct horse battery');
    expect(await screen.findByRole('heading', { name: 'Welcome, Ada' })).toBeTruthy();
  });

  it('sends a signed-in user on at once', async () => {
    const { router } = renderCortex('/login?returnTo=%2Fcrm');
    await waitFor(() => expect(router.state.location.pathname).toBe('/crm'));
  });
});
