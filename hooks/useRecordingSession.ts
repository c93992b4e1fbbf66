'use client';
import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { RecordingServiceError } from '../src/core/errors';
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
 * The session of the surrounding provider's client. Subscribes narrowly: re-renders only when the status,
 * the user or the error changes. The portal token goes straight to the client, never into React state.
 *
 * @example
 * const { status, user, signIn, signOut } = useRecordingSession();
 * if (status !== 'user') return <button onClick={() => signIn(portalToken, 'alice')}>Sign in</button>;
 * return <button onClick={signOut}>Sign out {user}</button>;
 */
export function useRecordingSession(): RecordingSessionState {
  const { client } = useRecordingService('useRecordingSession');
  const status = useStore(client.sessionStore, (state) => state.status);
  const user = useStore(client.sessionStore, (state) => state.user);
  const error = useStore(client.sessionStore, (state) => state.error);

  const signIn = useCallback(
    (portalToken: string, login: string) => client.session.signIn(portalToken, login),
    [client],
  );

  // The provider removes the user's cache entries whenever a session ends, this way or another.
  const signOut = useCallback(() => client.session.signOut(), [client]);

  return { status, ...(user !== undefined && { user }), signIn, signOut, ...(error && { error }) };
}
