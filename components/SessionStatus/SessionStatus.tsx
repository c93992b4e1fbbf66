'use client';

import { forwardRef, useId, useState, type ComponentPropsWithoutRef, type FormEvent } from 'react';
import { useComponentService } from '../internal/useComponentService';
import { useRecordingSession } from '../../hooks/useRecordingSession';
import { ErrorMessage } from '../internal/QueryStatus';
import { cx } from '../internal/format';
import { TextField } from '../internal/TextField';

/** Props of {@link SessionStatus}. */
export interface SessionStatusProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Prefills the login field. */
  defaultLogin?: string;
  /** Extra class names on the root `<div>` (which also takes `ref` and any other `<div>` prop). */
  className?: string;
}

/**
 * Who is signed in: "Signed in as …" with a sign-out button, or (as a guest, or once the session expired) a
 * sign-in form asking for the portal login id and the portal token. The token goes straight to the client:
 * it is a password field, cleared after each attempt, and never rendered.
 *
 * @example
 * <RecordingServiceProvider config={config}>
 *   <SessionStatus />
 * </RecordingServiceProvider>
 */
export const SessionStatus = forwardRef<HTMLDivElement, SessionStatusProps>(function SessionStatus(
  { defaultLogin = '', className, ...rest },
  ref,
) {
  const { messages } = useComponentService('SessionStatus');
  const { status, user, signIn, signOut, error } = useRecordingSession();
  const [login, setLogin] = useState(defaultLogin);
  const [token, setToken] = useState('');
  const ids = useId();

  if (status === 'user') {
    return (
      <div {...rest} ref={ref} className={cx('rrs-session', className)}>
        <p className="rrs-session__user" role="status">
          {messages.signedInAs(user ?? '')}
        </p>
        <button type="button" className="rrs-button" onClick={signOut}>
          {messages.signOut}
        </button>
      </div>
    );
  }

  const signingIn = status === 'signing-in';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const portalToken = token;
    setToken('');
    // The failure is shown from the session's `error`.
    signIn(portalToken, login.trim()).catch(() => {});
  };

  return (
    <div {...rest} ref={ref} className={cx('rrs-session', className)}>
      <p className="rrs-session__user" role="status">
        {status === 'expired' ? messages.sessionExpired : messages.guest}
      </p>
      <form className="rrs-form rrs-session__form" aria-labelledby={`${ids}-title`} onSubmit={submit}>
        <h2 id={`${ids}-title`} className="rrs-heading">
          {messages.signInTitle}
        </h2>
        <TextField
          id={`${ids}-login`}
          label={messages.loginId}
          name="login"
          autoComplete="username"
          required
          value={login}
          onValueChange={setLogin}
        />
        <TextField
          id={`${ids}-token`}
          label={messages.portalToken}
          type="password"
          name="portal-token"
          autoComplete="current-password"
          required
          value={token}
          onValueChange={setToken}
        />
        <button type="submit" className="rrs-button rrs-button--primary" disabled={signingIn}>
          {signingIn ? messages.signingIn : messages.signIn}
        </button>
      </form>
      {error && status !== 'signing-in' ? <ErrorMessage error={error} /> : null}
    </div>
  );
});
