import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RecordingList, type RecordingListProps } from '../components';
import { emulatorParameters, slowServer, failingPrograms } from '../.storybook/emulator';
import { messagePattern, signedInAs, storyMessages } from './support';

/** The list with a selection kept in state, as an app would. */
function SelectableList(props: RecordingListProps) {
  const [selected, setSelected] = useState<string>();
  return <RecordingList {...props} selectedId={selected} onSelect={(program) => setSelected(program.id)} />;
}

const meta = {
  title: 'Components/RecordingList',
  component: RecordingList,
  render: (args) => <SelectableList {...args} />,
  args: { pageSize: 10 },
  parameters: {
    usage: `
import { RecordingList } from 'react-recording-service/components';

const [selected, setSelected] = useState<string>();
<RecordingList
  params={{ query: 'town hall' }}
  pageSize={20}
  paging="pages" // or "more": one growing, virtualized list with "Load more"
  selectedId={selected}
  onSelect={(program) => setSelected(program.id)}
/>
`,
  },
} satisfies Meta<typeof RecordingList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A guest sees the public recordings of the default seed. */
export const Guest: Story = {};

/** Signed in as carol: every recording she may watch. */
export const SignedIn: Story = { decorators: [signedInAs('carol')] };

/** The server is slow to answer (3 s latency). */
export const Loading: Story = {
  parameters: slowServer(),
};

/** No recordings on the server. */
export const Empty: Story = { parameters: emulatorParameters({ seed: 'empty' }) };

/** Every list request fails with 503 (retried twice, then shown with a retry button). */
export const Error: Story = {
  parameters: failingPrograms(),
};

/** 10,000 recordings, paged. */
export const Many: Story = { parameters: emulatorParameters({ seed: 'many' }) };

/** 10,000 recordings, appended with "Load more". */
export const LoadMore: Story = {
  args: { paging: 'more' },
  parameters: emulatorParameters({ seed: 'many' }),
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await canvas.findByText(messagePattern(labels.pageSummary, 1, 10, undefined));
    await userEvent.click(canvas.getByRole('button', { name: labels.loadMore }));
    await canvas.findByText(messagePattern(labels.pageSummary, 1, 20, undefined));
  },
};

/** Selecting a recording (mouse, then arrow keys) and paging forward and back with the pager. */
export const SelectAndPage: Story = {
  parameters: emulatorParameters({ seed: 'many' }),
  play: async ({ canvasElement, globals, step }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    await canvas.findByText(messagePattern(labels.pageSummary, 1, 10, undefined));
    const list = canvas.getByRole('list', { name: labels.recordings });
    await step('select with the mouse and move with the arrows', async () => {
      const [first, second] = within(list).getAllByRole('button');
      await userEvent.click(first!);
      await waitFor(() => expect(first).toHaveAttribute('aria-current', 'true'));
      await userEvent.keyboard('{ArrowDown}');
      await expect(second).toHaveFocus();
    });
    await step('page forward and back', async () => {
      await userEvent.click(canvas.getByRole('button', { name: labels.nextPage }));
      await canvas.findByText(messagePattern(labels.pageSummary, 11, 20, undefined));
      await userEvent.click(canvas.getByRole('button', { name: labels.previousPage }));
      await canvas.findByText(messagePattern(labels.pageSummary, 1, 10, undefined));
    });
  },
};
