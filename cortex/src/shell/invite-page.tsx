import { Button, FormField, Input, Skeleton } from '@codexion/resources';
import {
  AuthLayout,
  authProblemMessage,
  FormAlert,
  issueField,
  MfaStep,
  ProblemError,
  type SignInResult,
  signIn,
  useTranslation,
} from '@codexion/web';
import { useQuery } from '@tanstack/react-query';
import { MailX } from 'lucide-react';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CortexBrand } from './cortex-brand.js';
import { acceptInvitation, type InvitationLookup, lookupInvitation } from './invitation-api.js';
import { useAuth } from './session-provider.js';

/** Why an invitation link cannot be used, from the server's answer. */
type Unusable = 'expired' | 'revoked' | 'used' | 'invalid';

function unusableOf(error: unknown): Unusable | undefined {
  if (!(error instanceof ProblemError) || ![400, 404, 409, 410, 422].includes(error.status)) return undefined;
  const code = error.code ?? '';
  if (/EXPIRED/.test(code)) return 'expired';
  if (/REVOKED/.test(code)) return 'revoked';
  // INVITATION_USED, ALREADY_A_MEMBER: the way in is the sign-in page
  if (/ACCEPTED|USED|MEMBER/.test(code) || error.status === 409) return 'used';
  return 'invalid';
}

/** The invitation cannot be used: say why, and where to go instead. */
function UnusableInvitation({ reason }: { reason: Unusable }) {
  const { t } = useTranslation('cortex');
  return (
    <AuthLayout title={t(`invite.${reason}.title`)}>
      <title>{t('invite.documentTitle')}</title>
      <div className="flex flex-col items-center gap-3 text-center">
        <MailX aria-hidden="true" className="size-8 text-muted-foreground" />
        <p className="text-muted-foreground text-sm">{t(`invite.${reason}.description`)}</p>
        <Button variant="outline" asChild>
          <Link to="/login">{t('invite.toLogin')}</Link>
        </Button>
      </div>
    </AuthLayout>
  );
}

/** Name and password (a new account) or the password (an existing one), then accept and sign in. */
function AcceptForm({ token, invitation }: { token: string; invitation: InvitationLookup }) {
  const { t, i18n } = useTranslation('cortex');
  // the sign-in strings and messages are the framework's
  const { t: tf } = useTranslation('codexion');
  const auth = useAuth();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [unusable, setUnusable] = useState<Unusable>();
  const [challenge, setChallenge] = useState<Extract<SignInResult, { status: 'mfa_required' }>>();
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const { existingUser } = invitation;

  const enter = async (result: SignInResult) => {
    if (result.status === 'mfa_required') {
      setChallenge(result);
      return;
    }
    await auth.reload();
    navigate('/', { replace: true });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!existingUser && !name.trim()) missing.name = t('invite.errors.nameRequired');
    if (!password) missing.password = tf('auth.login.errors.passwordRequired');
    setFieldErrors(missing);
    if (missing.name || missing.password) {
      (missing.name ? nameInput : passwordInput).current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      if (!accepted) {
        await acceptInvitation(auth.clientFor, {
          token,
          password,
          ...(existingUser ? {} : { name: name.trim() }),
        });
        setAccepted(true);
      }
    } catch (problem) {
      const reason = unusableOf(problem);
      const fields: Record<string, string> = {};
      if (problem instanceof ProblemError) {
        for (const issue of problem.errors) {
          const field = issueField(issue.path);
          if (field === 'name' || field === 'password') fields[field] = issue.message;
        }
      }
      if (
        reason &&
        Object.keys(fields).length === 0 &&
        problem instanceof ProblemError &&
        problem.status !== 422
      ) {
        setUnusable(reason);
        return;
      }
      setFieldErrors(fields);
      setError(authProblemMessage(problem, tf, i18n.language, t('invite.errors.wrongPassword')));
      (fields.name ? nameInput : passwordInput).current?.focus();
      setBusy(false);
      return;
    }
    try {
      await enter(
        await signIn(auth.clientFor, {
          email: invitation.email,
          password,
          ...(invitation.tenantId ? { tenantId: invitation.tenantId } : {}),
        }),
      );
    } catch (problem) {
      // the membership exists now; only signing in failed (a lockout, the network)
      setError(`${t('invite.acceptedSignInFailed')} ${authProblemMessage(problem, tf, i18n.language)}`);
    } finally {
      setBusy(false);
    }
  };

  if (unusable) return <UnusableInvitation reason={unusable} />;
  const role = tf(`auth.roles.${invitation.role}`, { defaultValue: invitation.role });
  return (
    <AuthLayout
      title={t('invite.title', { tenant: invitation.tenantName })}
      description={t('invite.description', { tenant: invitation.tenantName, email: invitation.email, role })}
    >
      <title>{t('invite.documentTitle')}</title>
      {challenge ? (
        <MfaStep
          challengeToken={challenge.challengeToken}
          methods={challenge.methods}
          onSignedIn={enter}
          onRestart={() => navigate('/login', { replace: true })}
        />
      ) : (
        <form className="grid gap-4" onSubmit={submit} noValidate>
          {error && <FormAlert>{error}</FormAlert>}
          <FormField label={tf('auth.login.email')}>
            <Input type="email" value={invitation.email} readOnly autoComplete="username" />
          </FormField>
          {!existingUser && (
            <FormField label={t('invite.name')} error={fieldErrors.name} required>
              <Input
                ref={nameInput}
                autoFocus
                name="name"
                autoComplete="name"
                value={name}
                onChange={(event) => setName(event.target.value)}
                disabled={accepted}
              />
            </FormField>
          )}
          <FormField
            label={t(existingUser ? 'invite.existingPassword' : 'invite.newPassword')}
            description={existingUser ? t('invite.existingHint') : t('invite.newPasswordHint')}
            error={fieldErrors.password}
            required
          >
            <Input
              ref={passwordInput}
              autoFocus={existingUser}
              type="password"
              name="password"
              autoComplete={existingUser ? 'current-password' : 'new-password'}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </FormField>
          <Button type="submit" loading={busy}>
            {t(accepted ? 'invite.signIn' : 'invite.accept')}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

/** The invitation the link is for, then the form or why it cannot be used. */
function Invitation() {
  const { t, i18n } = useTranslation('cortex');
  const { t: tf } = useTranslation('codexion');
  const { token = '' } = useParams();
  const { clientFor } = useAuth();
  const lookup = useQuery({
    queryKey: ['cortex', 'invitation', token],
    queryFn: () => lookupInvitation(clientFor, token),
    retry: false,
  });
  if (lookup.isPending) {
    return (
      <AuthLayout title={t('invite.loading')}>
        <div className="grid gap-4" aria-busy="true">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </div>
      </AuthLayout>
    );
  }
  if (lookup.isError) {
    const reason = unusableOf(lookup.error);
    if (reason) return <UnusableInvitation reason={reason} />;
    return (
      <AuthLayout title={t('invite.documentTitle')}>
        <FormAlert>{authProblemMessage(lookup.error, tf, i18n.language)}</FormAlert>
        <Button variant="outline" onClick={() => void lookup.refetch()}>
          {t('common.retry')}
        </Button>
      </AuthLayout>
    );
  }
  if (Date.parse(lookup.data.expiresAt) < Date.now()) return <UnusableInvitation reason="expired" />;
  return <AcceptForm token={token} invitation={lookup.data} />;
}

/**
 * The public page of an invitation link (`/invite/:token`): which tenant and role it is for, the
 * form to accept it, then straight into the shell; a clear word when it expired or was used.
 *
 * @example
 * { path: '/invite/:token', element: <InvitePage /> }
 */
export function InvitePage() {
  return (
    <CortexBrand>
      <Invitation />
    </CortexBrand>
  );
}
