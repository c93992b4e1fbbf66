import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  useBroadcasts,
  useCategories,
  useInfiniteRecordings,
  useRecordingsByCategory,
  useRecordingsByPublisher,
  type BroadcastWhen,
} from '../../hooks';
import { emulatorParameters } from '../../.storybook/emulator';
import { HookInspector } from './Inspector';

/** `useInfiniteRecordings`: all pages so far, and the next one on demand. */
function InfiniteDemo({ count }: { count: number }) {
  const result = useInfiniteRecordings({ count });
  const { data, status, error, hasNextPage, isFetchingNextPage, fetchNextPage } = result;
  return (
    <HookInspector
      title={`useInfiniteRecordings({ count: ${count} })`}
      result={{
        status,
        hasNextPage,
        isFetchingNextPage,
        totalItemCount: data?.pages[0]?.totalItemCount,
        pageParams: data?.pageParams,
        pages: data?.pages.map((page) => page.items.map((program) => `${program.id} ${program.name ?? ''}`)),
        error,
      }}
    >
      <button
        type="button"
        className="rrs-button"
        disabled={!hasNextPage || isFetchingNextPage}
        onClick={() => void fetchNextPage()}
      >
        fetchNextPage()
      </button>
    </HookInspector>
  );
}

/** `useCategories` feeding `useRecordingsByCategory`, and `useRecordingsByPublisher`. */
function CatalogDemo() {
  const categories = useCategories();
  const [categoryId, setCategoryId] = useState('c-general');
  const byCategory = useRecordingsByCategory(categoryId, { count: 5 });
  const byPublisher = useRecordingsByPublisher('alice', { count: 5 });
  return (
    <HookInspector
      title={`useCategories(), useRecordingsByCategory('${categoryId}', { count: 5 }), useRecordingsByPublisher('alice', { count: 5 })`}
      result={{
        useCategories: { status: categories.status, data: categories.data?.map((c) => `${c.id} ${c.name ?? ''}`) },
        useRecordingsByCategory: {
          status: byCategory.status,
          totalItemCount: byCategory.data?.totalItemCount,
          items: byCategory.data?.items.map((program) => `${program.id} ${program.name ?? ''}`),
          error: byCategory.error,
        },
        useRecordingsByPublisher: {
          status: byPublisher.status,
          totalItemCount: byPublisher.data?.totalItemCount,
          items: byPublisher.data?.items.map((program) => `${program.id} ${program.name ?? ''}`),
        },
      }}
    >
      <label>
        Category{' '}
        <select className="rrs-select" value={categoryId} onChange={(event) => setCategoryId(event.target.value)}>
          {(categories.data ?? [{ id: 'c-general', name: 'General' }]).map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </label>
    </HookInspector>
  );
}

const WHEN: BroadcastWhen[] = ['now', 'today', 'future', 'all'];

/** `useBroadcasts(when)`: live broadcasts; "now" refetches every 30 s. */
function BroadcastsDemo() {
  const [when, setWhen] = useState<BroadcastWhen>('now');
  const { status, data, error, dataUpdatedAt } = useBroadcasts(when, { count: 10 });
  return (
    <HookInspector
      title={`useBroadcasts('${when}', { count: 10 })`}
      result={{
        status,
        dataUpdatedAt: dataUpdatedAt ? new Date(dataUpdatedAt) : undefined,
        totalItemCount: data?.totalItemCount,
        items: data?.items.map((program) => `${program.id} ${program.name ?? ''} ${program.started ? '(on air)' : ''}`),
        error,
      }}
    >
      <label>
        when{' '}
        <select className="rrs-select" value={when} onChange={(event) => setWhen(event.target.value as BroadcastWhen)}>
          {WHEN.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
    </HookInspector>
  );
}

const meta = {
  title: 'Hooks/Lists',
  parameters: {
    docs: {
      description: {
        component:
          'The list hooks: `useRecordings` (one page, see Hooks/useRecordings), `useInfiniteRecordings`, `useSuspenseRecordings`, `useRecordingsByCategory`, `useRecordingsByPublisher`, `useBroadcasts`, `useCategories`, `useTemplates`. Each story shows the live result, the requests it sent to the emulator, and the query cache.',
      },
    },
    usage: `
import { useInfiniteRecordings, useRecordingsByCategory, useBroadcasts } from 'react-recording-service';

const { data, fetchNextPage, hasNextPage } = useInfiniteRecordings({ count: 50 });
const programs = data?.pages.flatMap((page) => page.items) ?? [];

const training = useRecordingsByCategory('c-training', { count: 20 });
const onAir = useBroadcasts('now'); // refetched every 30 s while mounted
`,
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** `useInfiniteRecordings` over 10,000 programs: each click fetches one more page of 5. */
export const Infinite: Story = {
  parameters: emulatorParameters({ seed: 'many' }),
  render: () => <InfiniteDemo count={5} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const next = await canvas.findByRole('button', { name: 'fetchNextPage()' });
    await waitFor(() => expect(next).toBeEnabled());
    await userEvent.click(next);
    await waitFor(() => expect(canvas.getByTestId('hook-result')).toHaveTextContent('"pageParams": [ 0, 5 ]'));
    await expect(canvas.getByRole('region', { name: 'Request log' })).toHaveTextContent(/offset=5/);
  },
};

/** The category list and the recordings of the chosen category and of one publisher. */
export const Catalog: Story = {
  render: () => <CatalogDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('hook-result')).toHaveTextContent('c-training'));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Category' }), 'c-training');
    await waitFor(() =>
      expect(canvas.getByRole('region', { name: 'Request log' })).toHaveTextContent(/category\/c-training/),
    );
  },
};

/** Broadcasts on air now, today, upcoming, all. */
export const Broadcasts: Story = {
  render: () => <BroadcastsDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('hook-result')).toHaveTextContent('"status": "success"'));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'when' }), 'future');
    await waitFor(() => expect(canvas.getByRole('region', { name: 'Request log' })).toHaveTextContent(/live\/future/));
  },
};
