import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { RecordingFilters, RecordingList, type RecordingFiltersValue } from '../components';
import { emulatorParameters } from '../.storybook/emulator';
import { messagePattern, storyMessages } from './support';

/** The filters driving a list, as an app wires them. */
function FilteredList({ initial = {} }: { initial?: RecordingFiltersValue }) {
  const [filters, setFilters] = useState(initial);
  return (
    <>
      <RecordingFilters value={filters} onChange={setFilters} />
      <RecordingList params={filters} />
    </>
  );
}

const meta = {
  title: 'Components/RecordingFilters',
  component: RecordingFilters,
  args: { value: {}, onChange: fn() },
  // Shown driving a RecordingList; the filters' own value lives in the story.
  render: (args) => <FilteredList initial={args.value} />,
  parameters: {
    usage: `
import { RecordingFilters, RecordingList, type RecordingFiltersValue } from 'react-recording-service/components';

const [filters, setFilters] = useState<RecordingFiltersValue>({});
<RecordingFilters value={filters} onChange={setFilters} debounceMs={300} />
<RecordingList params={filters} />
`,
  },
} satisfies Meta<typeof RecordingFilters>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No filters yet. */
export const Default: Story = {};

/** Filtered from the start: "all-hands", most viewed first. */
export const Filtered: Story = { args: { value: { query: 'all-hands', orderBy: '-viewCount' } } };

/** The categories cannot be loaded: the category select offers "All categories" only. */
export const CategoriesError: Story = {
  parameters: emulatorParameters({
    faults: { rules: [{ kind: 'error', status: 503, path: '/api/manager/categories' }] },
  }),
};

/** 10,000 recordings to search through. */
export const Many: Story = { parameters: emulatorParameters({ seed: 'many' }) };

/** Typing a search narrows the list (debounced) to matching recordings; clearing it brings them all back. */
export const Search: Story = {
  play: async ({ canvasElement, globals, step }) => {
    const canvas = within(canvasElement);
    const labels = storyMessages({ globals });
    const summary = messagePattern(labels.pageSummary, 1, undefined, undefined);
    const total = () =>
      Number(/([\d.,\s\u202f]+)\D*$/.exec(canvas.getByText(summary).textContent ?? '')![1]!.replace(/\D/g, ''));
    await canvas.findByText(summary);
    const before = total();
    const search = canvas.getByRole('searchbox', { name: labels.search });
    await step('search for "all-hands"', async () => {
      await userEvent.type(search, 'all-hands');
      await waitFor(() => expect(total()).toBeLessThan(before));
      const list = canvas.getByRole('list', { name: labels.recordings });
      const rows = await within(list).findAllByRole('listitem');
      rows.forEach((row) => expect(row).toHaveTextContent(/all-hands/i));
    });
    await step('clear the search', async () => {
      await userEvent.clear(search);
      await waitFor(() => expect(total()).toBe(before));
    });
  },
};
