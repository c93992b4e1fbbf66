import type { Meta, StoryObj } from '@storybook/react-vite';
import { RecordingEditor } from '../components';
import { emulatorParameters, slowServer } from '../.storybook/emulator';
import { EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs } from './support';

const meta = {
  title: 'Components/RecordingEditor',
  component: RecordingEditor,
  args: { id: EMULATOR_PROGRAMS.publicRecording },
} satisfies Meta<typeof RecordingEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The owner edits her recording. Clear the name and save to see a validation message. */
export const Default: Story = { decorators: [signedInAs('alice')] };

/** carol may not edit bob's recording: saving shows the server's refusal. */
export const Forbidden: Story = { args: { id: EMULATOR_PROGRAMS.allUsersOfBob }, decorators: [signedInAs('carol')] };

/** Saving fails with 503. */
export const SaveError: Story = {
  decorators: [signedInAs('alice')],
  parameters: emulatorParameters({
    faults: { rules: [{ kind: 'error', status: 503, method: 'PUT', path: '/api/manager/programs' }] },
  }),
};

/** The server is slow to answer (3 s latency). */
export const Loading: Story = {
  decorators: [signedInAs('alice')],
  parameters: slowServer(),
};
