import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useDownloadRecording } from '../../hooks';
import { emulatorParameters } from '../../.storybook/emulator';
import { EMULATOR_PROGRAMS } from '../../src/testing';
import { HookInspector } from './Inspector';

const ID = EMULATOR_PROGRAMS.publicRecording;

/** `useDownloadRecording()`: progress, cancel, and the MD5 check. */
function DownloadDemo({ id }: { id: string }) {
  const { download, cancel, progress, bytes, verified, url, status, error } = useDownloadRecording();
  return (
    <HookInspector
      title="useDownloadRecording()"
      result={{ status, progress, bytes, verified, url: url ? 'blob:…' : undefined, error }}
    >
      <button type="button" className="rrs-button rrs-button--primary" onClick={() => download(id)}>
        download(id)
      </button>
      <button type="button" className="rrs-button" onClick={cancel}>
        cancel()
      </button>
    </HookInspector>
  );
}

const meta = {
  title: 'Hooks/Downloads',
  render: () => <DownloadDemo id={ID} />,
  parameters: {
    docs: {
      description: {
        component:
          "`useDownloadRecording()` downloads a program's media file with progress and cancellation, and checks its MD5 against the program's `md5Hash` while the bytes stream in.",
      },
    },
    usage: `
import { useDownloadRecording } from 'react-recording-service';

const { download, progress, verified, url, cancel } = useDownloadRecording();
<button onClick={() => download(id)}>Download</button>
{url && <a href={url} download>Save ({verified ? 'verified' : 'unchecked'})</a>}
`,
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Download a recording: progress to 1, and `verified: true`. */
export const Verified: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const result = () => canvas.getByTestId('hook-result');
    await userEvent.click(canvas.getByRole('button', { name: 'download(id)' }));
    await waitFor(() => expect(result()).toHaveTextContent('"verified": true'), { timeout: 30_000 });
    await expect(result()).toHaveTextContent('"progress": 1');
  },
};

/** A slow server: cancel the download while it runs; it ends with an `aborted` error. */
export const Cancelled: Story = {
  parameters: emulatorParameters({ faults: { rules: [{ kind: 'latency', latencyMs: 3000 }] } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const result = () => canvas.getByTestId('hook-result');
    await userEvent.click(canvas.getByRole('button', { name: 'download(id)' }));
    await waitFor(() => expect(result()).toHaveTextContent('"status": "pending"'));
    await userEvent.click(canvas.getByRole('button', { name: 'cancel()' }));
    await waitFor(() => expect(result()).toHaveTextContent('"kind": "aborted"'), { timeout: 30_000 });
  },
};
