import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useDeleteRecording, useRecording, useRestoreRecording, useUpdateRecording } from '../../hooks';
import { emulatorParameters } from '../../.storybook/emulator';
import { EMULATOR_PROGRAMS } from '../../src/testing';
import { signedInAs } from '../support';
import { HookInspector } from './Inspector';

const ID = EMULATOR_PROGRAMS.publicRecording;

/** The three write hooks on one of alice's recordings, next to `useRecording` showing the cached program. */
function MutationsDemo() {
  const program = useRecording(ID);
  const update = useUpdateRecording();
  const remove = useDeleteRecording();
  const restore = useRestoreRecording();
  const state = (mutation: { status: string; error: unknown; variables?: unknown }) => ({
    status: mutation.status,
    variables: mutation.variables,
    error: mutation.error,
  });
  return (
    <HookInspector
      title="useUpdateRecording(), useDeleteRecording(), useRestoreRecording()"
      result={{
        [`useRecording('${ID}').data`]: program.data && {
          name: program.data.name,
          deleted: program.data.deleted ?? false,
          description: program.data.description,
        },
        useUpdateRecording: state(update),
        useDeleteRecording: state(remove),
        useRestoreRecording: state(restore),
      }}
    >
      <button
        type="button"
        className="rrs-button"
        onClick={() => update.mutate({ id: ID, changes: { name: `Renamed at ${new Date().toLocaleTimeString()}` } })}
      >
        update.mutate(name)
      </button>
      <button type="button" className="rrs-button" onClick={() => remove.mutate({ id: ID })}>
        delete.mutate(id)
      </button>
      <button type="button" className="rrs-button" onClick={() => restore.mutate(ID)}>
        restore.mutate(id)
      </button>
    </HookInspector>
  );
}

const meta = {
  title: 'Hooks/Mutations',
  decorators: [signedInAs('alice')],
  render: () => <MutationsDemo />,
  parameters: {
    docs: {
      description: {
        component:
          '`useUpdateRecording()` is optimistic: the change shows in every cached copy at once and is rolled back if the server refuses. `useDeleteRecording()` removes the program from cached lists at once (to the recycle bin, or `permanent`), `useRestoreRecording()` brings it back.',
      },
    },
    usage: `
import { useDeleteRecording, useRestoreRecording, useUpdateRecording } from 'react-recording-service';

const update = useUpdateRecording();
update.mutate({ id, changes: { name: 'Q3 all-hands' } });

const remove = useDeleteRecording();
remove.mutate({ id, permanent: false });

const restore = useRestoreRecording();
restore.mutate(id);
`,
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Rename (the cached program changes), delete to the recycle bin, restore. */
export const EditDeleteRestore: Story = {
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const result = () => canvas.getByTestId('hook-result');
    const log = () => canvas.getByRole('region', { name: 'Request log' });
    await waitFor(() => expect(result()).toHaveTextContent('"deleted": false'));
    await step('rename', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'update.mutate(name)' }));
      await waitFor(() => expect(result()).toHaveTextContent(/"name": "Renamed at/));
      await waitFor(() => expect(log()).toHaveTextContent(/PUT/));
    });
    await step('delete to the recycle bin', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'delete.mutate(id)' }));
      await waitFor(() => expect(log()).toHaveTextContent(/DELETE/));
      await waitFor(() => expect(result()).toHaveTextContent(/"useDeleteRecording": \{\s*"status": "success"/));
    });
    await step('restore', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'restore.mutate(id)' }));
      await waitFor(() => expect(result()).toHaveTextContent(/"useRestoreRecording": \{\s*"status": "success"/));
    });
  },
};

/** Saving fails with 503: the new name shows at once, then is rolled back to the server's. */
export const SaveFailsAndRollsBack: Story = {
  parameters: emulatorParameters({
    faults: { rules: [{ kind: 'error', status: 503, method: 'PUT', path: '/api/manager/programs' }] },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const result = () => canvas.getByTestId('hook-result');
    await waitFor(() => expect(result()).toHaveTextContent('"deleted": false'));
    const before = /"name": "([^"]*)"/.exec(result().textContent ?? '')![1]!;
    await userEvent.click(canvas.getByRole('button', { name: 'update.mutate(name)' }));
    await waitFor(() => expect(result()).toHaveTextContent(/"useUpdateRecording": \{\s*"status": "error"/));
    await expect(result()).toHaveTextContent(`"name": "${before}"`);
    await expect(result()).toHaveTextContent('"status": 503');
  },
};
