'use client';
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { RecordingServiceError } from '../src/core/errors';
import { followSessionInOtherTabs, signIn as signInWith, signOut as signOutOf } from '../src/core/session';
import type { Session, SessionStatus } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** What {@link useRecordingSession} returns. */
export interface RecordingSessionState {
  status: SessionStatus;
  /** The signed-in login id. */
  user?: string;
  /** Exchanges the portal token for a content-server token; rejects (and sets `error`) when refused. */
  signIn: (portalToken: string, user: string) => Promise<Session>;
  /** Ends the session locally (nothing is sent) and drops the user's cached data. */
  signOut: () => void;
  /** Why the last sign-in failed or the session expired; cleared by the next success. */
  error?: RecordingServiceError;
}

/**
 * The session of the surrounding provider's context. Loads the sign-in module (sign-in, refresh, 401
 * re-exchange, cross-tab sync). Subscribes narrowly: re-renders only when the status,
 * the user or the error changes. The portal token goes straight to the client, never into React state.
 *
 * @example
 * const { status, user, signIn, signOut } = useRecordingSession();
 * if (status !== 'user') return <button onClick={() => signIn(portalToken, 'alice')}>Sign in</button>;
 * return <button onClick={signOut}>Sign out {user}</button>;
 */
export function useRecordingSession(): RecordingSessionState {
  const { context } = useRecordingService('useRecordingSession');
  const status = useStore(context.sessionStore, (state) => state.status);
  const user = useStore(context.sessionStore, (state) => state.user);
  const error = useStore(context.sessionStore, (state) => state.error);

  // Showing the session is when other tabs' sign-ins and sign-outs matter (the sign-in module is loaded here).
  useEffect(() => followSessionInOtherTabs(context), [context]);

  // The provider removes the user's cache entries whenever a session ends, this way or another.
  const actions = useMemo(
    () => ({
      signIn: (portalToken: string, login: string) => signInWith(context, portalToken, login),
      signOut: () => signOutOf(context),
    }),
    [context],
  );

  return { status, ...(user !== undefined && { user }), ...actions, ...(error && { error }) };
}
