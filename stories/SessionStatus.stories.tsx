import type { Meta, StoryObj } from '@storybook/react-vite';
import { SessionStatus } from '../components';
import { emulatorParameters } from '../.storybook/emulator';
import { signedInAs } from './support';

const meta = {
  title: 'Components/SessionStatus',
  component: SessionStatus,
  args: { defaultLogin: 'alice' },
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
};
