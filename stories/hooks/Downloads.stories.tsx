import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useDownloadRecording } from '../../hooks';
import { emulatorParameters } from '../../.storybook/emulator';
import { EMULATOR_PROGRAMS } from '../../src/testing';
import { HookInspector } from './Inspector';

const ID = EMULATOR_PROGRAMS.publicRecording;

/** `useDownloadRecording()`: progress, cancel, the MD5 check, and the hand-off of files too large for memory. */
function DownloadDemo({ id, maxInMemoryBytes }: { id: string; maxInMemoryBytes?: number }) {
  const { download, cancel, progress, bytes, verified, unverifiedReason, url, status, error } = useDownloadRecording(
    maxInMemoryBytes === undefined ? {} : { maxInMemoryBytes },
  );
  const shownUrl =
    url === undefined ? undefined : url.startsWith('blob:') ? 'blob:…' : 'the delivery node (browser download)';
  return (
    <HookInspector
      title={
        maxInMemoryBytes === undefined
          ? 'useDownloadRecording()'
          : `useDownloadRecording({ maxInMemoryBytes: ${maxInMemoryBytes} })`
      }
      result={{ status, progress, bytes, verified, unverifiedReason, url: shownUrl, error }}
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

/**
 * A file over the in-memory limit (here 1,024 bytes; 512 MiB by default) is handed to the browser as a link with
 * `download`, unchecked: `verified` stays undefined and `unverifiedReason` says why.
 */
export const TooLargeForMemory: Story = {
  render: () => <DownloadDemo id={ID} maxInMemoryBytes={1024} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const result = () => canvas.getByTestId('hook-result');
    await userEvent.click(canvas.getByRole('button', { name: 'download(id)' }));
    await waitFor(() => expect(result()).toHaveTextContent('"unverifiedReason": "too-large"'), { timeout: 30_000 });
    await expect(result()).toHaveTextContent('the delivery node (browser download)');
    await expect(result()).not.toHaveTextContent('"verified"');
  },
};
