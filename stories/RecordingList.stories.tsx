import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { RecordingList, type RecordingListProps } from '../components';
import { emulatorParameters, slowServer, failingPrograms } from '../.storybook/emulator';
import { signedInAs } from './support';

/** The list with a selection kept in state, as an app would. */
function SelectableList(props: RecordingListProps) {
  const [selected, setSelected] = useState<string>();
  return <RecordingList {...props} selectedId={selected} onSelect={(program) => setSelected(program.id)} />;
}

const meta = {
  title: 'Components/RecordingList',
  component: SelectableList,
  args: { pageSize: 10 },
} satisfies Meta<typeof SelectableList>;

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
export const LoadMore: Story = { args: { paging: 'more' }, parameters: emulatorParameters({ seed: 'many' }) };
