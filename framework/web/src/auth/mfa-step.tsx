import { Button, FormField, Input } from '@codexion/resources';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/problem-error.js';
import { type SignInResult, verifyMfa } from './auth-api.js';
import { authProblemMessage } from './auth-problem-message.js';
import { useSignIn } from './create-auth-session.js';
import { FormAlert } from './form-alert.js';

export interface MfaStepProps {
  challengeToken: string;
  /** `totp`, `recovery_code`: what the account can answer with */
  methods: readonly string[];
  /** called once the server signed the user in */
  onSignedIn: (result: SignInResult) => void | Promise<void>;
  /** back to the password step (the challenge expired, or another account) */
  onRestart: () => void;
}

/**
 * The second sign-in step: the 6-digit code of the authenticator app, or one of the recovery codes.
 *
 * @example
 * <MfaStep challengeToken={result.challengeToken} methods={result.methods} onSignedIn={finish} onRestart={reset} />
 */
export function MfaStep({ challengeToken, methods, onSignedIn, onRestart }: MfaStepProps) {
  const { t, i18n } = useTranslation('codexion');
  const { clientFor } = useSignIn();
  const canRecover = methods.includes('recovery_code');
  const [mode, setMode] = useState<'code' | 'recovery'>(
    methods.includes('totp') || !canRecover ? 'code' : 'recovery',
  );
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const fail = (message: string) => {
    setError(message);
    input.current?.focus();
    input.current?.select();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = value.replace(/\s+/g, '');
    if (mode === 'code' && !/^\d{6}$/.test(text)) return fail(t('auth.mfa.errors.codeFormat'));
    if (mode === 'recovery' && text === '') return fail(t('auth.mfa.errors.recoveryRequired'));
    setBusy(true);
    setError(undefined);
    try {
      const result = await verifyMfa(
        clientFor,
        challengeToken,
        mode === 'code' ? { code: text } : { recoveryCode: text },
      );
      await onSignedIn(result);
    } catch (problem) {
      // a challenge lives for minutes and dies after a few tries: then only a new sign-in helps
      const stale =
        problem instanceof ProblemError &&
        (problem.code === 'TOKEN_INVALID' || problem.code === 'CHALLENGE_EXPIRED' || problem.status === 410);
      setExpired(stale);
      fail(
        stale
          ? t('auth.mfa.errors.expired')
          : authProblemMessage(
              problem,
              t,
              i18n.language,
              t(mode === 'code' ? 'auth.mfa.errors.invalid' : 'auth.mfa.errors.recoveryInvalid'),
            ),
      );
    } finally {
      setBusy(false);
    }
  };

  const switchMode = () => {
    setMode(mode === 'code' ? 'recovery' : 'code');
    setValue('');
    setError(undefined);
    input.current?.focus();
  };

  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <p className="text-muted-foreground text-sm">
        {t(mode === 'code' ? 'auth.mfa.codeHint' : 'auth.mfa.recoveryHint')}
      </p>
      {error && <FormAlert>{error}</FormAlert>}
      <FormField label={t(mode === 'code' ? 'auth.mfa.code' : 'auth.mfa.recoveryCode')} required>
        <Input
          ref={input}
          autoFocus
          name={mode === 'code' ? 'code' : 'recoveryCode'}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          autoComplete="one-time-code"
          inputMode={mode === 'code' ? 'numeric' : 'text'}
          maxLength={mode === 'code' ? 6 : 64}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
        />
      </FormField>
      {expired ? (
        <Button type="button" onClick={onRestart}>
          {t('auth.mfa.restart')}
        </Button>
      ) : (
        <Button type="submit" loading={busy}>
          {t('auth.mfa.verify')}
        </Button>
      )}
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        {canRecover && methods.includes('totp') && (
          <Button type="button" variant="link" className="h-auto p-0" onClick={switchMode}>
            {t(mode === 'code' ? 'auth.mfa.useRecovery' : 'auth.mfa.useCode')}
          </Button>
        )}
        <Button type="button" variant="link" className="h-auto p-0" onClick={onRestart}>
          {t('auth.mfa.back')}
        </Button>
      </div>
    </form>
  );
}
