import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { DeleteRecordingButton, RecycleBin, type DeleteRecordingButtonProps } from '../components';
import { useRecording } from '../hooks';
import { EMULATOR_PROGRAMS } from '../src/testing';
import { signedInAs, storyMessages } from './support';

const meta = {
  title: 'Components/DeleteRecordingButton',
  component: DeleteRecordingButton,
  args: { id: EMULATOR_PROGRAMS.publicRecording },
  parameters: {
    usage: `
import { DeleteRecordingButton } from 'react-recording-service/components';

// Asks for confirmation in a modal dialog; the recording leaves every cached list at once.
<DeleteRecordingButton id={programId} onDeleted={() => navigate('/recordings')} />
<DeleteRecordingButton id={programId} permanent /> // skips the recycle bin
`,
  },
} satisfies Meta<typeof DeleteRecordingButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Moves alice's recording to the recycle bin after confirmation. */
export const Default: Story = { decorators: [signedInAs('alice')] };

/** Skips the recycle bin. */
export const Permanent: Story = { args: { permanent: true }, decorators: [signedInAs('alice')] };

/** carol may not delete bob's recording: the dialog shows the refusal and stays open. */
export const Forbidden: Story = {
  args: { id: EMULATOR_PROGRAMS.allUsersOfBob },
  decorators: [signedInAs('carol')],
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await userEvent.click(await canvas.findByRole('button', { name: labels.delete }));
    const dialog = await canvas.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: labels.delete }));
    await within(dialog).findByRole('alert');
    await userEvent.click(within(dialog).getByRole('button', { name: labels.cancel }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
  },
};

/** The button next to the owner's recycle bin, as an app might place them. */
function DeleteThenRestore(props: DeleteRecordingButtonProps) {
  const { data } = useRecording(props.id);
  return (
    <>
      <p>
        <strong>{data?.name}</strong> <DeleteRecordingButton {...props} />
      </p>
      <RecycleBin ownerId="alice" />
    </>
  );
}

/** alice deletes her recording (confirming in the dialog), finds it in her recycle bin, and restores it. */
export const DeleteAndRestore: Story = {
  decorators: [signedInAs('alice')],
  render: (args) => <DeleteThenRestore {...args} />,
  play: async ({ canvasElement, globals, step }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    const name = (await canvas.findByText((_, element) => element?.tagName === 'STRONG' && !!element.textContent))
      .textContent!;
    await canvas.findAllByRole('button', { name: labels.restore });
    await step('delete, confirming in the dialog', async () => {
      await userEvent.click(canvas.getByRole('button', { name: labels.delete }));
      const dialog = await canvas.findByRole('dialog');
      await userEvent.click(within(dialog).getByRole('button', { name: labels.delete }));
      await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    });
    await step('find it in the recycle bin and restore it', async () => {
      const row = await canvas.findByRole('group', { name });
      await userEvent.click(within(row).getByRole('button', { name: labels.restore }));
      await waitFor(() => expect(canvas.queryByRole('group', { name })).toBeNull());
    });
  },
};
