import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RecycleBin } from '../components';
import { emulatorParameters } from '../.storybook/emulator';
import { signedInAs, storyMessages } from './support';

const meta = {
  title: 'Components/RecycleBin',
  component: RecycleBin,
  parameters: {
    usage: `
import { RecycleBin } from 'react-recording-service/components';

// The deleted recordings of one owner (or all, for an admin): restore, or delete for good.
<RecycleBin ownerId={session.user} pageSize={10} />
`,
  },
} satisfies Meta<typeof RecycleBin>;

export default meta;
type Story = StoryObj<typeof meta>;

/** alice's recycle bin: restore or delete for good. */
export const SignedIn: Story = { args: { ownerId: 'alice' }, decorators: [signedInAs('alice')] };

/** The admin sees every deleted recording. */
export const Admin: Story = { decorators: [signedInAs('admin')] };

/** carol has deleted nothing. */
export const Empty: Story = { decorators: [signedInAs('carol')] };

/** Restoring fails with 503: the recording comes back into the bin with the error. */
export const RestoreError: Story = {
  args: { ownerId: 'alice' },
  decorators: [signedInAs('alice')],
  parameters: emulatorParameters({ faults: { rules: [{ kind: 'error', status: 503, method: 'PUT' }] } }),
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    const rows = await canvas.findAllByRole('group');
    const name = rows[0]!.getAttribute('aria-label')!;
    await userEvent.click(within(rows[0]!).getByRole('button', { name: labels.restore }));
    // The row leaves the bin at once, and comes back with the server's refusal next to it.
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(labels.error);
    await expect(alert).toHaveTextContent(/503/);
    const row = canvas.getByRole('group', { name });
    await expect(row).toBeVisible();
    await expect(row.closest('li')).toContainElement(alert);
  },
};

/** The list fails with 503. */
export const Error: Story = {
  decorators: [signedInAs('alice')],
  parameters: emulatorParameters({
    faults: { rules: [{ kind: 'error', status: 503, method: 'GET', path: '/api/manager/programs' }] },
  }),
};

/** alice restores one recording, then deletes another for good (confirming in the dialog). */
export const RestoreAndDeleteForGood: Story = {
  ...SignedIn,
  play: async ({ canvasElement, globals, step }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    const rows = await canvas.findAllByRole('group');
    const [restored, deleted] = rows.map((row) => row.getAttribute('aria-label')!);
    await step(`restore "${restored}"`, async () => {
      await userEvent.click(within(rows[0]!).getByRole('button', { name: labels.restore }));
      await waitFor(() => expect(canvas.queryByRole('group', { name: restored })).toBeNull());
    });
    if (!deleted) return;
    await step(`delete "${deleted}" for good`, async () => {
      const row = canvas.getByRole('group', { name: deleted });
      await userEvent.click(within(row).getByRole('button', { name: labels.deletePermanently }));
      const dialog = await canvas.findByRole('dialog');
      await userEvent.click(within(dialog).getByRole('button', { name: labels.deletePermanently }));
      await waitFor(() => expect(canvas.queryByRole('group', { name: deleted })).toBeNull());
    });
  },
};
