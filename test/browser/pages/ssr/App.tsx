import {
  HydrationBoundary,
  QueryClientProvider,
  useIsFetching,
  type DehydratedState,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  RecordingServiceProvider,
  useRecordings,
  type RecordingListParams,
  type RecordingServiceConfig,
} from '../../../../hooks/index';

/** What the server hands the browser next to the markup. */
export interface SsrState {
  config: RecordingServiceConfig;
  params: RecordingListParams;
  dehydrated: DehydratedState;
}

function Recordings({ params }: { params: RecordingListParams }) {
  const { data, status } = useRecordings(params);
  return (
    <section aria-label="Recordings" data-testid="list" data-state={status}>
      {data && <p data-testid="total">{data.totalItemCount} recordings</p>}
      <ul>
        {data?.items.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
    </section>
  );
}

/** Shows how many queries are fetching, and marks the page once effects have run (hydration done). */
function Probe() {
  const fetching = useIsFetching();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <output data-testid="probe" data-mounted={mounted ? 'yes' : 'no'}>
      {fetching}
    </output>
  );
}

/** The same tree renders on the server (renderToString) and hydrates in the browser. */
export function App({ queryClient, state }: { queryClient: QueryClient; state: SsrState }) {
  return (
    <QueryClientProvider client={queryClient}>
      <RecordingServiceProvider config={state.config}>
        <HydrationBoundary state={state.dehydrated}>
          <Recordings params={state.params} />
          <Probe />
        </HydrationBoundary>
      </RecordingServiceProvider>
    </QueryClientProvider>
  );
}
