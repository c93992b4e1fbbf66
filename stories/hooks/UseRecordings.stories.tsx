import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useRecordings, type RecordingListParams } from '../../hooks';
import { emulatorParameters, slowServer, failingPrograms } from '../../.storybook/emulator';

/** A minimal page built on `useRecordings`: search, one page of results, paging. */
function RecordingsDemo({ pageSize = 10 }: { pageSize?: number }) {
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const params: RecordingListParams = { offset, count: pageSize, ...(query ? { query } : {}) };
  const { data, error, isPending, isFetching } = useRecordings(params, { placeholderData: (previous) => previous });

  return (
    <section aria-label="Recordings" style={{ fontFamily: 'var(--rrs-font-family)' }}>
      <label>
        Search{' '}
        <input
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOffset(0);
          }}
        />
      </label>
      {isPending ? (
        <p role="status">Loading recordings…</p>
      ) : error ? (
        <p role="alert">
          {error.message}
          {error.hint ? ` ${error.hint}` : ''}
        </p>
      ) : data.items.length === 0 ? (
        <p>No recordings.</p>
      ) : (
        <>
          <p aria-live="polite">
            {offset + 1}–{offset + data.items.length} of {data.totalItemCount}
            {isFetching ? ' (updating)' : ''}
          </p>
          <ul>
            {data.items.map((program) => (
              <li key={program.id}>
                {/* Names are text: a title that looks like HTML stays text. */}
                <strong>{program.name}</strong> — {program.ownerDisplayName ?? program.owner}
              </li>
            ))}
          </ul>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
            Previous
          </button>{' '}
          <button
            type="button"
            disabled={offset + pageSize >= data.totalItemCount}
            onClick={() => setOffset(offset + pageSize)}
          >
            Next
          </button>
        </>
      )}
    </section>
  );
}

const meta = {
  title: 'Hooks/useRecordings',
  component: RecordingsDemo,
  args: { pageSize: 10 },
} satisfies Meta<typeof RecordingsDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The default seed as a guest: public programs only. */
export const Guest: Story = {};

/** The server is slow to answer (3 s latency). */
export const Loading: Story = {
  parameters: slowServer(),
};

/** No programs on the server. */
export const Empty: Story = { parameters: emulatorParameters({ seed: 'empty' }) };

/** Every list request fails with 503 (retried twice, then shown). */
export const Error: Story = {
  parameters: failingPrograms(),
};

/** 10,000 programs, paged. */
export const Many: Story = { parameters: emulatorParameters({ seed: 'many' }) };

/** Searching resets to the first page; Next and Previous move through the results. */
export const SearchAndPage: Story = {
  parameters: emulatorParameters({ seed: 'many' }),
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/^1–10 of \d+$/);
    await step('page forward and back', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
      await canvas.findByText(/^11–20 of \d+$/);
      await userEvent.click(canvas.getByRole('button', { name: 'Previous' }));
      await canvas.findByText(/^1–10 of \d+$/);
    });
    await step('search', async () => {
      const total = Number(/of (\d+)/.exec(canvas.getByText(/^1–10 of \d+$/).textContent ?? '')![1]);
      await userEvent.type(canvas.getByRole('searchbox', { name: 'Search' }), 'town hall');
      await waitFor(() => {
        const shown = /^1–\d+ of (\d+)$/.exec(canvas.getByText(/^1–\d+ of \d+$/).textContent ?? '');
        expect(Number(shown?.[1])).toBeLessThan(total);
      });
      within(canvas.getByRole('list'))
        .getAllByRole('listitem')
        .forEach((item) => expect(item).toHaveTextContent(/town hall/i));
    });
  },
};
