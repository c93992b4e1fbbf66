import type { Meta, StoryObj } from '@storybook/react-vite';
import { RecycleBin } from '../components';
import { emulatorParameters } from '../.storybook/emulator';
import { signedInAs } from './support';

const meta = {
  title: 'Components/RecycleBin',
  component: RecycleBin,
} satisfies Meta<typeof RecycleBin>;

export default meta;
type Story = StoryObj<typeof meta>;

/** alice's recycle bin: restore or delete for good. */
export const SignedIn: Story = { args: { ownerId: 'alice' }, decorators: [signedInAs('alice')] };

/** The admin sees every deleted recording. */
export const Admin: Story = { decorators: [signedInAs('admin')] };

/** carol has deleted nothing. */
export const Empty: Story = { decorators: [signedInAs('carol')] };

/** Restoring fails with 503: the recording comes back into the bin with the error. */
export const RestoreError: Story = {
  args: { ownerId: 'alice' },
  decorators: [signedInAs('alice')],
  parameters: emulatorParameters({ faults: { rules: [{ kind: 'error', status: 503, method: 'PUT' }] } }),
};

/** The list fails with 503. */
export const Error: Story = {
  decorators: [signedInAs('alice')],
  parameters: emulatorParameters({
    faults: { rules: [{ kind: 'error', status: 503, method: 'GET', path: '/api/manager/programs' }] },
  }),
};
