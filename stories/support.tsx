import type { Decorator } from '@storybook/react-vite';
import { useEffect, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useComponentService } from '../components/internal/useComponentService';

/** Shows its children once the emulator user `login` is signed in through the real token exchange. */
function SignedInAs({ login, children }: { login: string; children: ReactNode }): ReactNode {
  const { client, messages } = useComponentService('signedInAs');
  const status = useStore(client.sessionStore, (state) => state.status);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void client.session.signIn(`portal-${login}`, login);
  }, [client, login]);
  return status === 'user' ? children : <p role="status">{messages.loading}</p>;
}

/** A story decorator signing in as an emulator user (`alice`, `bob`, `carol`, `tara`, `admin`) first. */
export function signedInAs(login: string): Decorator {
  const decorator: Decorator = (Story) => (
    <SignedInAs login={login}>
      <Story />
    </SignedInAs>
  );
  return decorator;
}
