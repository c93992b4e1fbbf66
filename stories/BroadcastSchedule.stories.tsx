import type { Meta, StoryObj } from '@storybook/react-vite';
import { BroadcastSchedule } from '../components';
import { emulatorParameters, slowServer } from '../.storybook/emulator';
import { signedInAs } from './support';

const meta = {
  title: 'Components/BroadcastSchedule',
  component: BroadcastSchedule,
} satisfies Meta<typeof BroadcastSchedule>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A guest: the public broadcasts on air now. */
export const Guest: Story = {};

/** The admin sees every broadcast; starts on "Upcoming". */
export const SignedIn: Story = { args: { initialWhen: 'future' }, decorators: [signedInAs('admin')] };

/** Nothing scheduled. */
export const Empty: Story = { parameters: emulatorParameters({ seed: 'empty' }) };

/** The server is slow to answer (3 s latency). */
export const Loading: Story = {
  parameters: slowServer(),
};

/** The broadcast lists fail with 503. */
export const Error: Story = {
  parameters: emulatorParameters({ faults: { rules: [{ kind: 'error', status: 503, path: '/live' }] } }),
};
