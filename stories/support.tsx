import type { Decorator } from '@storybook/react-vite';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useRecordingSession } from '../hooks';
import { globalUser, storyGlobals } from '../.storybook/globals';

export { storyMessages } from '../.storybook/globals';

/**
 * Shows its children once the emulator user `login` is signed in through the real token exchange (the
 * emulator's public test portal token `portal-<login>`).
 */
export function SignedInAs({ login, children }: { login: string; children: ReactNode }): ReactNode {
  const { status, user, signIn, error } = useRecordingSession();
  const started = useRef(false);
  // Once signed in, the story stays on screen: signing out is one of its flows.
  const [ready, setReady] = useState(false);
  if (!ready && status === 'user' && user === login) setReady(true);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    signIn(`portal-${login}`, login).catch(() => {});
  }, [signIn, login]);
  if (ready || (status === 'user' && user === login)) return children;
  if (error) return <p role="alert">{`Signing in as ${login} failed: ${error.message}`}</p>;
  return <p role="status">{`Signing in as ${login}…`}</p>;
}

/**
 * A story decorator signing in as an emulator user (`alice`, `bob`, `carol`, `tara`, `admin`) first. The
 * toolbar's User, when set, wins: the preview then signs in as that user instead.
 */
export function signedInAs(login: string): Decorator {
  const decorator: Decorator = (Story, context) =>
    globalUser(storyGlobals(context)) === undefined ? (
      <SignedInAs login={login}>
        <Story />
      </SignedInAs>
    ) : (
      <Story />
    );
  return decorator;
}

/**
 * A pattern matching a label built by a message function (e.g. `pageSummary(from, to, total)`), whatever the
 * locale: pass the numbers to pin, `undefined` for any number.
 *
 * @example
 * await canvas.findByText(messagePattern(labels.pageSummary, 11, undefined, undefined));
 */
export function messagePattern(format: (...args: number[]) => string, ...args: Array<number | undefined>): RegExp {
  const markers = args.map((_, index) => 900_001 + index);
  let source = format(...markers).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  markers.forEach((marker, index) => {
    const pinned = args[index];
    source = source.replace(String(marker), pinned === undefined ? '[\\d.,\\s\u202f]+' : String(pinned));
  });
  return new RegExp(`^${source}$`);
}

/** A pattern matching a label built from a name (e.g. `player(name)`), for any name. */
export function namePattern(format: (name: string) => string): RegExp {
  const source = format('\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${source.replace('\u0000', '.+')}$`);
}
