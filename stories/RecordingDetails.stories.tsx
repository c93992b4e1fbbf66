import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RecordingDetails } from '../components';
import { failingPrograms, slowServer } from '../.storybook/emulator';
import { EMULATOR_PROGRAM_PIN, EMULATOR_PROGRAMS } from '../src/testing';
import { namePattern, signedInAs, storyMessages } from './support';

const meta = {
  title: 'Components/RecordingDetails',
  component: RecordingDetails,
  args: { id: EMULATOR_PROGRAMS.htmlTitle },
  parameters: {
    usage: `
import { RecordingDetails } from 'react-recording-service/components';

// Edit and Delete appear for whoever may do them; a protected recording asks for its password first.
<RecordingDetails id={programId} onUnlocked={(password) => setPassword(password)} onDeleted={() => setProgramId(undefined)} />
`,
  },
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

/** carol unlocks the protected recording with its PIN: the thumbnail appears and the form goes away. */
export const UnlockWithPin: Story = {
  ...Locked,
  play: async ({ canvasElement, globals, step }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await step('a wrong PIN is refused', async () => {
      await userEvent.type(await canvas.findByLabelText(labels.password, { exact: true }), '0000{Enter}');
      await canvas.findByRole('alert');
    });
    await step('the right PIN unlocks', async () => {
      await userEvent.type(canvas.getByLabelText(labels.password, { exact: true }), `${EMULATOR_PROGRAM_PIN}{Enter}`);
      await canvas.findByRole('img', { name: namePattern(labels.thumbnailAlt) });
      await expect(canvas.queryByLabelText(labels.password, { exact: true })).toBeNull();
    });
  },
};

/** alice edits her recording in place: Edit, a new name, Save; the heading shows the new name. */
export const EditAndSave: Story = {
  ...Owner,
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await userEvent.click(await canvas.findByRole('button', { name: labels.edit }));
    const name = await canvas.findByRole('textbox', { name: labels.name });
    await userEvent.clear(name);
    await userEvent.type(name, 'Quarterly all-hands (edited)');
    await userEvent.click(canvas.getByRole('button', { name: labels.save }));
    // Saved: the editor closes and the details show the new name.
    await waitFor(() => expect(canvas.queryByRole('textbox', { name: labels.name })).toBeNull());
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent('Quarterly all-hands (edited)');
  },
};
