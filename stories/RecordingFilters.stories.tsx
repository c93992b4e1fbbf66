import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { RecordingFilters, RecordingList, type RecordingFiltersValue } from '../components';
import { emulatorParameters } from '../.storybook/emulator';

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
  component: FilteredList,
} satisfies Meta<typeof FilteredList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No filters yet. */
export const Default: Story = {};

/** Filtered from the start: "all-hands", most viewed first. */
export const Filtered: Story = { args: { initial: { query: 'all-hands', orderBy: '-viewCount' } } };

/** The categories cannot be loaded: the category select offers "All categories" only. */
export const CategoriesError: Story = {
  parameters: emulatorParameters({
    faults: { rules: [{ kind: 'error', status: 503, path: '/api/manager/categories' }] },
  }),
};

/** 10,000 recordings to search through. */
export const Many: Story = { parameters: emulatorParameters({ seed: 'many' }) };
