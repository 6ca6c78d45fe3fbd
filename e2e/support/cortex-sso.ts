/** The test OpenID provider's key in `auth.oidc.providers`: `/api/auth/oidc/test-idp/start`. */
export const ssoProviderId = 'test-idp';

/** Its name on the sign-in page's button ("Continue with Test IdP"). */
export const ssoProviderName = 'Test IdP';

/** An account at the test provider: what it says about the person signing in. */
export interface IdpAccount {
  /** what is typed into the provider's (development) login form */
  login: string;
  email: string;
  name: string;
}

/**
 * The one person the test provider knows. The provider vouches for the email, so Cortex links
 * them to the user with that address (who must exist and belong to a tenant: nobody is created).
 */
export const ssoAccount: IdpAccount = {
  login: 'sso-user',
  email: 'sso.user@example.com',
  name: 'Sasha Single',
};
