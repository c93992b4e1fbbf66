import type { Meta, StoryObj } from '@storybook/react-vite';
import { DeleteRecordingButton } from '../components';
import { EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs } from './support';

const meta = {
  title: 'Components/DeleteRecordingButton',
  component: DeleteRecordingButton,
  args: { id: EMULATOR_PROGRAMS.publicRecording },
} satisfies Meta<typeof DeleteRecordingButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Moves alice's recording to the recycle bin after confirmation. */
export const Default: Story = { decorators: [signedInAs('alice')] };

/** Skips the recycle bin. */
export const Permanent: Story = { args: { permanent: true }, decorators: [signedInAs('alice')] };

/** carol may not delete bob's recording: the dialog shows the refusal. */
export const Forbidden: Story = { args: { id: EMULATOR_PROGRAMS.allUsersOfBob }, decorators: [signedInAs('carol')] };
