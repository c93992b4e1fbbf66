import type { Meta, StoryObj } from '@storybook/react-vite';
import { RecordingPlayer } from '../components';
import { emulatorParameters, slowServer } from '../.storybook/emulator';
import { EMULATOR_PROGRAM_PIN, EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs } from './support';

const meta = {
  title: 'Components/RecordingPlayer',
  component: RecordingPlayer,
  args: { id: EMULATOR_PROGRAMS.publicRecording },
} satisfies Meta<typeof RecordingPlayer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A public, downloadable recording: native HLS or hls.js, else MP4; Download with an MD5 check. */
export const Default: Story = {};

/** The MP4 stream only (hls.js not loaded). */
export const FileOnly: Story = { args: { hlsJs: false } };

/** Downloads are off for this recording. */
export const NoDownload: Story = { args: { id: EMULATOR_PROGRAMS.htmlTitle } };

/** A protected recording without its password. */
export const Locked: Story = { args: { id: EMULATOR_PROGRAMS.pinProtected }, decorators: [signedInAs('carol')] };

/** A protected recording with its password. */
export const Unlocked: Story = {
  args: { id: EMULATOR_PROGRAMS.pinProtected, password: EMULATOR_PROGRAM_PIN },
  decorators: [signedInAs('carol')],
};

/** A broadcast that has not started. */
export const NotYetAvailable: Story = { args: { id: EMULATOR_PROGRAMS.liveFuture }, decorators: [signedInAs('admin')] };

/** The server is slow to answer (3 s latency). */
export const Loading: Story = {
  parameters: slowServer(),
};

/** The playback address fails with 503. */
export const Error: Story = {
  parameters: emulatorParameters({ faults: { rules: [{ kind: 'error', status: 503, path: '/url' }] } }),
};
