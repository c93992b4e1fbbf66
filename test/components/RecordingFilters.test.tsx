import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RecordingFilters, type RecordingFiltersValue } from '../../components';
import { expectAccessible, renderWithService, setupEmulator } from './harness';

setupEmulator();

function Controlled({
  initial = {},
  onChange,
  debounceMs,
}: {
  initial?: RecordingFiltersValue;
  onChange: (value: RecordingFiltersValue) => void;
  debounceMs?: number;
}) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <RecordingFilters
        value={value}
        debounceMs={debounceMs}
        onChange={(next) => {
          onChange(next);
          setValue(next);
        }}
      />
      <output aria-label="applied">{JSON.stringify(value)}</output>
      <button type="button" onClick={() => setValue({})}>
        reset
      </button>
    </>
  );
}

describe('RecordingFilters', () => {
  it('should offer search, the server categories and the sort orders, accessibly', async () => {
    const { container } = renderWithService(<RecordingFilters value={{}} onChange={() => {}} />);
    expect(screen.getByRole('search', { name: 'Filter recordings' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toBeInTheDocument();
    expect(await screen.findByRole('option', { name: 'Town halls' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Category' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveDisplayValue('Newest first');
    await expectAccessible(container);
  });

  it('should apply the search once typing pauses, as one change', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithService(<Controlled onChange={onChange} debounceMs={20} />);
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'town');
    await waitFor(() => expect(screen.getByLabelText('applied')).toHaveTextContent('{"query":"town"}'));
    expect(onChange).toHaveBeenLastCalledWith({ query: 'town' });
  });

  it('should apply the search at once on Enter and not again after the pause', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithService(<Controlled onChange={onChange} debounceMs={60_000} />);
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), '  town hall {Enter}');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith({ query: 'town hall' });
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('  town hall ');
  });

  it('should change category and order with the keyboard, keeping the other filters', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithService(<Controlled initial={{ query: 'demo' }} onChange={onChange} />);
    await screen.findByRole('option', { name: 'Training' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'Training');
    expect(onChange).toHaveBeenLastCalledWith({ query: 'demo', category: 'c-training' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Most viewed');
    expect(onChange).toHaveBeenLastCalledWith({ query: 'demo', category: 'c-training', orderBy: '-viewCount' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'All categories');
    expect(onChange).toHaveBeenLastCalledWith({ query: 'demo', orderBy: '-viewCount' });
  });

  it('should show a new value from outside in the search box', async () => {
    const user = userEvent.setup();
    renderWithService(<Controlled initial={{ query: 'demo' }} onChange={() => {}} />);
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('demo');
    await user.click(screen.getByRole('button', { name: 'reset' }));
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });
});
