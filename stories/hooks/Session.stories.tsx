import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useGuestAccess, useRecordingSession, useRecordings, useSystemSettings, useTenant } from '../../hooks';
import { EMULATOR_USERS } from '../../src/testing';
import { HookInspector } from './Inspector';

/** `useRecordingSession`, and a list whose content follows who is signed in. */
function SessionDemo() {
  const session = useRecordingSession();
  const [login, setLogin] = useState('alice');
  const list = useRecordings({ count: 1 });
  return (
    <HookInspector
      title="useRecordingSession()"
      result={{
        useRecordingSession: session,
        'useRecordings({ count: 1 }).data.totalItemCount': list.data?.totalItemCount,
      }}
    >
      <label>
        User{' '}
        <select className="rrs-select" value={login} onChange={(event) => setLogin(event.target.value)}>
          {EMULATOR_USERS.map((user) => (
            <option key={user.login} value={user.login}>
              {user.login} ({user.role})
            </option>
          ))}
        </select>
      </label>
      {/* The emulator's public test portal tokens: `portal-<login>`. */}
      <button
        type="button"
        className="rrs-button rrs-button--primary"
        onClick={() => session.signIn(`portal-${login}`, login).catch(() => {})}
      >
        signIn(portalToken, user)
      </button>
      <button type="button" className="rrs-button" onClick={session.signOut}>
        signOut()
      </button>
    </HookInspector>
  );
}

/** `useSystemSettings`, `useTenant` and `useGuestAccess`. */
function SettingsDemo() {
  const settings = useSystemSettings();
  const tenant = useTenant();
  const guestAccess = useGuestAccess();
  return (
    <HookInspector
      title="useSystemSettings(), useTenant(), useGuestAccess()"
      result={{
        useSystemSettings: { status: settings.status, data: settings.data, error: settings.error },
        useTenant: { status: tenant.status, data: tenant.data, error: tenant.error },
        useGuestAccess: guestAccess,
      }}
    />
  );
}

const meta = {
  title: 'Hooks/Session',
  parameters: {
    docs: {
      description: {
        component:
          '`useRecordingSession()`: the session of the surrounding provider, `{ status, user, signIn, signOut, error }`. Signing in exchanges a portal token at the authorization server; every later request carries the content-server token (redacted in the request log). When the user changes, the cache is reset and mounted queries refetch for the new user.',
      },
    },
    usage: `
import { useRecordingSession } from 'react-recording-service';

const { status, user, signIn, signOut, error } = useRecordingSession();
if (status !== 'user') return <button onClick={() => signIn(portalToken, login)}>Sign in</button>;
return <button onClick={signOut}>Sign out {user}</button>;
`,
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Sign in as alice with her portal token, see the list refetch for her, sign out again. */
export const SignInAndOut: Story = {
  render: () => <SessionDemo />,
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const result = () => canvas.getByTestId('hook-result');
    await waitFor(() => expect(result()).toHaveTextContent('"status": "guest"'));
    await step('sign in as alice', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'signIn(portalToken, user)' }));
      await waitFor(() => expect(result()).toHaveTextContent(/"status": "user", "user": "alice"/));
      await waitFor(() =>
        expect(canvas.getByRole('region', { name: 'Request log' })).toHaveTextContent(/authorization/),
      );
    });
    await step('sign out', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'signOut()' }));
      await waitFor(() => expect(result()).toHaveTextContent('"status": "guest"'));
    });
    await expect(canvasElement.innerHTML).not.toContain('portal-alice');
  },
};

/** The server's and the tenant's settings, and whether guests may watch. */
export const Settings: Story = {
  render: () => <SettingsDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('hook-result')).toHaveTextContent('"useGuestAccess": true'));
  },
};
