import { Button, FormField, Input, Skeleton } from '@codexion/resources';
import { useQuery } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ProblemError } from '../api/problem-error.js';
import { type SignInResult, safeReturnTo, signIn, signInOptions, ssoStartUrl } from './auth-api.js';
import { useAuthBrand } from './auth-brand.js';
import { AuthLayout } from './auth-layout.js';
import { authProblemMessage, issueField } from './auth-problem-message.js';
import { useSignIn } from './create-auth-session.js';
import { FormAlert } from './form-alert.js';
import { MfaStep } from './mfa-step.js';

type Challenge = Extract<SignInResult, { status: 'mfa_required' }>;

/** How one may sign in here: read once per page load. */
function useSignInOptions() {
  const { clientFor } = useSignIn();
  return useQuery({
    queryKey: ['codexion', 'sign-in-options'],
    queryFn: () => signInOptions(clientFor),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The single sign-on buttons, one per configured provider, each coming back to `returnTo`. */
function SsoButtons({ returnTo, divided }: { returnTo: string; divided: boolean }) {
  const { t } = useTranslation('codexion');
  const options = useSignInOptions();
  const providers = options.data?.providers ?? [];
  if (providers.length === 0) return null;
  return (
    <section aria-label={t('auth.login.ssoSection')} className="grid gap-3">
      {divided && (
        <p className="flex items-center gap-3 text-muted-foreground text-xs uppercase before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border">
          {t('auth.login.or')}
        </p>
      )}
      {providers.map((provider) => (
        <Button key={provider.id} variant="outline" asChild>
          <a href={ssoStartUrl(provider.id, returnTo)}>
            <KeyRound aria-hidden="true" />
            {t('auth.login.sso', { provider: provider.name })}
          </a>
        </Button>
      ))}
    </section>
  );
}

/** Email and password, with the server's answer in words next to the fields. */
function PasswordStep({ onResult }: { onResult: (result: SignInResult) => Promise<void> }) {
  const { t, i18n } = useTranslation('codexion');
  const { clientFor } = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = t('auth.login.errors.emailRequired');
    if (!password) missing.password = t('auth.login.errors.passwordRequired');
    setFieldErrors(missing);
    if (missing.email || missing.password) {
      (missing.email ? emailInput : passwordInput).current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onResult(await signIn(clientFor, { email: email.trim(), password }));
    } catch (problem) {
      const fields: Record<string, string> = {};
      if (problem instanceof ProblemError) {
        for (const issue of problem.errors) {
          const field = issueField(issue.path);
          if (field === 'email' || field === 'password') {
            fields[field] = t(`auth.login.errors.${field}Invalid`, { defaultValue: issue.message });
          }
        }
      }
      setFieldErrors(fields);
      setError(authProblemMessage(problem, t, i18n.language));
      // a wrong password is retyped, not the address
      setPassword('');
      (fields.email ? emailInput : passwordInput).current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      {error && <FormAlert>{error}</FormAlert>}
      <FormField label={t('auth.login.email')} error={fieldErrors.email} required>
        <Input
          ref={emailInput}
          autoFocus
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </FormField>
      <FormField label={t('auth.login.password')} error={fieldErrors.password} required>
        <Input
          ref={passwordInput}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </FormField>
      <Button type="submit" loading={busy}>
        {t('auth.login.submit')}
      </Button>
    </form>
  );
}

/**
 * The sign-in page (`/login?returnTo=…`): email and password, the second step when the account has
 * two-factor authentication, the single sign-on buttons; then on to where the user was going. Under
 * an `AuthProvider` ({@link createAuthSession}); the brand comes from {@link AuthBrandProvider}.
 *
 * @example
 * { path: '/login', element: <LoginPage /> }
 */
export function LoginPage() {
  const { t } = useTranslation('codexion');
  const auth = useSignIn();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [error, setError] = useState<string>();
  const options = useSignInOptions();
  const brand = useAuthBrand();

  if (auth.status === 'signed-in') return <Navigate to={returnTo} replace />;

  const onResult = async (result: SignInResult) => {
    if (result.status === 'mfa_required') {
      setChallenge(result);
      return;
    }
    // the cookie is set: the session provider finds the user, and the page moves on by itself
    const data = await auth.reload();
    if (!data) setError(t('auth.login.errors.noSession'));
  };

  const passwordAllowed = options.data?.password ?? true;
  return (
    <AuthLayout
      title={challenge ? t('auth.mfa.title') : t('auth.login.title')}
      description={challenge ? undefined : t('auth.login.description')}
    >
      <title>{t('auth.login.documentTitle', { brand: brand.name })}</title>
      {error && <FormAlert>{error}</FormAlert>}
      {auth.status === 'loading' ? (
        <div className="grid gap-4" role="status" aria-busy="true" aria-label={t('ui.loading')}>
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </div>
      ) : challenge ? (
        <MfaStep
          challengeToken={challenge.challengeToken}
          methods={challenge.methods}
          onSignedIn={onResult}
          onRestart={() => setChallenge(null)}
        />
      ) : (
        <>
          {passwordAllowed && <PasswordStep onResult={onResult} />}
          <SsoButtons returnTo={returnTo} divided={passwordAllowed} />
        </>
      )}
    </AuthLayout>
  );
}
