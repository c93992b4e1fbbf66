import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { usePlaybackAddress, useUnlockRecording, useViewReport } from '../../hooks';
import { EMULATOR_PROGRAM_PIN, EMULATOR_PROGRAMS } from '../../src/testing';
import { signedInAs } from '../support';
import { HookInspector, queryView } from './Inspector';

const ID = EMULATOR_PROGRAMS.pinProtected;

/** `useUnlockRecording()` then `usePlaybackAddress(id, { password })`, and `useViewReport(id)`. */
function PlaybackDemo() {
  const unlock = useUnlockRecording();
  const [pin, setPin] = useState('');
  const [password, setPassword] = useState<string>();
  const address = usePlaybackAddress(ID, password ? { password } : {}, { enabled: password !== undefined });
  const report = useViewReport(ID);
  const [reportId, setReportId] = useState<string>();
  return (
    <HookInspector
      title={`useUnlockRecording(), usePlaybackAddress('${ID}', { password }), useViewReport('${ID}')`}
      result={{
        useUnlockRecording: { status: unlock.status, error: unlock.error, data: unlock.data && { id: unlock.data.id } },
        usePlaybackAddress: queryView(address),
        'useViewReport: start() resolved': reportId,
      }}
    >
      <label>
        PIN{' '}
        <input
          className="rrs-input"
          type="password"
          autoComplete="off"
          value={pin}
          onChange={(event) => setPin(event.target.value)}
        />
      </label>
      <button
        type="button"
        className="rrs-button rrs-button--primary"
        onClick={() => unlock.mutate({ id: ID, password: pin }, { onSuccess: () => setPassword(pin) })}
      >
        unlock.mutate({'{ id, password }'})
      </button>
      <button type="button" className="rrs-button" onClick={() => void report.start().then(setReportId)}>
        report.start()
      </button>
      <button type="button" className="rrs-button" onClick={report.end}>
        report.end()
      </button>
    </HookInspector>
  );
}

const meta = {
  title: 'Hooks/Playback',
  decorators: [signedInAs('carol')],
  render: () => <PlaybackDemo />,
  parameters: {
    docs: {
      description: {
        component:
          '`useUnlockRecording()` checks a PIN or password, `usePlaybackAddress(id, { password })` gets the streams and download address (the password is sent, never kept in a key), `useViewReport(id)` reports the start and, once, the end of a view (also on unmount and page hide).',
      },
    },
    usage: `
import { usePlaybackAddress, useUnlockRecording, useViewReport } from 'react-recording-service';

const unlock = useUnlockRecording();
unlock.mutate({ id, password }, { onSuccess: () => setUnlocked(password) });
const { data: address } = usePlaybackAddress(id, { password: unlocked }, { enabled: !!unlocked });
const { start, end } = useViewReport(id);
<video src={address?.streams?.hls} onPlay={() => void start()} onEnded={end} />
`,
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** A wrong PIN is refused; the right one unlocks and the address loads; the view is reported. */
export const UnlockAndPlay: Story = {
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const result = () => canvas.getByTestId('hook-result');
    const unlock = await canvas.findByRole('button', { name: 'unlock.mutate({ id, password })' });
    await step('a wrong PIN', async () => {
      await userEvent.type(canvas.getByLabelText('PIN'), '0000');
      await userEvent.click(unlock);
      await waitFor(() => expect(result()).toHaveTextContent(/"useUnlockRecording": \{\s*"status": "error"/));
    });
    await step('the right PIN', async () => {
      await userEvent.clear(canvas.getByLabelText('PIN'));
      await userEvent.type(canvas.getByLabelText('PIN'), EMULATOR_PROGRAM_PIN);
      await userEvent.click(unlock);
      await waitFor(() => expect(result()).toHaveTextContent(/"usePlaybackAddress": \{\s*"status": "success"/));
      await expect(result()).toHaveTextContent('"streams"');
    });
    await step('report the view', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'report.start()' }));
      await waitFor(() => expect(result()).toHaveTextContent('"useViewReport: start() resolved"'));
      await userEvent.click(canvas.getByRole('button', { name: 'report.end()' }));
    });
    await expect(canvasElement.textContent).not.toContain(`password=${EMULATOR_PROGRAM_PIN}`);
  },
};
