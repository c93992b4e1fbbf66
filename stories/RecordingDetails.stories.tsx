import type { Meta, StoryObj } from '@storybook/react-vite';
import { RecordingDetails } from '../components';
import { failingPrograms, slowServer } from '../.storybook/emulator';
import { EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs } from './support';

const meta = {
  title: 'Components/RecordingDetails',
  component: RecordingDetails,
  args: { id: EMULATOR_PROGRAMS.htmlTitle },
} satisfies Meta<typeof RecordingDetails>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A public recording seen by a guest; its HTML-looking title stays text. */
export const Guest: Story = {};

/** The owner (alice): Edit and Delete are offered. */
export const Owner: Story = { args: { id: EMULATOR_PROGRAMS.publicRecording }, decorators: [signedInAs('alice')] };

/** A password-protected recording (password 1234): the unlock form. */
export const Locked: Story = { args: { id: EMULATOR_PROGRAMS.pinProtected }, decorators: [signedInAs('carol')] };

/** The server is slow to answer (3 s latency). */
export const Loading: Story = {
  parameters: slowServer(),
};

/** No such recording. */
export const NotFound: Story = { args: { id: 'p-missing' } };

/** The server fails with 503 (retried twice, then shown with a retry button). */
export const Error: Story = {
  parameters: failingPrograms(),
};
