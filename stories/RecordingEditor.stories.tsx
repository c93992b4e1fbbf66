import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RecordingDetails, RecordingEditor } from '../components';
import { emulatorParameters, slowServer } from '../.storybook/emulator';
import { EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs, storyMessages } from './support';

const meta = {
  title: 'Components/RecordingEditor',
  component: RecordingEditor,
  args: { id: EMULATOR_PROGRAMS.publicRecording },
  parameters: {
    usage: `
import { RecordingEditor } from 'react-recording-service/components';

// Sends only the changed fields; the change shows at once everywhere and is rolled back if refused.
<RecordingEditor id={programId} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
`,
  },
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

/** alice renames her recording and saves: "Saved." is announced and the form keeps the new name. */
export const EditAndSave: Story = {
  ...Default,
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    const name = await canvas.findByRole('textbox', { name: labels.name });
    await userEvent.clear(name);
    await userEvent.type(name, 'Renamed in Storybook');
    await userEvent.type(canvas.getByRole('textbox', { name: labels.description }), ' Edited.');
    await userEvent.click(canvas.getByRole('button', { name: labels.save }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(labels.saved));
    await expect(canvas.getByRole('textbox', { name: labels.name })).toHaveValue('Renamed in Storybook');
  },
};

/**
 * The save fails (503): the new name showed at once in the details next to the form (optimistic), and goes
 * back to the server's name when the refusal arrives; the form keeps what was typed, with the error.
 */
export const SaveFailsAndRollsBack: Story = {
  ...SaveError,
  render: (args) => (
    <>
      <RecordingEditor {...args} />
      <RecordingDetails id={args.id} headingLevel={3} />
    </>
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    const heading = await canvas.findByRole('heading', { level: 3 });
    const original = heading.textContent ?? '';
    const name = await canvas.findByRole('textbox', { name: labels.name });
    await userEvent.clear(name);
    await userEvent.type(name, 'A name the server refuses');
    await userEvent.click(canvas.getByRole('button', { name: labels.save }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/503/);
    await waitFor(() => expect(canvas.getByRole('heading', { level: 3 })).toHaveTextContent(original));
    await expect(canvas.getByRole('textbox', { name: labels.name })).toHaveValue('A name the server refuses');
  },
};
