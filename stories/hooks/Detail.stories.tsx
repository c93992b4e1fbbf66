import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { usePrefetchRecording, useRecording, useRecordingStatus } from '../../hooks';
import { EMULATOR_PROGRAMS } from '../../src/testing';
import { signedInAs } from '../support';
import { HookInspector, queryView } from './Inspector';

const IDS = [EMULATOR_PROGRAMS.publicRecording, EMULATOR_PROGRAMS.htmlTitle, 'p-002', 'p-missing'];

/** `useRecording(id)`, with `usePrefetchRecording()` on hover and focus of each choice. */
function DetailDemo() {
  const [id, setId] = useState(IDS[0]!);
  const prefetch = usePrefetchRecording();
  const result = useRecording(id);
  return (
    <HookInspector title={`useRecording('${id}')`} result={queryView(result, ['isFetching', 'dataUpdatedAt'])}>
      {IDS.map((choice) => (
        <button
          key={choice}
          type="button"
          className="rrs-button"
          aria-pressed={choice === id}
          onMouseEnter={() => prefetch(choice)}
          onFocus={() => prefetch(choice)}
          onClick={() => setId(choice)}
        >
          {choice}
        </button>
      ))}
    </HookInspector>
  );
}

/** `useRecordingStatus(id)`: polls with backoff until the state is terminal. */
function StatusDemo({ id }: { id: string }) {
  const result = useRecordingStatus(id, { pollIntervalMs: 500 });
  return (
    <HookInspector
      title={`useRecordingStatus('${id}', { pollIntervalMs: 500 })`}
      result={queryView(result, ['dataUpdatedAt'])}
    />
  );
}

const meta = {
  title: 'Hooks/Detail',
  parameters: {
    docs: {
      description: {
        component:
          '`useRecording(id)` reads one program (seeded from list caches while fresh), `usePrefetchRecording()` warms it on hover or focus, `useSuspenseRecording(id)` suspends, and `useRecordingStatus(id)` polls until `COMPLETE` or `FAILED`.',
      },
    },
    usage: `
import { usePrefetchRecording, useRecording, useRecordingStatus } from 'react-recording-service';

const { data: program, error } = useRecording(id);
const prefetch = usePrefetchRecording();
<a onMouseEnter={() => prefetch(id)} href={\`/recordings/\${id}\`}>…</a>
const { data: status } = useRecordingStatus(id); // stops polling at COMPLETE or FAILED
`,
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** alice hovers a choice: it is prefetched it (see the request log); choosing it then shows it at once; a missing id fails. */
export const Detail: Story = {
  decorators: [signedInAs('alice')],
  render: () => <DetailDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const result = () => canvas.getByTestId('hook-result');
    await waitFor(() =>
      expect(canvas.getByTestId('hook-result')).toHaveTextContent(`"id": "${EMULATOR_PROGRAMS.publicRecording}"`),
    );
    const log = () => canvas.getByRole('region', { name: 'Request log' });
    const requestsFor = (id: string) =>
      [...log().querySelectorAll('tr')].filter((row) => row.textContent?.includes(id));
    await userEvent.hover(canvas.getByRole('button', { name: 'p-002' }));
    await waitFor(() => expect(log()).toHaveTextContent(/p-002/));
    await userEvent.click(canvas.getByRole('button', { name: 'p-002' }));
    // The log shows a request once the emulator answered it, a moment before the page has read the answer:
    // the choice shows the prefetched program without asking again.
    await waitFor(() => expect(result()).toHaveTextContent('"id": "p-002"'));
    await expect(requestsFor('p-002')).toHaveLength(1);
    await userEvent.click(canvas.getByRole('button', { name: 'p-missing' }));
    await waitFor(() => expect(result()).toHaveTextContent('"kind": "not-found"'));
  },
};

/** A recording still processing: PENDING, STARTED, then COMPLETE, and polling stops. */
export const Status: Story = {
  decorators: [signedInAs('admin')],
  render: () => <StatusDemo id="p-009" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('hook-result')).toHaveTextContent('COMPLETE'), { timeout: 30_000 });
  },
};
