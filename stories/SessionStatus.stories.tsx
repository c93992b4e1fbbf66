import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { SessionStatus } from '../components';
import { emulatorParameters } from '../.storybook/emulator';
import { signedInAs, storyMessages } from './support';

const meta = {
  title: 'Components/SessionStatus',
  component: SessionStatus,
  args: { defaultLogin: 'alice' },
  parameters: {
    usage: `
import { SessionStatus } from 'react-recording-service/components';

// Inside <RecordingServiceProvider>: a guest sees the sign-in form, a user their name and "Sign out".
<SessionStatus defaultLogin={portalUser.login} />
`,
  },
} satisfies Meta<typeof SessionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A guest: the sign-in form (try login `alice`, portal token `portal-alice`). */
export const Guest: Story = {};

/** Signed in as alice, with the sign-out button. */
export const SignedIn: Story = { decorators: [signedInAs('alice')] };

/** The portal is slow to answer the token exchange: the button says so while it waits. */
export const SigningIn: Story = {
  parameters: emulatorParameters({
    faults: { rules: [{ kind: 'latency', latencyMs: 3000, path: '/ups/resources/authorization' }] },
  }),
};

/** The token exchange fails with 503: the error is shown under the form, which stays ready for another try. */
export const Error: Story = {
  parameters: emulatorParameters({
    faults: { rules: [{ kind: 'error', status: 503, path: '/ups/resources/authorization' }] },
  }),
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await userEvent.type(await canvas.findByLabelText(labels.portalToken), 'portal-alice');
    await userEvent.click(canvas.getByRole('button', { name: labels.signIn }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/503/);
    await expect(canvas.getByRole('button', { name: labels.signIn })).toBeEnabled();
  },
};

/** A guest signs in as alice with her portal token, then signs out again; the token never shows. */
export const SignInAndOut: Story = {
  play: async ({ canvasElement, globals, step }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await step('sign in', async () => {
      const login = await canvas.findByLabelText(labels.loginId);
      await userEvent.clear(login);
      await userEvent.type(login, 'alice');
      await userEvent.type(canvas.getByLabelText(labels.portalToken), 'portal-alice{Enter}');
      await expect(await canvas.findByText(labels.signedInAs('alice'))).toBeVisible();
      await expect(canvasElement.innerHTML).not.toContain('portal-alice');
    });
    await step('sign out', async () => {
      await userEvent.click(canvas.getByRole('button', { name: labels.signOut }));
      await expect(await canvas.findByLabelText(labels.portalToken)).toHaveValue('');
      await expect(canvas.getByText(labels.guest)).toBeVisible();
    });
  },
};
