import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RecordingPlayer } from '../components';
import { emulatorParameters, slowServer } from '../.storybook/emulator';
import { EMULATOR_PROGRAM_PIN, EMULATOR_PROGRAMS } from '../src/testing';
import { namePattern, signedInAs, storyMessages } from './support';

const meta = {
  title: 'Components/RecordingPlayer',
  component: RecordingPlayer,
  args: { id: EMULATOR_PROGRAMS.publicRecording },
  parameters: {
    usage: `
import { RecordingPlayer } from 'react-recording-service/components';

// Native HLS, else hls.js (loaded on demand), else the MP4; reports the view; Download checks the MD5.
<RecordingPlayer id={programId} />
<RecordingPlayer id={programId} password={unlockedPassword} hlsJs={false} />
`,
  },
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

/** The real media plays (muted, as a browser allows without a gesture) and reports the view to the server. */
export const Play: Story = {
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    const video = await canvas.findByLabelText<HTMLVideoElement>(namePattern(labels.player));
    await waitFor(() => expect(video.readyState).toBeGreaterThanOrEqual(1), { timeout: 30_000 });
    video.muted = true;
    await video.play();
    await waitFor(() => expect(video.currentTime).toBeGreaterThan(0), { timeout: 30_000 });
    video.pause();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** Downloading the file: progress, then "Download verified" (the MD5 matched) and a link to save it. */
export const Download: Story = {
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await userEvent.click(await canvas.findByRole('button', { name: labels.download }));
    await waitFor(
      () => expect(canvas.getAllByRole('status').some((s) => s.textContent === labels.downloadVerified)).toBe(true),
      {
        timeout: 30_000,
      },
    );
    await expect(canvas.getByRole('link', { name: labels.saveFile })).toHaveAttribute('href');
  },
};
