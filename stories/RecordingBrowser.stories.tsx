import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RecordingBrowser } from '../components';
import { emulatorParameters, slowServer, failingPrograms } from '../.storybook/emulator';
import { EMULATOR_PROGRAM_PIN, EMULATOR_PROGRAMS } from '../src/testing';
import { messagePattern, namePattern, signedInAs, storyMessages } from './support';

const meta = {
  title: 'Components/RecordingBrowser',
  component: RecordingBrowser,
  args: { pageSize: 10 },
  parameters: {
    layout: 'fullscreen',
    usage: `
import { RecordingServiceProvider } from 'react-recording-service';
import { RecordingBrowser } from 'react-recording-service/components';
import 'react-recording-service/styles.css';

<RecordingServiceProvider config={{ host: 'recordings.example.com', isSecure: true, tenantId: 'default' }}>
  <RecordingBrowser pageSize={20} onSelect={(program) => console.log(program.id)} />
</RecordingServiceProvider>
`,
  },
} satisfies Meta<typeof RecordingBrowser>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A guest browses the public recordings. */
export const Guest: Story = {};

/** alice browses, with edit and delete on her own recordings. */
export const SignedIn: Story = { decorators: [signedInAs('alice')] };

/** Opened on a protected recording (password 1234). */
export const Locked: Story = {
  args: { initialSelectedId: EMULATOR_PROGRAMS.pinProtected },
  decorators: [signedInAs('carol')],
};

/** The server is slow to answer (3 s latency). */
export const Loading: Story = {
  parameters: slowServer(),
};

/** No recordings. */
export const Empty: Story = { parameters: emulatorParameters({ seed: 'empty' }) };

/** The list fails with 503. */
export const Error: Story = {
  parameters: failingPrograms(),
};

/** 10,000 recordings. */
export const Many: Story = { parameters: emulatorParameters({ seed: 'many' }) };

/** A guest opens the first recording: its name takes the focus, and the real media plays. */
export const SelectAndPlay: Story = {
  play: async ({ canvasElement, globals, step }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await canvas.findByText(messagePattern(labels.pageSummary, 1, undefined, undefined));
    const first = within(canvas.getByRole('list', { name: labels.recordings })).getAllByRole('button')[0]!;
    await step('open the first recording', async () => {
      await userEvent.click(first);
      const heading = await canvas.findByRole('heading', { level: 2, name: /./ });
      await waitFor(() => expect(heading).toHaveFocus());
    });
    await step('play it', async () => {
      const video = await canvas.findByLabelText<HTMLVideoElement>(namePattern(labels.player));
      await waitFor(() => expect(video.readyState).toBeGreaterThanOrEqual(1), { timeout: 30_000 });
      video.muted = true;
      await video.play();
      await waitFor(() => expect(video.currentTime).toBeGreaterThan(0), { timeout: 30_000 });
    });
  },
};

/** carol opens a protected recording with its password (1234); the player appears. */
export const Unlock: Story = {
  ...Locked,
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await userEvent.type(await canvas.findByLabelText(labels.password, { exact: true }), EMULATOR_PROGRAM_PIN);
    await userEvent.click(canvas.getByRole('button', { name: labels.unlock }));
    await waitFor(() => expect(canvas.queryByLabelText(labels.password, { exact: true })).toBeNull());
    await waitFor(() => expect(canvasElement.querySelector('video')).not.toBeNull());
  },
};
